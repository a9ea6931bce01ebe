package io.fluxsocketio.handler.annotation.support;

import io.fluxsocketio.handler.invocation.InvocableHandlerMethod;
import io.fluxsocketio.handler.invocation.InvocationContext;
import io.fluxsocketio.socketio.AsyncEventHandler;
import io.fluxsocketio.socketio.ConnectionRefusedException;
import io.fluxsocketio.socketio.DisconnectHandler;
import io.fluxsocketio.socketio.SocketMiddleware;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Adapts handler methods to the programmatic API: events, connects (as middleware, so that they can refuse) and
 * disconnects. The server's concurrency strategy already runs these adapters on its threads.
 */
final class HandlerAdapters {

    private HandlerAdapters() {
    }

    static AsyncEventHandler event(InvocableHandlerMethod handler, ErrorHandlers errors) {
        return event -> {
            InvocationContext context = InvocationContext.of(event);
            Mono<Void> outcome;
            try {
                outcome = AckReplies.fromResult(event, handler.invoke(context), handler.returnsVoid());
                if (outcome == null) {
                    // Answered synchronously: null tells the caller so, with no Mono built per event.
                    return null;
                }
            }
            catch (Throwable ex) {
                outcome = Mono.error(ex);
            }
            return outcome.onErrorResume(ex -> errors.handle(context.withError(ex), handler + " for '"
                    + event.name() + "'"));
        };
    }

    static SocketMiddleware connect(InvocableHandlerMethod handler) {
        return socket -> {
            Object result;
            try {
                result = handler.invoke(InvocationContext.of(socket));
            }
            catch (Throwable ex) {
                return Mono.error(refusal(ex));
            }
            Mono<Object> answer = (result instanceof Publisher<?> publisher) ? Mono.from(publisher).cast(Object.class)
                    : Mono.justOrEmpty(result);
            return answer.flatMap(value -> Boolean.FALSE.equals(value)
                    ? Mono.<Object>error(new ConnectionRefusedException("Connection refused")) : Mono.empty())
                    .onErrorMap(HandlerAdapters::refusal)
                    .then();
        };
    }

    static DisconnectHandler disconnect(InvocableHandlerMethod handler, ErrorHandlers errors) {
        return (socket, reason) -> {
            InvocationContext context = InvocationContext.of(socket, reason);
            Mono<Void> outcome;
            try {
                Object result = handler.invoke(context);
                outcome = (result instanceof Publisher<?> publisher) ? Mono.from(publisher).then() : Mono.empty();
            }
            catch (Throwable ex) {
                outcome = Mono.error(ex);
            }
            return outcome.onErrorResume(ex -> errors.handle(context.withError(ex), handler.toString()));
        };
    }

    private static Throwable refusal(Throwable error) {
        if (error instanceof ConnectionRefusedException) {
            return error;
        }
        return new ConnectionRefusedException(error.getMessage() != null ? error.getMessage() : "Connection refused");
    }
}
