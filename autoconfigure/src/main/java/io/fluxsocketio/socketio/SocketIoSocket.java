package io.fluxsocketio.socketio;

import io.fluxsocketio.socketio.adapter.AdapterNamespace;
import io.fluxsocketio.socketio.protocol.EncodedPacket;
import io.fluxsocketio.socketio.protocol.SocketIoPacket;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Ack;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Event;

import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;

/**
 * One client's connection to one namespace. Every method is safe to call from any thread, at any time; after the
 * socket has disconnected, emits are dropped.
 */
public final class SocketIoSocket implements AdapterNamespace.Recipient {

    private static final Log logger = LogFactory.getLog(SocketIoSocket.class);

    private static final LazyMapField DATA = LazyMapField.of(MethodHandles.lookup(), "data");

    private static final LazyMapField HANDLERS = LazyMapField.of(MethodHandles.lookup(), "handlers");

    private final String id;

    private final Namespace namespace;

    private final Client client;

    private final SocketIoHandshake handshake;

    // Both made on first use: most sockets never get data or handlers of their own, and an empty concurrent map
    // costs 64 bytes per socket.
    private volatile Map<String, Object> data;

    private volatile Map<String, List<AsyncEventHandler>> handlers;

    private final List<AsyncEventHandler> anyHandlers = new CopyOnWriteArrayList<>();

    private final SocketTaskQueue tasks;

    /** Emits made before the client was told it is connected (from middleware, say), sent right after. */
    private volatile List<EncodedPacket> beforeConnect = new ArrayList<>();

    private final List<Consumer<DisconnectReason>> disconnectHandlers = new CopyOnWriteArrayList<>();

    private final PendingAcks acks;

    private final AtomicBoolean disconnected = new AtomicBoolean();

    private volatile boolean connected;

    private final boolean ordered;

    SocketIoSocket(String id, Namespace namespace, Client client, SocketIoHandshake handshake) {
        this.id = id;
        this.namespace = namespace;
        this.client = client;
        this.handshake = handshake;
        this.acks = new PendingAcks(namespace.server().engine().timer());
        this.ordered = namespace.server().options().orderedPerSocket();
        this.tasks = new SocketTaskQueue(namespace.server().inFlight());
    }

    public String id() {
        return this.id;
    }

    public Namespace namespace() {
        return this.namespace;
    }

    public SocketIoServer server() {
        return this.namespace.server();
    }

    public SocketIoHandshake handshake() {
        return this.handshake;
    }

    /** The auth payload of the CONNECT packet, converted by the application's JSON mapper. */
    public <T> T auth(Class<T> type) {
        return server().payloads().convert(this.handshake.auth(), type);
    }

    /** Application data attached to this socket, for example the user found by an authentication middleware. */
    public Map<String, Object> data() {
        return DATA.getOrCreate(this);
    }

    /** The id of the underlying Engine.IO session, shared by all namespaces of one connection. */
    public String connectionId() {
        return this.client.id();
    }

    /** The transport in use: {@code "polling"} or {@code "websocket"}. */
    public String transport() {
        return this.client.transport();
    }

    public boolean isConnected() {
        return this.connected && !this.disconnected.get();
    }

    /** The rooms this socket is in, including the one named by its id. */
    public Set<String> rooms() {
        return this.namespace.adapter().socketRooms(this.id);
    }

    /** Joins rooms; allowed from middleware too, before the socket is accepted. */
    public void join(String... rooms) {
        if (this.disconnected.get()) {
            return;
        }
        this.namespace.adapter().addAll(this.id, Set.of(rooms));
        if (this.disconnected.get()) {
            // Lost a race with the disconnect's clean-up: undo, so that no room outlives the socket.
            this.namespace.adapter().deleteAll(this.id);
        }
    }

    public void leave(String room) {
        this.namespace.adapter().delete(this.id, room);
    }

    /** Adds a handler for one event; it runs under the server's concurrency strategy. */
    public SocketIoSocket on(String event, EventHandler handler) {
        return onAsync(event, synchronous(handler));
    }

