package io.fluxsocketio.fuzz;

import io.fluxsocketio.engineio.protocol.EngineIoPacketCodec;
import io.fluxsocketio.engineio.protocol.EngineIoPayloadCodec;
import io.fluxsocketio.engineio.protocol.EngineIoProtocolException;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Engine.IO packets and long-polling payloads under generated hostile input: each either decodes, and then
 * encodes back to something that decodes the same, or fails with {@link EngineIoProtocolException}. Nothing else
 * may escape.
 */
class EngineIoCodecFuzzTests {

    private static final List<String> SEEDS = List.of("0{\"sid\":\"abc\",\"upgrades\":[\"websocket\"],"
            + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}", "1", "2", "2probe", "3",
            "3probe", "4hello", "4", "5", "6", "bAQID", "4ünïcødé ✓", "42[\"chat\",\"hi\"]",
            "4hello\u001e2\u001ebAQID\u001e6", "\u001e", "b", "4a\u001e4b\u001e4c");

    @Test
    void packetsAndPayloadsDecodeOrFailWithTheCodecsException() {
        long seed = FuzzScale.seed();
        int iterations = FuzzScale.iterations();
        Mutator mutator = new Mutator(seed, SEEDS);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofMinutes(30), () -> {
            for (int i = 0; i < iterations; i++) {
                String input = mutator.next();
                try {
                    outcomes[decodesAsPacket(input) ? 0 : 1]++;
                    outcomes[decodesAsPayload(input) ? 0 : 1]++;
                }
                catch (Throwable unexpected) {
                    fail("seed " + seed + ", input " + i + " " + quoted(input) + " escaped with " + unexpected,
                            unexpected);
                }
            }
        }, () -> "seed " + seed + " did not finish");
        System.out.printf("Engine.IO codec fuzz: %d inputs (seed %d): %d decoded, %d refused%n", iterations, seed,
                outcomes[0], outcomes[1]);
        assertThat(outcomes[0]).as("inputs that decoded").isPositive();
        assertThat(outcomes[1]).as("inputs that were refused").isPositive();
    }

    private static boolean decodesAsPacket(String input) {
        return decodesAndRoundTrips(input, EngineIoPacketCodec::decode, EngineIoPacketCodec::encode);
    }

    private static boolean decodesAsPayload(String input) {
        return decodesAndRoundTrips(input, EngineIoPayloadCodec::decode, EngineIoPayloadCodec::encode);
    }

    /** Decodes the input; what decodes must encode to text that decodes to the same encoding. */
    private static <T> boolean decodesAndRoundTrips(String input, Function<String, T> decode,
            Function<T, String> encode) {
        T decoded;
        try {
            decoded = decode.apply(input);
        }
        catch (EngineIoProtocolException refused) {
            return false;
        }
        String encoded = encode.apply(decoded);
        assertThat(encode.apply(decode.apply(encoded))).isEqualTo(encoded);
        return true;
    }

    static String quoted(String input) {
        StringBuilder text = new StringBuilder("\"");
        input.chars().limit(300).forEach(c -> text.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return text.append(input.length() > 300 ? "...\" (" + input.length() + " chars)" : "\"").toString();
    }
}
