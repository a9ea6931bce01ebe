package io.fluxsocketio.engineio;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
    void oneParameterFoundInPlaceIsTheParsedMapsFirstValue() {
        List<String> queries = List.of(QUERY, "", "&&", "=", "==EIO=4", "EIO", "EIO=", "EIO==4", "EIO=4=5",
                "EIO=3&EIO=4", "eio=4&EIO=4", "EIOx=3&xEIO=3&EIO=4", "%45IO=4", "E+IO=4&E%20IO=5",
                "transport=websocket&sid=&sid=x", "&=&EIO&EIO=4", "t=Px&EIO=4&transport=polling&sid=abc%3D");
        for (String query : queries) {
            // Built from a URI: get(String) would escape the query's '%' signs again.
            MockServerHttpRequest request = MockServerHttpRequest
                    .method(HttpMethod.GET, URI.create("/socket.io/?" + query)).build();
            for (String name : List.of("EIO", "transport", "sid", "E IO", "")) {
                assertThat(QueryParameters.first(query, name)).as("%s in %s", name, query)
                        .isEqualTo(QueryParameters.parse(query).getFirst(name))
                        .isEqualTo(request.getQueryParams().getFirst(name));
            }
        }
        assertThat(QueryParameters.first("EIO=4&transport=polling&sid=abc%3D", "sid")).isEqualTo("abc=");
        assertThat(QueryParameters.first("sid=a%zz", "sid")).isEqualTo("a%zz");
        assertThat(QueryParameters.first(null, "EIO")).isNull();
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
