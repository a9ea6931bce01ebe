package io.fluxsocketio.engineio;

import io.fluxsocketio.engineio.protocol.EngineIoPacket;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Open;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Ping;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Pong;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Upgrade;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;

/**
 * One Engine.IO session: its state machine, its heartbeat, and the upgrade from polling to WebSocket. Transports
 * feed it packets with {@link #receive}; it writes through the current {@link EngineIoTransport}.
 *
 * <p>All state changes happen under one lock per session; listener calls happen outside it.
 */
public final class EngineIoSession implements EngineIoSocket {

    private static final Log logger = LogFactory.getLog(EngineIoSession.class);

    private static final String PROBE = "probe";

    enum State { OPEN, UPGRADING, CLOSED }

    private final String id;

    private final EngineIoServer server;

    private final EngineIoHandshake handshake;

    private final Object lock = new Object();

    /**
     * Keeps listener calls for this session from overlapping, as {@link EngineIoListener} promises, even when a
     * client sends on two transports at once around an upgrade. Uncontended in normal use.
     */
    private final Object receiveLock = new Object();

    private State state = State.OPEN;

    private volatile EngineIoTransport transport;

    private EngineIoTransport probe;

    /**
     * The hold of the WebSocket announced first for this session's upgrade, with its reader: from that connection's
     * handshake until it ends or the upgrade does.
     */
    private UpgradeClaim upgradeClaim;

    private Disposable heartbeat;

    private Disposable upgradeTimeout;

    private boolean awaitingPong;

    /** When the next ping is due, by the schedule rather than by when the wheel's tick runs it. */
    private long pingDueNanos;

    private volatile Object attachment;

    EngineIoSession(String id, EngineIoServer server, EngineIoHandshake handshake, EngineIoTransport transport) {
        this.id = id;
        this.server = server;
        this.handshake = handshake;
        this.transport = transport;
    }

    /** Writes the open packet and starts the heartbeat. */
    void start() {
        EngineIoOptions options = this.server.options();
        List<String> upgrades = (EngineIoOptions.POLLING.equals(this.transport.name())
                && options.upgradesToWebSocket()) ? List.of(EngineIoOptions.WEBSOCKET) : List.of();
        synchronized (this.lock) {
            this.transport.write(new Open(this.id, upgrades, options.pingInterval().toMillis(),
                    options.pingTimeout().toMillis(), options.maxPayload()));
            schedulePing();
        }
    }

    @Override
    public String id() {
        return this.id;
    }

    @Override
    public EngineIoHandshake handshake() {
        return this.handshake;
    }

    @Override
    public String transportName() {
        return this.transport.name();
    }

    @Override
    public WriteLane lane() {
        return this.transport.lane();
    }

    /**
     * Announces a WebSocket handshake for this session's upgrade, before its answer goes out, with the executor that
     * will read that connection (see {@link #upgradeReader()}). The first one announced claims the upgrade until it
     * ends: the client may open a second as soon as it has the first one's answer, before the first connection's
     * handler has started the probe, and that second one must be refused, as socket.io's single thread refuses it.
     * @return the claim, to hand back to {@link #upgradeConnectionEnded} when the connection ends; null when the
     * session is closed or another connection already claims the upgrade: refuse this one
     */
    public UpgradeClaim upgradeArriving(ScheduledExecutorService reader) {
        synchronized (this.lock) {
            if (this.state != State.OPEN || this.probe != null || this.upgradeClaim != null) {
                return null;
            }
            this.upgradeClaim = new UpgradeClaim(reader);
            return this.upgradeClaim;
        }
    }

    /**
     * Called when the connection that got the claim has ended, upgraded or not. A claim the upgrade already released
     * (done or aborted) releases nothing: another connection may hold the upgrade by then.
     */
    public void upgradeConnectionEnded(UpgradeClaim claim) {
        synchronized (this.lock) {
            if (this.upgradeClaim == claim && this.probe == null) {
                this.upgradeClaim = null;
            }
        }
    }

    /** Whether a WebSocket was announced for the upgrade and has not started to serve as its probe yet. */
    public boolean upgradeConnectionPending() {
        synchronized (this.lock) {
            return this.upgradeClaim != null && this.probe == null;
        }
    }

