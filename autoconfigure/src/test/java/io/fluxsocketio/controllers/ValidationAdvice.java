package io.fluxsocketio.controllers;

import io.fluxsocketio.handler.annotation.OnError;
import io.fluxsocketio.handler.annotation.SocketIoControllerAdvice;
import io.fluxsocketio.handler.invocation.PayloadValidationException;

import java.util.Map;

/** Answers validation errors of every controller with the fields at fault. */
@SocketIoControllerAdvice
class ValidationAdvice {

    @OnError
    Map<String, Object> invalid(PayloadValidationException error) {
        return Map.of("invalid", error.getViolations().stream().map(PayloadValidationException.Violation::field)
                .sorted().toList());
    }
}
