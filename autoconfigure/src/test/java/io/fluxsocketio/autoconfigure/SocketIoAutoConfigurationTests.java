package io.fluxsocketio.autoconfigure;

import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.web.EngineIoHandlerMapping;
import io.fluxsocketio.socketio.SocketIoOptions;
import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.socketio.adapter.AdapterFactory;
import io.fluxsocketio.socketio.adapter.InMemoryAdapter;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SocketIoAutoConfigurationTests {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SocketIoAutoConfiguration.class));

    @Test
    void servesSocketIoAtTheDefaultPath() {
        this.runner.run(context -> {
            assertThat(context).hasSingleBean(SocketIoServer.class).hasSingleBean(AdapterFactory.class);
            assertThat(context.getBean(EngineIoHandlerMapping.class).path()).isEqualTo("/socket.io/");
        });
    }

    @Test
    void propertiesReachTheEngineAndTheSocketIoLayer() {
        this.runner.withPropertyValues("socketio.path=/rt", "socketio.ping-interval=5s", "socketio.ping-timeout=3s",
                "socketio.max-http-buffer-size=64KB", "socketio.max-buffered-packets=77", "socketio.transports=websocket",
                "socketio.connect-timeout=9s", "socketio.ack-timeout=2s", "socketio.max-attachments=3",
                "socketio.ordered-per-socket=false")
                .run(context -> {
                    SocketIoServer server = context.getBean(SocketIoServer.class);
                    EngineIoOptions engine = server.engine().options();
                    assertThat(engine.pingInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(engine.pingTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(engine.maxPayload()).isEqualTo(65536);
                    assertThat(engine.maxBufferedPackets()).isEqualTo(77);
                    assertThat(engine.transports()).containsExactly("websocket");
                    assertThat(server.options()).isEqualTo(new SocketIoOptions(Duration.ofSeconds(9),
                            Duration.ofSeconds(2), 3, Duration.ofSeconds(30), false));
                    assertThat(context.getBean(EngineIoHandlerMapping.class).path()).isEqualTo("/rt/");
                });
    }

    @Test
    void propertyDefaultsAreTheEnginesDefaults() {
        SocketIoProperties properties = new SocketIoProperties();

        assertThat(SocketIoAutoConfiguration.engineOptions(properties)).isEqualTo(EngineIoOptions.defaults());
        assertThat(SocketIoAutoConfiguration.socketIoOptions(properties)).isEqualTo(SocketIoOptions.defaults());
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnServerAndAdapter() {
        this.runner.withUserConfiguration(CustomServer.class).run(context -> {
            assertThat(context.getBean(SocketIoServer.class)).isSameAs(context.getBean(CustomServer.class).server);
            assertThat(context.getBean(AdapterFactory.class)).isSameAs(CustomServer.ADAPTERS);
        });
    }

    @Test
    void usesTheApplicationsJsonMapper() {
        JsonMapper mapper = JsonMapper.builder().build();
        this.runner.withBean(JsonMapper.class, () -> mapper)
                .run(context -> assertThat(context.getBean(SocketIoServer.class).jsonMapper()).isSameAs(mapper));
    }

    @Test
    void canBeSwitchedOff() {
        this.runner.withPropertyValues("socketio.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SocketIoServer.class));
    }

    @Test
    void staysOutOfApplicationsThatAreNotReactiveWebApplications() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SocketIoAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(SocketIoServer.class));
    }

    @Test
    void refusesAnUnknownTransportAtStartup() {
        this.runner.withPropertyValues("socketio.transports=carrier-pigeon")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("transports must be a non-empty subset of [polling, websocket]"));
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomServer {

        static final AdapterFactory ADAPTERS = InMemoryAdapter::new;

        final SocketIoServer server = new SocketIoServer(EngineIoOptions.defaults(), SocketIoOptions.defaults(),
                JsonMapper.builder().build(), ADAPTERS);

        @Bean
        SocketIoServer customServer() {
            return this.server;
        }

        @Bean
        AdapterFactory customAdapters() {
            return ADAPTERS;
        }
    }
}
