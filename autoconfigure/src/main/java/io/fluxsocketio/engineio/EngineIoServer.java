package io.fluxsocketio.engineio;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An Engine.IO server: opens sessions, finds them by id, and closes them all on shutdown. It knows nothing of
 * HTTP; the web layer hands it transports.
 */
public final class EngineIoServer implements AutoCloseable {

    private static final SecureRandom random = new SecureRandom();

    /** Made once: {@code withoutPadding()} builds a new encoder on every call. */
    private static final Base64.Encoder ID_ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** How long a transport that owes its client a final answer stays findable after its session closed. */
    private static final Duration FINAL_ANSWER_GRACE = Duration.ofSeconds(1);

    private final EngineIoOptions options;

    private final EngineIoListener listener;

    private final EngineIoTimer timer;

    private final Map<String, EngineIoSession> sessions = new ConcurrentHashMap<>();

    private final Map<String, EngineIoTransport> closedOwingAnswer = new ConcurrentHashMap<>();

    /** False while stopped or after closing: handshakes are refused. */
    private volatile boolean accepting = true;

    private volatile boolean closed;

    public EngineIoServer(EngineIoOptions options, EngineIoListener listener) {
        this(options, listener, new EngineIoTimer("engineio-timer"));
    }

    public EngineIoServer(EngineIoOptions options, EngineIoListener listener, EngineIoTimer timer) {
        this.options = options;
        this.listener = listener;
        this.timer = timer;
    }

    public EngineIoOptions options() {
        return this.options;
    }

    public EngineIoTimer timer() {
        return this.timer;
    }

    EngineIoListener listener() {
        return this.listener;
    }

    /**
     * Opens a session on a transport: the open packet is queued on it, and the listener is told.
     * @return the session, or null when the server is stopped or closed
     */
    public EngineIoSession open(EngineIoHandshake handshake, EngineIoTransport transport) {
        if (!this.accepting) {
            return null;
        }
        EngineIoSession session = new EngineIoSession(generateId(), this, handshake, transport);
        this.sessions.put(session.id(), session);
        session.start();
        this.listener.onOpen(session);
        return session;
    }

    /** The open session with that id, or null: also when its client has just missed the pong deadline. */
    public EngineIoSession session(String id) {
        EngineIoSession session = this.sessions.get(id);
        return (session == null || session.closeIfPongOverdue()) ? null : session;
    }

    public int sessionCount() {
        return this.sessions.size();
    }

    void remove(EngineIoSession session, EngineIoTransport lastTransport) {
        if (lastTransport.owesFinalAnswer()) {
            this.closedOwingAnswer.put(session.id(), lastTransport);
            this.timer.schedule(FINAL_ANSWER_GRACE, () -> this.closedOwingAnswer.remove(session.id(), lastTransport));
        }
        this.sessions.remove(session.id(), session);
    }

    /**
     * Takes, once, the transport of a session whose client closed it while a request of its may still be on its
     * way (see {@link EngineIoTransport#owesFinalAnswer()}), or null. Two connections are read by two event loops,
     * so a GET the client sent before its closing POST can arrive after it.
     */
    public EngineIoTransport takeClosedOwingAnswer(String id) {
        return this.closedOwingAnswer.remove(id);
    }

    /** Refuses new sessions and closes every open one, telling clients the server is going away. */
    public void stop() {
        this.accepting = false;
        for (EngineIoSession session : new ArrayList<>(this.sessions.values())) {
            session.close(CloseReason.SERVER_SHUTTING_DOWN);
        }
    }

    /** Accepts sessions again after {@link #stop()}; a closed server stays closed. */
    public void start() {
        this.accepting = !this.closed;
    }

    /** Stops for good: {@link #stop()}, then the timer. */
    @Override
    public void close() {
        this.closed = true;
        stop();
        this.timer.close();
    }

    /** A random, URL-safe id of 20 characters, as engine.io and socket.io use for sessions and sockets. */
    public static String generateId() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return ID_ENCODER.encodeToString(bytes);
    }
}
