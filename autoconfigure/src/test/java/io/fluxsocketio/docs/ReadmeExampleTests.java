package io.fluxsocketio.docs;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's controller is the one compiled in {@link ReadmeController}, line for line. */
class ReadmeExampleTests {

    @Test
    void readmeControllerIsTheCompiledOne() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String example = readme.substring(readme.indexOf("@SocketIoController\nclass ChatController"));
        example = example.substring(0, example.indexOf("```")).strip();
        String compiled = Files.readString(Path.of("src/test/java/io/fluxsocketio/docs/ReadmeController.java"));

        for (String line : example.split("\n")) {
            String expected = line.replace("class ChatController", "static class ChatController");
            assertThat(compiled).as("README line").contains(expected.isBlank() ? "" : "    " + expected);
        }
    }
}
