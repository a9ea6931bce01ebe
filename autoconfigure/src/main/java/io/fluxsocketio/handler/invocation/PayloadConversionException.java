package io.fluxsocketio.handler.invocation;

/** An event argument could not be converted to the type its parameter declares, or is missing. */
public class PayloadConversionException extends RuntimeException {

    public PayloadConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
