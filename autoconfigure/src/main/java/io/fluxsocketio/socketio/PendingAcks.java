package io.fluxsocketio.socketio;

import io.fluxsocketio.engineio.EngineIoTimer;

import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.MonoSink;
import tools.jackson.databind.node.ArrayNode;

/**
 * The acks a socket waits for. Every entry leaves on its reply, its timeout, its cancellation, or the socket's
 * disconnection, whichever comes first; a reply after that is ignored.
 */
final class PendingAcks {

    private static final Log logger = LogFactory.getLog(PendingAcks.class);

    private static final LazyMapField PENDING = LazyMapField.of(MethodHandles.lookup(), "pending");

    private static final class Pending {

        final MonoSink<ArrayNode> sink;

        /** Set just after the entry is registered; null only if a reply beat the scheduling. */
        volatile Disposable timeout;

        Pending(MonoSink<ArrayNode> sink) {
            this.sink = sink;
        }

        void cancelTimeout() {
            Disposable timeout = this.timeout;
            if (timeout != null) {
                timeout.dispose();
            }
        }
    }

    /** Made by the first emit with an ack: most sockets never make one, and an empty map costs 64 bytes. */
    private volatile Map<Long, Pending> pending;

    private final EngineIoTimer timer;

    PendingAcks(EngineIoTimer timer) {
        this.timer = timer;
    }

    void expect(long id, String event, Duration timeout, MonoSink<ArrayNode> sink) {
        Map<Long, Pending> pending = PENDING.getOrCreate(this);
        Pending entry = new Pending(sink);
        // Registered before the timeout is scheduled: a timeout that fires at once must find the entry to remove.
        pending.put(id, entry);
        entry.timeout = this.timer.schedule(timeout, () -> {
            if (pending.remove(id, entry)) {
                sink.error(new AckTimeoutException(event, timeout));
            }
        });
        if (pending.get(id) != entry) {
            entry.cancelTimeout();
        }
        sink.onCancel(() -> forget(id));
    }

    void complete(long id, ArrayNode args) {
        Map<Long, Pending> pending = this.pending;
        Pending entry = (pending != null) ? pending.remove(id) : null;
        if (entry == null) {
            logger.debug("Ignoring ack " + id + ": nothing waits for it (unknown, timed out or answered)");
            return;
        }
        entry.cancelTimeout();
        entry.sink.success(args);
    }

    void forget(long id) {
        Map<Long, Pending> pending = this.pending;
        Pending entry = (pending != null) ? pending.remove(id) : null;
        if (entry != null) {
            entry.cancelTimeout();
        }
    }

    void failAll(String why) {
        Map<Long, Pending> pending = this.pending;
        if (pending == null) {
            return;
        }
        for (Long id : pending.keySet()) {
            Pending entry = pending.remove(id);
            if (entry != null) {
                entry.cancelTimeout();
                entry.sink.error(new IllegalStateException(why));
            }
        }
    }

    int size() {
        Map<Long, Pending> pending = this.pending;
        return (pending != null) ? pending.size() : 0;
    }
}