    /** Adds a handler for one event that finishes when the publisher it returns completes. */
    public SocketIoSocket onAsync(String event, AsyncEventHandler handler) {
        HANDLERS.<String, List<AsyncEventHandler>>getOrCreate(this)
                .computeIfAbsent(event, name -> new CopyOnWriteArrayList<>()).add(handler);
        return this;
    }

    /** Adds a handler for every event, called before the handlers of the event's name. */
    public SocketIoSocket onAny(EventHandler handler) {
        this.anyHandlers.add(synchronous(handler));
        return this;
    }

    private static AsyncEventHandler synchronous(EventHandler handler) {
        return event -> {
            handler.handle(event);
            return null;
        };
    }

    /** Adds a handler told once, with the reason, when this socket leaves its namespace. */
    public SocketIoSocket onDisconnect(Consumer<DisconnectReason> handler) {
        this.disconnectHandlers.add(handler);
        return this;
    }

    /** Sends an event to this socket's client; safe from any thread. */
    public void emit(String event, Object... args) {
        write(this.namespace.encodeEvent(event, null, args), false);
    }

    /**
     * Sends an event unless the connection is not ready to write at once (socket.io's {@code socket.volatile}):
     * for data that is stale by the time a slow client could read it, such as positions in a game.
     */
    public void volatileEmit(String event, Object... args) {
        write(this.namespace.encodeEvent(event, null, args), true);
    }

    /**
     * Sends an event and waits for the client's acknowledgement, up to the configured ack timeout. The event is
     * sent when the returned {@code Mono} is subscribed to.
     * @return the arguments of the client's ack; fails with {@link AckTimeoutException} after the timeout
     */
    public Mono<ArrayNode> emitWithAck(String event, Object... args) {
        return emitWithAck(server().options().ackTimeout(), event, args);
    }

    /**
     * Like {@link #emitWithAck(String, Object...)}, with its own timeout. The reply (or the timeout) is signalled on
     * a thread of the concurrency strategy, never on the event loop, so code that reacts to it may block where the
     * mode allows.
     */
    public Mono<ArrayNode> emitWithAck(Duration timeout, String event, Object... args) {
        Mono<ArrayNode> reply = Mono.create(sink -> {
            if (!isConnected()) {
                sink.error(new IllegalStateException("socket " + this.id + " is disconnected"));
                return;
            }
            long ackId = this.namespace.nextAckId();
            this.acks.expect(ackId, event, timeout, sink);
            write(this.namespace.encodeEvent(event, ackId, args), false);
        });
        return reply.flatMap(answer -> server().concurrency().invoke(() -> Mono.just(answer)))
                .onErrorResume(error -> server().concurrency().invoke(() -> Mono.error(error)));
    }

    /** Like {@link #emitWithAck(String, Object...)}, converting the first argument of the ack. */
    public <T> Mono<T> emitWithAck(Class<T> type, String event, Object... args) {
        return emitWithAck(event, args).mapNotNull(reply -> reply.isEmpty() ? null
                : server().payloads().convert(reply.get(0), type));
    }

    /** Broadcasts to these rooms, leaving this socket out. */
    public BroadcastOperator to(String... rooms) {
        return broadcast().to(rooms);
    }

    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    public BroadcastOperator except(String... rooms) {
        return broadcast().except(rooms);
    }

    /** Broadcasts to every socket of the namespace but this one. */
    public BroadcastOperator broadcast() {
        return new BroadcastOperator(this.namespace, Set.of(), Set.of(this.id), false, false);
    }

    /** Makes the socket leave its namespace; the client sees an {@code io server disconnect}. */
    public void disconnect() {
        disconnect(false);
    }

    /**
     * Makes the socket leave its namespace.
     * @param close also close the underlying connection, and with it the client's other namespaces
     */
    public void disconnect(boolean close) {
        if (close) {
            this.client.disconnectAll();
            return;
        }
        if (isConnected()) {
            send(new SocketIoPacket.Disconnect(this.namespace.name()));
            onClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
        }
    }

    @Override
    public void deliver(EncodedPacket packet, boolean volatileDelivery) {
        write(packet, volatileDelivery);
    }

    @Override
    public Executor writeExecutor() {
        return this.client.lane();
    }

    void send(SocketIoPacket packet) {
        write(server().encoder().encode(packet), false);
    }

