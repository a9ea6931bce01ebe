package io.fluxsocketio.interop;

import io.fluxsocketio.testing.JavaSocketIoClients;
import io.socket.client.Socket;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;

import static io.fluxsocketio.testing.JavaSocketIoClients.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Emits to one socket from several threads at once (the handler's and threads of the application's own), direct ones
 * and broadcasts to its room mixed, reach the client complete and, producer by producer, in the order they were made:
 * the WebSocket transport's hand-over of frames to the event loop, batched for broadcasts, and the polling transport's
 * buffer, keep each producer's order.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "socketio.max-buffered-packets=100000" })
class EmitOrderTests extends LiveServerTests {

    private static final int THREADS = 4;

    private static final int PER_PRODUCER = 2_000;

    private final JavaSocketIoClients clients = new JavaSocketIoClients();

    @AfterEach
    void closeClients() {
        this.clients.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "websocket", "polling" })
    void emitsFromManyThreadsArriveCompleteAndInOrderPerProducer(String transport) throws Exception {
        Socket socket = this.clients.connect(URI.create(baseUrl()), new String[] { transport }, Map.of());
        Queue<int[]> received = record(socket);

        assertThat(call(socket, "burst", THREADS, PER_PRODUCER)).containsExactly("started");

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= (THREADS + 1) * PER_PRODUCER);
        assertCompleteAndInOrderPerProducer(received, PER_PRODUCER);
    }

    /**
     * The broadcasts go to a room of a dozen members, some on polling, which each event loop walks for its own members:
     * the emitting socket still gets every producer's events in order, and each other member every broadcast, in order.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "websocket", "polling" })
    void broadcastsToALargeRoomKeepTheirPlaceAmongDirectEmits(String transport) throws Exception {
        List<Socket> members = new ArrayList<>();
        List<Queue<int[]>> received = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String[] transports = (i == 0) ? new String[] { transport }
                    : new String[] { (i % 4 == 1) ? "polling" : "websocket" };
            Socket member = this.clients.connect(URI.create(baseUrl()), transports, Map.of());
            received.add(record(member));
            assertThat(call(member, "join", "crowd")).containsExactly(true);
            members.add(member);
        }

        assertThat(call(members.get(0), "burst-to-room", THREADS, PER_PRODUCER, "crowd")).containsExactly("started");

        int broadcastsEach = PER_PRODUCER / 3;
        await().atMost(Duration.ofSeconds(30)).until(() -> received.get(0).size() >= (THREADS + 1) * PER_PRODUCER
                && received.stream().allMatch(events -> events.size() >= (THREADS + 1) * broadcastsEach));
        assertCompleteAndInOrderPerProducer(received.get(0), PER_PRODUCER);
        for (Queue<int[]> events : received.subList(1, received.size())) {
            assertCompleteAndInOrderPerProducer(events, broadcastsEach);
        }
    }

    private static Queue<int[]> record(Socket socket) {
        Queue<int[]> received = new ConcurrentLinkedQueue<>();
        socket.on("seq", args -> received.add(new int[] { (Integer) args[0], (Integer) args[1] }));
        return received;
    }

    private static void assertCompleteAndInOrderPerProducer(Queue<int[]> received, int perProducer) {
        List<List<Integer>> byProducer = new ArrayList<>();
        for (int producer = 0; producer <= THREADS; producer++) {
            byProducer.add(new ArrayList<>());
        }
        for (int[] event : received) {
            byProducer.get(event[0]).add(event[1]);
        }
        for (List<Integer> sequence : byProducer) {
            assertThat(sequence).hasSize(perProducer).isSorted().doesNotHaveDuplicates();
        }
    }
}
