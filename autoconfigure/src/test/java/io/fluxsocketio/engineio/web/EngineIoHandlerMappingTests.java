package io.fluxsocketio.engineio.web;

import io.fluxsocketio.engineio.EngineIoOptions;
import io.fluxsocketio.engineio.EngineIoServer;
import io.fluxsocketio.testing.IgnoringEngineIoListener;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping takes its path with or without the trailing slash, under the application's context path, and no other. */
class EngineIoHandlerMappingTests {

    private final EngineIoServer server = new EngineIoServer(EngineIoOptions.defaults(), new IgnoringEngineIoListener());

    @AfterEach
    void closeServer() {
        this.server.close();
    }

    @ParameterizedTest(name = "{1} under {0}, context path ''{2}'': {3}")
    @CsvSource({
            "/socket.io/, /socket.io/, '', true",
            "/socket.io/, /socket.io, '', true",
            "socket.io, /socket.io/, '', true",
            "/socket.io, /socket.io, '', true",
            "/socket.io/, /app/socket.io/, /app, true",
            "/socket.io/, /app/socket.io, /app, true",
            "/socket.io/, /socket.io/x, '', false",
            "/socket.io/, /socket.iox, '', false",
            "/socket.io/, /socket.i, '', false",
            "/socket.io/, /, '', false",
            "/socket.io/, /app/socket.io/, '', false",
            "/, /, '', true",
            "/, /app, /app, true",
            "/, /x, '', false"
    })
    void mapsItsPathOnly(String path, String requestPath, String contextPath, boolean mapped) {
        EngineIoHandlerMapping mapping = new EngineIoHandlerMapping(path,
                new EngineIoWebHandler(this.server, new CorsConfiguration()));
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get(requestPath + "?EIO=4&transport=polling").contextPath(contextPath));

        assertThat(mapping.getHandlerInternal(exchange).hasElement().block()).isEqualTo(mapped);
    }
}
