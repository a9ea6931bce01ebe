package io.fluxsocketio.concurrency;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Decides where user code runs: event handlers, middleware, connection and disconnect handlers, and background
 * tasks. Emitting is independent of it: an emit from any thread goes straight to the connection, so a task that
 * sleeps or blocks never holds up delivery to anyone.
 */
public interface ConcurrencyStrategy extends AutoCloseable {

    AsyncMode mode();

    /**
     * Runs user code on a thread of this strategy.
     * @param handler returns what it has to say asynchronously, or null
     * @return the first value of the returned publisher; completes when the code and that publisher are done
     */
    <T> Mono<T> invoke(Callable<? extends Publisher<T>> handler);

    /**
     * Whether {@link #invoke} runs the code on the caller's thread, at once. Callers may then call the code
     * themselves and skip building a {@code Mono} for code that finishes synchronously.
     */
    default boolean invokesInline() {
        return false;
    }

    /** Starts a long-running task; disposing the handle interrupts it, and so does closing the strategy. */
    Disposable startBackgroundTask(Runnable task);

    /** Pauses the calling task; in every mode this blocks only the caller, never the delivery of events. */
    default void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** Stops background tasks and releases threads. */
    @Override
    void close();
}
