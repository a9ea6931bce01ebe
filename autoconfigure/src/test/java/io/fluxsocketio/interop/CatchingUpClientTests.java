package io.fluxsocketio.interop;

import io.fluxsocketio.engineio.EngineIoTransport;
import io.fluxsocketio.socketio.SocketIoSocket;
import io.fluxsocketio.testing.RawSockets;

import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WebSocket client that falls behind and then reads everything is counted as caught up by itself, with no later
 * write to notice it: the heartbeat here is too slow to do that within the test, as it is for the default 25 s.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.ping-interval=60s", "socketio.max-buffered-packets=1000" })
class CatchingUpClientTests extends LiveServerTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** 250 packets of 64 KiB, 16 MiB: more than the kernel holds for a client not reading (4 MiB at most here). */
    private static final int BEHIND = 250;

    private static final String PAYLOAD = "x".repeat(64 * 1024);

    @Test
    void clientThatFallsBehindAndCatchesUpCountsNothingBufferedOnceItHasRead() throws Exception {
        try (Socket raw = RawSockets.webSocket(RawSockets.open(this.port, WAIT, 4096))) {
            InputStream in = raw.getInputStream();
            RawSockets.sendText(raw, "40");
            assertThat(RawSockets.readFrame(in)).startsWith("40{");
            SocketIoSocket reader = this.server.mainNamespace().sockets().values().iterator().next();
            EngineIoTransport transport = this.server.engine().session(reader.connectionId()).transport();

            for (int round = 1; round <= 3; round++) {
                for (int i = 0; i < BEHIND; i++) {
                    reader.emit("tick", PAYLOAD);
                }
                await("frames left in the channel in round " + round).atMost(WAIT)
                        .until(() -> transport.bufferedCount() > 0);
                for (int i = 0; i < BEHIND; i++) {
                    assertThat(RawSockets.readFrame(in)).startsWith("42[\"tick\"");
                }
                await("frames counted once round " + round + " was read").atMost(WAIT)
                        .until(() -> transport.bufferedCount() == 0);
            }
            assertThat(reader.isConnected()).isTrue();
        }
        assertNothingLeft(WAIT);
    }
}
