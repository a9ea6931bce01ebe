package io.fluxsocketio.concurrency;

import java.util.concurrent.Callable;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Handlers run where their event arrived, on the connection's event loop, with no thread hop: they must not block,
 * and return a {@code Mono} for anything that waits. Background tasks, which may sleep, run on a bounded elastic
 * scheduler of their own.
 */
public final class ReactorStrategy extends SchedulerConcurrencyStrategy {

    public ReactorStrategy() {
        super(Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
                Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "socketio-background", 60, true));
    }

    /** Calls the handler on the caller's thread, with none of the operators a thread hop would need. */
    @Override
    public <T> Mono<T> invoke(Callable<? extends Publisher<T>> handler) {
        return Mono.defer(() -> {
            try {
                Publisher<T> result = handler.call();
                return (result != null) ? Mono.from(result) : Mono.empty();
            }
            catch (Exception ex) {
                return Mono.error(ex);
            }
        });
    }

    @Override
    public boolean invokesInline() {
        return true;
    }

    @Override
    public AsyncMode mode() {
        return AsyncMode.REACTOR;
    }
}
