package io.fluxsocketio.engineio;

/** Why an Engine.IO session closed. The wire names match those of Node's engine.io where one exists. */
public enum CloseReason {

    /** The client closed the connection, or sent a close packet. */
    TRANSPORT_CLOSE("transport close"),
    /** The connection failed, or the client broke the transport's rules (for example two pending polls). */
    TRANSPORT_ERROR("transport error"),
    /** No pong arrived within the ping timeout. */
    PING_TIMEOUT("ping timeout"),
    /** The client sent something that is not valid Engine.IO or Socket.IO. */
    PARSE_ERROR("parse error"),
    /** A message exceeded the configured maximum payload. */
    PAYLOAD_TOO_LARGE("payload too large"),
    /** The client did not read fast enough and its outbound buffer reached the configured bound. */
    OUTBOUND_BUFFER_FULL("outbound buffer full"),
    /** The session never connected to a namespace within the connect timeout. */
    CONNECT_TIMEOUT("connect timeout"),
    /** The server closed the session on purpose. */
    FORCED_CLOSE("forced close"),
    /** The server is shutting down. */
    SERVER_SHUTTING_DOWN("server shutting down");

    private final String wireName;

    CloseReason(String wireName) {
        this.wireName = wireName;
    }

    /** The reason as socket.io names it, for example {@code "ping timeout"}. */
    public String wireName() {
        return this.wireName;
    }

    /** Whether the messages still queued should be written before the connection closes. */
    boolean flushesBeforeClose() {
        return this == FORCED_CLOSE || this == SERVER_SHUTTING_DOWN || this == CONNECT_TIMEOUT;
    }
}
