package io.fluxsocketio.engineio.web;

import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Routes requests under one path (with or without its trailing slash) to an {@link EngineIoWebHandler}. The
 * handler is a {@code CorsConfigurationSource}, so this mapping applies its origin rules, preflights included,
 * before the handler runs.
 */
public final class EngineIoHandlerMapping extends AbstractHandlerMapping {

    /** Ahead of annotated controllers and static resources, which could otherwise claim the path. */
    public static final int DEFAULT_ORDER = -100;

    private final String path;

    /** The path without its trailing slash, which clients may leave out. */
    private final String pathWithoutSlash;

    /** Made once: asked for on every Engine.IO request. */
    private final Mono<EngineIoWebHandler> handler;

    public EngineIoHandlerMapping(String path, EngineIoWebHandler handler) {
        this.path = normalize(path);
        this.pathWithoutSlash = this.path.substring(0, this.path.length() - 1);
        this.handler = Mono.just(handler);
        setOrder(DEFAULT_ORDER);
        setCorsProcessor(new LoggingCorsProcessor());
    }

    public String path() {
        return this.path;
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        // Asked first for every request of the application: compared in place, with no copy of the path.
        String requestPath = exchange.getRequest().getPath().pathWithinApplication().value();
        return (requestPath.equals(this.path) || requestPath.equals(this.pathWithoutSlash)) ? this.handler
                : Mono.empty();
    }

    private static String normalize(String path) {
        String withSlash = path.startsWith("/") ? path : "/" + path;
        return withSlash.endsWith("/") ? withSlash : withSlash + "/";
    }
}
