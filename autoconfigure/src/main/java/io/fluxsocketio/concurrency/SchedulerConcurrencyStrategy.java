package io.fluxsocketio.concurrency;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The common shape of the built-in strategies: handlers dispatched to an executor, background tasks on a scheduler
 * of their own.
 */
abstract class SchedulerConcurrencyStrategy implements ConcurrencyStrategy {

    /** Null for a strategy that runs handlers inline and overrides {@link #invoke}. */
    private final ExecutorService handlers;

    private final Scheduler background;

    private final Disposable.Composite tasks = Disposables.composite();

    SchedulerConcurrencyStrategy(ExecutorService handlers, Scheduler background) {
        this.handlers = handlers;
        this.background = background;
    }

    /** For a strategy that runs handlers on the caller's thread: it overrides {@link #invoke}. */
    SchedulerConcurrencyStrategy(Scheduler background) {
        this(null, background);
    }

    @Override
    public <T> Mono<T> invoke(Callable<? extends Publisher<T>> handler) {
        return new ExecutorDispatch<>(this.handlers, handler);
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
        if (this.handlers != null) {
            this.handlers.shutdownNow();
        }
        this.background.dispose();
    }

    @Override
    public String toString() {
        return mode().propertyValue();
    }
}
