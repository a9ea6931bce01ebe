package io.fluxsocketio.autoconfigure;

import io.fluxsocketio.concurrency.AsyncMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Configuration of the Socket.IO server, under {@code socketio}. Defaults are those of Node's socket.io. */
@ConfigurationProperties("socketio")
public class SocketIoProperties {

    /** Whether to serve Socket.IO on the application's port. */
    private boolean enabled = true;

    /** Path at which clients connect; the official clients' default. */
    private String path = "/socket.io/";

    /** How often the server pings each client. */
    private Duration pingInterval = Duration.ofSeconds(25);

    /** How long the server waits for a pong before it closes the connection. */
    private Duration pingTimeout = Duration.ofSeconds(20);

    /** How long an upgrade from polling to WebSocket may take. */
    private Duration upgradeTimeout = Duration.ofSeconds(10);

    /** How long a connection may stay without joining a namespace before it is closed. */
    private Duration connectTimeout = Duration.ofSeconds(45);

    /** How long emitWithAck waits for the client's acknowledgement unless told otherwise. */
    private Duration ackTimeout = Duration.ofSeconds(30);

    /** Largest message or long-polling request body accepted; a larger one closes that connection. */
    private DataSize maxHttpBufferSize = DataSize.ofBytes(1_000_000);

    /** Most packets queued for one client that reads too slowly before its connection is closed. */
    private int maxBufferedPackets = 10_000;

    /** Most binary attachments one incoming packet may announce. */
    private int maxAttachments = 100;

    /** How long the attachments of an incoming binary packet may take to arrive. */
    private Duration attachmentTimeout = Duration.ofSeconds(30);

    /** Transports clients may use: polling, websocket. */
    private List<String> transports = new ArrayList<>(List.of("polling", "websocket"));

    /** Whether polling connections may upgrade to WebSocket. */
    private boolean allowUpgrades = true;

    /** Whether a socket's events are handled one at a time, in the order they arrived; different sockets run in parallel either way. */
    private boolean orderedPerSocket = true;

    /** Where handlers and background tasks run: auto, threading, virtual-threads or reactor. */
    private AsyncMode asyncMode = AsyncMode.AUTO;

    private final Threading threading = new Threading();

    private final Cors cors = new Cors();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return this.path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Duration getPingInterval() {
        return this.pingInterval;
    }

    public void setPingInterval(Duration pingInterval) {
        this.pingInterval = pingInterval;
    }

    public Duration getPingTimeout() {
        return this.pingTimeout;
    }

    public void setPingTimeout(Duration pingTimeout) {
        this.pingTimeout = pingTimeout;
    }

    public Duration getUpgradeTimeout() {
        return this.upgradeTimeout;
    }

    public void setUpgradeTimeout(Duration upgradeTimeout) {
        this.upgradeTimeout = upgradeTimeout;
    }

    public Duration getConnectTimeout() {
        return this.connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getAckTimeout() {
        return this.ackTimeout;
    }

    public void setAckTimeout(Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
    }

    public DataSize getMaxHttpBufferSize() {
        return this.maxHttpBufferSize;
    }

    public void setMaxHttpBufferSize(DataSize maxHttpBufferSize) {
        this.maxHttpBufferSize = maxHttpBufferSize;
    }

    public int getMaxBufferedPackets() {
        return this.maxBufferedPackets;
    }

    public void setMaxBufferedPackets(int maxBufferedPackets) {
        this.maxBufferedPackets = maxBufferedPackets;
    }

    public int getMaxAttachments() {
        return this.maxAttachments;
    }

    public void setMaxAttachments(int maxAttachments) {
        this.maxAttachments = maxAttachments;
    }

    public Duration getAttachmentTimeout() {
        return this.attachmentTimeout;
    }

    public void setAttachmentTimeout(Duration attachmentTimeout) {
        this.attachmentTimeout = attachmentTimeout;
    }

    public List<String> getTransports() {
        return this.transports;
    }

    public void setTransports(List<String> transports) {
        this.transports = transports;
    }

    public boolean isAllowUpgrades() {
        return this.allowUpgrades;
    }

    public void setAllowUpgrades(boolean allowUpgrades) {
        this.allowUpgrades = allowUpgrades;
    }

    public boolean isOrderedPerSocket() {
        return this.orderedPerSocket;
    }

    public void setOrderedPerSocket(boolean orderedPerSocket) {
        this.orderedPerSocket = orderedPerSocket;
    }

    public AsyncMode getAsyncMode() {
        return this.asyncMode;
    }

    public void setAsyncMode(AsyncMode asyncMode) {
        this.asyncMode = asyncMode;
    }

    public Threading getThreading() {
        return this.threading;
    }

    public Cors getCors() {
        return this.cors;
    }

    /** The pool of the threading mode. */
    public static class Threading {

        /** Platform threads that run handlers in the threading mode. */
        private int poolSize = 200;

        /** Dispatches that may wait for a thread; beyond it a dispatch fails and the client gets an error ack. */
        private int queueCapacity = 10_000;

        public int getPoolSize() {
            return this.poolSize;
        }

        public void setPoolSize(int poolSize) {
            this.poolSize = poolSize;
        }

        public int getQueueCapacity() {
            return this.queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }
    }

    /** Which other web origins may connect; the server's own origin always may. */
    public static class Cors {

        /** Origins allowed besides the server's own, as patterns such as https://*.example.com; "*" allows all. */
        private List<String> allowedOrigins = new ArrayList<>();

        /** Whether browsers may send cookies and HTTP authentication with cross-origin requests. */
        private boolean allowCredentials;

        /** How long browsers may cache the answer to a preflight request. */
        private Duration maxAge = Duration.ofMinutes(30);

        public List<String> getAllowedOrigins() {
            return this.allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public boolean isAllowCredentials() {
            return this.allowCredentials;
        }

        public void setAllowCredentials(boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
        }

        public Duration getMaxAge() {
            return this.maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }
}
