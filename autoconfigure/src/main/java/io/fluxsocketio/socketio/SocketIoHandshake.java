package io.fluxsocketio.socketio;

import io.fluxsocketio.engineio.EngineIoHandshake;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What a socket's client sent when it connected: the HTTP request that opened the connection and the auth
 * payload of its CONNECT packet. The request's parts are read from the connection's {@link EngineIoHandshake},
 * shared by the sockets of all its namespaces rather than copied into each.
 */
public final class SocketIoHandshake {

    private final EngineIoHandshake request;

    private final JsonNode auth;

    /**
     * @param request the request that opened the connection
     * @param auth the auth payload of the CONNECT packet, or null when the client sent none
     */
    public SocketIoHandshake(EngineIoHandshake request, JsonNode auth) {
        this.request = request;
        this.auth = auth;
    }

    public HttpHeaders headers() {
        return this.request.headers();
    }

    /** The request's query parameters, decoded; a new read-only map on each call. */
    public MultiValueMap<String, String> query() {
        return this.request.query();
    }

    /**
     * The auth payload; when the client sent none, an empty object, made on each call rather than held by every
     * socket (about 90 bytes each) for the few handlers that look.
     */
    public JsonNode auth() {
        return (this.auth != null) ? this.auth : JsonNodeFactory.instance.objectNode();
    }

    /** The client's IP address, or null when unknown. */
    public String address() {
        InetSocketAddress remote = this.request.remoteAddress();
        return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
    }

    /** When the connection's first request arrived. */
    public Instant time() {
        return this.request.issued();
    }

    public URI url() {
        return this.request.uri();
    }

    public boolean secure() {
        return this.request.secure();
    }

    /** The authenticated user of the HTTP request, or null. */
    public Principal principal() {
        return this.request.principal();
    }

    /** Without the auth payload or the query, which may carry a client's credentials into a log. */
    @Override
    public String toString() {
        return "SocketIoHandshake[" + this.request + "]";
    }
}
