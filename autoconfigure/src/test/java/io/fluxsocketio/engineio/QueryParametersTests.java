package io.fluxsocketio.engineio;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryParametersTests {

    private static final String QUERY = "EIO=4&token=a%20b%26c%3Dd&plus=x+y&flag&empty=&twice=1&twice=2&%C3%BC=%E2%9C%93";

    @Test
    void decodesAsWebFluxDoes() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/socket.io/?" + QUERY).build();

        assertThat(QueryParameters.parse(request.getURI().getRawQuery())).isEqualTo(request.getQueryParams());
    }

    @Test
    void namesEachParameterWithItsDecodedValuesInOrder() {
        MultiValueMap<String, String> parameters = QueryParameters.parse(QUERY);

        assertThat(parameters.getFirst("token")).isEqualTo("a b&c=d");
        assertThat(parameters.getFirst("plus")).isEqualTo("x y");
        assertThat(parameters.get("flag")).isEqualTo(Arrays.asList((String) null));
        assertThat(parameters.getFirst("empty")).isEmpty();
        assertThat(parameters.get("twice")).containsExactly("1", "2");
        assertThat(parameters.getFirst("ü")).isEqualTo("✓");
        assertThat(parameters.keySet()).containsExactly("EIO", "token", "plus", "flag", "empty", "twice", "ü");
    }

    @Test
    void aBadEscapeIsKeptAsItCame() {
        assertThat(QueryParameters.parse("a=%zz").get("a")).isEqualTo(List.of("%zz"));
    }

    @Test
    void aHandshakeParsesItsQueryOnEachCallIntoAReadOnlyMap() {
        EngineIoHandshake handshake = new EngineIoHandshake(URI.create("http://127.0.0.1:8080/socket.io/?" + QUERY),
                new HttpHeaders(), null, null, false, Instant.now());

        assertThat(handshake.query()).isEqualTo(QueryParameters.parse(QUERY)).isNotSameAs(handshake.query());
        assertThat(handshake.uri()).isEqualTo(URI.create("http://127.0.0.1:8080/socket.io/?" + QUERY));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> handshake.query().add("token", "forged"));
        assertThat(QueryParameters.parse(null)).isEmpty();
        assertThat(handshake.toString()).contains("/socket.io/").doesNotContain("token");
    }
}
