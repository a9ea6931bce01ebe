package io.fluxsocketio.socketio;

import io.fluxsocketio.socketio.protocol.SocketIoPacket.Ack;
import io.fluxsocketio.socketio.protocol.SocketIoPacket.Event;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** An event a socket received: its name, its arguments, and the ack the client may be waiting for. */
public final class SocketIoEvent {

    private static final Log logger = LogFactory.getLog(SocketIoEvent.class);

    private final SocketIoSocket socket;

    private final Event packet;

    private final AtomicBoolean acked = new AtomicBoolean();

    SocketIoEvent(SocketIoSocket socket, Event packet) {
        this.socket = socket;
        this.packet = packet;
    }

    public SocketIoSocket socket() {
        return this.socket;
    }

    public String name() {
        return this.packet.name();
    }

    public int argCount() {
        return this.packet.data().size() - 1;
    }

    /** The argument at that position as a JSON tree (binary attachments are binary nodes), or null. */
    public JsonNode arg(int index) {
        return (index >= 0 && index < argCount()) ? this.packet.data().get(index + 1) : null;
    }

    /** The argument at that position converted by the application's JSON mapper, or null when absent. */
    public <T> T arg(int index, Class<T> type) {
        JsonNode node = arg(index);
        return (node != null) ? this.socket.server().payloads().convert(node, type) : null;
    }

    public <T> T arg(int index, JavaType type) {
        JsonNode node = arg(index);
        return (node != null) ? this.socket.server().payloads().convert(node, type) : null;
    }

    /** The arguments, without the event name. */
    public ArrayNode args() {
        ArrayNode args = this.packet.data().arrayNode();
        for (int i = 1; i < this.packet.data().size(); i++) {
            args.add(this.packet.data().get(i));
        }
        return args;
    }

    /** The ack as a handle, for code that answers it later or elsewhere. */
    public Acknowledgement acknowledgement() {
        return new Acknowledgement() {
            @Override
            public boolean isRequested() {
                return hasAck();
            }

            @Override
            public void send(Object... args) {
                ack(args);
            }
        };
    }

    /** Whether the client asked for an acknowledgement. */
    public boolean hasAck() {
        return this.packet.ackId() != null;
    }

    /** Whether the ack has been sent. */
    public boolean isAcked() {
        return this.acked.get();
    }

    /**
     * Acknowledges the event with these arguments. Only the first call sends anything; an ack the client did not
     * ask for is dropped.
     */
    public void ack(Object... args) {
        if (!hasAck()) {
            logger.debug("Dropping ack for '" + name() + "': the client did not ask for one");
            return;
        }
        if (!this.acked.compareAndSet(false, true)) {
            logger.debug("Dropping second ack for '" + name() + "'");
            return;
        }
        this.socket.send(new Ack(this.packet.namespace(), this.packet.ackId(),
                this.socket.server().payloads().ackData(args)));
    }

    @Override
    public String toString() {
        return "SocketIoEvent[" + name() + " on " + this.socket.id() + "]";
    }
}
