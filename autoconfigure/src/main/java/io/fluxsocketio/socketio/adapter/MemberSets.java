package io.fluxsocketio.socketio.adapter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sets of an adapter's two-way index, changed only inside the index map's {@code compute}, which holds the
 * entry's lock. Most are tiny: every socket is alone in the room of its own id, and is in few rooms. Those are
 * immutable sets, replaced on change, at a few dozen bytes instead of a concurrent set's two hundred per set, two sets
 * per connection. A set that grows past {@link #SMALL} becomes a concurrent set changed in place, so that filling a
 * large room costs no copy per join. Readers iterate either kind safely without a lock.
 */
final class MemberSets {

    /** The largest set kept immutable. */
    static final int SMALL = 8;

    private MemberSets() {
    }

    /** The set with the member added; call within the map's {@code compute} for the set's key. */
    static Set<String> with(Set<String> set, String member) {
        if (set == null) {
            return Set.of(member);
        }
        if (set.contains(member)) {
            return set;
        }
        if (isConcurrent(set)) {
            set.add(member);
            return set;
        }
        String[] members = set.toArray(new String[set.size() + 1]);
        members[set.size()] = member;
        if (members.length <= SMALL) {
            return Set.of(members);
        }
        Set<String> grown = ConcurrentHashMap.newKeySet(members.length * 2);
        grown.addAll(Set.of(members));
        return grown;
    }

    /** The set with the member removed, or null when none is left; call within the map's {@code compute}. */
    static Set<String> without(Set<String> set, String member) {
        if (!set.contains(member)) {
            return set;
        }
        if (isConcurrent(set)) {
            set.remove(member);
            return set.isEmpty() ? null : set;
        }
        if (set.size() == 1) {
            return null;
        }
        return Set.of(set.stream().filter(other -> !other.equals(member)).toArray(String[]::new));
    }

    private static boolean isConcurrent(Set<String> set) {
        return set instanceof ConcurrentHashMap.KeySetView;
    }
}
