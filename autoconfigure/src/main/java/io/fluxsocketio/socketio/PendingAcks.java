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

    private record Pending(MonoSink<ArrayNode> sink, Disposable timeout) {
    }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    private final EngineIoTimer timer;

    PendingAcks(EngineIoTimer timer) {
        this.timer = timer;
    }

    void expect(long id, String event, Duration timeout, MonoSink<ArrayNode> sink) {
        Disposable timer = this.timer.schedule(timeout, () -> {
            if (this.pending.remove(id) != null) {
                sink.error(new AckTimeoutException(event, timeout));
            }
        });
        this.pending.put(id, new Pending(sink, timer));
        sink.onCancel(() -> forget(id));
    }

    void complete(long id, ArrayNode args) {
        Pending entry = this.pending.remove(id);
        if (entry == null) {
            logger.debug("Ignoring ack " + id + ": nothing waits for it (unknown, timed out or answered)");
            return;
        }
        entry.timeout().dispose();
        entry.sink().success(args);
    }

    void forget(long id) {
        Pending entry = this.pending.remove(id);
        if (entry != null) {
            entry.timeout().dispose();
        }
    }

    void failAll(String why) {
        for (Long id : this.pending.keySet()) {
            Pending entry = this.pending.remove(id);
            if (entry != null) {
                entry.timeout().dispose();
                entry.sink().error(new IllegalStateException(why));
            }
        }
    }

    int size() {
        return this.pending.size();
    }
}
