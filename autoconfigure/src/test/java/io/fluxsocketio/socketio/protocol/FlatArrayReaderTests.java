package io.fluxsocketio.socketio.protocol;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The decoder's scan of flat arrays must build exactly Jackson's tree, or leave the text to Jackson. */
class FlatArrayReaderTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectReader JACKSON = WireJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final List<String> TOKENS = List.of("[", "]", ",", ",", "\"chat\"", "\"\"", "\"a\\\"b\"",
            "\"\\u00e9\"", "\"é ✓ \ud83d\ude00\"", "\"\u0001\"", "0", "7", "-7", "-0", "01", "123456789", "-123456789",
            "1234567890", "2147483648", "1.5", "1e3", "1E3", "-", "true", "false", "null", "nul", "tru", " ", "\n",
            "{}", "{\"a\":1}", "[1]", "x");

    @Test
    void readsTheCommonShapeAsJacksonDoes() {
        String text = "[\"chat\",\"hello, world ✓\",42,-7,0,123456789,true,false,null,\"\"]";

        ArrayNode read = FlatArrayReader.read(text, 0, NODES);

        assertThat(read).isNotNull().isEqualTo(JACKSON.readTree(text));
        assertThat(FlatArrayReader.read("2[]", 1, NODES)).isEqualTo(NODES.arrayNode());
    }

    @Test
    void leavesEverythingElseToTheParser() {
        for (String text : List.of("[\"a\" ]", "[\"a\\\"b\"]", "[1.5]", "[1e3]", "[01]", "[-0]", "[1234567890]",
                "[{\"a\":1}]", "[[1]]", "[1,]", "[,1]", "[1]x", "[1", "[\"a", "[tru]", "[nullx]", "{}", "", "[")) {
            assertThat(FlatArrayReader.read(text, 0, NODES)).as(text).isNull();
        }
    }

    @Test
    void generatedPayloadsReadTheSameOrGoToTheParser() {
        Random random = new Random(7);
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(random.nextInt(10) == 0 ? "" : "[");
            int tokens = 1 + random.nextInt(8);
            for (int t = 0; t < tokens; t++) {
                text.append(TOKENS.get(random.nextInt(TOKENS.size())));
            }
            if (random.nextBoolean()) {
                text.append(']');
            }
            ArrayNode fast = FlatArrayReader.read(text.toString(), 0, NODES);
            if (fast != null) {
                read++;
                JsonNode jackson = JACKSON.readTree(text.toString());
                assertThat(fast).as(text.toString()).isEqualTo(jackson);
                for (int element = 0; element < fast.size(); element++) {
                    assertThat(fast.get(element)).as(text + " element " + element)
                            .hasSameClassAs(jackson.get(element));
                }
            }
        }
        assertThat(read).as("payloads the scan read itself").isGreaterThan(1_000);
    }
}
