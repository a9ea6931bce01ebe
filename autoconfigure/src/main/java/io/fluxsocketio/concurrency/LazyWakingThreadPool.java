package io.fluxsocketio.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A bounded pool of platform threads that wakes a parked thread only when no thread is awake or the waiting tasks
 * outnumber the awake threads; otherwise an awake thread takes the task when it finishes its own. Handing every task
 * to a parked thread, as {@link java.util.concurrent.ThreadPoolExecutor} does, costs a wake-up and a context switch
 * per task, and on a small machine that was most of the threading mode's extra CPU per event. Because a task may
 * block, a watchdog wakes one more thread whenever tasks wait and none finished for a whole {@code stallNanos}.
 * <p>
 * At most {@code maxThreads + queueCapacity} tasks are accepted and not yet finished; beyond that {@link #execute}
 * rejects.
 */
final class LazyWakingThreadPool extends AbstractExecutorService {

    private final int maxThreads;

    private final int capacity;

    private final long stallNanos;

    private final ThreadFactory threadFactory;

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    /** Tasks in {@link #tasks}: a queue's own size is a walk. */
    private final AtomicInteger waiting = new AtomicInteger();

    /** Tasks accepted and not yet finished: waiting or running. */
    private final AtomicInteger accepted = new AtomicInteger();

    /** Threads not parked: running a task or looking for one. */
    private final AtomicInteger awake = new AtomicInteger();

    private final AtomicInteger started = new AtomicInteger();

    private final AtomicLong finished = new AtomicLong();

    private final ConcurrentLinkedDeque<Worker> parked = new ConcurrentLinkedDeque<>();

    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    private final Thread watchdog;

    private volatile boolean watchdogParked;

    private volatile boolean shutdown;

    private final CountDownLatch terminated = new CountDownLatch(1);

    private final AtomicInteger alive = new AtomicInteger(1);

    LazyWakingThreadPool(int maxThreads, int queueCapacity, long stallNanos, ThreadFactory threadFactory) {
        if (maxThreads < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("a pool needs a thread and a queue capacity of 0 or more");
        }
        this.maxThreads = maxThreads;
        this.capacity = maxThreads + queueCapacity;
        this.stallNanos = stallNanos;
        this.threadFactory = threadFactory;
        this.watchdog = threadFactory.newThread(this::watch);
        this.watchdog.setName(this.watchdog.getName() + "-watchdog");
        this.watchdog.start();
    }

    @Override
    public void execute(Runnable task) {
        if (this.shutdown) {
            throw new RejectedExecutionException("the handler pool is shut down");
        }
        if (this.accepted.incrementAndGet() > this.capacity) {
            this.accepted.decrementAndGet();
            throw new RejectedExecutionException("the handler pool's " + this.maxThreads + " threads are busy and "
                    + (this.capacity - this.maxThreads) + " tasks wait");
        }
        this.tasks.offer(task);
        int backlog = this.waiting.incrementAndGet();
        int awakeNow = this.awake.get();
        if (awakeNow == 0 || backlog > awakeNow) {
            wakeOne();
        }
        else if (this.watchdogParked) {
            LockSupport.unpark(this.watchdog);
        }
    }

    /** Unparks the thread that has waited longest, or starts one while the pool has fewer than its maximum. */
    private void wakeOne() {
        Worker worker = this.parked.pollFirst();
        if (worker != null) {
            this.awake.incrementAndGet();
            worker.wake();
            return;
        }
        for (int count = this.started.get(); count < this.maxThreads; count = this.started.get()) {
            if (this.started.compareAndSet(count, count + 1)) {
                this.awake.incrementAndGet();
                this.alive.incrementAndGet();
                Thread thread = this.threadFactory.newThread(new Worker()::run);
                this.threads.add(thread);
                thread.start();
                return;
            }
        }
        // Every thread is awake: they take the task when they finish theirs.
    }

    /** Wakes one more thread when tasks wait and none finished for a whole stall interval: the awake ones block. */
    private void watch() {
        while (!this.shutdown) {
            if (this.waiting.get() == 0) {
                this.watchdogParked = true;
                if (this.waiting.get() == 0 && !this.shutdown) {
                    LockSupport.park(this);
                }
                this.watchdogParked = false;
                continue;
            }
            long seen = this.finished.get();
            LockSupport.parkNanos(this, this.stallNanos);
            if (this.waiting.get() > 0 && this.finished.get() == seen) {
                wakeOne();
            }
        }
        threadEnded();
    }

    private void threadEnded() {
        if (this.alive.decrementAndGet() == 0) {
            this.terminated.countDown();
        }
    }

    @Override
    public void shutdown() {
        this.shutdown = true;
        LockSupport.unpark(this.watchdog);
        for (Worker worker; (worker = this.parked.pollFirst()) != null;) {
            this.awake.incrementAndGet();
            worker.wake();
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        List<Runnable> neverRun = new ArrayList<>();
        for (Runnable task; (task = this.tasks.poll()) != null;) {
            this.waiting.decrementAndGet();
            this.accepted.decrementAndGet();
            neverRun.add(task);
        }
        this.threads.forEach(Thread::interrupt);
        return neverRun;
    }

    @Override
    public boolean isShutdown() {
        return this.shutdown;
    }

    @Override
    public boolean isTerminated() {
        return this.terminated.getCount() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return this.terminated.await(timeout, unit);
    }

    private final class Worker {

        private volatile Thread thread;

        private volatile boolean woken;

        void run() {
            this.thread = Thread.currentThread();
            try {
                while (takeTasks()) {
                    park();
                }
            }
            finally {
                LazyWakingThreadPool.this.threads.remove(this.thread);
                threadEnded();
            }
        }

        /** Runs tasks until none waits; false once the pool is shut down and drained. */
        private boolean takeTasks() {
            for (Runnable task; (task = LazyWakingThreadPool.this.tasks.poll()) != null;) {
                LazyWakingThreadPool.this.waiting.decrementAndGet();
                try {
                    task.run();
                }
                catch (RuntimeException | Error ex) {
                    // FutureTask, which submit() wraps tasks in, keeps the failure; a bare task's is reported here.
                    Thread.UncaughtExceptionHandler handler = Thread.currentThread().getUncaughtExceptionHandler();
                    handler.uncaughtException(Thread.currentThread(), ex);
                }
                finally {
                    LazyWakingThreadPool.this.accepted.decrementAndGet();
                    LazyWakingThreadPool.this.finished.incrementAndGet();
                    // A cancelled task interrupts its thread; the next task should not find it interrupted.
                    Thread.interrupted();
                }
            }
            return !LazyWakingThreadPool.this.shutdown;
        }

        /** Parks until woken, unless a task arrived while it was going: then it takes that at once. */
        private void park() {
            LazyWakingThreadPool.this.parked.addLast(this);
            LazyWakingThreadPool.this.awake.decrementAndGet();
            if ((!LazyWakingThreadPool.this.tasks.isEmpty() || LazyWakingThreadPool.this.shutdown)
                    && LazyWakingThreadPool.this.parked.removeLastOccurrence(this)) {
                LazyWakingThreadPool.this.awake.incrementAndGet();
                return;
            }
            // Parked for good, or a waker took it from the deque and is about to set the flag.
            while (!this.woken) {
                LockSupport.park(LazyWakingThreadPool.this);
            }
            this.woken = false;
        }

        void wake() {
            this.woken = true;
            LockSupport.unpark(this.thread);
        }
    }
}
