package io.fluxsocketio.socketio.protocol;

import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * One Socket.IO v5 packet. Events and acks carry their arguments as a JSON array in which binary attachments are
 * {@code BinaryNode}s; whether they travel as {@code BINARY_EVENT}/{@code BINARY_ACK} is the encoder's business.
 * Packets are never changed after they are built, so one can be sent to many sockets.
 *
 * @see <a href="https://socket.io/docs/v4/socket-io-protocol/">Socket.IO protocol</a>
 */
public sealed interface SocketIoPacket {

    /** The namespace used when a packet names none. */
    String MAIN_NAMESPACE = "/";

    /** The packet kinds; a switch expression over them is checked for exhaustiveness. */
    enum Type { CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR }

    Type type();

    String namespace();

    /**
     * Connects to a namespace: from the client with its auth payload (or null), from the server with
     * {@code {"sid": ...}}.
     */
    record Connect(String namespace, JsonNode data) implements SocketIoPacket {
        public Connect {
            Objects.requireNonNull(namespace, "namespace");
        }

        @Override
        public Type type() {
            return Type.CONNECT;
        }
    }

    /** Leaves a namespace. */
    record Disconnect(String namespace) implements SocketIoPacket {
        public Disconnect {
            Objects.requireNonNull(namespace, "namespace");
        }

        @Override
        public Type type() {
            return Type.DISCONNECT;
        }
    }

    /**
     * An event: {@code data} is {@code [name, arg...]}.
     * @param ackId the id the receiver must acknowledge with, or null when no ack is wanted
     */
    record Event(String namespace, Long ackId, ArrayNode data) implements SocketIoPacket {
        public Event {
            Objects.requireNonNull(namespace, "namespace");
            if (data == null || data.isEmpty() || !data.get(0).isString()) {
                throw new IllegalArgumentException("an event's data starts with its name");
            }
        }

        @Override
        public Type type() {
            return Type.EVENT;
        }

        public String name() {
            return this.data.get(0).stringValue();
        }
    }

    /** The reply to an event that asked for one. */
    record Ack(String namespace, long ackId, ArrayNode data) implements SocketIoPacket {
        public Ack {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public Type type() {
            return Type.ACK;
        }
    }

    /** The server refused a connection to a namespace; data is an object such as {@code {"message": ...}}. */
    record ConnectError(String namespace, JsonNode data) implements SocketIoPacket {
        public ConnectError {
            Objects.requireNonNull(namespace, "namespace");
        }

        @Override
        public Type type() {
            return Type.CONNECT_ERROR;
        }
    }
}
