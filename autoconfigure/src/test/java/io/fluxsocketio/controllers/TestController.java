package io.fluxsocketio.controllers;

import io.fluxsocketio.concurrency.AsyncMode;
import io.fluxsocketio.handler.annotation.Auth;
import io.fluxsocketio.handler.annotation.EventName;
import io.fluxsocketio.handler.annotation.OnAnyEvent;
import io.fluxsocketio.handler.annotation.OnConnect;
import io.fluxsocketio.handler.annotation.OnDisconnect;
import io.fluxsocketio.handler.annotation.OnError;
import io.fluxsocketio.handler.annotation.OnEvent;
import io.fluxsocketio.handler.annotation.Payload;
import io.fluxsocketio.handler.annotation.SocketIoController;
import io.fluxsocketio.socketio.Acknowledgement;
import io.fluxsocketio.socketio.DisconnectReason;
import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.socketio.SocketIoSocket;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Every kind of handler method and argument, as a user would write them. */
@SocketIoController
class TestController {

    private final SocketIoServer server;

    private final HandlerThreads threads;

    private final Map<String, List<Integer>> sequences = new ConcurrentHashMap<>();

    final Map<String, DisconnectReason> disconnects = new ConcurrentHashMap<>();

    TestController(SocketIoServer server, HandlerThreads threads) {
        this.server = server;
        this.threads = threads;
    }

    @OnConnect
    boolean connect(@Auth Map<String, Object> auth) {
        this.threads.record();
        if ("throw".equals(auth.get("name"))) {
            throw new IllegalStateException("go away");
        }
        return !"deny".equals(auth.get("name"));
    }

    @OnEvent("typed")
    String typed(ChatMessage message, int count) {
        this.threads.record();
        return message.nick() + ":" + message.text() + ":" + message.tags() + ":" + count;
    }

    @OnEvent("generic")
    int sum(List<Integer> numbers, @Payload(1) Map<String, Integer> extra) {
        this.threads.record();
        return numbers.stream().mapToInt(Integer::intValue).sum() + extra.getOrDefault("bonus", 0);
    }

    @OnEvent("binary")
    byte[] reverse(byte[] data) {
        byte[] reversed = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            reversed[i] = data[data.length - 1 - i];
        }
        return reversed;
    }

    @OnEvent("delayed")
    Mono<String> delayed(String text) {
        this.threads.record();
        return Mono.delay(Duration.ofMillis(50)).map(tick -> text.toUpperCase());
    }

    @OnEvent("manual")
    void manual(Acknowledgement ack, String text) {
        this.threads.record();
        new Thread(() -> ack.send("manual " + text)).start();
    }

    @OnEvent("silent")
    void silent(String text) {
        this.threads.record();
    }

    @OnEvent("boom")
    String boom() {
        throw new IllegalStateException("kaboom");
    }

    @OnEvent("validated")
    String validated(@Valid ChatMessage message) {
        return "valid";
    }

    @OnError
    Map<String, Object> onIllegalState(IllegalStateException error, SocketIoSocket socket) {
        this.threads.record();
        return Map.of("handled", error.getMessage());
    }

    /** Records after a random pause, so events that overtook each other would show out of order. */
    @OnEvent("seq")
    Mono<Void> seq(SocketIoSocket socket, int n) {
        this.threads.record();
        return Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(3)))
                .doOnNext(tick -> this.sequences.computeIfAbsent(socket.id(), id -> new CopyOnWriteArrayList<>()).add(n))
                .then();
    }

    @OnEvent("seq-result")
    List<Integer> seqResult(SocketIoSocket socket) {
        return this.sequences.getOrDefault(socket.id(), List.of());
    }

    /** Blocks its thread in the blocking modes; in reactor mode, where that is forbidden, it waits without one. */
    @OnEvent("block")
    Object block() throws InterruptedException {
        this.threads.record();
        if (this.server.concurrency().mode() == AsyncMode.REACTOR) {
            return Mono.delay(Duration.ofSeconds(2)).thenReturn("unblocked");
        }
        Thread.sleep(2000);
        return "unblocked";
    }

    /** Asks the client a question and answers with its reply: the reply is handled on a strategy thread. */
    @OnEvent("ask-client")
    Mono<String> askClient(SocketIoSocket socket) {
        return socket.emitWithAck(String.class, "question", 41).map(answer -> {
            this.threads.record();
            return "client said " + answer;
        });
    }

    @OnEvent("quick")
    String quick() {
        this.threads.record();
        return "quick";
    }

    /**
     * The Flask-SocketIO trap: background tasks that sleep for long, then one that emits between short sleeps. The
     * sleepers must hold up neither the ticks nor any other event.
     */
    @OnEvent("start-ticks")
    String startTicks(SocketIoSocket socket, int count) {
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
            this.server.startBackgroundTask(() -> {
                try {
                    this.server.sleep(Duration.ofMinutes(5));
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        this.server.startBackgroundTask(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    this.server.sleep(Duration.ofMillis(20));
                    socket.emit("tick", i);
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        new Thread(() -> socket.emit("from-user-thread", "hello")).start();
        return "started";
    }

    @OnAnyEvent
    Map<String, Object> unmapped(@EventName String name, JsonNode first) {
        this.threads.record();
        return Map.of("unmapped", name, "first", first == null ? "none" : first.toString());
    }

    @OnDisconnect
    void gone(SocketIoSocket socket, DisconnectReason reason) {
        this.threads.record();
        this.disconnects.put(socket.id(), reason);
    }
}
