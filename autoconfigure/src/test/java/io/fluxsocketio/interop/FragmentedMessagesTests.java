package io.fluxsocketio.interop;

import io.fluxsocketio.testing.RawSockets;
import io.fluxsocketio.testing.RawWebSocketClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WebSocket messages split into several frames (RFC 6455, 5.4), which clients may send and some do for long
 * messages: the server reads the whole message as one Engine.IO packet, counts the whole of it against the payload
 * limit, and checks its UTF-8 as a whole, across frame boundaries.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.max-http-buffer-size=10KB" })
@ExtendWith(OutputCaptureExtension.class)
class FragmentedMessagesTests extends LiveServerTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final int TEXT = 0x01;

    private static final int CONTINUATION = 0x00;

    private static final int FIN = 0x80;

    @AfterEach
    void nothingLeft(CapturedOutput output) {
        assertNothingLeft(TIMEOUT);
        assertNoErrorDropped(output);
    }

    @Test
    void textMessageInFragmentsWithPingsBetweenIsOneEvent() {
        RawWebSocketClient client = RawWebSocketClient.connected(this.port);

        client.sendFragmented("421[\"echo\",", "\"in three", " parts\"]");

        assertThat(client.expectText("431")).isEqualTo("431[\"in three parts\"]");
        client.sendClose();
    }

    @Test
    void binaryAttachmentInFragmentsIsOneAttachment() {
        RawWebSocketClient client = RawWebSocketClient.connected(this.port);

        client.send("451-1[\"echo\",{\"_placeholder\":true,\"num\":0}]");
        client.sendBinaryFragmented(new byte[] { 1, 2 }, new byte[] { 3 }, new byte[] { 4, 5 });

        assertThat(client.expectText("461-")).isEqualTo("461-1[{\"_placeholder\":true,\"num\":0}]");
        assertThat(client.next(TIMEOUT)).isEqualTo(new byte[] { 1, 2, 3, 4, 5 });
        client.sendClose();
    }

    @Test
    void characterSplitBetweenTwoFramesIsReadWhole() throws IOException {
        try (Socket socket = connectedRawSocket()) {
            byte[] message = "421[\"echo\",\"caf\u00e9\"]".getBytes(StandardCharsets.UTF_8);
            int split = indexOf(message, (byte) 0xC3) + 1;

            RawSockets.sendFrame(socket, TEXT, java.util.Arrays.copyOfRange(message, 0, split));
            RawSockets.sendFrame(socket, FIN | CONTINUATION, java.util.Arrays.copyOfRange(message, split,
                    message.length));

            assertThat(RawSockets.readFrame(socket.getInputStream())).isEqualTo("431[\"caf\u00e9\"]");
        }
    }

    @Test
    void invalidUtf8InALaterFragmentClosesAsInvalidData() throws IOException {
        try (Socket socket = connectedRawSocket()) {
            RawSockets.sendFrame(socket, TEXT, "421[\"echo\",\"".getBytes(StandardCharsets.US_ASCII));
            RawSockets.sendFrame(socket, FIN | CONTINUATION, new byte[] { (byte) 0xC3, 0x28, '"', ']' });

            assertThat(RawSockets.readCloseCode(socket.getInputStream())).isEqualTo(CloseStatus.BAD_DATA.getCode());
        }
    }

    @Test
    void fragmentsEachWithinTheLimitButTogetherOverItCloseAsTooBig(CapturedOutput output) throws IOException {
        try (Socket socket = connectedRawSocket()) {
            String part = "x".repeat(6_000);

            RawSockets.sendFrame(socket, TEXT, ("42[\"echo\",\"" + part).getBytes(StandardCharsets.US_ASCII));
            RawSockets.sendFrame(socket, FIN | CONTINUATION, (part + "\"]").getBytes(StandardCharsets.US_ASCII));

            assertThat(RawSockets.readCloseCode(socket.getInputStream()))
                    .isEqualTo(CloseStatus.TOO_BIG_TO_PROCESS.getCode());
        }
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(output.getOut()).as("the server's log")
                .containsPattern("Closing Engine.IO session \\S+ \\(payload too large\\): a fragmented message"));
    }

    @Test
    void messageJustWithinTheLimitInManyFragmentsIsAccepted() {
        RawWebSocketClient client = RawWebSocketClient.connected(this.port);
        String text = "y".repeat(9_000);
        String message = "421[\"echo\",\"" + text + "\"]";
        String[] parts = new String[9];
        int size = message.length() / parts.length + 1;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = message.substring(Math.min(i * size, message.length()),
                    Math.min((i + 1) * size, message.length()));
        }

        client.sendFragmented(parts);

        assertThat(client.expectText("431")).isEqualTo("431[\"" + text + "\"]");
        client.sendClose();
    }

    /** A hand-framed WebSocket joined to the main namespace. */
    private Socket connectedRawSocket() throws IOException {
        Socket socket = RawSockets.webSocket(RawSockets.open(this.port, TIMEOUT));
        RawSockets.sendText(socket, "40");
        InputStream in = socket.getInputStream();
        assertThat(RawSockets.readFrame(in)).startsWith("40{\"sid\":");
        return socket;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
