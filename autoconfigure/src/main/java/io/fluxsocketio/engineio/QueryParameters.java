package io.fluxsocketio.engineio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A raw query string's parameters, decoded the way Spring WebFlux's {@code ServerHttpRequest} decodes them. */
public final class QueryParameters {

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

    /**
     * The first value of one parameter, as {@code parse(rawQuery).getFirst(name)} gives it, found by a scan in place:
     * asked for on every Engine.IO request, where WebFlux's parsed map was a tenth of a handshake's allocations.
     */
    public static String first(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        int length = rawQuery.length();
        for (int start = 0; start < length; start++) {
            int end = rawQuery.indexOf('&', start);
            end = (end < 0) ? length : end;
            // The pattern above starts a name after any '=' that leads a pair.
            while (start < end && rawQuery.charAt(start) == '=') {
                start++;
            }
            int equals = rawQuery.indexOf('=', start);
            int nameEnd = (equals < 0 || equals > end) ? end : equals;
            if (start < nameEnd && nameMatches(rawQuery, start, nameEnd, name)) {
                return (nameEnd == end) ? null : decode(rawQuery.substring(nameEnd + 1, end));
            }
            start = end;
        }
        return null;
    }

    private static boolean nameMatches(String rawQuery, int start, int end, String name) {
        for (int i = start; i < end; i++) {
            char c = rawQuery.charAt(i);
            if (c == '%' || c == '+') {
                return decode(rawQuery.substring(start, end)).equals(name);
            }
        }
        return end - start == name.length() && rawQuery.regionMatches(start, name, 0, name.length());
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
