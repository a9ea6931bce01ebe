package io.fluxsocketio.autoconfigure;

import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.web.EngineIoHandlerMapping;
import io.fluxsocketio.engineio.web.EngineIoWebHandler;
import io.fluxsocketio.socketio.SocketIoOptions;
import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.socketio.adapter.AdapterFactory;
import io.fluxsocketio.socketio.adapter.InMemoryAdapter;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.DispatcherHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves Socket.IO on the application's own WebFlux server, at {@code socketio.path}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ DispatcherHandler.class, SocketIoServer.class })
@ConditionalOnBooleanProperty(name = "socketio.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SocketIoProperties.class)
public final class SocketIoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AdapterFactory socketIoAdapterFactory() {
        return InMemoryAdapter::new;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SocketIoServer socketIoServer(SocketIoProperties properties, ObjectProvider<JsonMapper> jsonMapper,
            AdapterFactory adapterFactory) {
        return new SocketIoServer(engineOptions(properties), socketIoOptions(properties),
                jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()), adapterFactory);
    }

    /** Backs off by name only: an application may mount plain Engine.IO endpoints of its own beside it. */
    @Bean
    @ConditionalOnMissingBean(name = "socketIoHandlerMapping")
    EngineIoHandlerMapping socketIoHandlerMapping(SocketIoServer server, SocketIoProperties properties) {
        return new EngineIoHandlerMapping(properties.getPath(),
                new EngineIoWebHandler(server.engine(), corsConfiguration(properties.getCors())));
    }

    static EngineIoOptions engineOptions(SocketIoProperties properties) {
        return new EngineIoOptions(properties.getPingInterval(), properties.getPingTimeout(),
                properties.getUpgradeTimeout(), properties.getMaxHttpBufferSize().toBytes(),
                properties.getMaxBufferedPackets(), Set.copyOf(properties.getTransports()),
                properties.isAllowUpgrades());
    }

    static SocketIoOptions socketIoOptions(SocketIoProperties properties) {
        return new SocketIoOptions(properties.getConnectTimeout(), properties.getAckTimeout(),
                properties.getMaxAttachments(), properties.getAttachmentTimeout());
    }

    static CorsConfiguration corsConfiguration(SocketIoProperties.Cors cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(cors.getAllowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        configuration.addAllowedHeader(CorsConfiguration.ALL);
        configuration.setAllowCredentials(cors.isAllowCredentials());
        configuration.setMaxAge(cors.getMaxAge());
        return configuration;
    }
}
