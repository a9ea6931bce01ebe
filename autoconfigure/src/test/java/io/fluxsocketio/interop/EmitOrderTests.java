package io.fluxsocketio.interop;

import io.fluxsocketio.testing.JavaSocketIoClients;
import io.socket.client.Socket;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        ConcurrentLinkedQueue<int[]> received = new ConcurrentLinkedQueue<>();
        socket.on("seq", args -> received.add(new int[] { (Integer) args[0], (Integer) args[1] }));

        assertThat(call(socket, "burst", THREADS, PER_PRODUCER)).containsExactly("started");

        int total = (THREADS + 1) * PER_PRODUCER;
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= total);
        List<List<Integer>> byProducer = new ArrayList<>();
        for (int producer = 0; producer <= THREADS; producer++) {
            byProducer.add(new ArrayList<>());
        }
        for (int[] event : received) {
            byProducer.get(event[0]).add(event[1]);
        }
        for (List<Integer> sequence : byProducer) {
            assertThat(sequence).hasSize(PER_PRODUCER).isSorted().doesNotHaveDuplicates();
        }
    }
}
