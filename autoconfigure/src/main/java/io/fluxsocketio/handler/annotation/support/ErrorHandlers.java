package io.fluxsocketio.handler.annotation.support;

import io.fluxsocketio.concurrency.ConcurrencyStrategy;
import io.fluxsocketio.handler.invocation.InvocableHandlerMethod;
import io.fluxsocketio.handler.invocation.InvocationContext;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The {@code @OnError} methods that apply to one controller: its own first, then those of the advice beans; among
 * them, the one whose error type is the most specific match.
 */
final class ErrorHandlers {

    private static final Log logger = LogFactory.getLog(ErrorHandlers.class);

    private final List<InvocableHandlerMethod> local;

    private final List<InvocableHandlerMethod> advice;

    private final ConcurrencyStrategy concurrency;

    ErrorHandlers(List<InvocableHandlerMethod> local, List<InvocableHandlerMethod> advice,
            ConcurrencyStrategy concurrency) {
        this.local = List.copyOf(local);
        this.advice = List.copyOf(advice);
        this.concurrency = concurrency;
    }

    /** Hands the error to the best {@code @OnError} method, and acks the event with its answer or an error body. */
    Mono<Void> handle(InvocationContext context, String where) {
        Throwable error = context.error();
        Optional<InvocableHandlerMethod> handler = bestMatch(this.local, error).or(() -> bestMatch(this.advice, error));
        if (handler.isEmpty()) {
            logger.error("Handler " + where + " failed", error);
            AckReplies.send(context.event(), AckReplies.errorBody(error));
            return Mono.empty();
        }
        return this.concurrency.invoke(() -> publisherOf(handler.get(), context))
                .map(Optional::<Object>of).defaultIfEmpty(Optional.empty())
                .doOnNext(reply -> AckReplies.send(context.event(), reply.orElseGet(() -> AckReplies.errorBody(error))))
                .onErrorResume(failure -> {
                    logger.error("Error handler " + handler.get() + " failed on the error of " + where, failure);
                    AckReplies.send(context.event(), AckReplies.errorBody(error));
                    return Mono.empty();
                })
                .then();
    }

    private static Publisher<Object> publisherOf(InvocableHandlerMethod handler, InvocationContext context)
            throws Exception {
        Object result;
        try {
            result = handler.invoke(context);
        }
        catch (Exception | Error ex) {
            throw ex;
        }
        catch (Throwable ex) {
            throw new IllegalStateException(ex);
        }
        if (result instanceof Publisher<?> publisher) {
            return Mono.from(publisher).cast(Object.class);
        }
        return Mono.justOrEmpty(result);
    }

    private static Optional<InvocableHandlerMethod> bestMatch(List<InvocableHandlerMethod> handlers, Throwable error) {
        return handlers.stream()
                .filter(handler -> handler.handledErrorType().isInstance(error))
                .min(Comparator.comparingInt(handler -> distance(error.getClass(), handler.handledErrorType())));
    }

    private static int distance(Class<?> from, Class<?> to) {
        int distance = 0;
        for (Class<?> type = from; type != null && type != to; type = type.getSuperclass()) {
            distance++;
        }
        return distance;
    }
}
