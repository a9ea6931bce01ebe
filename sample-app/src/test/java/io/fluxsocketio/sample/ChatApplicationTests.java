package io.fluxsocketio.sample;

import io.fluxsocketio.testing.JavaSocketIoClients;
import io.socket.client.Socket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.fluxsocketio.testing.JavaSocketIoClients.call;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class ChatApplicationTests {

    @LocalServerPort
    int port;

    private final JavaSocketIoClients clients = new JavaSocketIoClients();

    @AfterEach
    void close() {
        this.clients.close();
    }

    @Test
    void servesThePageAndTheOfficialBrowserClient() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> client = http.send(HttpRequest.newBuilder(URI.create(base() + "/js/socket.io.min.js"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Flux-SocketIO chat", "js/socket.io.min.js");
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.body()).startsWith("/*!\n * Socket.IO v4.");
    }

    @Test
    void twoUsersInARoomChat() throws Exception {
        Socket alice = connect();
        Socket bob = connect();
        CompletableFuture<Object[]> joined = new CompletableFuture<>();
        alice.once("system", joined::complete);
        call(alice, "join", new JSONObject().put("nick", "alice").put("room", "lobby"));
        call(bob, "join", new JSONObject().put("nick", "bob").put("room", "lobby"));
        assertThat(joined.get(10, TimeUnit.SECONDS)).containsExactly("bob joined lobby");

        CompletableFuture<Object[]> received = new CompletableFuture<>();
        bob.once("chat", received::complete);
        assertThat(call(alice, "chat", new JSONObject().put("text", "hello"))).containsExactly("ok");

        JSONObject message = (JSONObject) received.get(10, TimeUnit.SECONDS)[0];
        assertThat(message.getString("nick")).isEqualTo("alice");
        assertThat(message.getString("text")).isEqualTo("hello");
        assertThat(message.getString("time")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void chatBeforeJoiningIsRefusedInTheAck() throws Exception {
        Object[] reply = call(connect(), "chat", new JSONObject().put("text", "hello"));

        assertThat(((JSONObject) reply[0]).getString("error")).isEqualTo("join a room first");
    }

    @Test
    void blankLinesAreRefusedByValidation() throws Exception {
        Socket alice = connect();
        call(alice, "join", new JSONObject().put("nick", "alice"));

        Object[] reply = call(alice, "chat", new JSONObject().put("text", " "));

        assertThat(((JSONObject) reply[0]).getString("error")).startsWith("invalid text");
    }

    @Test
    void everyClientHearsTheServerClock() throws Exception {
        CompletableFuture<Object[]> tick = new CompletableFuture<>();
        Socket socket = connect();
        socket.once("time", tick::complete);

        assertThat((String) tick.get(10, TimeUnit.SECONDS)[0]).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    private Socket connect() throws Exception {
        return this.clients.connect(URI.create(base()), new String[] { "polling", "websocket" }, Map.of());
    }

    private String base() {
        return "http://127.0.0.1:" + this.port;
    }
}
