package io.fluxsocketio.socketio;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts handler jobs submitted and not yet finished across the server, so that shutdown can let them finish. An
 * adder rather than an atomic counter: every event touches it, from every event loop.
 */
final class InFlightJobs {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LongAdder count = new LongAdder();

    void started() {
        this.count.increment();
    }

    void finished() {
        this.count.decrement();
    }

    long count() {
        return this.count.sum();
    }

    /** Waits, polling (this runs once, at shutdown), until no job is left or the timeout passes. */
    boolean awaitNone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count() > 0) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }
}
