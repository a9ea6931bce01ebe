package io.fluxsocketio.sample;

import io.fluxsocketio.interop.Peers;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Two tabs of Debian's Chromium chat through the sample page, as a person would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class BrowserChatTests {

    private static final Path BROWSER_DIR = Path.of("src", "test", "browser").toAbsolutePath();

    @LocalServerPort
    int port;

    @Test
    void twoBrowserTabsChatThroughTheSamplePage() {
        String chromium = Peers.requireChromium();
        String node = Peers.requireNode(BROWSER_DIR, "playwright-core");
        String screenshot = Path.of("target", "two-tabs.png").toAbsolutePath().toString();

        Peers.Run run = Peers.run(BROWSER_DIR, 120, node, "two-tabs.js", "http://127.0.0.1:" + this.port, chromium,
                screenshot);

        assertThat(run.output()).as("browser test output").contains("ALL OK");
        assertThat(run.exitCode()).isZero();
    }
}
