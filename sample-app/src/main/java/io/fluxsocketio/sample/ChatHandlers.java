package io.fluxsocketio.sample;

import io.fluxsocketio.socketio.SocketIoEvent;
import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.socketio.SocketIoSocket;

import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Chat with nicknames and rooms: {@code join} picks both, {@code chat} sends a line to the room. */
@Component
class ChatHandlers implements SmartInitializingSingleton {

    private static final int MAX_TEXT = 500;

    private static final String NICK = "nick";

    private static final String ROOM = "room";

    private final SocketIoServer server;

    ChatHandlers(SocketIoServer server) {
        this.server = server;
    }

    @Override
    public void afterSingletonsInstantiated() {
        this.server.onConnection(socket -> {
            socket.on("join", event -> join(socket, event));
            socket.on("chat", event -> chat(socket, event));
            socket.onDisconnect(reason -> announce(socket, "left"));
        });
    }

    private void join(SocketIoSocket socket, SocketIoEvent event) {
        String nick = clean(event.arg(0, String.class), "anonymous", 24);
        String room = clean(event.arg(1, String.class), "lobby", 24);
        if (socket.data().containsKey(ROOM)) {
            announce(socket, "left");
            socket.leave((String) socket.data().get(ROOM));
        }
        socket.data().put(NICK, nick);
        socket.data().put(ROOM, room);
        socket.join(room);
        announce(socket, "joined");
        event.ack(Map.of("nick", nick, "room", room));
    }

    private void chat(SocketIoSocket socket, SocketIoEvent event) {
        String text = event.arg(0, String.class);
        String room = (String) socket.data().get(ROOM);
        if (room == null || text == null || text.isBlank() || text.length() > MAX_TEXT) {
            event.ack(Map.of("error", "join a room first, and send 1 to " + MAX_TEXT + " characters"));
            return;
        }
        this.server.to(room).emit("chat", new ChatMessage((String) socket.data().get(NICK), text, Instant.now()));
        event.ack("ok");
    }

    private void announce(SocketIoSocket socket, String what) {
        Object room = socket.data().get(ROOM);
        if (room != null) {
            socket.to((String) room).emit("system", socket.data().get(NICK) + " " + what + " " + room);
        }
    }

    private static String clean(String value, String fallback, int maxLength) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String trimmed = value.strip();
        return trimmed.length() > maxLength ? trimmed.substring(0, maxLength) : trimmed;
    }
}
