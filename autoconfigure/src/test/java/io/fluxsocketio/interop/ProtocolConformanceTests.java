package io.fluxsocketio.interop;

import io.fluxsocketio.engineio.CloseReason;
import io.fluxsocketio.engineio.EngineIoListener;
import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.EngineIoServer;
import io.fluxsocketio.engineio.EngineIoSocket;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;
import io.fluxsocketio.engineio.web.EngineIoHandlerMapping;
import io.fluxsocketio.engineio.web.EngineIoWebHandler;
import io.fluxsocketio.socketio.SocketIoServer;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases of the official Engine.IO v4 and Socket.IO v5 protocol test suites ({@code conformance.mjs}), run by
 * Node against the reference setup those suites expect: ping interval 300 ms, ping timeout 200 ms, connect timeout
 * 1 s, an Engine.IO echo endpoint at {@code /engine.io/}, and at {@code /socket.io/} the namespaces {@code /} and
 * {@code /custom}.
 */
@SpringBootTest(classes = ProtocolConformanceTests.ReferenceServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.ping-interval=300ms", "socketio.ping-timeout=200ms",
                "socketio.connect-timeout=1s" })
class ProtocolConformanceTests {

    @LocalServerPort
    int port;

    @Test
    void officialSuiteCasesPass() {
        Peers.Run run = Peers.run(Peers.NODE_DIR, 300, Peers.requireNode(Peers.NODE_DIR, "ws"),
                "--test-reporter=spec", "conformance.mjs", "http://127.0.0.1:" + this.port);

        assertThat(run.output()).as("output of conformance.mjs").doesNotContain("✖").contains("ℹ fail 0");
        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isZero();
    }

    /** The reference server of the suites. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ReferenceServer {

        @Bean
        SmartInitializingSingleton referenceHandlers(SocketIoServer server) {
            return () -> {
                server.onConnection(socket -> {
                    socket.emit("auth", socket.handshake().auth());
                    socket.on("message", event -> socket.emit("message-back", event.args().values().toArray()));
                    socket.on("message-with-ack", event -> event.ack(event.args().values().toArray()));
                });
                server.of("/custom").onConnection(socket -> socket.emit("auth", socket.handshake().auth()));
            };
        }

        @Bean(destroyMethod = "close")
        EngineIoServer echoEngine() {
            EngineIoOptions options = EngineIoOptions.defaults().withPing(Duration.ofMillis(300), Duration.ofMillis(200));
            return new EngineIoServer(options, new EngineIoListener() {
                @Override
                public void onOpen(EngineIoSocket socket) {
                }

                @Override
                public void onMessage(EngineIoSocket socket, Message message) {
                    socket.send(message);
                }

                @Override
                public void onClose(EngineIoSocket socket, CloseReason reason) {
                }
            });
        }

        @Bean
        EngineIoHandlerMapping echoMapping(EngineIoServer echoEngine) {
            return new EngineIoHandlerMapping("/engine.io/", new EngineIoWebHandler(echoEngine, new CorsConfiguration()));
        }
    }
}
