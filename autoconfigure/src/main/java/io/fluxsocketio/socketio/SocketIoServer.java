package io.fluxsocketio.socketio;

import io.fluxsocketio.concurrency.ConcurrencyStrategy;
import io.fluxsocketio.concurrency.ReactorStrategy;
import io.fluxsocketio.engineio.CloseReason;
import io.fluxsocketio.engineio.EngineIoListener;
import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.EngineIoServer;
import io.fluxsocketio.engineio.EngineIoSocket;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;
import io.fluxsocketio.socketio.adapter.AdapterFactory;
import io.fluxsocketio.socketio.protocol.SocketIoDecoder;
import io.fluxsocketio.socketio.protocol.SocketIoEncoder;
import io.fluxsocketio.socketio.protocol.SocketIoPacket;
import io.fluxsocketio.socketio.protocol.WireJson;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.reactivestreams.Publisher;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Socket.IO server: the entry to its namespaces, with shortcuts to the main namespace {@code "/"}. It owns the
 * Engine.IO server underneath and is its only listener.
 */
public final class SocketIoServer implements AutoCloseable {

    private static final Log logger = LogFactory.getLog(SocketIoServer.class);

    private static final Mono<Void> EMPTY = Mono.empty();

    private final SocketIoOptions options;

    private final PayloadConverter payloads;

    private final SocketIoEncoder encoder;

    private final SocketIoDecoder decoder;

    private final AdapterFactory adapterFactory;

    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();

    private final EngineIoServer engine;

    private final ConcurrencyStrategy concurrency;

    private final InFlightJobs inFlight;

    private final AtomicBoolean closed = new AtomicBoolean();

    private final Namespace mainNamespace;

    /** A server whose handlers run in reactor mode ({@link ReactorStrategy}): on the event loop, so they must not block. */
    public SocketIoServer(EngineIoOptions engineOptions, SocketIoOptions options, JsonMapper mapper,
            AdapterFactory adapterFactory) {
        this(engineOptions, options, mapper, adapterFactory, new ReactorStrategy());
    }

    /**
     * @param concurrency where handlers and background tasks run; closed with the server
     */
    public SocketIoServer(EngineIoOptions engineOptions, SocketIoOptions options, JsonMapper mapper,
            AdapterFactory adapterFactory, ConcurrencyStrategy concurrency) {
        this.concurrency = concurrency;
        this.inFlight = new InFlightJobs();
        this.options = options;
        this.payloads = new PayloadConverter(mapper);
        this.encoder = new SocketIoEncoder(WireJson.mapper());
        this.decoder = new SocketIoDecoder(WireJson.mapper(), options.maxAttachments());
        this.adapterFactory = adapterFactory;
        this.engine = new EngineIoServer(engineOptions, new ClientListener());
        this.mainNamespace = of(SocketIoPacket.MAIN_NAMESPACE);
    }

    public SocketIoOptions options() {
        return this.options;
    }

    /** The Engine.IO server underneath, which the web layer serves. */
    public EngineIoServer engine() {
        return this.engine;
    }

    /** Where handlers and background tasks run. */
    public ConcurrencyStrategy concurrency() {
        return this.concurrency;
    }

    /**
     * Starts a long-running task under the concurrency strategy, with a handle to cancel it; tasks stop when the
     * server closes. Emitting from it is safe in every mode, and its sleeping never holds up delivery.
     */
    public Disposable startBackgroundTask(Runnable task) {
        return this.concurrency.startBackgroundTask(task);
    }

    /** Sleeps in a background task, as the strategy sleeps; interrupted when the task is cancelled. */
    public void sleep(Duration duration) throws InterruptedException {
        this.concurrency.sleep(duration);
    }

    /** The application's JSON mapper, which converts payloads. */
    public JsonMapper jsonMapper() {
        return this.payloads.mapper();
    }

    /** The namespace with that name, created on first use. Clients may only connect to namespaces made here. */
    public Namespace of(String name) {
        String normalized = name.startsWith("/") ? name : "/" + name;
        return this.namespaces.computeIfAbsent(normalized, key -> new Namespace(this, key));
    }

    /** The main namespace, {@code "/"}. */
    public Namespace mainNamespace() {
        return this.mainNamespace;
    }

    /** The namespaces created so far. */
    public Map<String, Namespace> namespaces() {
        return Map.copyOf(this.namespaces);
    }

    public SocketIoServer use(SocketMiddleware middleware) {
        this.mainNamespace.use(middleware);
        return this;
    }

