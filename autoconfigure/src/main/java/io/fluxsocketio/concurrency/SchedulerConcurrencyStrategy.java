package io.fluxsocketio.concurrency;

import java.util.concurrent.Callable;

import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The common shape of the built-in strategies: handlers on one scheduler, background tasks on another. */
abstract class SchedulerConcurrencyStrategy implements ConcurrencyStrategy {

    private final Scheduler handlers;

    private final Scheduler background;

    private final Disposable.Composite tasks = Disposables.composite();

    SchedulerConcurrencyStrategy(Scheduler handlers, Scheduler background) {
        this.handlers = handlers;
        this.background = background;
    }

    @Override
    public <T> Mono<T> invoke(Callable<? extends Publisher<T>> handler) {
        return Mono.<Publisher<T>>fromCallable(handler).flatMap(Mono::from).subscribeOn(this.handlers);
    }

    @Override
    public Disposable startBackgroundTask(Runnable task) {
        Disposable.Swap handle = Disposables.swap();
        this.tasks.add(handle);
        handle.update(this.background.schedule(() -> {
            try {
                task.run();
            }
            finally {
                this.tasks.remove(handle);
            }
        }));
        return handle;
    }

    /** Background tasks still running. */
    int runningTasks() {
        return this.tasks.size();
    }

    @Override
    public void close() {
        this.tasks.dispose();
        this.handlers.dispose();
        this.background.dispose();
    }

    @Override
    public String toString() {
        return mode().propertyValue();
    }
}
