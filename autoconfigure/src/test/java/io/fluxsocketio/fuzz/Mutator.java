package io.fluxsocketio.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates hostile variants of valid packets, reproducibly from a seed: characters replaced, inserted, deleted,
 * duplicated or spliced from another packet, truncations, and a few structural attacks (deep nesting, huge
 * numbers, long runs) that random edits rarely reach.
 */
final class Mutator {

    /** Characters that mean something to one of the codecs, plus some that mean nothing to anyone. */
    private static final String INTERESTING = "0123456789-/,[]{}\":\\_#bn.eE+ \u001e\u0000\u007f\u00e9\u2028\ud83d\ude00"
            + "\ud800\udc00";

    private static final List<String> TOKENS = List.of("{\"_placeholder\":true,\"num\":0}",
            "{\"_placeholder\":true,\"num\":-1}", "{\"_placeholder\":true,\"num\":99999999999}",
            "{\"_placeholder\":\"yes\",\"num\":\"0\"}", "\"connect\"", "\"disconnect\"", "null", "true", "[]", "{}",
            "1e999", "-0", "123456789012345678901234567890", "\"\\ud800\"", "\"\\u0000\"", "/admin,", "/,", "451-",
            "4999999999-", "5", "2probe", "3probe", "0{\"sid\":\"x\"}", "b", "bAAAA", "b====");

    private final SplittableRandom random;

    private final List<String> seeds;

    Mutator(long seed, List<String> seeds) {
        this.random = new SplittableRandom(seed);
        this.seeds = seeds;
    }

    String next() {
        int roll = this.random.nextInt(100);
        if (roll < 3) {
            return deepNesting();
        }
        if (roll < 6) {
            return randomText(this.random.nextInt(64));
        }
        String text = seed();
        int edits = 1 + this.random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            text = mutate(text);
        }
        return text;
    }

    byte[] nextBytes() {
        byte[] bytes = new byte[this.random.nextInt(32)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) this.random.nextInt(256);
        }
        return bytes;
    }

    int nextInt(int bound) {
        return this.random.nextInt(bound);
    }

    private String seed() {
        return this.seeds.get(this.random.nextInt(this.seeds.size()));
    }

    private String mutate(String text) {
        int length = text.length();
        int at = (length == 0) ? 0 : this.random.nextInt(length + 1);
        return switch (this.random.nextInt(8)) {
            case 0 -> (length == 0) ? text : replaceAt(text, Math.min(at, length - 1), interesting());
            case 1 -> text.substring(0, at) + interesting() + text.substring(at);
            case 2 -> (length == 0) ? text : text.substring(0, at) + text.substring(Math.min(length,
                    at + 1 + this.random.nextInt(4)));
            case 3 -> text.substring(0, at);
            case 4 -> text.substring(0, at) + TOKENS.get(this.random.nextInt(TOKENS.size())) + text.substring(at);
            case 5 -> text.substring(0, at) + seed() + text.substring(at);
            case 6 -> text.substring(0, at) + String.valueOf(interesting()).repeat(1 + this.random.nextInt(200))
                    + text.substring(at);
            default -> text.substring(0, at) + text.substring(at / 2, at) + text.substring(at);
        };
    }

    private String deepNesting() {
        int depth = 100 + this.random.nextInt(20_000);
        String open = this.random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String prefix = this.random.nextBoolean() ? "2[\"e\"," : "4";
        return prefix + open.repeat(depth) + close.repeat(this.random.nextInt(depth + 1)) + "]";
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(this.random.nextBoolean() ? interesting() : (char) this.random.nextInt(0x10000));
        }
        return text.toString();
    }

    private char interesting() {
        return INTERESTING.charAt(this.random.nextInt(INTERESTING.length()));
    }

    private static String replaceAt(String text, int index, char replacement) {
        return text.substring(0, index) + replacement + text.substring(index + 1);
    }
}
