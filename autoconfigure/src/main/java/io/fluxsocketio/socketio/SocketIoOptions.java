package io.fluxsocketio.socketio;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Socket.IO layer, with socket.io's defaults where it has them.
 * @param connectTimeout how long a connection may stay without joining any namespace before it is closed
 * @param ackTimeout how long {@code emitWithAck} waits for the reply unless told otherwise
 * @param maxAttachments the most binary attachments one incoming packet may announce
 * @param attachmentTimeout how long the attachments of an incoming binary packet may take to arrive
 * @param orderedPerSocket whether a socket's events are handled one at a time, in the order they arrived
 */
public record SocketIoOptions(Duration connectTimeout, Duration ackTimeout, int maxAttachments,
        Duration attachmentTimeout, boolean orderedPerSocket) {

    public SocketIoOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        Objects.requireNonNull(attachmentTimeout, "attachmentTimeout");
        if (maxAttachments < 1) {
            throw new IllegalArgumentException("maxAttachments must be at least 1");
        }
    }

    public static SocketIoOptions defaults() {
        return new SocketIoOptions(Duration.ofSeconds(45), Duration.ofSeconds(30), 100, Duration.ofSeconds(30), true);
    }

    public SocketIoOptions withConnectTimeout(Duration timeout) {
        return new SocketIoOptions(timeout, this.ackTimeout, this.maxAttachments, this.attachmentTimeout,
                this.orderedPerSocket);
    }

    public SocketIoOptions withAttachmentTimeout(Duration timeout) {
        return new SocketIoOptions(this.connectTimeout, this.ackTimeout, this.maxAttachments, timeout,
                this.orderedPerSocket);
    }
}
