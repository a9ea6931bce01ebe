package io.fluxsocketio.fuzz;

import io.fluxsocketio.engineio.protocol.EngineIoPacket.BinaryMessage;
import io.fluxsocketio.engineio.protocol.EngineIoPacket.Message;
import io.fluxsocketio.socketio.protocol.EncodedPacket;
import io.fluxsocketio.socketio.protocol.SocketIoDecoder;
import io.fluxsocketio.socketio.protocol.SocketIoEncoder;
import io.fluxsocketio.socketio.protocol.SocketIoPacket;
import io.fluxsocketio.socketio.protocol.SocketIoPacketAssembler;
import io.fluxsocketio.socketio.protocol.SocketIoProtocolException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Socket.IO packets, binary placeholders included, under generated hostile input: a connection's assembler is fed
 * text parts and random binary attachments; each step either succeeds or fails with
 * {@link SocketIoProtocolException}, after which the connection would close and a fresh assembler starts. A packet
 * that decodes must encode to messages that decode to the same packet.
 */
class SocketIoCodecFuzzTests {

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private static final List<String> SEEDS = List.of("0", "0/admin,", "0{\"token\":\"123\"}",
            "0/admin,{\"token\":\"123\"}", "1", "1/admin,", "2[\"hello\",1]", "2/admin,[\"project:delete\",123]",
            "212[\"hello\",1]", "2/admin,13[\"bar\",{\"a\":[1,2.5,true,null]}]", "3/admin,13[\"bar\"]", "30[]",
            "4{\"message\":\"Not authorized\"}", "4\"nope\"", "51-[\"hello\",{\"_placeholder\":true,\"num\":0}]",
            "61-/admin,15[{\"_placeholder\":true,\"num\":0}]",
            "52-[\"two\",{\"_placeholder\":true,\"num\":0},{\"x\":[{\"_placeholder\":true,\"num\":1}]}]",
            "2[\"ünïcødé ✓\",\"\\ud83d\\ude00\",\"\\u0000\"]", "2[\"n\",123456789012345678901234567890,-1e308]");

    @Test
    void packetsDecodeOrFailWithTheCodecsException() {
        long seed = FuzzScale.seed();
        int iterations = FuzzScale.iterations();
        Mutator mutator = new Mutator(seed, SEEDS);
        SocketIoDecoder decoder = new SocketIoDecoder(mapper, 10);
        SocketIoEncoder encoder = new SocketIoEncoder(mapper);
        int[] outcomes = new int[3];
        assertTimeoutPreemptively(Duration.ofMinutes(30), () -> {
            SocketIoPacketAssembler assembler = new SocketIoPacketAssembler(decoder);
            for (int i = 0; i < iterations; i++) {
                String input = mutator.next();
                try {
                    SocketIoPacket packet = assembler.onText(input);
                    while (packet == null && mutator.nextInt(8) != 0) {
                        packet = assembler.onBinary(mutator.nextBytes());
                    }
                    if (packet != null) {
                        assertRoundTrip(packet, encoder, decoder);
                        outcomes[0]++;
                    }
                    else {
                        outcomes[1]++;
                    }
                }
                catch (SocketIoProtocolException expected) {
                    assembler = new SocketIoPacketAssembler(decoder);
                    outcomes[2]++;
                }
                catch (Throwable unexpected) {
                    fail("seed " + seed + ", input " + i + " " + EngineIoCodecFuzzTests.quoted(input)
                            + " escaped with " + unexpected, unexpected);
                }
            }
        }, () -> "seed " + seed + " did not finish");
        System.out.printf("Socket.IO codec fuzz: %d inputs (seed %d): %d decoded, %d left waiting for attachments, "
                + "%d refused%n", iterations, seed, outcomes[0], outcomes[1], outcomes[2]);
        assertThat(outcomes[0]).as("inputs that decoded").isPositive();
        assertThat(outcomes[2]).as("inputs that were refused").isPositive();
    }

    private static void assertRoundTrip(SocketIoPacket packet, SocketIoEncoder encoder, SocketIoDecoder decoder) {
        EncodedPacket encoded = encoder.encode(packet);
        SocketIoPacketAssembler assembler = new SocketIoPacketAssembler(decoder);
        SocketIoPacket decoded = assembler.onText(encoded.text());
        for (Message attachment : encoded.messages().subList(1, encoded.messages().size())) {
            decoded = assembler.onBinary(((BinaryMessage) attachment).data());
        }
        assertThat(decoded).as("packet decoded from " + encoded.text()).isEqualTo(packet);
    }
}
