package io.fluxsocketio.socketio;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * What a socket's client sent when it connected: the HTTP request that opened the connection and the auth
 * payload of its CONNECT packet.
 * @param auth the auth payload, an empty object when the client sent none
 * @param address the client's IP address, or null when unknown
 * @param principal the authenticated user of the HTTP request, or null
 */
public record SocketIoHandshake(HttpHeaders headers, MultiValueMap<String, String> query, JsonNode auth,
        String address, Instant time, URI url, boolean secure, Principal principal) {
}
