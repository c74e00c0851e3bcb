package io.gangproof.model;

import java.util.Arrays;

/**
 * A set of encoded states: the encodings lie one after another in one {@code int} arena and
 * an open-addressing table of state indices finds them by hash. No per-state objects, so a
 * state costs its encoding plus about 16 bytes.
 */
final class StateStore {
    private int[] arena;
    private int used;
    private int[] offsets;
    private int[] hashes;
    private int count;
    /** State index + 1; 0 marks a free slot. Kept at most half full. */
    private int[] table;

    StateStore() {
        this(32, 256);
    }

    /** Sized for about {@code states} states of {@code ints} ints in all (consecutive levels are alike). */
    StateStore(int states, long ints) {
        int n = Math.max(32, states);
        arena = new int[(int) Math.min(Integer.MAX_VALUE - 8L, Math.max(256L, ints + ints / 8))];
        offsets = new int[n];
        hashes = new int[n];
        table = new int[Integer.highestOneBit(Math.max(64, n) - 1) << 2];
    }

    int size() {
        return count;
    }

    int offset(int index) {
        return offsets[index];
    }

    int length(int index) {
        return (index + 1 < count ? offsets[index + 1] : used) - offsets[index];
    }

    int[] arena() {
        return arena;
    }

    /** Adds {@code buffer[0..length)} unless present; returns its new index, or -1 when it was present. */
    int addIfAbsent(int[] buffer, int length) {
        int h = hash(buffer, length);
        int mask = table.length - 1;
        int slot = h & mask;
        while (true) {
            int e = table[slot];
            if (e == 0) {
                break;
            }
            int i = e - 1;
            if (hashes[i] == h && length(i) == length
                    && Arrays.equals(arena, offsets[i], offsets[i] + length, buffer, 0, length)) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
        if (used + (long) length > arena.length) {
            long grown = Math.min(Integer.MAX_VALUE - 8L, Math.max(2L * arena.length, used + (long) length));
            if (grown < used + (long) length) {
                throw new IllegalStateException("internal error: a level's states exceed 2^31 ints");
            }
            arena = Arrays.copyOf(arena, (int) grown);
        }
        System.arraycopy(buffer, 0, arena, used, length);
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
        }
        offsets[count] = used;
        hashes[count] = h;
        used += length;
        table[slot] = ++count;
        if (count * 2 > table.length) {
            rehash();
        }
        return count - 1;
    }

    /** Whether {@code buffer[0..length)} is in the store. */
    boolean contains(int[] buffer, int length) {
        int h = hash(buffer, length);
        int mask = table.length - 1;
        for (int slot = h & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            if (hashes[i] == h && length(i) == length
                    && Arrays.equals(arena, offsets[i], offsets[i] + length, buffer, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bytes that adding a new state of {@code length} ints would allocate: the grown arrays,
     * while the ones they replace are still held (0 when nothing needs to grow).
     */
    long growthBytes(int length) {
        long grow = 0;
        if (used + (long) length > arena.length) {
            grow += 4L * Math.max(2L * arena.length, used + (long) length);
        }
        if (count == offsets.length) {
            grow += 16L * count;
        }
        if ((count + 1) * 2L > table.length) {
            grow += 8L * table.length;
        }
        return grow;
    }

    /** Bytes held by the arrays of this store (allocated capacity, not just what is used). */
    long bytes() {
        return 4L * (arena.length + offsets.length + hashes.length + table.length);
    }

    /** Ints of state encodings stored. */
    long payloadInts() {
        return used;
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int i = 0; i < count; i++) {
            int slot = hashes[i] & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = i + 1;
        }
        table = bigger;
    }

    static int hash(int[] b, int length) {
        int h = length;
        for (int i = 0; i < length; i++) {
            h = h * 0x9E3779B1 + b[i];
        }
        // murmur3's finaliser spreads the bits for the low-bit mask of the table
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
