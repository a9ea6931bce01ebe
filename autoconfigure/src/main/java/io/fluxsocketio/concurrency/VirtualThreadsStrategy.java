package io.fluxsocketio.concurrency;

import org.springframework.core.task.VirtualThreadTaskExecutor;
import reactor.core.scheduler.Schedulers;

/** A virtual thread per dispatch and per background task. Needs Java 21+; on older runtimes it cannot be created. */
public final class VirtualThreadsStrategy extends SchedulerConcurrencyStrategy {

    public VirtualThreadsStrategy() {
        super(Schedulers.fromExecutor(executor("socketio-handler-")),
                Schedulers.fromExecutor(executor("socketio-background-")));
    }

    private static VirtualThreadTaskExecutor executor(String prefix) {
        try {
            return new VirtualThreadTaskExecutor(prefix);
        }
        catch (UnsupportedOperationException ex) {
            throw new IllegalStateException(
                    "Virtual threads need Java " + AsyncMode.VIRTUAL_THREADS_SINCE + "+, and this runtime is Java "
                            + Runtime.version().feature(), ex);
        }
    }

    @Override
    public AsyncMode mode() {
        return AsyncMode.VIRTUAL_THREADS;
    }
}