    /**
     * What reads this session's upgrade WebSocket while an upgrade is under way, or null. The client writes on that
     * connection and polls on another, which another thread may read first: a poll can wait for this reader to take
     * in what the client sent before it.
     */
    public ScheduledExecutorService upgradeReader() {
        synchronized (this.lock) {
            return (this.upgradeClaim != null) ? this.upgradeClaim.reader : null;
        }
    }

    /** The transport in use; a request on any other transport than this or the probe is a protocol error. */
    public EngineIoTransport transport() {
        return this.transport;
    }

    @Override
    public boolean isOpen() {
        synchronized (this.lock) {
            return this.state != State.CLOSED;
        }
    }

    @Override
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T attachment() {
        return (T) this.attachment;
    }

    @Override
    public boolean send(List<? extends Message> messages, boolean volatileDelivery) {
        synchronized (this.lock) {
            if (this.state == State.CLOSED) {
                return false;
            }
            EngineIoTransport current = this.transport;
            if (volatileDelivery && !current.isWritable()) {
                return false;
            }
            if (current.bufferedCount() + messages.size() <= this.server.options().maxBufferedPackets()) {
                current.writeAll(messages);
                return true;
            }
        }
        logger.warn("Closing Engine.IO session " + this.id + ": more than "
                + this.server.options().maxBufferedPackets() + " packets buffered for a client that reads too slowly");
        close(CloseReason.OUTBOUND_BUFFER_FULL);
        return false;
    }

    /** Handles a packet that arrived on the given transport. */
    public void receive(EngineIoTransport from, EngineIoPacket packet) {
        if (logger.isTraceEnabled()) {
            logger.trace("Session " + this.id + " received " + packet + " on " + from.name());
        }
        if (from != this.transport && isProbe(from)) {
            receiveProbe(from, packet);
            return;
        }
        switch (packet.type()) {
            case MESSAGE -> {
                synchronized (this.receiveLock) {
                    this.server.listener().onMessage(this, (Message) packet);
                }
            }
            case PONG -> onPong();
            case PING -> send(EngineIoPacket.PONG);
            case CLOSE -> close(CloseReason.TRANSPORT_CLOSE);
            case NOOP -> {
                // Some clients send noops while they pause polling; nothing to do.
            }
            case OPEN -> protocolError("the client sent an open packet");
            case UPGRADE -> protocolError("upgrade packet outside an upgrade");
        }
    }

    private void send(EngineIoPacket control) {
        synchronized (this.lock) {
            if (this.state != State.CLOSED) {
                this.transport.write(control);
            }
        }
    }

    private boolean isProbe(EngineIoTransport candidate) {
        synchronized (this.lock) {
            return candidate == this.probe;
        }
    }

    /** Closes the session because the client broke the protocol. */
    public void protocolError(String what) {
        logger.info("Closing Engine.IO session " + this.id + " (parse error): " + what);
        close(CloseReason.PARSE_ERROR);
    }

    private void onPong() {
        synchronized (this.lock) {
            if (this.state == State.CLOSED || !this.awaitingPong) {
                return;
            }
            this.awaitingPong = false;
            this.heartbeat.dispose();
            schedulePing();
        }
    }

    private void schedulePing() {
        this.pingDueNanos = System.nanoTime() + this.server.options().pingInterval().toNanos();
        this.heartbeat = this.server.timer().schedule(this.server.options().pingInterval(), this::ping);
    }

    private void ping() {
        synchronized (this.lock) {
            if (this.state == State.CLOSED) {
                return;
            }
            this.awaitingPong = true;
            if (logger.isTraceEnabled()) {
                logger.trace("Session " + this.id + " pings on " + this.transport.name() + " (" + this.state + ")");
            }
            this.transport.write(EngineIoPacket.PING);
            this.heartbeat = this.server.timer().schedule(this.server.options().pingTimeout(), this::pingTimedOut);
        }
    }

    /**
     * Closes the session if its client let the pong deadline pass, though the timer has not fired yet: the wheel
     * ticks every 10 ms, and a request that arrives just after the deadline must not find the session alive.
     * @return true when the session is closed
     */
    boolean closeIfPongOverdue() {
        synchronized (this.lock) {
            if (this.state == State.CLOSED) {
                return true;
            }
            long deadline = this.pingDueNanos + this.server.options().pingTimeout().toNanos();
            if (!this.awaitingPong || System.nanoTime() - deadline < 0) {
                return false;
            }
        }
        pingTimedOut();
        return true;
    }

