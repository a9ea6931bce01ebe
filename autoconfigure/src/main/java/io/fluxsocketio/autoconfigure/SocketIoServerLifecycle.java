package io.fluxsocketio.autoconfigure;

import io.fluxsocketio.socketio.SocketIoServer;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * Stops the Socket.IO server when the application stops, before the web server's graceful shutdown: that waits for
 * requests in progress, and open WebSockets and long polls would hold it for its whole timeout. Connections are
 * closed so that clients reconnect elsewhere; handlers in progress get the shutdown phase's timeout to finish.
 */
final class SocketIoServerLifecycle implements SmartLifecycle {

    /** Boot's graceful shutdown of the web server runs at {@code DEFAULT_PHASE - 1024}; higher phases stop first. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final SocketIoServer server;

    private final Duration timeout;

    private volatile boolean running;

    /**
     * @param timeout how long handlers in progress may take to finish, {@code spring.lifecycle.timeout-per-shutdown-phase}
     */
    SocketIoServerLifecycle(SocketIoServer server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        this.server.start();
        this.running = true;
    }

    @Override
    public void stop() {
        this.running = false;
        this.server.stop(this.timeout);
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Not paused with an idle test context: the web server, which is not paused either, would go on answering
     * handshakes with refusals.
     */
    @Override
    public boolean isPauseable() {
        return false;
    }
}
