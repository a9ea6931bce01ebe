package io.fluxsocketio.socketio;

import io.fluxsocketio.socketio.adapter.Adapter;
import io.fluxsocketio.socketio.adapter.AdapterNamespace;
import io.fluxsocketio.socketio.protocol.EncodedPacket;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Event;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A namespace: its connected sockets, the middleware run when one connects, the handlers told when it is
 * accepted, and the adapter that keeps its rooms.
 */
public final class Namespace implements AdapterNamespace {

    private final SocketIoServer server;

    private final String name;

    private final Adapter adapter;

    private final Map<String, SocketIoSocket> sockets = new ConcurrentHashMap<>();

    private final List<SocketMiddleware> middlewares = new CopyOnWriteArrayList<>();

    private final List<Consumer<SocketIoSocket>> connectionHandlers = new CopyOnWriteArrayList<>();

    /** Handlers shared by every socket of the namespace, so that they cost nothing per connection. */
    private final Map<String, AsyncEventHandler> eventHandlers = new ConcurrentHashMap<>();

    private volatile AsyncEventHandler unhandledEventHandler;

    private final List<DisconnectHandler> disconnectHandlers = new CopyOnWriteArrayList<>();

    /** Ack ids come from the namespace, so that a socket's own acks and broadcast acks never collide. */
    private final AtomicLong ackIds = new AtomicLong();

    Namespace(SocketIoServer server, String name) {
        this.server = server;
        this.name = name;
        this.adapter = server.adapterFactory().create(this);
    }

    @Override
    public String name() {
        return this.name;
    }

    public SocketIoServer server() {
        return this.server;
    }

    public Adapter adapter() {
        return this.adapter;
    }

    /** Adds a middleware, run in the order added for every socket that connects. */
    public Namespace use(SocketMiddleware middleware) {
        this.middlewares.add(middleware);
        return this;
    }

    /** Adds a handler told of every accepted socket, after the client has been told it is connected. */
    public Namespace onConnection(Consumer<SocketIoSocket> handler) {
        this.connectionHandlers.add(handler);
        return this;
    }

    /**
     * Handles an event for every socket of the namespace, unless a socket has its own handler for it.
     * @throws IllegalStateException when the event already has a namespace handler
     */
    public Namespace onEvent(String event, AsyncEventHandler handler) {
        if (this.eventHandlers.putIfAbsent(event, handler) != null) {
            throw new IllegalStateException("event '" + event + "' already has a handler in namespace " + this.name);
        }
        return this;
    }

    /** Handles the events that no handler of the socket or the namespace maps. */
    public Namespace onUnhandledEvent(AsyncEventHandler handler) {
        this.unhandledEventHandler = handler;
        return this;
    }

    /** Adds a handler told when any socket of the namespace leaves, after that socket's pending events. */
    public Namespace onDisconnect(DisconnectHandler handler) {
        this.disconnectHandlers.add(handler);
        return this;
    }

    AsyncEventHandler handlerFor(String event) {
        AsyncEventHandler handler = this.eventHandlers.get(event);
        return (handler != null) ? handler : this.unhandledEventHandler;
    }

    List<DisconnectHandler> disconnectHandlers() {
        return this.disconnectHandlers;
    }

    /** The connected sockets of this node, by id. */
    public Map<String, SocketIoSocket> sockets() {
        return Collections.unmodifiableMap(this.sockets);
    }

    /** The connected socket of this node with that id, or null. */
    public SocketIoSocket socket(String id) {
        return this.sockets.get(id);
    }

    @Override
    public Recipient localSocket(String socketId) {
        return this.sockets.get(socketId);
    }

    public BroadcastOperator to(String... rooms) {
        return everyone().to(rooms);
    }

    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    public BroadcastOperator except(String... rooms) {
        return everyone().except(rooms);
    }

    public BroadcastOperator volatileDelivery() {
        return everyone().volatileDelivery();
    }

    public BroadcastOperator local() {
        return everyone().local();
    }

    /** Sends an event to every socket of the namespace. */
    public void emit(String event, Object... args) {
        everyone().emit(event, args);
    }

    public Mono<List<SocketIoSocket>> fetchSockets() {
        return everyone().fetchSockets();
    }

    private BroadcastOperator everyone() {
        return new BroadcastOperator(this, Set.of(), Set.of(), false, false);
    }

    Mono<Void> runMiddlewares(SocketIoSocket socket) {
        if (this.middlewares.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(this.middlewares)
                .concatMap(middleware -> this.server.concurrency().invoke(() -> middleware.handle(socket)))
                .then();
    }

    void add(SocketIoSocket socket) {
        this.sockets.put(socket.id(), socket);
        this.adapter.addAll(socket.id(), Set.of(socket.id()));
    }

    /** Runs the connection handlers ahead of the socket's first event, which may depend on what they register. */
    void connected(SocketIoSocket socket) {
        if (this.connectionHandlers.isEmpty()) {
            return;
        }
        socket.submit(() -> this.server.runInTurn(this.connectionHandlers, handler -> {
            handler.accept(socket);
            return null;
        }, () -> "Connection handler of namespace " + this.name + " failed for socket " + socket.id()));
    }

    void remove(SocketIoSocket socket) {
        this.adapter.deleteAll(socket.id());
        this.sockets.remove(socket.id(), socket);
    }

    long nextAckId() {
        return this.ackIds.getAndIncrement();
    }

    EncodedPacket encodeEvent(String event, Long ackId, Object[] args) {
        return this.server.encoder().encode(new Event(this.name, ackId,
                this.server.payloads().eventData(event, args)));
    }
}
