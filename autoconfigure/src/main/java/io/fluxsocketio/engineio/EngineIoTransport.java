package io.fluxsocketio.engineio;

import io.fluxsocketio.engineio.protocol.EngineIoPacket;

import java.util.List;

/**
 * What a session needs of a transport. The session calls these methods while it holds its lock, so they are
 * never called concurrently and must not block.
 */
public interface EngineIoTransport {

    String name();

    /** Queues a packet for writing. */
    void write(EngineIoPacket packet);

    /** Queues packets for writing, one after the other: nothing written after them may come between them. */
    default void writeAll(List<? extends EngineIoPacket> packets) {
        for (EngineIoPacket packet : packets) {
            write(packet);
        }
    }

    /** The event loop that writes this transport's packets, or null when any thread writes them as cheaply. */
    default WriteLane lane() {
        return null;
    }

    /** Packets held for the client and not yet taken by the network: what {@code max-buffered-packets} bounds. */
    int bufferedCount();

    /** Whether a packet written now would leave at once (used to drop volatile messages). */
    boolean isWritable();

    /** Takes the packets not yet handed to the network, for the hand-over to the upgraded transport. */
    List<EngineIoPacket> drainUnsent();

    /** Answers any request the client is holding open, so that it can pause this transport for an upgrade. */
    void pauseForUpgrade();

    /**
     * Closes the connection.
     * @param flush whether to write what is queued first
     */
    void close(CloseReason reason, boolean flush);

    /**
     * Whether the client closed the session while it may still have a request on its way that expects an answer:
     * a long-polling client that sends its close packet in a POST while its GET is in flight.
     */
    default boolean owesFinalAnswer() {
        return false;
    }
}
