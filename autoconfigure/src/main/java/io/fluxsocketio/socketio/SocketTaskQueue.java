package io.fluxsocketio.socketio;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Runs one socket's jobs one after another: the next starts when the previous one, including the {@code Mono} it
 * returned, has finished. Sockets have a queue each, so different sockets run in parallel. Jobs that finish
 * synchronously are run in a loop rather than recursively, so a long queue cannot overflow the stack.
 */
final class SocketTaskQueue {

    private static final Log logger = LogFactory.getLog(SocketTaskQueue.class);

    private static final Mono<Void> EMPTY = Mono.empty();

    private static final int RUNNING = 0;

    private static final int FINISHED_IN_CALL = 1;

    private static final int LEFT_RUNNING = 2;

    private final Queue<Supplier<Mono<Void>>> jobs = new ConcurrentLinkedQueue<>();

    /** Jobs submitted and not yet finished; the submitter that raises it from zero starts the loop. */
    private final AtomicInteger pending = new AtomicInteger();

    private final InFlightJobs inFlight;

    SocketTaskQueue(InFlightJobs inFlight) {
        this.inFlight = inFlight;
    }

    void submit(Supplier<Mono<Void>> job) {
        this.inFlight.started();
        // An idle socket runs the job at once; the queue only holds jobs that must wait for another.
        if (this.pending.compareAndSet(0, 1)) {
            run(job);
            return;
        }
        this.jobs.add(job);
        if (this.pending.getAndIncrement() == 0) {
            run(null);
        }
    }

    /** Runs jobs until none is pending or one is left running asynchronously; {@code first} comes before the queue. */
    private void run(Supplier<Mono<Void>> first) {
        Supplier<Mono<Void>> next = first;
        do {
            Supplier<Mono<Void>> job = (next != null) ? next : this.jobs.poll();
            next = null;
            Mono<Void> work = startJob(job);
            if (work == null) {
                continue;
            }
            AtomicInteger state = new AtomicInteger(RUNNING);
            subscribe(work, () -> {
                if (!state.compareAndSet(RUNNING, FINISHED_IN_CALL)) {
                    finished();
                }
            });
            if (state.compareAndSet(RUNNING, LEFT_RUNNING)) {
                return;
            }
        }
        while (jobFinished() > 0);
    }

    /** @return the jobs still pending */
    private int jobFinished() {
        this.inFlight.finished();
        return this.pending.decrementAndGet();
    }

    private void finished() {
        if (jobFinished() > 0) {
            run(null);
        }
    }

    /** Starts a job; null when it has finished already (it returned the shared empty {@code Mono}, or failed). */
    private static Mono<Void> startJob(Supplier<Mono<Void>> job) {
        try {
            Mono<Void> work = job.get();
            return (work == EMPTY) ? null : work;
        }
        catch (RuntimeException ex) {
            logger.error("Socket task failed to start", ex);
            return null;
        }
    }

    private static void subscribe(Mono<Void> work, Runnable onDone) {
        work.subscribe(null, error -> {
            logger.error("Socket task failed", error);
            onDone.run();
        }, onDone);
    }

    int pendingCount() {
        return this.pending.get();
    }
}
