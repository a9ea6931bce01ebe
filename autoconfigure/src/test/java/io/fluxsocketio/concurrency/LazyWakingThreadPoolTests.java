package io.fluxsocketio.concurrency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

class LazyWakingThreadPoolTests {

    private static final long ONE_MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);

    /** A stall interval no test outlives: only the pool's own wake-ups can get tasks run. */
    private static final long NEVER = TimeUnit.DAYS.toNanos(1);

    private final List<LazyWakingThreadPool> pools = new ArrayList<>();

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopPools() throws InterruptedException {
        this.release.countDown();
        for (LazyWakingThreadPool pool : this.pools) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).as("every thread ended").isTrue();
        }
    }

    @Test
    void aTaskQueuedBehindABlockedThreadRunsOnAnotherWhileItStillBlocks() throws InterruptedException {
        LazyWakingThreadPool pool = pool(4, 16, ONE_MILLISECOND);
        CountDownLatch blocking = new CountDownLatch(1);
        AtomicReference<Thread> blockedThread = new AtomicReference<>();
        pool.execute(() -> {
            blockedThread.set(Thread.currentThread());
            blocking.countDown();
            awaitRelease();
        });
        blocking.await();

        // One thread is awake and one task waits: no wake-up at once; the watchdog sees the stall.
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        pool.execute(() -> ranOn.set(Thread.currentThread()));

        await().atMost(Duration.ofSeconds(5)).untilAtomic(ranOn, notNullValue());
        assertThat(ranOn.get()).isNotSameAs(blockedThread.get());
    }

    @Test
    void blockingTasksGetAThreadEachUpToTheMaximumAndTheRestWait() {
        LazyWakingThreadPool pool = pool(4, 16, ONE_MILLISECOND);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 6; i++) {
            pool.execute(() -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                awaitRelease();
                running.decrementAndGet();
                done.incrementAndGet();
            });
        }

        await().atMost(Duration.ofSeconds(5)).untilAtomic(running, equalTo(4));
        this.release.countDown();
        await().atMost(Duration.ofSeconds(5)).untilAtomic(done, equalTo(6));
        assertThat(peak).hasValue(4);
    }

    @Test
    void acceptsThreadsPlusQueueCapacityUnfinishedTasksAndRejectsTheNext() {
        LazyWakingThreadPool pool = pool(2, 3, ONE_MILLISECOND);
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            pool.execute(() -> {
                awaitRelease();
                done.incrementAndGet();
            });
        }

        assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> pool.execute(() -> { }))
                .withMessageContaining("2 threads are busy and 3 tasks wait");
        this.release.countDown();
        await().atMost(Duration.ofSeconds(5)).untilAtomic(done, equalTo(5));
        pool.execute(done::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).untilAtomic(done, equalTo(6));
    }

    @Test
    void manyShortTasksFromSeveralThreadsAllRunWithoutTheWatchdog() throws InterruptedException {
        // With the watchdog out of reach, a wake-up lost between a submitter and a parking thread strands a task.
        LazyWakingThreadPool pool = pool(3, 1_000_000, NEVER);
        int submitters = 4;
        int tasksEach = 50_000;
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            Thread submitter = new Thread(() -> {
                for (int i = 0; i < tasksEach; i++) {
                    pool.execute(done::incrementAndGet);
                    if (i % 64 == 0) {
                        Thread.yield();
                    }
                }
            });
            submitter.start();
            threads.add(submitter);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        await().atMost(Duration.ofSeconds(30)).untilAtomic(done,
                equalTo(submitters * tasksEach));
    }

    @Test
    void aTaskSubmittedWhileTheOnlyThreadGoesToParkStillRuns() throws InterruptedException {
        // Each task is submitted as the thread that ran the previous one heads for its park: the race a parking
        // thread must close by looking at the queue again. Without the watchdog a lost task would wait for ever.
        LazyWakingThreadPool pool = pool(1, 16, NEVER);
        for (int round = 0; round < 20_000; round++) {
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(ran::countDown);
            assertThat(ran.await(5, TimeUnit.SECONDS)).as("round %d ran", round).isTrue();
        }
    }

    @Test
    void moreWaitingTasksThanAwakeThreadsWakeOneMoreWithoutTheWatchdog() throws InterruptedException {
        LazyWakingThreadPool pool = pool(4, 16, NEVER);
        AtomicInteger running = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        pool.execute(() -> {
            running.incrementAndGet();
            first.countDown();
            awaitRelease();
        });
        first.await();

        for (int i = 0; i < 2; i++) {
            pool.execute(() -> {
                running.incrementAndGet();
                awaitRelease();
            });
        }

        // The first of the two waits for an awake thread; the second outnumbers them and wakes one.
        await().atMost(Duration.ofSeconds(5)).untilAtomic(running, equalTo(2));
    }

    @Test
    void aCancelledTasksInterruptDoesNotReachTheNextTaskOnItsThread() throws Exception {
        LazyWakingThreadPool pool = pool(1, 4, ONE_MILLISECOND);
        CountDownLatch started = new CountDownLatch(1);
        Future<?> blocked = pool.submit(() -> {
            started.countDown();
            awaitRelease();
        });
        started.await();

        blocked.cancel(true);
        AtomicBoolean interruptedAtStart = new AtomicBoolean(true);
        pool.submit(() -> interruptedAtStart.set(Thread.currentThread().isInterrupted())).get(5, TimeUnit.SECONDS);
        assertThat(interruptedAtStart).isFalse();
    }

    @Test
    void shutdownLetsWaitingTasksRunAndShutdownNowInterruptsRunningOnes() throws Exception {
        LazyWakingThreadPool pool = pool(1, 4, ONE_MILLISECOND);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        pool.execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            }
            catch (InterruptedException ex) {
                interrupted.set(true);
            }
        });
        started.await();
        AtomicBoolean queuedRan = new AtomicBoolean();
        pool.execute(() -> queuedRan.set(true));

        List<Runnable> neverRun = pool.shutdownNow();

        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
        assertThat(neverRun).hasSize(1);
        assertThat(queuedRan).isFalse();
        assertThatExceptionOfType(RejectedExecutionException.class).isThrownBy(() -> pool.execute(() -> { }));

        LazyWakingThreadPool gentle = pool(1, 4, ONE_MILLISECOND);
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        gentle.execute(() -> {
            first.countDown();
            awaitRelease();
            ran.incrementAndGet();
        });
        first.await();
        gentle.execute(ran::incrementAndGet);
        gentle.shutdown();
        this.release.countDown();
        assertThat(gentle.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).as("shutdown ran the task that waited").hasValue(2);
    }

    private LazyWakingThreadPool pool(int threads, int queueCapacity, long stallNanos) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory("pool-test-");
        factory.setDaemon(true);
        LazyWakingThreadPool pool = new LazyWakingThreadPool(threads, queueCapacity, stallNanos, factory);
        this.pools.add(pool);
        return pool;
    }

    private void awaitRelease() {
        try {
            this.release.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
