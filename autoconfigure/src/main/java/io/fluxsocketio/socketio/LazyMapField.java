package io.fluxsocketio.socketio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A volatile {@code Map} field whose concurrent map is made on first use. Most sockets never put anything in their
 * data, handler or pending-ack maps, and an empty {@link ConcurrentHashMap} costs 64 bytes per socket.
 */
final class LazyMapField {

    private final VarHandle field;

    private LazyMapField(VarHandle field) {
        this.field = field;
    }

    /**
     * The field of that name, declared {@code volatile Map<K, V>} in the class of the lookup.
     * @param lookup the declaring class's own {@code MethodHandles.lookup()}, which may reach its private fields
     */
    static LazyMapField of(MethodHandles.Lookup lookup, String name) {
        try {
            return new LazyMapField(lookup.findVarHandle(lookup.lookupClass(), name, Map.class));
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** The owner's map, made now if it has none; threads that race here all get the same one. */
    @SuppressWarnings("unchecked")
    <K, V> Map<K, V> getOrCreate(Object owner) {
        Map<K, V> map = (Map<K, V>) this.field.getVolatile(owner);
        if (map == null) {
            this.field.compareAndSet(owner, null, new ConcurrentHashMap<K, V>());
            map = (Map<K, V>) this.field.getVolatile(owner);
        }
        return map;
    }
}
