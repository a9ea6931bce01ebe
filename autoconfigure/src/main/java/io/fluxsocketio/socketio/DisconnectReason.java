package io.fluxsocketio.socketio;

import io.fluxsocketio.engineio.CloseReason;

/** Why a socket left its namespace, with socket.io's names for the reasons. */
public enum DisconnectReason {

    /** The server called {@code disconnect()} on the socket. */
    SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
    /** The client called {@code disconnect()}. */
    CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
    /** The server is shutting down. */
    SERVER_SHUTTING_DOWN("server shutting down"),
    /** The client stopped answering pings. */
    PING_TIMEOUT("ping timeout"),
    /** The connection was closed by the client or the network. */
    TRANSPORT_CLOSE("transport close"),
    /** The connection failed, or broke a transport rule. */
    TRANSPORT_ERROR("transport error"),
    /** The client sent something invalid. */
    PARSE_ERROR("parse error"),
    /** The server closed the whole connection. */
    FORCED_SERVER_CLOSE("forced server close"),
    /** The connection was closed because of a limit (payload size, outbound buffer, connect timeout). */
    LIMIT_EXCEEDED("limit exceeded");

    private final String wireName;

    DisconnectReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return this.wireName;
    }

    static DisconnectReason of(CloseReason reason) {
        return switch (reason) {
            case TRANSPORT_CLOSE -> TRANSPORT_CLOSE;
            case TRANSPORT_ERROR -> TRANSPORT_ERROR;
            case PING_TIMEOUT -> PING_TIMEOUT;
            case PARSE_ERROR -> PARSE_ERROR;
            case PAYLOAD_TOO_LARGE, OUTBOUND_BUFFER_FULL, CONNECT_TIMEOUT -> LIMIT_EXCEEDED;
            case FORCED_CLOSE -> FORCED_SERVER_CLOSE;
            case SERVER_SHUTTING_DOWN -> SERVER_SHUTTING_DOWN;
        };
    }
}
