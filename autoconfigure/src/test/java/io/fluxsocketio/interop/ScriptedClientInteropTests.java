package io.fluxsocketio.interop;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The official Node client ({@code socket.io-client} 4.x from npm) and python-socketio's client (Debian's
 * {@code python3-socketio}) each run the whole scenario, as separate processes, on every transport.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.ping-interval=500ms", "socketio.ping-timeout=5s" })
class ScriptedClientInteropTests extends LiveServerTests {

    private static final Pattern IDS = Pattern.compile("IDS kicked=(\\S+) leaver=(\\S+)");

    static Stream<Arguments> clientsAndTransports() {
        return Stream.of("node", "python").flatMap(client -> Stream.of("websocket", "polling", "upgrade")
                .map(transport -> Arguments.of(client, transport)));
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("clientsAndTransports")
    void realClientRunsTheScenario(String client, String transport) {
        Peers.Run run = client.equals("node")
                ? Peers.run(Peers.NODE_DIR, 120, Peers.requireNode(), "scenario.js", baseUrl(), transport)
                : Peers.run(Peers.PYTHON_DIR, 120, Peers.requirePython(), "scenario.py", baseUrl(), transport);

        assertThat(run.output()).as("client output").contains("ALL OK");
        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isZero();
        Matcher ids = IDS.matcher(run.output());
        assertThat(ids.find()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(this.recorder.reasonFor(ids.group(1))).isEqualTo("server namespace disconnect");
            // python-socketio 5.7 queues its DISCONNECT packet and aborts the transport without waiting for it.
            assertThat(this.recorder.reasonFor(ids.group(2))).isIn(client.equals("node")
                    ? new String[] { "client namespace disconnect" }
                    : new String[] { "client namespace disconnect", "transport close" });
        });
        assertNothingLeft(Duration.ofSeconds(10));
    }
}