    private void write(EncodedPacket packet, boolean volatileDelivery) {
        if (this.beforeConnect != null) {
            synchronized (this) {
                if (this.beforeConnect != null) {
                    if (!volatileDelivery) {
                        this.beforeConnect.add(packet);
                    }
                    return;
                }
            }
        }
        this.client.write(packet, volatileDelivery);
    }

    void accepted() {
        this.namespace.add(this);
        this.connected = true;
    }

    /** Called once the CONNECT reply is written: what was emitted meanwhile follows it, in order. */
    void connectSent() {
        synchronized (this) {
            for (EncodedPacket packet : this.beforeConnect) {
                this.client.write(packet, false);
            }
            this.beforeConnect = null;
        }
    }

    /** Queues work behind this socket's pending events. */
    void submit(Supplier<Mono<Void>> job) {
        this.tasks.submit(job);
    }

    void receive(SocketIoPacket packet) {
        switch (packet.type()) {
            case EVENT -> dispatch((Event) packet);
            case ACK -> this.acks.complete(((Ack) packet).ackId(), ((Ack) packet).data());
            case DISCONNECT -> onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
            case CONNECT, CONNECT_ERROR -> throw new IllegalStateException("handled by the client");
        }
    }

    private void dispatch(Event packet) {
        SocketIoEvent event = new SocketIoEvent(this, packet);
        if (this.ordered) {
            this.tasks.submit(() -> runHandlers(event));
        }
        else {
            InFlightJobs inFlight = server().inFlight();
            inFlight.started();
            runHandlers(event).doFinally(signal -> inFlight.finished()).subscribe();
        }
    }

    /** Runs the any-handlers, then this socket's handlers of the event, else the namespace's, one after another. */
    private Mono<Void> runHandlers(SocketIoEvent event) {
        Map<String, List<AsyncEventHandler>> handlers = this.handlers;
        List<AsyncEventHandler> own = (handlers != null) ? handlers.get(event.name()) : null;
        if (own == null) {
            AsyncEventHandler shared = this.namespace.handlerFor(event.name());
            own = (shared != null) ? List.of(shared) : List.of();
        }
        List<AsyncEventHandler> chain = own;
        if (!this.anyHandlers.isEmpty()) {
            chain = new ArrayList<>(this.anyHandlers);
            chain.addAll(own);
        }
        if (chain.isEmpty()) {
            logger.debug("No handler for event '" + event.name() + "' on namespace " + this.namespace.name());
            return Mono.empty();
        }
        return server().runInTurn(chain, handler -> handler.handle(event),
                () -> "Handler for '" + event.name() + "' failed on socket " + this.id);
    }

    /** Forgets a socket that middleware refused, with any rooms it joined meanwhile. */
    void refused() {
        if (this.disconnected.compareAndSet(false, true)) {
            this.namespace.adapter().deleteAll(this.id);
        }
    }

    /** Leaves the namespace: rooms and pending acks at once, then the disconnect handlers behind pending events. */
    void onClose(DisconnectReason reason) {
        if (!this.disconnected.compareAndSet(false, true)) {
            return;
        }
        boolean wasConnected = this.connected;
        this.namespace.remove(this);
        this.client.remove(this);
        this.acks.failAll("socket " + this.id + " disconnected (" + reason.wireName() + ")");
        if (wasConnected) {
            this.tasks.submit(() -> runDisconnectHandlers(reason));
        }
    }

    private Mono<Void> runDisconnectHandlers(DisconnectReason reason) {
        List<DisconnectHandler> chain = new ArrayList<>(this.namespace.disconnectHandlers());
        for (Consumer<DisconnectReason> handler : this.disconnectHandlers) {
            chain.add((socket, why) -> {
                handler.accept(why);
                return null;
            });
        }
        return server().runInTurn(chain, handler -> handler.handle(this, reason),
                () -> "Disconnect handler failed on socket " + this.id);
    }

    /** Emits with an ack still waiting for the client's reply; each leaves at its reply, timeout or disconnect. */
    public int pendingAckCount() {
        return this.acks.size();
    }

    @Override
    public String toString() {
        return "SocketIoSocket[" + this.id + " in " + this.namespace.name() + "]";
    }
}
