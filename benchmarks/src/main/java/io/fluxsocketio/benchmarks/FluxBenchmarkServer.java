package io.fluxsocketio.benchmarks;

import io.fluxsocketio.handler.annotation.OnEvent;
import io.fluxsocketio.handler.annotation.SocketIoController;
import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.socketio.SocketIoSocket;

import tools.jackson.databind.JsonNode;

import io.netty.channel.epoll.EpollChannelOption;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Flux-SocketIO with the benchmark contract, written as a user would: an annotated controller. Usage:
 * {@code FluxBenchmarkServer <port> <async mode>}.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class FluxBenchmarkServer {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(FluxBenchmarkServer.class);
        application.setDefaultProperties(java.util.Map.of("server.address", "127.0.0.1", "server.port", args[0],
                "socketio.async-mode", args[1], "logging.level.root", "warn", "spring.main.banner-mode", "off"));
        application.run(args);
        System.out.println("listening on " + args[0]);
    }

    /** Lets several server processes listen on one port, each holding part of the connections (SO_REUSEPORT). */
    @Bean
    NettyServerCustomizer reusePortWhenAsked() {
        return server -> SharedPortIdle.reusePort() ? server.option(EpollChannelOption.SO_REUSEPORT, true) : server;
    }

    @SocketIoController
    static class BenchmarkController {

        private final SocketIoServer server;

        BenchmarkController(SocketIoServer server) {
            this.server = server;
        }

        @OnEvent("echo")
        JsonNode echo(JsonNode message) {
            return message;
        }

        @OnEvent("join")
        boolean join(SocketIoSocket socket) {
            socket.join("fan");
            return true;
        }

        @OnEvent("fan-out")
        void fanOut(JsonNode message) {
            this.server.to("fan").emit("fanned", message);
        }
    }
}
