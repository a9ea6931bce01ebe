package io.fluxsocketio.engineio.web;

import org.springframework.http.HttpStatus;

/** The error bodies of the Engine.IO HTTP API, as Node's engine.io sends them. */
enum EngineIoError {

    UNKNOWN_TRANSPORT(0, "Transport unknown"),
    UNKNOWN_SID(1, "Session ID unknown"),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
    BAD_REQUEST(3, "Bad request"),
    FORBIDDEN(4, "Forbidden"),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version"),
    PAYLOAD_TOO_LARGE(3, "Payload too large");

    private final int code;

    private final String message;

    EngineIoError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    HttpStatus status() {
        return switch (this) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case PAYLOAD_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    String json() {
        return "{\"code\":" + this.code + ",\"message\":\"" + this.message + "\"}";
    }
}
