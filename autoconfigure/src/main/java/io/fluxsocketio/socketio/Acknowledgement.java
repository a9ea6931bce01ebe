package io.fluxsocketio.socketio;

/** The ack of one event, for handlers that answer it themselves. Only the first {@link #send} counts. */
public interface Acknowledgement {

    /** Whether the client asked for an ack. */
    boolean isRequested();

    /** Sends the ack with these arguments; dropped when the client did not ask for one, or after the first. */
    void send(Object... args);
}
