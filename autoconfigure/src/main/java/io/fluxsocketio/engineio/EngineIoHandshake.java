package io.fluxsocketio.engineio;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * The request that opened a session.
 * @param principal the authenticated user of the request, or null
 * @param remoteAddress the peer's address, or null when the server does not know it
 */
public record EngineIoHandshake(URI uri, HttpHeaders headers, MultiValueMap<String, String> query,
        InetSocketAddress remoteAddress, Principal principal, boolean secure, Instant issued) {
}
