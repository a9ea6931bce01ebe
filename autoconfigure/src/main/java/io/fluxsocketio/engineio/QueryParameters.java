package io.fluxsocketio.engineio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A raw query string's parameters, decoded the way Spring WebFlux's {@code ServerHttpRequest} decodes them. */
final class QueryParameters {

    /** WebFlux's own: a name, then optionally {@code =} and a value. */
    private static final Pattern PARAMETER = Pattern.compile("([^&=]+)(=?)([^&]+)?");

    private QueryParameters() {
    }

    static MultiValueMap<String, String> parse(String rawQuery) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        if (rawQuery != null) {
            Matcher matcher = PARAMETER.matcher(rawQuery);
            while (matcher.find()) {
                String value = matcher.group(3);
                parameters.add(decode(matcher.group(1)),
                        (value != null) ? decode(value) : (matcher.group(2).isEmpty() ? null : ""));
            }
        }
        return CollectionUtils.unmodifiableMultiValueMap(parameters);
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            // WebFlux decoded a web request's query once already; a handshake built by hand may hold a bad escape.
            return encoded;
        }
    }
}
