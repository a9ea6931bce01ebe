package io.fluxsocketio.engineio.protocol;

/** Input that is not valid Engine.IO v4. The only exception the codecs throw for bad input. */
public class EngineIoProtocolException extends RuntimeException {

    public EngineIoProtocolException(String message) {
        super(message);
    }

    public EngineIoProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
