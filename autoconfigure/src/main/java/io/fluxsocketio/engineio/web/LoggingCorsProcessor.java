package io.fluxsocketio.engineio.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring's origin checks, with each refusal logged at info: a browser client served from another origin is the
 * most common reason a first connection fails, and Spring says why only at debug.
 */
final class LoggingCorsProcessor extends DefaultCorsProcessor {

    private static final Log logger = LogFactory.getLog(LoggingCorsProcessor.class);

    @Override
    public boolean process(CorsConfiguration configuration, ServerWebExchange exchange) {
        boolean allowed = super.process(configuration, exchange);
        if (!allowed) {
            logger.info("Refusing " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
                    + " from origin " + exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN)
                    + ": neither this server's origin nor an allowed one (socketio.cors.allowed-origins)");
        }
        return allowed;
    }
}
