package io.fluxsocketio.socketio.protocol;

import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The encoder's own tree writer must write exactly what Jackson writes, or hand the tree back to Jackson. */
class TreeJsonTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String ALPHABET = "aZ09 \"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f\u00e9\u2028\u20ac\ud83d\ude00{}[]:,";

    @Test
    void writesGeneratedTreesAsJacksonDoes() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            JsonNode tree = tree(random, 0);
            StringBuilder out = new StringBuilder();
            if (TreeJson.write(tree, out)) {
                assertThat(out.toString()).as("tree %d", i).isEqualTo(WireJson.mapper().writeValueAsString(tree));
            }
        }
    }

    @Test
    void leavesFloatingPointAndPojoNodesToTheMapper() {
        assertThat(TreeJson.write(NODES.arrayNode().add(1.5), new StringBuilder())).isFalse();
        assertThat(TreeJson.write(NODES.arrayNode().addPOJO(new Object()), new StringBuilder())).isFalse();
        assertThat(TreeJson.write(NODES.arrayNode().add(new byte[] { 1 }), new StringBuilder())).isFalse();
    }

    @Test
    void handsVeryDeepTreesToTheMapper() {
        ArrayNode root = NODES.arrayNode();
        ArrayNode current = root;
        for (int depth = 0; depth < 100; depth++) {
            current = current.addArray();
        }
        assertThat(TreeJson.write(root, new StringBuilder())).isFalse();
    }

    private static JsonNode tree(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.stringNode(text(random));
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(new BigInteger(80, random));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(tree(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(text(random), tree(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
