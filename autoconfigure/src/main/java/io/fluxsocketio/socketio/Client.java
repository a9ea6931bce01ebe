package io.fluxsocketio.socketio;

import io.fluxsocketio.engineio.CloseReason;
import io.fluxsocketio.engineio.EngineIoHandshake;
import io.fluxsocketio.engineio.EngineIoServer;
import io.fluxsocketio.engineio.EngineIoSocket;
import io.fluxsocketio.engineio.WriteLane;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.BinaryMessage;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.TextMessage;
import io.fluxsocketio.socketio.protocol.EncodedPacket;
import io.fluxsocketio.socketio.protocol.SocketIoPacket;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Connect;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.ConnectError;
import io.fluxsocketio.socketio.protocol.SocketIoPacketAssembler;
import io.fluxsocketio.socketio.protocol.SocketIoProtocolException;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Engine.IO connection seen from Socket.IO: the namespaces it joined, the packets it is assembling, and the
 * timers that close it when it never joins a namespace or leaves a binary packet unfinished.
 */
final class Client {

    private static final Log logger = LogFactory.getLog(Client.class);

    private final SocketIoServer server;

    private final EngineIoSocket connection;

    private final SocketIoPacketAssembler assembler;

    /**
     * The sockets by namespace, copied on write: read on every packet, written only on connect and disconnect, and
     * nearly always one entry, which an immutable map holds in 24 bytes where a {@code ConcurrentHashMap} took
     * about 150 per connection. Writers synchronize on this client.
     */
    private volatile Map<String, SocketIoSocket> sockets = Map.of();

    /** Until the first namespace is joined; then dropped, so that the connection no longer holds the timeout. */
    private volatile Disposable connectTimeout;

    private volatile Disposable attachmentTimeout;

    Client(SocketIoServer server, EngineIoSocket connection) {
        this.server = server;
        this.connection = connection;
        this.assembler = new SocketIoPacketAssembler(server.decoder());
        this.connectTimeout = server.engine().timer().schedule(server.options().connectTimeout(), () -> {
            if (this.sockets.isEmpty()) {
                logger.info("Closing connection " + id() + ": no namespace joined within "
                        + server.options().connectTimeout().toMillis() + " ms");
                connection.close(CloseReason.CONNECT_TIMEOUT);
            }
        });
    }

    String id() {
        return this.connection.id();
    }

    String transport() {
        return this.connection.transportName();
    }

    WriteLane lane() {
        return this.connection.lane();
    }

    /** Called by the engine, one message at a time per connection. */
    void onMessage(Message message) {
        SocketIoPacket packet;
        try {
            packet = (message instanceof TextMessage text) ? this.assembler.onText(text.text())
                    : this.assembler.onBinary(((BinaryMessage) message).data());
        }
        catch (SocketIoProtocolException ex) {
            protocolError(ex.getMessage());
            return;
        }
        trackAttachments();
        if (packet != null) {
            route(packet);
        }
    }

    private void trackAttachments() {
        Disposable timer = this.attachmentTimeout;
        if (this.assembler.isAwaitingAttachments() && timer == null) {
            this.attachmentTimeout = this.server.engine().timer().schedule(this.server.options().attachmentTimeout(),
                    () -> protocolError("binary attachments did not arrive within "
                            + this.server.options().attachmentTimeout().toMillis() + " ms"));
        }
        else if (!this.assembler.isAwaitingAttachments() && timer != null) {
            timer.dispose();
            this.attachmentTimeout = null;
        }
    }

    private void route(SocketIoPacket packet) {
        if (packet instanceof Connect connect) {
            connect(connect);
            return;
        }
        SocketIoSocket socket = this.sockets.get(packet.namespace());
        if (socket == null || !socket.isConnected() || packet instanceof ConnectError) {
            protocolError(packet.type() + " packet for namespace " + packet.namespace()
                    + ", which this connection has not joined");
            return;
        }
        socket.receive(packet);
    }

