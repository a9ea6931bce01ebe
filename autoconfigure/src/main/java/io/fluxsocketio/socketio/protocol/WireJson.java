package io.fluxsocketio.socketio.protocol;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper that reads and writes packet JSON. Packets are plain JSON trees, so the wire needs none of the
 * application's mapper settings (those apply when trees become objects and back). Its buffers are recycled per
 * thread: Jackson's default shared pool costs a contended queue operation around every packet.
 */
public final class WireJson {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool()).build()).build();

    private WireJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
