package io.fluxsocketio.docs;

import io.fluxsocketio.handler.annotation.Auth;
import io.fluxsocketio.handler.annotation.EventName;
import io.fluxsocketio.handler.annotation.OnAnyEvent;
import io.fluxsocketio.handler.annotation.OnConnect;
import io.fluxsocketio.handler.annotation.OnDisconnect;
import io.fluxsocketio.handler.annotation.OnError;
import io.fluxsocketio.handler.annotation.OnEvent;
import io.fluxsocketio.handler.annotation.SocketIoController;
import io.fluxsocketio.socketio.Acknowledgement;
import io.fluxsocketio.socketio.DisconnectReason;
import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.socketio.SocketIoSocket;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The controller shown in README.md, compiled so that the README cannot drift from the API. Keep the two in step;
 * ReadmeExampleTests checks that they are.
 */
class ReadmeController {

    record Credentials(String token) {
    }

    record User(String id) {
    }

    static final class Tokens {
        boolean isValid(String token) {
            return token != null;
        }
    }

    static final class Users {
        Mono<User> findById(String id) {
            return Mono.just(new User(id));
        }
    }

    static final class Storage {
        Mono<String> save(byte[] file) {
            return Mono.just("/files/" + file.length);
        }
    }

    static final Tokens tokens = new Tokens();

    static final Users users = new Users();

    static final Storage storage = new Storage();

    @SocketIoController
    static class ChatController {

        private final SocketIoServer server;

        ChatController(SocketIoServer server) {
            this.server = server;
        }

        record Line(@NotBlank @Size(max = 500) String text) { }

        @OnConnect                                          // throw, or return false, to refuse: the client's connect_error
        boolean connect(@Auth Credentials credentials) {
            return tokens.isValid(credentials.token());
        }

        @OnEvent("join")
        String join(SocketIoSocket socket, String room) {    // event arguments bind by position, converted by Jackson
            socket.join(room);
            return "joined " + room;                         // the return value is the ack, if the client asked for one
        }

        @OnEvent("chat")
        void chat(SocketIoSocket socket, @Valid Line line) { // void: no ack
            socket.to("lobby").emit("chat", line);           // everyone in the room but the sender
        }

        @OnEvent("lookup")
        Mono<User> lookup(String id) {                       // a Mono is acked when it completes
            return users.findById(id);
        }

        @OnEvent("upload")
        void upload(byte[] file, Acknowledgement ack) {      // binary arrives as byte[]; ack by hand, from any thread
            storage.save(file).subscribe(path -> ack.send(path));
        }

        @OnAnyEvent                                          // events no @OnEvent method maps
        void other(@EventName String name, JsonNode payload) { }

        @OnDisconnect
        void left(SocketIoSocket socket, DisconnectReason reason) { }

        @OnError                                             // errors of this controller's handlers; the result is the ack
        Map<String, String> failed(IllegalStateException error) {
            return Map.of("error", error.getMessage());
        }
    }
}
