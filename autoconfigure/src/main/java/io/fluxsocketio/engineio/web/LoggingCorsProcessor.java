package io.fluxsocketio.engineio.web;

import java.net.URI;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring's origin checks, with each refusal logged at info: a browser client served from another origin is the
 * most common reason a first connection fails, and Spring says why only at debug.
 *
 * <p>A browser sends its page's origin with every request, each long poll included, and Spring parses it as a URI to
 * compare it with the request's own, about a kilobyte of garbage per request. An origin that spells out exactly the
 * request's scheme, host and port is answered without that parse, as Spring answers a same-origin request.
 */
final class LoggingCorsProcessor extends DefaultCorsProcessor {

    private static final Log logger = LogFactory.getLog(LoggingCorsProcessor.class);

    /** The headers Spring's processor adds to {@code Vary} on every response it sees with a configuration. */
    private static final List<String> VARY_HEADERS = List.of(HttpHeaders.ORIGIN,
            HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);

    @Override
    public boolean process(CorsConfiguration configuration, ServerWebExchange exchange) {
        if (configuration != null && isLiterallySameOrigin(exchange.getRequest())) {
            addVaryHeaders(exchange.getResponse().getHeaders());
            return true;
        }
        boolean allowed = super.process(configuration, exchange);
        if (!allowed) {
            logger.info("Refusing " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
                    + " from origin " + exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN)
                    + ": neither this server's origin nor an allowed one (socketio.cors.allowed-origins)");
        }
        return allowed;
    }

    /**
     * Whether the Origin header is the request's own scheme, host and port, written as the request names them:
     * {@code http://localhost:8080} for a request to {@code localhost:8080}. Anything else, a default port spelled
     * out or left out on one side only included, goes to Spring's comparison.
     */
    static boolean isLiterallySameOrigin(ServerHttpRequest request) {
        String origin = request.getHeaders().getOrigin();
        URI uri = request.getURI();
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (origin == null || scheme == null || host == null) {
            return false;
        }
        int hostStart = scheme.length() + 3;
        if (!origin.startsWith(scheme) || !origin.startsWith("://", scheme.length())
                || !origin.startsWith(host, hostStart)) {
            return false;
        }
        int hostEnd = hostStart + host.length();
        int port = uri.getPort();
        if (port == -1) {
            return hostEnd == origin.length();
        }
        return hostEnd < origin.length() && origin.charAt(hostEnd) == ':' && isDecimal(origin, hostEnd + 1, port);
    }

    /** Whether the text from {@code start} to its end is the number, without leading zeros. */
    private static boolean isDecimal(String text, int start, int number) {
        int length = text.length() - start;
        if (length < 1 || length > 5 || (text.charAt(start) == '0' && length > 1)) {
            return false;
        }
        int value = 0;
        for (int i = start; i < text.length(); i++) {
            char digit = text.charAt(i);
            if (digit < '0' || digit > '9') {
                return false;
            }
            value = value * 10 + (digit - '0');
        }
        return value == number;
    }

    /** As Spring's processor does before it looks at the origin. */
    private static void addVaryHeaders(HttpHeaders headers) {
        List<String> vary = headers.get(HttpHeaders.VARY);
        if (vary == null) {
            headers.addAll(HttpHeaders.VARY, VARY_HEADERS);
            return;
        }
        for (String header : VARY_HEADERS) {
            if (!vary.contains(header)) {
                headers.add(HttpHeaders.VARY, header);
            }
        }
    }
}
