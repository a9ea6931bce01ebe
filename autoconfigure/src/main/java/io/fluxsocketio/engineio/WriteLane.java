package io.fluxsocketio.engineio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.netty.util.concurrent.EventExecutor;

/**
 * The writes to the connections one event loop serves. A broadcast hands the loop one walk over its own recipients
 ({@link #execute}), so each write there goes straight to its channel, where a walk on the broadcasting thread queued
 * each one for the loop: in reactor mode's fan-out, that walk took 46% of the broadcasting loop's samples and bounded
 * the rate.
 *
 * <p>Order: while a walk handed over waits for the loop, writes to the loop's connections from anywhere, the loop
 * included, follow it through the loop's task queue ({@link #hasWalksPending}), so that no packet overtakes a
 * broadcast emitted before it.
 */
public final class WriteLane implements Executor {

    private static final Map<EventExecutor, WriteLane> LANES = new ConcurrentHashMap<>();

    private static final AtomicIntegerFieldUpdater<WriteLane> PENDING =
            AtomicIntegerFieldUpdater.newUpdater(WriteLane.class, "pending");

    private final EventExecutor loop;

    /** Walks handed over and not yet finished. */
    private volatile int pending;

    /** Whether the loop is running a walk now; read and written on the loop only. */
    private boolean walking;

    private WriteLane(EventExecutor loop) {
        this.loop = loop;
    }

    /** The lane of an event loop, one per loop for as long as it runs. */
    public static WriteLane of(EventExecutor loop) {
        WriteLane lane = LANES.get(loop);
        if (lane != null) {
            return lane;
        }
        lane = LANES.computeIfAbsent(loop, WriteLane::new);
        loop.terminationFuture().addListener(future -> LANES.remove(loop));
        return lane;
    }

    /**
     * Runs a walk over connections of this loop: at once when called on the loop with no walk handed over before it,
     * otherwise as a task of the loop (at the end of the caller's {@link OutboundBatch}).
     */
    @Override
    public void execute(Runnable walk) {
        if (this.pending == 0 && this.loop.inEventLoop()) {
            walkHere(walk);
            return;
        }
        PENDING.incrementAndGet(this);
        OutboundBatch.execute(this.loop, () -> {
            try {
                walkHere(walk);
            }
            finally {
                PENDING.decrementAndGet(this);
            }
        });
    }

    private void walkHere(Runnable walk) {
        boolean outer = this.walking;
        this.walking = true;
        try {
            OutboundBatch.run(walk);
        }
        finally {
            this.walking = outer;
        }
    }

    /**
     * Whether a walk handed over has not finished: a write to one of this loop's connections made now, unless it is
     * that walk's own ({@link #walkingHere}), must go through the loop's task queue behind it.
     */
    public boolean hasWalksPending() {
        return this.pending != 0;
    }

    /** Whether the calling thread is this loop, running a walk. */
    public boolean walkingHere() {
        return this.loop.inEventLoop() && this.walking;
    }
}
