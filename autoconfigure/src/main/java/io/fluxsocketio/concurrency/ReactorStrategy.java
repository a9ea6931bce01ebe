package io.fluxsocketio.concurrency;

import reactor.core.scheduler.Schedulers;

/**
 * Handlers on Reactor's parallel scheduler, whose threads must not block; background tasks, which may sleep, on a
 * bounded elastic scheduler of their own.
 */
public final class ReactorStrategy extends SchedulerConcurrencyStrategy {

    public ReactorStrategy() {
        super(Schedulers.newParallel("socketio-reactor", Runtime.getRuntime().availableProcessors(), true),
                Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
                        Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "socketio-background", 60, true));
    }

    @Override
    public AsyncMode mode() {
        return AsyncMode.REACTOR;
    }
}