    private void connect(Connect packet) {
        Namespace namespace = this.server.namespace(packet.namespace());
        if (namespace == null) {
            write(new ConnectError(packet.namespace(), message("Invalid namespace")));
            return;
        }
        SocketIoSocket socket = new SocketIoSocket(EngineIoServer.generateId(), namespace, this,
                handshake(packet.data()));
        if (!addSocket(socket)) {
            protocolError("second CONNECT to namespace " + namespace.name());
            return;
        }
        namespace.runMiddlewares(socket).subscribe(null, error -> refuse(socket, error), () -> accept(socket));
    }

    private void accept(SocketIoSocket socket) {
        if (!this.connection.isOpen() || this.sockets.get(socket.namespace().name()) != socket) {
            return;
        }
        socket.accepted();
        // Queued before the client can know it is connected, so that its first event waits for them; what they
        // emit meanwhile is held until the CONNECT reply is out.
        socket.namespace().connected(socket);
        ObjectNode data = this.server.payloads().mapper().createObjectNode().put("sid", socket.id());
        write(new Connect(socket.namespace().name(), data));
        socket.connectSent();
        cancelConnectTimeout();
    }

    private void cancelConnectTimeout() {
        Disposable timeout = this.connectTimeout;
        if (timeout != null) {
            timeout.dispose();
            this.connectTimeout = null;
        }
    }

    private void refuse(SocketIoSocket socket, Throwable error) {
        remove(socket);
        socket.refused();
        ObjectNode data = message(error.getMessage() != null ? error.getMessage() : "Connection refused");
        if (error instanceof ConnectionRefusedException refused && refused.getData() != null) {
            data.set("data", this.server.payloads().toNode(refused.getData()));
        }
        else if (!(error instanceof ConnectionRefusedException)) {
            logger.debug("Middleware of namespace " + socket.namespace().name() + " failed", error);
        }
        write(new ConnectError(socket.namespace().name(), data));
    }

    private ObjectNode message(String message) {
        return this.server.payloads().mapper().createObjectNode().put("message", message);
    }

    private SocketIoHandshake handshake(JsonNode auth) {
        return new SocketIoHandshake(this.connection.handshake(), auth);
    }

    /** @return false when the connection has a socket in that namespace already */
    private synchronized boolean addSocket(SocketIoSocket socket) {
        String namespace = socket.namespace().name();
        if (this.sockets.containsKey(namespace)) {
            return false;
        }
        replaceSockets(copy -> copy.put(namespace, socket));
        return true;
    }

    /** Replaces the map with a changed copy; callers hold this client's lock. */
    private void replaceSockets(Consumer<Map<String, SocketIoSocket>> change) {
        Map<String, SocketIoSocket> copy = new HashMap<>(this.sockets);
        change.accept(copy);
        this.sockets = Map.copyOf(copy);
    }

    void write(SocketIoPacket packet) {
        write(this.server.encoder().encode(packet), false);
    }

    void write(EncodedPacket packet, boolean volatileDelivery) {
        this.connection.send(packet.messages(), volatileDelivery);
    }

    synchronized void remove(SocketIoSocket socket) {
        String namespace = socket.namespace().name();
        if (this.sockets.get(namespace) == socket) {
            replaceSockets(copy -> copy.remove(namespace));
        }
    }

    /** Disconnects every namespace of this connection, then closes it. */
    void disconnectAll() {
        for (SocketIoSocket socket : this.sockets.values()) {
            socket.disconnect(false);
        }
        this.connection.close(CloseReason.FORCED_CLOSE);
    }

    private void protocolError(String what) {
        logger.info("Closing connection " + id() + " (parse error): " + what);
        this.connection.close(CloseReason.PARSE_ERROR);
    }

    /** Called by the engine once, when the connection has closed. */
    void onClose(CloseReason reason) {
        cancelConnectTimeout();
        Disposable timer = this.attachmentTimeout;
        if (timer != null) {
            timer.dispose();
        }
        DisconnectReason disconnectReason = DisconnectReason.of(reason);
        for (SocketIoSocket socket : this.sockets.values()) {
            socket.onClose(disconnectReason);
        }
    }
}
