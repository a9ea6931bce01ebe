package io.fluxsocketio.interop;

import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.testing.Polling;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the application: connected clients see the transport close, a disconnect they reconnect from (to another
 * node in a rolling deploy), while handlers in progress finish within the shutdown phase's timeout and what they
 * emit afterwards goes nowhere.
 */
class GracefulShutdownTests {

    private ConfigurableApplicationContext context;

    private Socket client;

    @AfterEach
    void closeAll() {
        if (this.client != null) {
            this.client.close();
        }
        if (this.context != null) {
            this.context.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "websocket", "polling" })
    void clientsAreToldToReconnectAndHandlersInProgressFinish(String transport) throws Exception {
        this.context = new SpringApplicationBuilder(ShutdownApplication.class).properties("server.port=0",
                "server.address=127.0.0.1", "socketio.async-mode=threading",
                "spring.lifecycle.timeout-per-shutdown-phase=20s").run();
        Recorder recorder = this.context.getBean(Recorder.class);
        int port = Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
        IO.Options options = IO.Options.builder().setTransports(new String[] { transport }).setReconnection(true)
                .setReconnectionDelay(200).setReconnectionDelayMax(200).build();
        this.client = IO.socket(URI.create("http://127.0.0.1:" + port), options);
        CompletableFuture<Object> connected = new CompletableFuture<>();
        CompletableFuture<Object> disconnected = new CompletableFuture<>();
        CompletableFuture<Object> reconnecting = new CompletableFuture<>();
        List<Object> lateEvents = new CopyOnWriteArrayList<>();
        this.client.on(Socket.EVENT_CONNECT, args -> connected.complete(true));
        this.client.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(args[0]));
        this.client.on("late", lateEvents::add);
        this.client.io().on(Manager.EVENT_RECONNECT_ATTEMPT, args -> reconnecting.complete(args[0]));
        this.client.connect();
        connected.get(10, TimeUnit.SECONDS);

        this.client.emit("slow");
        assertThat(recorder.slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(this.context::close);

        // Both reasons make the client reconnect; "io server disconnect" would not.
        assertThat(disconnected.get(10, TimeUnit.SECONDS)).as("the client's disconnect reason")
                .isIn("transport close", "transport error");
        assertThat(reconnecting.get(10, TimeUnit.SECONDS)).as("reconnect attempt").isNotNull();
        stopped.get(15, TimeUnit.SECONDS);
        // The disconnect handler waits behind the event in progress, as a socket's handlers run in turn.
        assertThat(recorder.events).containsExactly("slow handler finished", "late emit made",
                "disconnect handler ran: server shutting down");
        assertThat(lateEvents).as("events emitted after the connection closed").isEmpty();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(lateEvents::isEmpty);
    }

    @Test
    void aStoppedServerRefusesHandshakesUntilStartedAgain() {
        this.context = new SpringApplicationBuilder(ShutdownApplication.class).properties("server.port=0",
                "server.address=127.0.0.1").run();
        SocketIoServer server = this.context.getBean(SocketIoServer.class);
        Polling polling = new Polling(Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port")));
        String sid = polling.handshake();

        assertThat(server.stop(Duration.ofSeconds(5))).as("handlers finished").isTrue();
        assertThat(polling.get("?EIO=4&transport=polling", Map.of()).statusCode()).as("handshake while stopped")
                .isEqualTo(400);
        assertThat(polling.get("?EIO=4&transport=polling&sid=" + sid, Map.of()).statusCode())
                .as("a poll on a session closed by the stop").isEqualTo(400);

        server.start();
        assertThat(polling.handshake()).isNotEqualTo(sid);
    }

    /** Spring's test framework pauses idle cached contexts; the web server goes on serving, and so must we. */
    @Test
    void pausingTheContextLeavesTheServerRunning() {
        this.context = new SpringApplicationBuilder(ShutdownApplication.class).properties("server.port=0",
                "server.address=127.0.0.1").run();
        Polling polling = new Polling(Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port")));
        String sid = polling.handshake();

        this.context.pause();
        String query = "?EIO=4&transport=polling&sid=" + sid;
        assertThat(polling.post(query, "40".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        assertThat(polling.get(query, Map.of()).body()).as("the open session's namespace connect").startsWith("40{");
        polling.handshake();
    }

    /** What the server's handlers did, in order. */
    static final class Recorder {

        final CountDownLatch slowStarted = new CountDownLatch(1);

        final List<String> events = new CopyOnWriteArrayList<>();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ShutdownApplication {

        /** Own event loops: closing this context must not stop the global ones that other tests' servers share. */
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        SmartInitializingSingleton shutdownScenario(SocketIoServer server, Recorder recorder) {
            return () -> server.onConnection(socket -> {
                socket.on("slow", event -> {
                    recorder.slowStarted.countDown();
                    try {
                        Thread.sleep(1_500);
                    }
                    catch (InterruptedException ex) {
                        recorder.events.add("slow handler interrupted");
                        Thread.currentThread().interrupt();
                        return;
                    }
                    recorder.events.add("slow handler finished");
                    socket.emit("late", "after the close");
                    recorder.events.add("late emit made");
                });
                socket.onDisconnect(reason -> recorder.events.add("disconnect handler ran: " + reason.wireName()));
            });
        }
    }
}
