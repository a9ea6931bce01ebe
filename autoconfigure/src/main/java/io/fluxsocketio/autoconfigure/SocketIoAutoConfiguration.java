package io.fluxsocketio.autoconfigure;

import io.fluxsocketio.concurrency.AsyncMode;
import io.fluxsocketio.concurrency.ConcurrencyStrategies;
import io.fluxsocketio.concurrency.ConcurrencyStrategy;
import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.web.EngineIoHandlerMapping;
import io.fluxsocketio.engineio.web.EngineIoWebHandler;
import io.fluxsocketio.engineio.web.ReactorNettyVersion;
import io.fluxsocketio.handler.annotation.support.SocketIoAnnotationRegistrar;
import io.fluxsocketio.handler.invocation.HandlerArgumentResolver;
import io.fluxsocketio.handler.invocation.PayloadBinder;
import io.fluxsocketio.socketio.SocketIoOptions;
import io.fluxsocketio.socketio.SocketIoServer;
import io.fluxsocketio.socketio.adapter.AdapterFactory;
import io.fluxsocketio.socketio.adapter.InMemoryAdapter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.validation.Validator;
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

    private static final Log logger = LogFactory.getLog(SocketIoAutoConfiguration.class);

    /** Boot's validator, when several Spring validators exist (WebFlux adds its own). */
    private static final String DEFAULT_VALIDATOR = "defaultValidator";

    @Bean
    @ConditionalOnMissingBean
    AdapterFactory socketIoAdapterFactory() {
        return InMemoryAdapter::new;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ConcurrencyStrategy socketIoConcurrencyStrategy(SocketIoProperties properties) {
        int java = Runtime.version().feature();
        AsyncMode mode = AsyncMode.resolve(properties.getAsyncMode(), java);
        logger.info("Socket.IO async mode: " + mode.propertyValue()
                + ((properties.getAsyncMode() == AsyncMode.AUTO) ? " (auto, on Java " + java + ")" : ""));
        return ConcurrencyStrategies.create(mode, properties.getThreading().getPoolSize(),
                properties.getThreading().getQueueCapacity());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SocketIoServer socketIoServer(SocketIoProperties properties, ObjectProvider<JsonMapper> jsonMapper,
            AdapterFactory adapterFactory, ConcurrencyStrategy concurrencyStrategy) {
        return new SocketIoServer(engineOptions(properties), socketIoOptions(properties),
                jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()), adapterFactory, concurrencyStrategy);
    }

    @Bean
    @ConditionalOnMissingBean
    SocketIoAnnotationRegistrar socketIoAnnotationRegistrar(ApplicationContext context, SocketIoServer server,
            ObjectProvider<HandlerArgumentResolver> argumentResolvers) {
        return new SocketIoAnnotationRegistrar(context, server, new PayloadBinder(server.jsonMapper(),
                validator(context)), argumentResolvers.orderedStream().toList());
    }

    private static Validator validator(ApplicationContext context) {
        Map<String, Validator> validators = context.getBeansOfType(Validator.class, false, false);
        if (validators.containsKey(DEFAULT_VALIDATOR)) {
            return validators.get(DEFAULT_VALIDATOR);
        }
        return (validators.size() == 1) ? validators.values().iterator().next() : null;
    }

    @Bean
    SocketIoServerLifecycle socketIoServerLifecycle(SocketIoServer server, Environment environment) {
        Duration timeout = Binder.get(environment).bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
                .orElse(Duration.ofSeconds(30));
        return new SocketIoServerLifecycle(server, timeout);
    }

    /** Backs off by name only: an application may mount plain Engine.IO endpoints of its own beside it. */
    @Bean
    @ConditionalOnMissingBean(name = "socketIoHandlerMapping")
    EngineIoHandlerMapping socketIoHandlerMapping(SocketIoServer server, SocketIoProperties properties) {
        String pollingProblem = ReactorNettyVersion.knownPollingProblem(ReactorNettyVersion.installed());
        if (pollingProblem != null && properties.getTransports().contains(EngineIoOptions.POLLING)) {
            logger.warn(pollingProblem);
        }
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
                properties.getMaxAttachments(), properties.getAttachmentTimeout(), properties.isOrderedPerSocket());
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
