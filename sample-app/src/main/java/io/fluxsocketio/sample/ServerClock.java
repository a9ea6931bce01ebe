package io.fluxsocketio.sample;

import io.fluxsocketio.socketio.SocketIoServer;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A background task that tells every client the server's time once a second. */
@Component
class ServerClock {

    private final SocketIoServer server;

    ServerClock(SocketIoServer server) {
        this.server = server;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        this.server.startBackgroundTask(() -> {
            try {
                while (true) {
                    this.server.emit("time", Instant.now());
                    this.server.sleep(Duration.ofSeconds(1));
                }
            }
            catch (InterruptedException ex) {
                // The application is shutting down.
                Thread.currentThread().interrupt();
            }
        });
    }
}
