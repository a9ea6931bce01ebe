package io.fluxsocketio.concurrency;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import org.springframework.core.task.VirtualThreadTaskExecutor;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** A virtual thread per dispatch and per background task. Needs Java 21+; on older runtimes it cannot be created. */
public final class VirtualThreadsStrategy extends SchedulerConcurrencyStrategy {

    public VirtualThreadsStrategy() {
        super(scheduler("socketio-handler-"), scheduler("socketio-background-"));
    }

    /**
     * An executor service rather than a plain executor, so that disposing a task interrupts its thread. Its factory
     * method is Java 21 API and the code compiles for 17, hence the reflection.
     */
    private static Scheduler scheduler(String prefix) {
        ThreadFactory virtualThreads;
        try {
            virtualThreads = new VirtualThreadTaskExecutor(prefix).getVirtualThreadFactory();
        }
        catch (UnsupportedOperationException ex) {
            throw new IllegalStateException("Virtual threads need Java " + AsyncMode.VIRTUAL_THREADS_SINCE
                    + "+, and this runtime is Java " + Runtime.version().feature(), ex);
        }
        try {
            ExecutorService executor = (ExecutorService) Executors.class
                    .getMethod("newThreadPerTaskExecutor", ThreadFactory.class).invoke(null, virtualThreads);
            return Schedulers.fromExecutorService(executor, prefix + "scheduler");
        }
        catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException("Could not create a virtual-thread executor", ex);
        }
    }

    @Override
    public AsyncMode mode() {
        return AsyncMode.VIRTUAL_THREADS;
    }
}
