package io.fluxsocketio.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Engine.IO long-polling requests by hand, for tests of the HTTP side of the protocol. */
public final class Polling {

    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    private final String base;

    public Polling(int port) {
        this.base = "http://127.0.0.1:" + port + "/socket.io/";
    }

    /** Opens a session and returns its sid. */
    public String handshake() {
        HttpResponse<String> response = get("?EIO=4&transport=polling", Map.of());
        Matcher sid = SID.matcher(response.body());
        if (response.statusCode() != 200 || !sid.find()) {
            throw new AssertionError("handshake failed: " + response.statusCode() + " " + response.body());
        }
        return sid.group(1);
    }

    public HttpResponse<String> get(String query, Map<String, String> headers) {
        return send(request(query, headers).GET().build());
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String query) {
        return this.http.sendAsync(request(query, Map.of()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String query, byte[] body) {
        return send(request(query, Map.of()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> options(String query, Map<String, String> headers) {
        return send(request(query, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String query, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + query));
        headers.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
