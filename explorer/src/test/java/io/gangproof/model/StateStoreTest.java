package io.gangproof.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The byte form of the states keeps them exactly: every state reads back as it was added, and only equal ones merge. */
class StateStoreTest {
    private static final int[] EDGES = {0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, 1 << 20, -(1 << 20),
        Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1, Integer.MIN_VALUE + 1};

    @Test
    void statesReadBackExactlyAndOnlyEqualOnesMerge() {
        Random r = new Random(7);
        StateStore store = new StateStore();
        List<int[]> added = new ArrayList<>();
        Set<List<Integer>> distinct = new HashSet<>();
        for (int k = 0; k < 20_000; k++) {
            int[] s = new int[1 + r.nextInt(12)];
            for (int i = 0; i < s.length; i++) {
                s[i] = r.nextInt(4) == 0 ? EDGES[r.nextInt(EDGES.length)] : r.nextInt(3) - 1 + r.nextInt(300);
            }
            int index = store.addIfAbsent(s, s.length);
            boolean isNew = distinct.add(Arrays.stream(s).boxed().toList());
            assertThat(index >= 0).isEqualTo(isNew);
            if (isNew) {
                added.add(s);
            }
            assertThat(store.contains(s, s.length)).isTrue();
        }
        assertThat(store.size()).isEqualTo(added.size());
        int[] out = new int[store.maxLength()];
        for (int i = 0; i < added.size(); i++) {
            int n = store.read(i, out);
            assertThat(Arrays.copyOf(out, n)).isEqualTo(added.get(i));
        }
        // a prefix or an extension of a stored state is another state
        int[] first = added.get(0);
        assertThat(store.contains(Arrays.copyOf(first, first.length + 1), first.length + 1)
                == distinct.contains(Arrays.stream(Arrays.copyOf(first, first.length + 1)).boxed().toList())).isTrue();
    }

    @Test
    void smallNumbersTakeOneByteEach() {
        StateStore store = new StateStore();
        store.addIfAbsent(new int[] {5, -1, 63, 0, 17}, 5);
        assertThat(store.payloadBytes()).isEqualTo(5);
        store.addIfAbsent(new int[] {Integer.MIN_VALUE}, 1);
        assertThat(store.payloadBytes()).isEqualTo(10);
    }
}
