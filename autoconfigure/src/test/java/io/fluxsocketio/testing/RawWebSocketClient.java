package io.fluxsocketio.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client that speaks Engine.IO by hand, for tests that must send exactly the frames they mean,
 * broken ones included. It answers pings unless told not to.
 */
public final class RawWebSocketClient implements WebSocket.Listener {

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private final boolean answerPings;

    private final StringBuilder partial = new StringBuilder();

    private WebSocket webSocket;

    private RawWebSocketClient(boolean answerPings) {
        this.answerPings = answerPings;
    }

    /** Opens {@code /socket.io/?EIO=4&transport=websocket} plus any extra query and headers, and reads the open packet. */
    public static RawWebSocketClient open(int port, String extraQuery, Map<String, String> headers,
            boolean answerPings) {
        return openAt(port, "/socket.io/", extraQuery, headers, answerPings);
    }

    /** Opens an Engine.IO WebSocket at another path. */
    public static RawWebSocketClient openAt(int port, String path, String extraQuery, Map<String, String> headers,
            boolean answerPings) {
        RawWebSocketClient client = new RawWebSocketClient(answerPings);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        URI uri = URI.create("ws://127.0.0.1:" + port + path + "?EIO=4&transport=websocket" + extraQuery);
        client.webSocket = builder.buildAsync(uri, client).join();
        return client;
    }

    /** Opens a connection and joins the main namespace. */
    public static RawWebSocketClient connected(int port) {
        RawWebSocketClient client = open(port, "", Map.of(), true);
        client.expectText("0{");
        client.send("40");
        client.expectText("40{\"sid\":");
        return client;
    }

    public RawWebSocketClient send(String text) {
        this.webSocket.sendText(text, true).join();
        return this;
    }

    public RawWebSocketClient sendBinary(byte[] bytes) {
        this.webSocket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /**
     * Sends one text message as a frame per part (RFC 6455, 5.4: the first a text frame, the others continuation
     * frames), with a ping between each two: control frames may come in the middle of a fragmented message.
     */
    public RawWebSocketClient sendFragmented(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            this.webSocket.sendText(parts[i], i == parts.length - 1).join();
            if (i < parts.length - 1) {
                this.webSocket.sendPing(ByteBuffer.wrap(new byte[] { (byte) i })).join();
            }
        }
        return this;
    }

    /** Sends one binary message as a frame per part. */
    public RawWebSocketClient sendBinaryFragmented(byte[]... parts) {
        for (int i = 0; i < parts.length; i++) {
            this.webSocket.sendBinary(ByteBuffer.wrap(parts[i]), i == parts.length - 1).join();
        }
        return this;
    }

    /** The next text frame, which must start with the prefix. */
    public String expectText(String prefix) {
        Object next = next(Duration.ofSeconds(10));
        if (!(next instanceof String text) || !text.startsWith(prefix)) {
            throw new AssertionError("expected a text frame starting with " + prefix + " but got " + next);
        }
        return text;
    }

    /** The next frame (a String or a byte[]), or null when none arrives in time. */
    public Object next(Duration timeout) {
        try {
            return this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The close code the server sent, waiting up to the timeout; -1 when the connection failed instead. */
    public int awaitClose(Duration timeout) {
        return this.closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosed() {
        return this.closed.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        this.partial.append(data);
        if (last) {
            String text = this.partial.toString();
            this.partial.setLength(0);
            if (this.answerPings && text.equals("2")) {
                webSocket.sendText("3", true);
            }
            else {
                this.received.add(text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        this.received.add(bytes);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        this.closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        this.closed.complete(-1);
    }

    /** Starts the WebSocket closing handshake from the client's side. */
    public void sendClose() {
        this.webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    public void abort() {
        this.webSocket.abort();
    }
}
