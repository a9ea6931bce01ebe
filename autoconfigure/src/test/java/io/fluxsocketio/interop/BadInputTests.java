package io.fluxsocketio.interop;

import io.fluxsocketio.testing.Polling;
import io.fluxsocketio.testing.RawSockets;
import io.fluxsocketio.testing.RawWebSocketClient;
import io.fluxsocketio.testing.JavaSocketIoClients;
import io.socket.client.Socket;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Hostile and broken input, each case on its own connection while a well-behaved official client stays connected:
 * the bad connection is closed with a reason, the good one notices nothing, and the server keeps no leftovers.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.ping-interval=300ms", "socketio.ping-timeout=2s",
                "socketio.max-http-buffer-size=10KB", "socketio.attachment-timeout=500ms", "socketio.max-attachments=10",
                "socketio.max-buffered-packets=10", "socketio.connect-timeout=1s" })
@ExtendWith(OutputCaptureExtension.class)
class BadInputTests extends LiveServerTests {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final JavaSocketIoClients clients = new JavaSocketIoClients();

    private Socket bystander;

    private final List<Object> bystanderDisconnects = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connectBystander() throws Exception {
        this.bystander = this.clients.connect(URI.create(baseUrl()), new String[] { "websocket" }, Map.of());
        this.bystander.on(Socket.EVENT_DISCONNECT, args -> this.bystanderDisconnects.add(args[0]));
    }

    @AfterEach
    void bystanderNoticedNothingAndNothingLeaks(CapturedOutput output) throws Exception {
        assertThat(JavaSocketIoClients.call(this.bystander, "echo", "still here")).containsExactly("still here");
        assertThat(this.bystanderDisconnects).isEmpty();
        this.clients.close();
        assertNothingLeft(CLOSE_TIMEOUT);
        assertNoErrorDropped(output);
    }

