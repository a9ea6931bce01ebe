package io.fluxsocketio.socketio.adapter;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MemberSetsTests {

    @Test
    void smallSetsAreImmutableAndReplaced() {
        Set<String> one = MemberSets.with(null, "a");
        Set<String> two = MemberSets.with(one, "b");

        assertThat(one).containsExactly("a");
        assertThat(two).containsExactlyInAnyOrder("a", "b").isNotSameAs(one);
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> two.add("c"));
        assertThat(MemberSets.with(two, "a")).isSameAs(two);
    }

    @Test
    void aSetGrowsIntoAConcurrentSetChangedInPlace() {
        Set<String> set = null;
        for (int i = 0; i < MemberSets.SMALL; i++) {
            set = MemberSets.with(set, "s" + i);
        }
        assertThat(set).isNotInstanceOf(ConcurrentHashMap.KeySetView.class);

        Set<String> grown = MemberSets.with(set, "s" + MemberSets.SMALL);
        assertThat(grown).isInstanceOf(ConcurrentHashMap.KeySetView.class).hasSize(MemberSets.SMALL + 1);
        assertThat(MemberSets.with(grown, "one more")).isSameAs(grown).contains("one more");
        assertThat(MemberSets.without(grown, "s0")).isSameAs(grown).doesNotContain("s0");
    }

    @Test
    void removingTheLastMemberLeavesNoSet() {
        Set<String> two = MemberSets.with(MemberSets.with(null, "a"), "b");

        Set<String> one = MemberSets.without(two, "a");

        assertThat(one).containsExactly("b");
        assertThat(MemberSets.without(one, "absent")).isSameAs(one);
        assertThat(MemberSets.without(one, "b")).isNull();
        Set<String> concurrent = ConcurrentHashMap.newKeySet();
        concurrent.add("x");
        assertThat(MemberSets.without(concurrent, "x")).isNull();
    }

    @Test
    void everySizeHoldsWhatWasAddedAndNotRemoved() {
        Set<String> set = null;
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 3 * MemberSets.SMALL; i++) {
            set = MemberSets.with(set, "m" + i);
            expected.add("m" + i);
            if (i % 3 == 0) {
                set = MemberSets.without(set, "m" + (i / 2));
                expected.remove("m" + (i / 2));
            }
            assertThat((set != null) ? set : Set.<String>of()).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
