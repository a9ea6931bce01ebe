package io.fluxsocketio.interop;

import io.fluxsocketio.interop.InteropApplication.DisconnectRecorder;
import io.fluxsocketio.socketio.SocketIoServer;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** python-socketio's client (Debian's {@code python3-socketio}) runs the whole scenario on each transport. */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.ping-interval=500ms", "socketio.ping-timeout=1s" })
class PythonClientInteropTests {

    private static final Pattern IDS = Pattern.compile("IDS kicked=(\\S+) leaver=(\\S+)");

    @LocalServerPort
    int port;

    @Autowired
    SocketIoServer server;

    @Autowired
    DisconnectRecorder recorder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "websocket", "polling", "upgrade" })
    void pythonClientRunsTheScenario(String mode) {
        String python = Peers.requirePython();

        Peers.Run run = Peers.run(Peers.PYTHON_DIR, 120, python, "scenario.py", "http://127.0.0.1:" + this.port, mode);

        assertThat(run.output()).as("client output").contains("ALL OK");
        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isZero();
        Matcher ids = IDS.matcher(run.output());
        assertThat(ids.find()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(this.recorder.reasonFor(ids.group(1))).isEqualTo("server namespace disconnect");
            // python-socketio 5.7 queues its DISCONNECT packet and aborts the transport without waiting for it.
            assertThat(this.recorder.reasonFor(ids.group(2))).isIn("client namespace disconnect", "transport close");
            assertThat(this.server.engine().sessionCount()).isZero();
            assertThat(this.server.mainNamespace().sockets()).isEmpty();
            assertThat(this.server.mainNamespace().adapter().rooms()).isEmpty();
        });
    }
}
