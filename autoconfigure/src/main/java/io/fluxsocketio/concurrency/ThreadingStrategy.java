package io.fluxsocketio.concurrency;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import reactor.core.scheduler.Schedulers;

/**
 * A bounded pool of platform threads for handlers, where blocking is fine; background tasks get a thread each. A
 * dispatch that finds the pool and its queue full fails, and the client gets an error ack.
 */
public final class ThreadingStrategy extends SchedulerConcurrencyStrategy {

    public ThreadingStrategy(int poolSize, int queueCapacity) {
        super(new ThreadPoolExecutor(poolSize, poolSize, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
                daemonThreads("socketio-handler-")),
                Schedulers.fromExecutorService(Executors.newCachedThreadPool(daemonThreads("socketio-background-")),
                        "socketio-background"));
    }

    private static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }

    @Override
    public AsyncMode mode() {
        return AsyncMode.THREADING;
    }
}
