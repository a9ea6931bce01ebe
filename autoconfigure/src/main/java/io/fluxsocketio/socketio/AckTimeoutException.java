package io.fluxsocketio.socketio;

import java.time.Duration;

/** The client did not acknowledge an event within the timeout. */
public class AckTimeoutException extends RuntimeException {

    public AckTimeoutException(String event, Duration timeout) {
        super("no acknowledgement of '" + event + "' within " + timeout.toMillis() + " ms");
    }
}
