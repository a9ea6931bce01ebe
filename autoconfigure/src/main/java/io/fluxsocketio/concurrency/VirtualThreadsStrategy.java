package io.fluxsocketio.concurrency;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import org.springframework.core.task.VirtualThreadTaskExecutor;
import reactor.core.scheduler.Schedulers;

/** A virtual thread per dispatch and per background task. Needs Java 21+; on older runtimes it cannot be created. */
public final class VirtualThreadsStrategy extends SchedulerConcurrencyStrategy {

    public VirtualThreadsStrategy() {
        // Handler threads share one name: numbering a thread per event cost more than the thread (a profile of
        // echo-ack showed 5% of the server's CPU building names). Background tasks are few and keep numbers.
        super(threadPerTask(virtualThreads("socketio-handler")),
                Schedulers.fromExecutorService(threadPerTask(numberedVirtualThreads("socketio-background-")),
                        "socketio-background-scheduler"));
    }

    private static ThreadFactory numberedVirtualThreads(String prefix) {
        try {
            return new VirtualThreadTaskExecutor(prefix).getVirtualThreadFactory();
        }
        catch (UnsupportedOperationException ex) {
            throw unsupported(ex);
        }
    }

    /** {@code Thread.ofVirtual().name(name).factory()}: Java 21 API, and the code compiles for 17. */
    private static ThreadFactory virtualThreads(String name) {
        try {
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            builder = builderType.getMethod("name", String.class).invoke(builder, name);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        }
        catch (ClassNotFoundException | NoSuchMethodException ex) {
            throw unsupported(ex);
        }
        catch (IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException("Could not create a virtual-thread factory", ex);
        }
    }

    private static IllegalStateException unsupported(Exception cause) {
        return new IllegalStateException("Virtual threads need Java " + AsyncMode.VIRTUAL_THREADS_SINCE
                + "+, and this runtime is Java " + Runtime.version().feature(), cause);
    }

    /**
     * An executor service rather than a plain executor, so that disposing a background task and closing the strategy
     * interrupt its threads. Its factory method is Java 21 API, hence the reflection.
     */
    private static ExecutorService threadPerTask(ThreadFactory threads) {
        try {
            return (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
                    .invoke(null, threads);
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