    static Stream<Arguments> brokenFrames() {
        String big = "x".repeat(20_000);
        return Stream.of(
                Arguments.of("garbage text", "xyz", CloseStatus.PROTOCOL_ERROR.getCode()),
                Arguments.of("unknown Socket.IO packet type", "49garbage", CloseStatus.PROTOCOL_ERROR.getCode()),
                Arguments.of("truncated JSON", "42[\"echo\",{\"a\":", CloseStatus.PROTOCOL_ERROR.getCode()),
                Arguments.of("event without a name", "42[]", CloseStatus.PROTOCOL_ERROR.getCode()),
                Arguments.of("negative ack id", "43-1[]", CloseStatus.PROTOCOL_ERROR.getCode()),
                Arguments.of("event for a namespace never joined", "42/admin,[\"whoami\"]", CloseStatus.PROTOCOL_ERROR.getCode()),
                Arguments.of("second CONNECT to the same namespace", "40", CloseStatus.PROTOCOL_ERROR.getCode()),
                Arguments.of("far too many attachments announced", "451000000-[\"echo\"]", CloseStatus.PROTOCOL_ERROR.getCode()),
                Arguments.of("deeply nested JSON", "42[\"echo\"," + "[".repeat(5000) + "]".repeat(5000) + "]",
                        CloseStatus.PROTOCOL_ERROR.getCode()),
                Arguments.of("upgrade packet outside an upgrade", "5", CloseStatus.PROTOCOL_ERROR.getCode()),
                Arguments.of("oversized frame", "42[\"echo\",\"" + big + "\"]", CloseStatus.TOO_BIG_TO_PROCESS.getCode()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFrames")
    void brokenFrameClosesOnlyItsOwnConnection(String description, String frame, int expectedCloseCode,
            CapturedOutput output) {
        RawWebSocketClient client = RawWebSocketClient.connected(this.port);

        client.send(frame);

        int closeCode = client.awaitClose(CLOSE_TIMEOUT);
        String reason;
        if (expectedCloseCode == CloseStatus.TOO_BIG_TO_PROCESS.getCode()) {
            // Netty refuses the frame from its header, before buffering it, and closes with the rest of the frame
            // unread: the client's side may then see the connection reset (-1) before it reads the 1009.
            assertThat(closeCode).isIn(expectedCloseCode, -1);
            reason = "payload too large";
        }
        else {
            assertThat(closeCode).isEqualTo(expectedCloseCode);
            reason = "parse error";
        }
        await().atMost(CLOSE_TIMEOUT).untilAsserted(() -> assertThat(output.getOut()).as("the server's log")
                .containsPattern("Closing (connection|Engine.IO session) \\S+ \\(" + reason + "\\): \\S"));
    }

    static Stream<Arguments> brokenUpgrades() {
        String path = "/socket.io/?EIO=4&transport=websocket";
        return Stream.of(
                Arguments.of("no Sec-WebSocket-Key", "GET " + path + " HTTP/1.1\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"),
                Arguments.of("POST instead of GET", "POST " + path + " HTTP/1.1\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\nContent-Length: 0\r\n"),
                Arguments.of("no Connection: Upgrade", "GET " + path + " HTTP/1.1\r\nUpgrade: websocket\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenUpgrades")
    void brokenWebSocketHandshakeGetsBadRequest(String description, String request) throws Exception {
        // By hand, because HTTP clients refuse to send these headers themselves.
        try (java.net.Socket socket = rawSocket()) {
            socket.getOutputStream().write((request + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(RawSockets.readLine(socket.getInputStream())).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void binaryFrameWithNoPacketWaitingForItClosesTheConnection() {
        RawWebSocketClient client = RawWebSocketClient.connected(this.port);

        client.sendBinary(new byte[] { 1, 2, 3 });

        assertThat(client.awaitClose(CLOSE_TIMEOUT)).isEqualTo(CloseStatus.PROTOCOL_ERROR.getCode());
    }

    @Test
    void attachmentsThatNeverArriveCloseTheConnectionAfterTheAttachmentTimeout() {
        RawWebSocketClient client = RawWebSocketClient.connected(this.port);

        client.send("452-[\"echo\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        client.sendBinary(new byte[] { 1 });

        assertThat(client.awaitClose(CLOSE_TIMEOUT)).isEqualTo(CloseStatus.PROTOCOL_ERROR.getCode());
    }

    @Test
    void eventsBeforeConnectingToANamespaceCloseTheConnection() {
        RawWebSocketClient client = RawWebSocketClient.open(this.port, "", Map.of(), true);
        client.expectText("0{");

        client.send("42[\"echo\",1]");

        assertThat(client.awaitClose(CLOSE_TIMEOUT)).isEqualTo(CloseStatus.PROTOCOL_ERROR.getCode());
    }

    @Test
    void webSocketUpgradeFromAnotherOriginIsForbidden(CapturedOutput output) throws Exception {
        try (java.net.Socket socket = rawSocket()) {
            socket.getOutputStream().write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nOrigin: https://evil.example\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            assertThat(RawSockets.readLine(socket.getInputStream())).startsWith("HTTP/1.1 403");
        }
        assertThat(this.server.engine().sessionCount()).as("the bystander's only").isOne();
        assertThat(output.getOut()).contains("Refusing GET /socket.io/ from origin https://evil.example");
    }

    @Test
    void connectToANamespaceThatDoesNotExistGetsAnErrorAndTheConnectionKeepsWorking() {
        RawWebSocketClient client = RawWebSocketClient.connected(this.port);

        client.send("40/nowhere,");
        client.send("427[\"echo\",1]");

        assertThat(client.expectText("44")).isEqualTo("44/nowhere,{\"message\":\"Invalid namespace\"}");
        assertThat(client.expectText("43")).isEqualTo("437[1]");
        assertThat(this.server.namespaces()).doesNotContainKey("/nowhere");
        client.sendClose();
    }

    /** The neighbour of the "second CONNECT" case: once the socket has left, connecting again is no duplicate. */
    @Test
    void aNamespaceLeftCanBeJoinedAgainOnTheSameConnection() {
        RawWebSocketClient client = RawWebSocketClient.connected(this.port);

        client.send("41");
        client.send("40");

        assertThat(client.expectText("40")).startsWith("40{\"sid\":");
        client.send("427[\"echo\",1]");
        assertThat(client.expectText("43")).isEqualTo("437[1]");
        client.sendClose();
    }

    @Test
    void acksForUnknownIdsAreIgnoredAndTheConnectionKeepsWorking() {
        RawWebSocketClient client = RawWebSocketClient.connected(this.port);

        client.send("43999[\"late\"]");
        client.send("427[\"echo\",1]");

        assertThat(client.expectText("43")).isEqualTo("437[1]");
        client.send("1");
        assertThat(client.awaitClose(CLOSE_TIMEOUT)).isEqualTo(CloseStatus.NORMAL.getCode());
    }

    @Test
    void clientThatStopsAnsweringPingsIsClosedAsTimedOut() {
        RawWebSocketClient client = RawWebSocketClient.open(this.port, "", Map.of(), false);
        client.expectText("0{");
        client.send("40");
        String sid = client.expectText("40{\"sid\":").substring("40{\"sid\":\"".length()).replace("\"}", "");

        assertThat(client.awaitClose(CLOSE_TIMEOUT)).isEqualTo(CloseStatus.GOING_AWAY.getCode());
        await().atMost(CLOSE_TIMEOUT).until(() -> "ping timeout".equals(this.recorder.reasonFor(sid)));
    }

    @Test
    void clientThatVanishesWithoutACloseIsRemoved() {
        RawWebSocketClient client = RawWebSocketClient.connected(this.port);
        await().atMost(CLOSE_TIMEOUT).until(() -> this.server.mainNamespace().sockets().size() == 2);

        client.abort();

        await().atMost(CLOSE_TIMEOUT).until(() -> this.server.mainNamespace().sockets().size() == 1);
    }

    @Test
    void requestsWithAnUnknownSidAreRefusedWithTheProtocolsError() {
        Polling polling = new Polling(this.port);

        HttpResponse<String> get = polling.get("?EIO=4&transport=polling&sid=forged", Map.of());
        HttpResponse<String> post = polling.post("?EIO=4&transport=polling&sid=forged", "40".getBytes());

        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(get.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
        assertThat(post.statusCode()).isEqualTo(400);
        assertThatException().isThrownBy(() -> RawWebSocketClient.open(this.port, "&sid=forged", Map.of(), true));
    }

    @Test
    void requestsOfOtherProtocolVersionsOrTransportsAreRefused() {
        Polling polling = new Polling(this.port);

        HttpResponse<String> oldVersion = polling.get("?EIO=3&transport=polling", Map.of());
        HttpResponse<String> noTransport = polling.get("?EIO=4", Map.of());
        HttpResponse<String> handshakeByPost = polling.post("?EIO=4&transport=polling", "40".getBytes());

        assertThat(oldVersion.statusCode()).isEqualTo(400);
        assertThat(oldVersion.body()).isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
        assertThat(noTransport.body()).isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
        assertThat(handshakeByPost.body()).isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
    }

    @Test
    void oversizedPollingBodyIsRefusedAndClosesTheSession() {
        Polling polling = new Polling(this.port);
        String sid = polling.handshake();

        HttpResponse<String> post = polling.post("?EIO=4&transport=polling&sid=" + sid,
                ("4" + "x".repeat(20_000)).getBytes());

        assertThat(post.statusCode()).isEqualTo(413);
        assertThat(this.server.engine().session(sid)).isNull();
    }

    @Test
    void pollingBodyDeclaringTwoGigabytesIsRefusedBeforeAnyOfItIsRead() throws Exception {
        String sid = new Polling(this.port).handshake();
        try (java.net.Socket socket = rawSocket()) {
            // The declared length only: a server that buffered or allocated it first would wait or run out of heap.
            socket.getOutputStream().write(("POST /socket.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 2147483648\r\n\r\n4x")
                    .getBytes(StandardCharsets.US_ASCII));

            assertThat(RawSockets.readLine(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
        assertThat(this.server.engine().session(sid)).isNull();
    }

    @Test
    void webSocketFrameAnnouncingTwoGigabytesIsRefusedFromItsHeader() throws Exception {
        try (java.net.Socket socket = rawWebSocket()) {
            // A masked text frame header announcing 2^31 bytes, and none of them.
            socket.getOutputStream().write(new byte[] { (byte) 0x81, (byte) 0xFF, 0, 0, 0, 0, (byte) 0x80, 0, 0, 0,
                    1, 2, 3, 4 });

            int closeCode = RawSockets.readCloseCode(socket.getInputStream());
            assertThat(closeCode).isIn(CloseStatus.TOO_BIG_TO_PROCESS.getCode(), -1);
        }
        await().atMost(CLOSE_TIMEOUT).untilAsserted(() -> assertThat(this.server.engine().sessionCount()).isOne());
    }

    @Test
    void webSocketTextFrameThatIsNotUtf8ClosesTheConnectionAsInvalidData() throws Exception {
        try (java.net.Socket socket = rawWebSocket()) {
            // "4" then a broken two-byte sequence, masked with a zero key.
            socket.getOutputStream().write(new byte[] { (byte) 0x81, (byte) 0x83, 0, 0, 0, 0, '4', (byte) 0xC3, 0x28 });

            assertThat(RawSockets.readCloseCode(socket.getInputStream())).isEqualTo(CloseStatus.BAD_DATA.getCode());
        }
        await().atMost(CLOSE_TIMEOUT).untilAsserted(() -> assertThat(this.server.engine().sessionCount()).isOne());
    }

    /** A WebSocket opened by hand, its open packet read: for frames no client library would send. */
    private java.net.Socket rawWebSocket() throws java.io.IOException {
        return RawSockets.webSocket(rawSocket());
    }

    private java.net.Socket rawSocket() throws java.io.IOException {
        return RawSockets.open(this.port, CLOSE_TIMEOUT);
    }

    @Test
    void pollingBodyThatIsNotUtf8ClosesTheSession() {
        Polling polling = new Polling(this.port);
        String sid = polling.handshake();

        HttpResponse<String> post = polling.post("?EIO=4&transport=polling&sid=" + sid,
                new byte[] { '4', (byte) 0xC3, (byte) 0x28 });

        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(this.server.engine().session(sid)).isNull();
    }

    @Test
    void pollingBodyOfManyTinyPacketsIsAcceptedWithinTheLimit() {
        Polling polling = new Polling(this.port);
        String sid = polling.handshake();
        String noops = String.join("\u001e", java.util.Collections.nCopies(3000, "6"));

        HttpResponse<String> post = polling.post("?EIO=4&transport=polling&sid=" + sid,
                noops.getBytes(StandardCharsets.UTF_8));

        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body()).isEqualTo("ok");
        this.server.engine().session(sid).close();
    }

    @Test
    void secondConcurrentPollIsAProtocolErrorThatClosesTheSession() throws Exception {
        Polling polling = new Polling(this.port);
        String sid = polling.handshake();
        CompletableFuture<HttpResponse<String>> first = polling.getAsync("?EIO=4&transport=polling&sid=" + sid);
        await().atMost(CLOSE_TIMEOUT).until(() -> this.server.engine().session(sid).transport().isWritable());

        HttpResponse<String> second = polling.get("?EIO=4&transport=polling&sid=" + sid, Map.of());

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(first.get(10, TimeUnit.SECONDS).body()).isEqualTo("1");
        assertThat(this.server.engine().session(sid)).isNull();
    }

    @Test
    void connectionThatNeverJoinsANamespaceIsClosedAfterTheConnectTimeout() {
        RawWebSocketClient client = RawWebSocketClient.open(this.port, "", Map.of(), true);
        client.expectText("0{");

        assertThat(client.awaitClose(CLOSE_TIMEOUT)).isEqualTo(CloseStatus.NORMAL.getCode());
    }

    @Test
    void clientThatDoesNotReadIsClosedWhenItsOutboundBufferIsFull() {
        Polling polling = new Polling(this.port);
        String sid = polling.handshake();
        polling.post("?EIO=4&transport=polling&sid=" + sid, "40".getBytes());
        String socketId = polling.get("?EIO=4&transport=polling&sid=" + sid, Map.of()).body()
                .replaceAll(".*\\{\"sid\":\"([^\"]+)\"}.*", "$1");
        var socket = this.server.mainNamespace().socket(socketId);

        for (int i = 0; i < 10; i++) {
            socket.volatileEmit("dropped-while-nobody-polls", i);
        }
        assertThat(this.server.engine().session(sid)).as("volatile emits never fill the buffer").isNotNull();
        for (int i = 0; i < 11; i++) {
            socket.emit("tick", i);
        }

        assertThat(this.server.engine().session(sid)).isNull();
        await().atMost(CLOSE_TIMEOUT).until(() -> "limit exceeded".equals(this.recorder.reasonFor(socketId)));
    }
}
