package io.fluxsocketio.handler.annotation.support;

import io.fluxsocketio.handler.invocation.PayloadConversionException;
import io.fluxsocketio.handler.invocation.PayloadValidationException;
import io.fluxsocketio.socketio.SocketIoEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Turns what a handler returned, or threw, into the ack the client asked for. */
final class AckReplies {

    private static final Log logger = LogFactory.getLog(AckReplies.class);

    private AckReplies() {
    }

    /**
     * Acks with the returned value, or the value of a returned publisher when it completes; a void method sends
     * nothing.
     * @return what completes with the ack, or null when the result was a plain value, answered already (so that
     * the common synchronous handler costs no {@code Mono})
     */
    static Mono<Void> fromResult(SocketIoEvent event, Object result, boolean returnsVoid) {
        if (result instanceof Publisher<?> publisher) {
            Mono<Object> value = Mono.from(publisher);
            return returnsVoid ? value.then() : value.map(Optional::of).defaultIfEmpty(Optional.empty())
                    .doOnNext(reply -> send(event, reply.orElse(null))).then();
        }
        if (!returnsVoid) {
            send(event, result);
        }
        return null;
    }

    /** Sends the ack unless the client did not ask for one or the handler already sent it. */
    static void send(SocketIoEvent event, Object value) {
        if (event == null || event.isAcked()) {
            return;
        }
        if (!event.hasAck()) {
            if (value != null) {
                logger.debug("Dropping the result of '" + event.name() + "': the client asked for no ack");
            }
            return;
        }
        if (value == null) {
            event.ack();
        }
        else {
            event.ack(value);
        }
    }

    /**
     * The ack for an error no {@code @OnError} method answered. Details go out only for errors in the client's own
     * input; anything else is an internal error, logged here and not described to the client.
     */
    static Map<String, Object> errorBody(Throwable error) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (error instanceof PayloadValidationException invalid) {
            body.put("error", invalid.getMessage());
            body.put("violations", invalid.getViolations());
        }
        else if (error instanceof PayloadConversionException unreadable) {
            body.put("error", unreadable.getMessage());
        }
        else {
            body.put("error", "internal error");
        }
        return body;
    }
}
