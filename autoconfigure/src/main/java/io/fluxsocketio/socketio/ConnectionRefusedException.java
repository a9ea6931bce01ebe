package io.fluxsocketio.socketio;

/**
 * Refuses a connection from a {@link SocketMiddleware}; the client's {@code connect_error} receives the message
 * and, as {@code err.data}, the data.
 */
public class ConnectionRefusedException extends RuntimeException {

    private final transient Object data;

    public ConnectionRefusedException(String message) {
        this(message, null);
    }

    public ConnectionRefusedException(String message, Object data) {
        super(message);
        this.data = data;
    }

    /** Extra detail for the client, converted to JSON; may be null. */
    public Object getData() {
        return this.data;
    }
}
