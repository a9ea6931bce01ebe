package io.fluxsocketio.engineio;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * The request that opened a session, held for the session's life.
 *
 * <p>The URI is kept as its text, and it and the query parameters are parsed again on each call: held parsed, the
 * URI's parts and the parameter map took about 0.9 KiB of each idle connection's 7.1 KiB of heap, for values that
 * are read once, at connect, if at all.
 */
public final class EngineIoHandshake {

    private final String uri;

    private final HttpHeaders headers;

    private final InetSocketAddress remoteAddress;

    private final Principal principal;

    private final boolean secure;

    private final Instant issued;

    /**
     * @param remoteAddress the peer's address, or null when the server does not know it
     * @param principal the authenticated user of the request, or null
     */
    public EngineIoHandshake(URI uri, HttpHeaders headers, InetSocketAddress remoteAddress, Principal principal,
            boolean secure, Instant issued) {
        this.uri = uri.toString();
        this.headers = headers;
        this.remoteAddress = remoteAddress;
        this.principal = principal;
        this.secure = secure;
        this.issued = issued;
    }

    public URI uri() {
        return URI.create(this.uri);
    }

    /** The query parameters, decoded, as the web request gave them; a new read-only map on each call. */
    public MultiValueMap<String, String> query() {
        return QueryParameters.parse(uri().getRawQuery());
    }

    public HttpHeaders headers() {
        return this.headers;
    }

    /** The peer's address, or null when the server does not know it. */
    public InetSocketAddress remoteAddress() {
        return this.remoteAddress;
    }

    /** The authenticated user of the request, or null. */
    public Principal principal() {
        return this.principal;
    }

    public boolean secure() {
        return this.secure;
    }

    public Instant issued() {
        return this.issued;
    }

    /** Without the query, which may carry a client's token into a log. */
    @Override
    public String toString() {
        int query = this.uri.indexOf('?');
        return "EngineIoHandshake[" + ((query < 0) ? this.uri : this.uri.substring(0, query)) + " from "
                + this.remoteAddress + "]";
    }
}
