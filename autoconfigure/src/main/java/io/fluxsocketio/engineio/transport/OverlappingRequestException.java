package io.fluxsocketio.engineio.transport;

/** A client sent a second GET (or POST) while one was still pending, which the protocol forbids. */
public class OverlappingRequestException extends RuntimeException {

    public OverlappingRequestException(String message) {
        super(message);
    }
}
