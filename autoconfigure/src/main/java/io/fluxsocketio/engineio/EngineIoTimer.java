package io.fluxsocketio.engineio;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.Disposable;

/**
 * One timer wheel for every timeout of a server (heartbeats, upgrades, connects, acks), so that the cost of a
 * session is a small object on a wheel rather than a thread or a subscription. Tasks run on the wheel's single
 * thread and must be short.
 */
public final class EngineIoTimer implements AutoCloseable {

    private final HashedWheelTimer wheel;

    public EngineIoTimer(String name) {
        this.wheel = new HashedWheelTimer(new DefaultThreadFactory(name, true), 10, TimeUnit.MILLISECONDS, 1024);
    }

    /** Runs the task once after the delay, unless the returned handle is disposed first. */
    public Disposable schedule(Duration delay, Runnable task) {
        Timeout timeout = this.wheel.newTimeout(t -> task.run(), delay.toNanos(), TimeUnit.NANOSECONDS);
        return new Disposable() {
            @Override
            public void dispose() {
                timeout.cancel();
            }

            @Override
            public boolean isDisposed() {
                return timeout.isCancelled() || timeout.isExpired();
            }
        };
    }

    /** Timeouts scheduled and not yet run or cancelled. */
    public long pendingCount() {
        return this.wheel.pendingTimeouts();
    }

    @Override
    public void close() {
        this.wheel.stop();
    }
}
