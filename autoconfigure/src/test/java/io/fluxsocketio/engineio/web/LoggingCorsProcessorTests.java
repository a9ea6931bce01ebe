package io.fluxsocketio.engineio.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/** The same-origin shortcut answers as Spring's processor does, and takes only origins that are literally the same. */
class LoggingCorsProcessorTests {

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("http://localhost:8080/socket.io/", "http://localhost:8080", true),
                Arguments.of("http://127.0.0.1:8080/socket.io/", "http://127.0.0.1:8080", true),
                Arguments.of("http://[::1]:8080/socket.io/", "http://[::1]:8080", true),
                Arguments.of("https://chat.example/socket.io/", "https://chat.example", true),
                Arguments.of("http://localhost:8080/socket.io/", "http://localhost:8081", false),
                Arguments.of("http://localhost:8080/socket.io/", "http://localhost:80800", false),
                Arguments.of("http://localhost:8080/socket.io/", "http://localhost:08080", false),
                Arguments.of("http://localhost:8080/socket.io/", "http://localhost:8080/", false),
                Arguments.of("http://localhost:8080/socket.io/", "http://localhost:", false),
                Arguments.of("http://localhost:8080/socket.io/", "http://localhost", false),
                Arguments.of("http://localhost:8080/socket.io/", "https://localhost:8080", false),
                Arguments.of("http://localhost:8080/socket.io/", "http://localhost.evil:8080", false),
                Arguments.of("http://localhost:8080/socket.io/", "http://localhos:8080", false),
                Arguments.of("http://localhost:8080/socket.io/", "http://other:8080", false),
                Arguments.of("http://localhost:8080/socket.io/", "null", false),
                Arguments.of("http://localhost:8080/socket.io/", "http://LOCALHOST:8080", false),
                Arguments.of("http://localhost/socket.io/", "http://localhost:80", false),
                Arguments.of("http://localhost:80/socket.io/", "http://localhost", false),
                Arguments.of("https://chat.example/socket.io/", "https://chat.example:443", false),
                Arguments.of("http://localhost:8080/socket.io/", "http://local host:8080", false),
                Arguments.of("http://localhost:8080/socket.io/", null, false));
    }

    @ParameterizedTest(name = "{1} to {0}")
    @MethodSource("requests")
    void answersAsSpringDoesAndShortcutsOnlyLiteralSameOrigins(String url, String origin, boolean literal) {
        for (CorsConfiguration configuration : configurations()) {
            MockServerWebExchange ours = exchange(url, origin);
            MockServerWebExchange spring = exchange(url, origin);

            boolean allowed = new LoggingCorsProcessor().process(configuration, ours);

            assertThat(allowed).as("allowed, with %s", describe(configuration))
                    .isEqualTo(new DefaultCorsProcessor().process(configuration, spring));
            assertThat(ours.getResponse().getHeaders().toSingleValueMap())
                    .isEqualTo(spring.getResponse().getHeaders().toSingleValueMap());
            assertThat(ours.getResponse().getHeaders().get(HttpHeaders.VARY))
                    .isEqualTo(spring.getResponse().getHeaders().get(HttpHeaders.VARY));
            assertThat(ours.getResponse().getStatusCode()).isEqualTo(spring.getResponse().getStatusCode());
        }
        assertThat(LoggingCorsProcessor.isLiterallySameOrigin(exchange(url, origin).getRequest())).isEqualTo(literal);
    }

    private static List<CorsConfiguration> configurations() {
        CorsConfiguration sameOriginOnly = new CorsConfiguration();
        CorsConfiguration another = new CorsConfiguration();
        another.addAllowedOrigin("http://localhost:8081");
        another.addAllowedMethod("*");
        return Arrays.asList(null, sameOriginOnly, another);
    }

    private static String describe(CorsConfiguration configuration) {
        return (configuration == null) ? "no configuration" : "origins " + configuration.getAllowedOrigins();
    }

    private static MockServerWebExchange exchange(String url, String origin) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(url);
        if (origin != null) {
            request.header(HttpHeaders.ORIGIN, origin);
        }
        return MockServerWebExchange.from(request);
    }
}
