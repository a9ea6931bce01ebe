package io.fluxsocketio.engineio.web;

import io.fluxsocketio.engineio.CloseReason;
import io.fluxsocketio.engineio.EngineIoListener;
import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.EngineIoServer;
import io.fluxsocketio.engineio.EngineIoSocket;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;
import io.fluxsocketio.interop.InteropApplication;
import io.fluxsocketio.testing.RawWebSocketClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Engine.IO layer on its own, as python-engineio or Node's engine.io: an application mounts a plain endpoint
 * at another path with its own listener, beside the Socket.IO one.
 */
@SpringBootTest(classes = { InteropApplication.class, PlainEngineIoEndpointTests.EchoEndpoint.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class PlainEngineIoEndpointTests {

    @LocalServerPort
    int port;

    @Autowired
    EchoListener listener;

    @Test
    void webSocketMessagesAreEchoedByThePlainListener() {
        RawWebSocketClient client = RawWebSocketClient.openAt(this.port, "/engine.io/", "", Map.of(), true);
        client.expectText("0{");

        client.send("4hello");
        client.sendBinary(new byte[] { 1, 2 });

        assertThat(client.expectText("4")).isEqualTo("4hello");
        assertThat((byte[]) client.next(Duration.ofSeconds(10))).containsExactly(1, 2);
        client.send("1");
        await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.closes.contains("transport close"));
    }

    @Test
    void pollingMessagesAreEchoedByThePlainListener() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI session = openPollingSession(http);

        http.send(HttpRequest.newBuilder(session).POST(HttpRequest.BodyPublishers.ofString("4one\u001ebAQI=")).build(),
                HttpResponse.BodyHandlers.ofString());
        String echoed = http.send(HttpRequest.newBuilder(session).build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(echoed).isEqualTo("4one\u001ebAQI=");
    }

    /**
     * A polling client closes with a POST while its GET is on the way on another connection, which another event
     * loop may read after the POST (the official suite's "should successfully close the session"): that GET ends
     * with a noop as a waiting one would; later requests find no session.
     */
    @Test
    void pollReadAfterTheClosingPostEndsWithANoopAndLaterRequestsFindNoSession() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI session = openPollingSession(http);
        int closesBefore = this.listener.closes.size();

        HttpResponse<String> close = http.send(HttpRequest.newBuilder(session)
                .POST(HttpRequest.BodyPublishers.ofString("1")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> lastPoll = http.send(HttpRequest.newBuilder(session).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> laterPoll = http.send(HttpRequest.newBuilder(session).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> laterPost = http.send(HttpRequest.newBuilder(session)
                .POST(HttpRequest.BodyPublishers.ofString("4late")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(close.statusCode()).isEqualTo(200);
        assertThat(this.listener.closes).hasSize(closesBefore + 1).last().isEqualTo("transport close");
        assertThat(lastPoll.statusCode()).isEqualTo(200);
        assertThat(lastPoll.body()).isEqualTo("6");
        assertThat(laterPoll.statusCode()).isEqualTo(400);
        assertThat(laterPost.statusCode()).isEqualTo(400);
    }

    /**
     * The official suite's "refuses polling requests for an upgraded session", many times over: the client sends the
     * probe and the upgrade on the new WebSocket, then polls on another connection, which another event loop may
     * read before the WebSocket's loop has even attached the probe. As with socket.io's single thread, the poll finds
     * the upgrade done.
     */
    @Test
    void aPollSentAfterTheUpgradePacketsFindsTheUpgradeDone() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int round = 0; round < 100; round++) {
            URI session = openPollingSession(http);
            RawWebSocketClient upgrade = sendProbeAndUpgrade(session);

            HttpResponse<String> poll = http.send(HttpRequest.newBuilder(session).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(poll.statusCode()).as("poll of round %d", round).isEqualTo(400);
            assertUpgradedAndClose(upgrade);
        }
    }

    /**
     * The official suite's "refuses a second WebSocket for an upgraded session", many times over: the second one is
     * opened as soon as the first is, and may reach the server before the first one's handler has started the probe.
     * It is refused before its handshake is answered, whether the first one's upgrade is done or under way.
     */
    @Test
    void aSecondUpgradeWebSocketIsRefusedAndTheFirstUpgrades() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int round = 0; round < 100; round++) {
            URI session = openPollingSession(http);
            RawWebSocketClient upgrade = sendProbeAndUpgrade(session);

            assertThatThrownBy(() -> RawWebSocketClient.openAt(this.port, "/engine.io/", "&sid=" + sid(session),
                    Map.of(), true), "second WebSocket of round %d", round)
                    .hasCauseInstanceOf(WebSocketHandshakeException.class);
            assertUpgradedAndClose(upgrade);
        }
    }

    /** Opens the session's upgrade WebSocket and sends the probe and the upgrade on it without waiting for answers. */
    private RawWebSocketClient sendProbeAndUpgrade(URI session) {
        return RawWebSocketClient.openAt(this.port, "/engine.io/", "&sid=" + sid(session), Map.of(), true)
                .send("2probe")
                .send("5");
    }

    private static void assertUpgradedAndClose(RawWebSocketClient upgrade) {
        assertThat(upgrade.expectText("3")).isEqualTo("3probe");
        upgrade.send("4hello");
        assertThat(upgrade.expectText("4")).isEqualTo("4hello");
        upgrade.abort();
    }

    private static String sid(URI session) {
        return session.getQuery().replaceFirst(".*sid=", "");
    }

    /** Opens a long-polling session at the plain endpoint and returns the address of its requests. */
    private URI openPollingSession(HttpClient http) throws Exception {
        String base = "http://127.0.0.1:" + this.port + "/engine.io/?EIO=4&transport=polling";
        String open = http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher sid = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open);
        assertThat(sid.find()).as("handshake %s", open).isTrue();
        return URI.create(base + "&sid=" + sid.group(1));
    }

    @Test
    void closingHandshakeStartedByTheClientIsAnsweredAndEndsTheSession() {
        RawWebSocketClient client = RawWebSocketClient.openAt(this.port, "/engine.io/", "", Map.of(), true);
        client.expectText("0{");
        int closesBefore = this.listener.closes.size();

        client.sendClose();

        assertThat(client.awaitClose(Duration.ofSeconds(5))).isEqualTo(1000);
        await().atMost(Duration.ofSeconds(5)).until(() -> this.listener.closes.size() == closesBefore + 1);
    }

    @Test
    void theSocketIoEndpointStillServesBesideIt() {
        RawWebSocketClient.connected(this.port).abort();
    }

    /** Echoes every message back to its sender. */
    static final class EchoListener implements EngineIoListener {

        final List<String> closes = new CopyOnWriteArrayList<>();

        @Override
        public void onOpen(EngineIoSocket socket) {
        }

        @Override
        public void onMessage(EngineIoSocket socket, Message message) {
            socket.send(message);
        }

        @Override
        public void onClose(EngineIoSocket socket, CloseReason reason) {
            this.closes.add(reason.wireName());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class EchoEndpoint {

        @Bean
        EchoListener echoListener() {
            return new EchoListener();
        }

        @Bean(destroyMethod = "close")
        EngineIoServer echoEngine(EchoListener listener) {
            return new EngineIoServer(EngineIoOptions.defaults(), listener);
        }

        @Bean
        EngineIoHandlerMapping echoMapping(EngineIoServer echoEngine) {
            return new EngineIoHandlerMapping("/engine.io", new EngineIoWebHandler(echoEngine, new CorsConfiguration()));
        }
    }
}