    public SocketIoServer onConnection(Consumer<SocketIoSocket> handler) {
        this.mainNamespace.onConnection(handler);
        return this;
    }

    public void emit(String event, Object... args) {
        this.mainNamespace.emit(event, args);
    }

    public BroadcastOperator to(String... rooms) {
        return this.mainNamespace.to(rooms);
    }

    public BroadcastOperator in(String... rooms) {
        return this.mainNamespace.in(rooms);
    }

    public BroadcastOperator except(String... rooms) {
        return this.mainNamespace.except(rooms);
    }

    public Mono<List<SocketIoSocket>> fetchSockets() {
        return this.mainNamespace.fetchSockets();
    }

    /**
     * Closes every connection, as a server going away (clients see the transport close and reconnect, to another
     * node in a rolling deploy), and refuses new ones until {@link #start()}. Handlers already running or queued,
     * disconnect handlers included, get up to the timeout to finish; what they emit to the closed connections goes
     * nowhere.
     * @return whether every handler finished in time
     */
    public boolean stop(Duration timeout) {
        this.engine.stop();
        if (this.inFlight.awaitNone(timeout)) {
            return true;
        }
        logger.warn(this.inFlight.count() + " Socket.IO handler jobs still running " + timeout.toMillis()
                + " ms into shutdown");
        return false;
    }

    /** Accepts connections again after {@link #stop(Duration)}. */
    public void start() {
        this.engine.start();
    }

    /**
     * Shuts down for good, without waiting for handlers (use {@link #stop(Duration)} first for that): connections
     * close, the adapters and the concurrency strategy are released, and tasks still running are interrupted.
     * Safe to call more than once.
     */
    @Override
    public void close() {
        if (!this.closed.compareAndSet(false, true)) {
            return;
        }
        this.engine.close();
        for (Namespace namespace : this.namespaces.values()) {
            namespace.adapter().close();
        }
        this.concurrency.close();
    }

    InFlightJobs inFlight() {
        return this.inFlight;
    }

    /**
     * Runs user handlers one after another under the concurrency strategy, each finishing (its publisher included)
     * before the next starts; a failure is logged and the next still runs.
     */
    <T> Mono<Void> runInTurn(List<T> handlers, Function<T, Publisher<?>> call, Supplier<String> failure) {
        if (handlers.size() == 1) {
            return runLogged(handlers.get(0), call, failure);
        }
        return Flux.fromIterable(handlers).concatMap(handler -> runLogged(handler, call, failure)).then();
    }

    private <T> Mono<Void> runLogged(T handler, Function<T, Publisher<?>> call, Supplier<String> failure) {
        Mono<Void> outcome;
        if (this.concurrency.invokesInline()) {
            try {
                outcome = completion(call.apply(handler));
            }
            catch (RuntimeException ex) {
                outcome = Mono.error(ex);
            }
            if (outcome == EMPTY) {
                // The common synchronous handler then costs no Mono at all: Mono.empty() is a shared instance.
                return outcome;
            }
        }
        else {
            outcome = this.concurrency.invoke(() -> completion(call.apply(handler)));
        }
        return outcome.onErrorResume(ex -> {
            logger.error(failure.get(), ex);
            return Mono.empty();
        });
    }

    /** What a handler's result completes with: the end of a returned publisher, or at once for anything else. */
    private static Mono<Void> completion(Publisher<?> result) {
        return (result != null) ? Mono.from(result).then() : EMPTY;
    }

    Namespace namespace(String name) {
        return this.namespaces.get(name);
    }

    PayloadConverter payloads() {
        return this.payloads;
    }

    SocketIoEncoder encoder() {
        return this.encoder;
    }

    SocketIoDecoder decoder() {
        return this.decoder;
    }

    AdapterFactory adapterFactory() {
        return this.adapterFactory;
    }

    /** Gives every Engine.IO connection a {@link Client}. */
    private final class ClientListener implements EngineIoListener {

        @Override
        public void onOpen(EngineIoSocket socket) {
            socket.attach(new Client(SocketIoServer.this, socket));
        }

        @Override
        public void onMessage(EngineIoSocket socket, Message message) {
            Client client = socket.attachment();
            client.onMessage(message);
        }

        @Override
        public void onClose(EngineIoSocket socket, CloseReason reason) {
            Client client = socket.attachment();
            if (client != null) {
                client.onClose(reason);
            }
        }
    }
}
