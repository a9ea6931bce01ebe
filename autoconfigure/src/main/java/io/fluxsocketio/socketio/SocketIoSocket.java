package io.fluxsocketio.socketio;

import io.fluxsocketio.socketio.adapter.AdapterNamespace;
import io.fluxsocketio.socketio.protocol.EncodedPacket;
import io.fluxsocketio.socketio.protocol.SocketIoPacket;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Ack;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

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

    private final String id;

    private final Namespace namespace;

    private final Client client;

    private final SocketIoHandshake handshake;

    private final Map<String, Object> data = new ConcurrentHashMap<>();

    private final Map<String, List<EventHandler>> handlers = new ConcurrentHashMap<>();

    private final List<EventHandler> anyHandlers = new CopyOnWriteArrayList<>();

    private final List<Consumer<DisconnectReason>> disconnectHandlers = new CopyOnWriteArrayList<>();

    private final PendingAcks acks;

    private final AtomicBoolean disconnected = new AtomicBoolean();

    private volatile boolean connected;

    SocketIoSocket(String id, Namespace namespace, Client client, SocketIoHandshake handshake) {
        this.id = id;
        this.namespace = namespace;
        this.client = client;
        this.handshake = handshake;
        this.acks = new PendingAcks(namespace.server().engine().timer());
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
        return this.data;
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

    /** Adds a handler for one event. */
    public SocketIoSocket on(String event, EventHandler handler) {
        this.handlers.computeIfAbsent(event, name -> new CopyOnWriteArrayList<>()).add(handler);
        return this;
    }

    /** Adds a handler for every event, called before the handlers of the event's name. */
    public SocketIoSocket onAny(EventHandler handler) {
        this.anyHandlers.add(handler);
        return this;
    }

    /** Adds a handler told once, with the reason, when this socket leaves its namespace. */
    public SocketIoSocket onDisconnect(Consumer<DisconnectReason> handler) {
        this.disconnectHandlers.add(handler);
        return this;
    }

    /** Sends an event to this socket's client. */
    public void emit(String event, Object... args) {
        this.client.write(this.namespace.encodeEvent(event, null, args), false);
    }

    /**
     * Sends an event unless the connection is not ready to write at once (socket.io's {@code socket.volatile}):
     * for data that is stale by the time a slow client could read it, such as positions in a game.
     */
    public void volatileEmit(String event, Object... args) {
        this.client.write(this.namespace.encodeEvent(event, null, args), true);
    }

    /**
     * Sends an event and waits for the client's acknowledgement, up to the configured ack timeout. The event is
     * sent when the returned {@code Mono} is subscribed to.
     * @return the arguments of the client's ack; fails with {@link AckTimeoutException} after the timeout
     */
    public Mono<ArrayNode> emitWithAck(String event, Object... args) {
        return emitWithAck(server().options().ackTimeout(), event, args);
    }

    /** Like {@link #emitWithAck(String, Object...)}, with its own timeout. */
    public Mono<ArrayNode> emitWithAck(Duration timeout, String event, Object... args) {
        return Mono.create(sink -> {
            if (!isConnected()) {
                sink.error(new IllegalStateException("socket " + this.id + " is disconnected"));
                return;
            }
            long ackId = this.namespace.nextAckId();
            this.acks.expect(ackId, event, timeout, sink);
            this.client.write(this.namespace.encodeEvent(event, ackId, args), false);
        });
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
        this.client.write(packet, volatileDelivery);
    }

    void send(SocketIoPacket packet) {
        this.client.write(server().encoder().encode(packet), false);
    }

    void accepted() {
        this.namespace.add(this);
        this.connected = true;
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
        for (EventHandler handler : this.anyHandlers) {
            invoke(handler, event);
        }
        List<EventHandler> named = this.handlers.get(packet.name());
        if (named != null) {
            for (EventHandler handler : named) {
                invoke(handler, event);
            }
        }
        else if (this.anyHandlers.isEmpty()) {
            logger.debug("No handler for event '" + packet.name() + "' on namespace " + this.namespace.name());
        }
    }

    private void invoke(EventHandler handler, SocketIoEvent event) {
        try {
            handler.handle(event);
        }
        catch (RuntimeException ex) {
            logger.error("Handler for '" + event.name() + "' failed on socket " + this.id, ex);
        }
    }

    /** Forgets a socket that middleware refused, with any rooms it joined meanwhile. */
    void refused() {
        if (this.disconnected.compareAndSet(false, true)) {
            this.namespace.adapter().deleteAll(this.id);
        }
    }

    /** Leaves the namespace: rooms, pending acks and disconnect handlers, once. */
    void onClose(DisconnectReason reason) {
        if (!this.disconnected.compareAndSet(false, true)) {
            return;
        }
        boolean wasConnected = this.connected;
        this.namespace.remove(this);
        this.client.remove(this);
        this.acks.failAll("socket " + this.id + " disconnected (" + reason.wireName() + ")");
        if (!wasConnected) {
            return;
        }
        for (Consumer<DisconnectReason> handler : this.disconnectHandlers) {
            try {
                handler.accept(reason);
            }
            catch (RuntimeException ex) {
                logger.error("Disconnect handler failed on socket " + this.id, ex);
            }
        }
    }

    int pendingAckCount() {
        return this.acks.size();
    }

    @Override
    public String toString() {
        return "SocketIoSocket[" + this.id + " in " + this.namespace.name() + "]";
    }
}
