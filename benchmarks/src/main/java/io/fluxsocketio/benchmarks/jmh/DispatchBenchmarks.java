package io.fluxsocketio.benchmarks.jmh;

import io.fluxsocketio.concurrency.ThreadingStrategy;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Threading mode's hand-off of handlers to its pool, as an event loop does it: a burst of dispatches, each a handler
 * that returns nothing, then a wait until all have run. {@code strategy} is the strategy's own dispatch;
 * {@code subscribeOn} is the Reactor composition it replaced, over a pool of the same shape, measured side by side
 * (run with {@code -prof gc} for the allocation per dispatch).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DispatchBenchmarks {

    private static final int BURST = 64;

    private static final int POOL_SIZE = 8;

    private final AtomicInteger finished = new AtomicInteger();

    private final Callable<Publisher<Void>> handler = () -> null;

    private ThreadingStrategy strategy;

    private Scheduler scheduler;

    @Setup(Level.Trial)
    public void start() {
        this.strategy = new ThreadingStrategy(POOL_SIZE, 1024);
        this.scheduler = Schedulers.fromExecutorService(new ThreadPoolExecutor(POOL_SIZE, POOL_SIZE, 60,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024)), "subscribe-on");
    }

    @TearDown(Level.Trial)
    public void stop() {
        this.strategy.close();
        this.scheduler.dispose();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void strategy() {
        for (int i = 0; i < BURST; i++) {
            this.strategy.invoke(this.handler).subscribe(null, null, this.finished::incrementAndGet);
        }
        awaitBurst();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public void subscribeOn() {
        for (int i = 0; i < BURST; i++) {
            Mono.<Publisher<Void>>fromCallable(this.handler).flatMap(Mono::from).subscribeOn(this.scheduler)
                    .subscribe(null, null, this.finished::incrementAndGet);
        }
        awaitBurst();
    }

    private void awaitBurst() {
        while (this.finished.get() < BURST) {
            LockSupport.parkNanos(1_000);
        }
        this.finished.set(0);
    }
}
