package io.fluxsocketio.interop;

import io.fluxsocketio.socketio.ConnectionRefusedException;
import io.fluxsocketio.socketio.SocketIoHandshake;
import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.socketio.SocketIoSocket;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The server side of the interoperability scenario that every real client runs (see {@code scenario.js},
 * {@code scenario.py} and {@link JavaClientInteropTests}).
 */
@SpringBootApplication(proxyBeanMethods = false)
public class InteropApplication {

    /** Disconnect reasons seen by the server, by socket id, for the tests to check. */
    @Bean
    DisconnectRecorder disconnectRecorder() {
        return new DisconnectRecorder();
    }

    @Bean
    SmartInitializingSingleton interopScenario(SocketIoServer server, DisconnectRecorder recorder) {
        return () -> {
            server.onConnection(socket -> {
                socket.onDisconnect(reason -> recorder.record(socket.id(), reason.wireName()));
                onMainNamespace(server, socket);
            });
            server.of("/admin")
                    .use(socket -> {
                        // Joins before deciding, so that refused sockets show their rooms are cleaned up.
                        socket.join("admins");
                        JsonNode token = socket.handshake().auth().get("token");
                        return (token != null && "secret".equals(token.stringValue())) ? Mono.empty()
                                : Mono.error(new ConnectionRefusedException("unauthorized",
                                        Map.of("reason", "bad token")));
                    })
                    .onConnection(socket -> socket.on("whoami", event -> event.ack(socket.handshake().auth())));
        };
    }

    private static void onMainNamespace(SocketIoServer server, SocketIoSocket socket) {
        socket.on("echo", event -> event.ack(event.args().values().toArray()));
        socket.on("transport", event -> event.ack(socket.transport()));
        socket.on("handshake", event -> {
            SocketIoHandshake handshake = socket.handshake();
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("token", handshake.query().getFirst("token"));
            seen.put("flag", handshake.query().containsKey("flag"));
            seen.put("eio", handshake.query().getFirst("EIO"));
            seen.put("path", handshake.url().getPath());
            seen.put("address", handshake.address());
            seen.put("secure", handshake.secure());
            seen.put("host", handshake.headers().getFirst("Host"));
            seen.put("time", !handshake.time().isAfter(Instant.now()));
            event.ack(seen);
        });
        socket.on("ping-me", event -> socket.emit("pong-you", event.arg(0)));
        socket.on("ask-me", event -> socket.emitWithAck("question", 42)
                .subscribe(reply -> socket.emit("answer-was", reply.get(0))));
        socket.on("join", event -> {
            socket.join(event.arg(0, String.class));
            event.ack(socket.rooms().contains(event.arg(0, String.class)));
        });
        socket.on("to-room", event -> {
            socket.to(event.arg(0, String.class)).emit("room-message", event.arg(1), socket.id());
            event.ack("sent");
        });
        socket.on("server-to-room", event -> {
            server.to(event.arg(0, String.class)).emit("room-message", event.arg(1), "server");
            event.ack("sent");
        });
        socket.on("binary-from-server", event -> event.ack(new byte[] { 1, 2, 3 },
                Map.of("nested", List.of(java.nio.ByteBuffer.wrap(new byte[] { 4, 5 }))), "text"));
        socket.on("kick-me", event -> socket.disconnect());
        socket.on("burst", event -> {
            // Producers: the handler's own thread and threads of its own, all emitting at once to this socket.
            int threads = event.arg(0, Integer.class);
            int count = event.arg(1, Integer.class);
            for (int producer = 1; producer <= threads; producer++) {
                int id = producer;
                new Thread(() -> emitSequence(socket, id, count), "burst-" + id).start();
            }
            event.ack("started");
            emitSequence(socket, 0, count);
        });
        socket.on("burst-to-room", event -> {
            // The same, with the broadcasts going to a room large enough to be walked by each member's event loop.
            int threads = event.arg(0, Integer.class);
            int count = event.arg(1, Integer.class);
            String room = event.arg(2, String.class);
            for (int producer = 1; producer <= threads; producer++) {
                int id = producer;
                new Thread(() -> emitSequence(socket, id, count, room), "burst-" + id).start();
            }
            event.ack("started");
            emitSequence(socket, 0, count, room);
        });
    }

    /**
     * Every third event goes as a broadcast to the socket's own room: a broadcast's hand-over to the event loops is
     * deferred to its end, and must still keep its place among the producer's direct emits.
     */
    private static void emitSequence(SocketIoSocket socket, int producer, int count) {
        emitSequence(socket, producer, count, socket.id());
    }

    private static void emitSequence(SocketIoSocket socket, int producer, int count, String room) {
        for (int i = 0; i < count; i++) {
            if (i % 3 == 2) {
                socket.namespace().to(room).emit("seq", producer, i);
            }
            else {
                socket.emit("seq", producer, i);
            }
        }
    }

    /** Keeps the reasons the server gave for each disconnect. */
    public static final class DisconnectRecorder {

        private final Map<String, String> reasons = new ConcurrentHashMap<>();

        private final Map<String, Integer> counts = new ConcurrentHashMap<>();

        void record(String socketId, String reason) {
            this.reasons.put(socketId, reason);
            this.counts.merge(socketId, 1, Integer::sum);
        }

        /** How many times the disconnect handler ran for that socket: once at most, whatever happened. */
        public int timesRecorded(String socketId) {
            return this.counts.getOrDefault(socketId, 0);
        }

        public String reasonFor(String socketId) {
            return this.reasons.get(socketId);
        }

        public Set<String> socketIds() {
            return this.reasons.keySet();
        }

        /** Forgets what was recorded, so that a heap measurement sees the server's memory, not this record's. */
        public void clear() {
            this.reasons.clear();
            this.counts.clear();
        }
    }
}
