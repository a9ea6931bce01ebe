package io.fluxsocketio.engineio.transport;

import io.fluxsocketio.engineio.CloseReason;
import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.EngineIoSession;
import io.fluxsocketio.engineio.EngineIoTransport;
import io.fluxsocketio.engineio.protocol.EngineIoPacket;
import io.fluxsocketio.engineio.protocol.EngineIoPayloadCodec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * HTTP long-polling: packets wait in a queue until the client's GET takes them all; a POST carries packets the
 * other way. At most one GET and one POST may be pending at a time.
 */
public final class PollingTransport implements EngineIoTransport {

    private final ArrayDeque<EngineIoPacket> queue = new ArrayDeque<>();

    private final AtomicBoolean postInFlight = new AtomicBoolean();

    private MonoSink<String> pendingPoll;

    private boolean paused;

    private boolean closed;

    private boolean owesFinalAnswer;

    private volatile EngineIoSession session;

    /** Ties this transport to the session it serves; done once, right after the session opens. */
    public void bind(EngineIoSession session) {
        this.session = session;
    }

    @Override
    public String name() {
        return EngineIoOptions.POLLING;
    }

    @Override
    public synchronized void write(EngineIoPacket packet) {
        if (this.closed) {
            return;
        }
        this.queue.add(packet);
        if (this.pendingPoll != null) {
            answer(this.pendingPoll, drain());
        }
    }

    @Override
    public synchronized int bufferedCount() {
        return this.queue.size();
    }

    @Override
    public synchronized boolean isWritable() {
        return this.pendingPoll != null;
    }

    @Override
    public synchronized List<EngineIoPacket> drainUnsent() {
        return drain();
    }

    @Override
    public synchronized void pauseForUpgrade() {
        this.paused = true;
        if (this.pendingPoll != null) {
            answer(this.pendingPoll, this.queue.isEmpty() ? List.of(EngineIoPacket.NOOP) : drain());
        }
    }

    @Override
    public synchronized void close(CloseReason reason, boolean flush) {
        if (this.closed) {
            return;
        }
        this.closed = true;
        // Closed by a packet in a POST with no GET waiting: the client's GET may be on its way on another connection.
        this.owesFinalAnswer = reason == CloseReason.TRANSPORT_CLOSE && this.pendingPoll == null
                && this.postInFlight.get();
        List<EngineIoPacket> last = flush ? drain() : new ArrayList<>();
        this.queue.clear();
        if (this.pendingPoll != null) {
            // After an upgrade the client only waits for this poll to end; otherwise it learns the session closed.
            last.add(reason == CloseReason.TRANSPORT_CLOSE ? EngineIoPacket.NOOP : EngineIoPacket.CLOSE);
            answer(this.pendingPoll, last);
        }
    }

    @Override
    public synchronized boolean owesFinalAnswer() {
        return this.owesFinalAnswer;
    }

    /**
     * Takes, once, the answer owed to the GET of a client that closed its session while the GET was on its way.
     * @return whether it was still owed: the GET is then answered with {@link #finalAnswer()}
     */
    public synchronized boolean takeFinalAnswer() {
        boolean owed = this.owesFinalAnswer;
        this.owesFinalAnswer = false;
        return owed;
    }

    /** The answer to the GET of a client that closed its session while the GET was on its way: a noop. */
    public static String finalAnswer() {
        return EngineIoPayloadCodec.encode(List.of(EngineIoPacket.NOOP));
    }

    /**
     * Answers a GET: at once when packets are queued, otherwise when one is written or the session ends. A second
     * GET while one is pending fails with {@link OverlappingRequestException}.
     */
    public Mono<String> poll() {
        return Mono.create(sink -> {
            synchronized (this) {
                if (this.pendingPoll != null) {
                    sink.error(new OverlappingRequestException("overlapping GET requests"));
                }
                else if (!this.queue.isEmpty()) {
                    sink.success(EngineIoPayloadCodec.encode(drain()));
                }
                else if (this.closed) {
                    // A noop when the client closed while this GET was on its way, as a waiting GET gets.
                    sink.success(takeFinalAnswer() ? finalAnswer()
                            : EngineIoPayloadCodec.encode(List.of(EngineIoPacket.CLOSE)));
                }
                else if (this.paused) {
                    sink.success(EngineIoPayloadCodec.encode(List.of(EngineIoPacket.NOOP)));
                }
                else {
                    this.pendingPoll = sink;
                    sink.onCancel(() -> pollCancelled(sink));
                }
            }
        });
    }

    /** Hands the packets of a POST body to the session, in order. */
    public void receive(List<EngineIoPacket> packets) {
        if (!this.postInFlight.compareAndSet(false, true)) {
            throw new OverlappingRequestException("overlapping POST requests");
        }
        try {
            for (EngineIoPacket packet : packets) {
                this.session.receive(this, packet);
            }
        }
        finally {
            this.postInFlight.set(false);
        }
    }

    private void pollCancelled(MonoSink<String> sink) {
        synchronized (this) {
            if (this.pendingPoll != sink) {
                return;
            }
            this.pendingPoll = null;
        }
        // The client dropped its GET: like Node's engine.io, treat the session as gone.
        EngineIoSession bound = this.session;
        if (bound != null) {
            bound.transportClosed(this, CloseReason.TRANSPORT_CLOSE);
        }
    }

    private void answer(MonoSink<String> sink, List<EngineIoPacket> packets) {
        this.pendingPoll = null;
        sink.success(EngineIoPayloadCodec.encode(packets));
    }

    private List<EngineIoPacket> drain() {
        List<EngineIoPacket> packets = new ArrayList<>(this.queue);
        this.queue.clear();
        return packets;
    }
}
