package io.fluxsocketio.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A chat served by Flux-SocketIO on the application's own port: open http://localhost:8080 in two tabs. */
@SpringBootApplication(proxyBeanMethods = false)
public class ChatApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChatApplication.class, args);
    }
}
