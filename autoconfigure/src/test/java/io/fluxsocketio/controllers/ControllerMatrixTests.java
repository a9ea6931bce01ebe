package io.fluxsocketio.controllers;

import io.fluxsocketio.concurrency.AsyncMode;
import io.fluxsocketio.interop.Peers;
import io.fluxsocketio.socketio.DisconnectReason;
import io.fluxsocketio.socketio.SocketIoServer;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every async mode x transport, driven by the official Node client through {@code controllers.js}: typed payloads,
 * return-value, Mono and manual acks, connect refusal, error handlers, per-socket order under load, a blocking
 * handler that delays no one else, and emits from background tasks and user threads.
 */
abstract class ControllerMatrixTests {

    private static final Pattern IDS = Pattern.compile("IDS alice=(\\S+)");

    @LocalServerPort
    int port;

    @Autowired
    SocketIoServer server;

    @Autowired
    TestController controller;

    @Autowired
    HandlerThreads threads;

    abstract AsyncMode expectedMode();

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = { "websocket", "polling" })
    void officialClientDrivesTheControllers(String transport) {
        assertThat(this.server.concurrency().mode()).isEqualTo(expectedMode());

        Peers.Run run = Peers.run(Peers.NODE_DIR, 120, Peers.requireNode(), "controllers.js",
                "http://127.0.0.1:" + this.port, transport);

        assertThat(run.output()).as("client output").contains("ALL OK");
        assertThat(run.exitCode()).isZero();
        Matcher ids = IDS.matcher(run.output());
        assertThat(ids.find()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.controller.disconnects)
                .containsEntry(ids.group(1), DisconnectReason.CLIENT_NAMESPACE_DISCONNECT));
        // Blocking modes keep user code off the event loop; reactor mode runs it there, without a thread hop.
        assertThat(this.threads.threads()).isNotEmpty().allSatisfy(thread -> {
            if (expectedMode() != AsyncMode.REACTOR) {
                assertThat(thread.getName()).as("handler thread").doesNotContain("-http-");
            }
            assertThat(isVirtual(thread)).as("virtual: " + thread).isEqualTo(expectedMode() == AsyncMode.VIRTUAL_THREADS);
        });
    }

    private static boolean isVirtual(Thread thread) {
        try {
            Method isVirtual = Thread.class.getMethod("isVirtual");
            return (boolean) isVirtual.invoke(thread);
        }
        catch (ReflectiveOperationException ex) {
            return false;
        }
    }
}
