package io.fluxsocketio.socketio;

import io.fluxsocketio.engineio.EngineIoTimer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    private final EngineIoTimer timer;

    PendingAcks(EngineIoTimer timer) {
        this.timer = timer;
    }

    void expect(long id, String event, Duration timeout, MonoSink<ArrayNode> sink) {
        Pending entry = new Pending(sink);
        // Registered before the timeout is scheduled: a timeout that fires at once must find the entry to remove.
        this.pending.put(id, entry);
        entry.timeout = this.timer.schedule(timeout, () -> {
            if (this.pending.remove(id, entry)) {
                sink.error(new AckTimeoutException(event, timeout));
            }
        });
        if (this.pending.get(id) != entry) {
            entry.cancelTimeout();
        }
        sink.onCancel(() -> forget(id));
    }

    void complete(long id, ArrayNode args) {
        Pending entry = this.pending.remove(id);
        if (entry == null) {
            logger.debug("Ignoring ack " + id + ": nothing waits for it (unknown, timed out or answered)");
            return;
        }
        entry.cancelTimeout();
        entry.sink.success(args);
    }

    void forget(long id) {
        Pending entry = this.pending.remove(id);
        if (entry != null) {
            entry.cancelTimeout();
        }
    }

    void failAll(String why) {
        for (Long id : this.pending.keySet()) {
            Pending entry = this.pending.remove(id);
            if (entry != null) {
                entry.cancelTimeout();
                entry.sink.error(new IllegalStateException(why));
            }
        }
    }

    int size() {
        return this.pending.size();
    }
}