    private void pingTimedOut() {
        logger.info("Closing Engine.IO session " + this.id + ": no pong within "
                + this.server.options().pingTimeout().toMillis() + " ms");
        close(CloseReason.PING_TIMEOUT);
    }

    /**
     * Offers a WebSocket connection as the upgrade of this polling session.
     * @return false when the session cannot upgrade now; the caller then closes the connection
     */
    public boolean startUpgrade(EngineIoTransport candidate) {
        synchronized (this.lock) {
            if (this.state != State.OPEN || this.probe != null
                    || !EngineIoOptions.POLLING.equals(this.transport.name())) {
                return false;
            }
            this.probe = candidate;
            this.upgradeTimeout = this.server.timer().schedule(this.server.options().upgradeTimeout(),
                    () -> abortUpgrade(candidate, "upgrade timed out"));
            return true;
        }
    }

    private void receiveProbe(EngineIoTransport candidate, EngineIoPacket packet) {
        if (packet instanceof Ping ping && PROBE.equals(ping.data())) {
            synchronized (this.lock) {
                if (this.state == State.OPEN && this.probe == candidate) {
                    candidate.write(new Pong(PROBE));
                    this.state = State.UPGRADING;
                    this.transport.pauseForUpgrade();
                    return;
                }
            }
        }
        else if (packet instanceof Upgrade) {
            EngineIoTransport previous = null;
            synchronized (this.lock) {
                if (this.state == State.UPGRADING && this.probe == candidate) {
                    this.upgradeTimeout.dispose();
                    previous = this.transport;
                    for (EngineIoPacket unsent : previous.drainUnsent()) {
                        candidate.write(unsent);
                    }
                    this.transport = candidate;
                    this.probe = null;
                    this.upgradeClaim = null;
                    this.state = State.OPEN;
                }
            }
            if (previous != null) {
                previous.close(CloseReason.TRANSPORT_CLOSE, true);
                return;
            }
        }
        abortUpgrade(candidate, "unexpected " + packet.type() + " packet during the upgrade");
    }

    private void abortUpgrade(EngineIoTransport candidate, String why) {
        synchronized (this.lock) {
            if (this.probe != candidate) {
                return;
            }
            this.probe = null;
            this.upgradeClaim = null;
            this.upgradeTimeout.dispose();
            if (this.state == State.UPGRADING) {
                this.state = State.OPEN;
            }
        }
        logger.debug("Upgrade of Engine.IO session " + this.id + " aborted: " + why);
        candidate.close(CloseReason.TRANSPORT_ERROR, false);
    }

    /** Called by a transport whose connection ended without the session asking for it. */
    public void transportClosed(EngineIoTransport closed, CloseReason reason) {
        if (isProbe(closed)) {
            abortUpgrade(closed, "probe connection closed");
        }
        else if (closed == this.transport) {
            close(reason);
        }
    }

    @Override
    public void close() {
        close(CloseReason.FORCED_CLOSE);
    }

    @Override
    public void close(CloseReason reason) {
        EngineIoTransport current;
        EngineIoTransport pendingProbe;
        synchronized (this.lock) {
            if (this.state == State.CLOSED) {
                return;
            }
            this.state = State.CLOSED;
            if (this.heartbeat != null) {
                this.heartbeat.dispose();
            }
            if (this.upgradeTimeout != null) {
                this.upgradeTimeout.dispose();
            }
            current = this.transport;
            pendingProbe = this.probe;
            this.probe = null;
        }
        current.close(reason, reason.flushesBeforeClose());
        this.server.remove(this, current);
        if (pendingProbe != null) {
            pendingProbe.close(reason, false);
        }
        logger.debug("Engine.IO session " + this.id + " closed: " + reason.wireName());
        this.server.listener().onClose(this, reason);
    }

    @Override
    public String toString() {
        return "EngineIoSession[" + this.id + ", " + this.transport.name() + "]";
    }

    /** One announced upgrade connection's hold on its session's upgrade, with the event loop that reads it. */
    public static final class UpgradeClaim {

        private final ScheduledExecutorService reader;

        private UpgradeClaim(ScheduledExecutorService reader) {
            this.reader = reader;
        }
    }
}
