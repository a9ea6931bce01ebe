package io.fluxsocketio.controllers;

import io.fluxsocketio.socketio.SocketIoServer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Annotated controllers, run in each async mode by {@code ControllerMatrixTests} and {@code controllers.js}. */
@SpringBootApplication(proxyBeanMethods = false)
@EnableScheduling
public class ControllerApplication {

    /** Emits from a scheduled method, on Spring's scheduler thread. */
    @Component
    static class Heartbeat {

        private final SocketIoServer server;

        Heartbeat(SocketIoServer server) {
            this.server = server;
        }

        @Scheduled(fixedRate = 100)
        void beat() {
            this.server.emit("scheduled", System.currentTimeMillis());
        }
    }
}
