package io.fluxsocketio.socketio.protocol;

/** Input that is not valid Socket.IO v5. The only exception the decoder and the assembler throw for bad input. */
public class SocketIoProtocolException extends RuntimeException {

    public SocketIoProtocolException(String message) {
        super(message);
    }

    public SocketIoProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
