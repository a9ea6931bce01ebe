package io.fluxsocketio.sample;

import io.fluxsocketio.handler.annotation.OnDisconnect;
import io.fluxsocketio.handler.annotation.OnError;
import io.fluxsocketio.handler.annotation.OnEvent;
import io.fluxsocketio.handler.annotation.SocketIoController;
import io.fluxsocketio.handler.invocation.PayloadValidationException;
import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.socketio.SocketIoSocket;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Chat with nicknames and rooms: {@code join} picks both, {@code chat} sends a line to the room. */
@SocketIoController
class ChatController {

    private static final String NICK = "nick";

    private static final String ROOM = "room";

    private final SocketIoServer server;

    ChatController(SocketIoServer server) {
        this.server = server;
    }

    /** What a client sends to join; blank fields fall back to defaults. */
    record Join(@Size(max = 24) String nick, @Size(max = 24) String room) {
    }

    /** A line of chat as the client sends it. */
    record Line(@NotBlank @Size(max = 500) String text) {
    }

    @OnEvent("join")
    Map<String, String> join(SocketIoSocket socket, @Valid Join join) {
        String nick = orDefault(join.nick(), "anonymous");
        String room = orDefault(join.room(), "lobby");
        if (socket.data().containsKey(ROOM)) {
            announce(socket, "left");
            socket.leave((String) socket.data().get(ROOM));
        }
        socket.data().put(NICK, nick);
        socket.data().put(ROOM, room);
        socket.join(room);
        announce(socket, "joined");
        return Map.of("nick", nick, "room", room);
    }

    @OnEvent("chat")
    String chat(SocketIoSocket socket, @Valid Line line) {
        String room = (String) socket.data().get(ROOM);
        if (room == null) {
            throw new IllegalStateException("join a room first");
        }
        this.server.to(room).emit("chat", new ChatMessage((String) socket.data().get(NICK), line.text(), Instant.now()));
        return "ok";
    }

    @OnDisconnect
    void left(SocketIoSocket socket) {
        announce(socket, "left");
    }

    @OnError
    Map<String, Object> invalid(PayloadValidationException error) {
        return Map.of("error", "invalid " + error.getViolations().get(0).field() + ": "
                + error.getViolations().get(0).message());
    }

    @OnError
    Map<String, Object> refused(IllegalStateException error) {
        return Map.of("error", error.getMessage());
    }

    private void announce(SocketIoSocket socket, String what) {
        Object room = socket.data().get(ROOM);
        if (room != null) {
            socket.to((String) room).emit("system", socket.data().get(NICK) + " " + what + " " + room);
        }
    }

    private static String orDefault(String value, String fallback) {
        return (value == null || value.isBlank()) ? fallback : value.strip();
    }
}
