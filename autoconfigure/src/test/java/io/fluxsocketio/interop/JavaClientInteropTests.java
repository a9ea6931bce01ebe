package io.fluxsocketio.interop;

import io.fluxsocketio.socketio.adapter.BroadcastOptions;
import io.fluxsocketio.testing.JavaSocketIoClients;
import io.socket.client.Ack;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static io.fluxsocketio.testing.JavaSocketIoClients.call;
import static io.fluxsocketio.testing.JavaSocketIoClients.once;
import static org.awaitility.Awaitility.await;

/** The Java client ({@code io.socket:socket.io-client} 2.x) runs the whole scenario on each transport. */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.ping-interval=500ms", "socketio.ping-timeout=5s" })
class JavaClientInteropTests extends LiveServerTests {

    private static final long TIMEOUT_SECONDS = JavaSocketIoClients.TIMEOUT_SECONDS;

    private final JavaSocketIoClients clients = new JavaSocketIoClients();

    @AfterEach
    void closeClients() {
        this.clients.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "websocket", "polling", "upgrade" })
    void javaClientRunsTheScenario(String mode) throws Exception {
        Socket a = connect(mode, "/", Map.of());
        String expectedTransport = mode.equals("polling") ? "polling" : "websocket";
        await().atMost(Duration.ofSeconds(5)).until(() -> call(a, "transport")[0], expectedTransport::equals);

        Object[] echo = call(a, "echo", "hello", 42, new JSONObject().put("a", new JSONArray().put(1).put(2.5).put(true)),
                "ünïcødé ✓");
        assertThat(echo[0]).isEqualTo("hello");
        assertThat(echo[1]).isEqualTo(42);
        JSONArray array = ((JSONObject) echo[2]).getJSONArray("a");
        assertThat(List.of(array.get(0), array.get(1), array.get(2))).containsExactly(1, 2.5, true);
        assertThat(echo[3]).isEqualTo("ünïcødé ✓");

        Object[] binary = call(a, "echo", new byte[] { 1, 2, 3 },
                new JSONObject().put("nested", new JSONArray().put(new byte[] { 4, 5 })), "text");
        assertThat((byte[]) binary[0]).containsExactly(1, 2, 3);
        assertThat((byte[]) ((JSONObject) binary[1]).getJSONArray("nested").get(0)).containsExactly(4, 5);
        assertThat(binary[2]).isEqualTo("text");

        Object[] fromServer = call(a, "binary-from-server");
        assertThat((byte[]) fromServer[0]).containsExactly(1, 2, 3);
        assertThat((byte[]) ((JSONObject) fromServer[1]).getJSONArray("nested").get(0)).containsExactly(4, 5);

        CompletableFuture<Object[]> pong = once(a, "pong-you");
        a.emit("ping-me", "no ack");
        assertThat(pong.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).containsExactly("no ack");

        a.on("question", args -> ((Ack) args[args.length - 1]).call((Integer) args[0] + 1));
        CompletableFuture<Object[]> answer = once(a, "answer-was");
        a.emit("ask-me");
        assertThat(answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).containsExactly(43);

        Socket admin = connect(mode, "/admin", Map.of("token", "secret"));
        assertThat(((JSONObject) call(admin, "whoami")[0]).getString("token")).isEqualTo("secret");

        Socket refused = socket(mode, "/admin", Map.of("token", "wrong"));
        CompletableFuture<Object[]> connectError = once(refused, Socket.EVENT_CONNECT_ERROR);
        refused.connect();
        JSONObject error = (JSONObject) connectError.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)[0];
        assertThat(error.getString("message")).isEqualTo("unauthorized");
        assertThat(error.getJSONObject("data").getString("reason")).isEqualTo("bad token");
        assertThat(this.server.of("/admin").adapter().sockets(new BroadcastOptions(Set.of("admins"), Set.of(), false,
                false))).as("members of the room joined in middleware").containsExactly(admin.id());

        Socket b = connect(mode, "/", Map.of());
        Socket c = connect(mode, "/", Map.of());
        ConcurrentLinkedQueue<Object[]> atA = record(a, "room-message");
        ConcurrentLinkedQueue<Object[]> atC = record(c, "room-message");
        assertThat(call(a, "join", "room1")).containsExactly(true);
        assertThat(call(b, "join", "room1")).containsExactly(true);
        CompletableFuture<Object[]> atB = once(b, "room-message");
        assertThat(call(a, "to-room", "room1", "hi")).containsExactly("sent");
        assertThat(atB.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).containsExactly("hi", a.id());
        call(c, "echo", "barrier");
        assertThat(atA).as("the sender's own room message").isEmpty();
        assertThat(atC).as("room messages at a non-member").isEmpty();

        CompletableFuture<Object[]> atBAgain = once(b, "room-message");
        assertThat(call(c, "server-to-room", "room1", "all")).containsExactly("sent");
        assertThat(atBAgain.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).containsExactly("all", "server");
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).until(() -> atA.size() == 1);
        call(c, "echo", "barrier");
        assertThat(atC).as("room messages at a non-member").isEmpty();

        String leaver = b.id();
        b.disconnect();
        String kicked = a.id();
        CompletableFuture<Object[]> gone = once(a, Socket.EVENT_DISCONNECT);
        a.emit("kick-me");
        assertThat(gone.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).containsExactly("io server disconnect");

        this.clients.closeSockets();
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS)).untilAsserted(() -> {
            assertThat(this.recorder.reasonFor(kicked)).isEqualTo("server namespace disconnect");
            assertThat(this.recorder.reasonFor(leaver)).isEqualTo("client namespace disconnect");
        });
        assertNothingLeft(Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    private Socket socket(String mode, String namespace, Map<String, String> auth) {
        return this.clients.socket(URI.create(baseUrl() + namespace), transports(mode), auth);
    }

    private Socket connect(String mode, String namespace, Map<String, String> auth) throws Exception {
        return this.clients.connect(URI.create(baseUrl() + namespace), transports(mode), auth);
    }

    private static String[] transports(String mode) {
        return switch (mode) {
            case "websocket" -> new String[] { WebSocket.NAME };
            case "polling" -> new String[] { Polling.NAME };
            default -> new String[] { Polling.NAME, WebSocket.NAME };
        };
    }

    private static ConcurrentLinkedQueue<Object[]> record(Socket socket, String event) {
        ConcurrentLinkedQueue<Object[]> received = new ConcurrentLinkedQueue<>();
        socket.on(event, received::add);
        return received;
    }
}
