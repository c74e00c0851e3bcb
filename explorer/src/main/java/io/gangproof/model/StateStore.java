package io.gangproof.model;

import java.util.Arrays;

/**
 * A set of encoded states: each encoding is stored as variable-length bytes (zigzag, 7 bits
 * a byte, so the small numbers a state mostly holds take one or two bytes instead of four),
 * one after another in one {@code byte} arena, and an open-addressing table of state indices
 * finds them by hash. The byte form of an encoding is unique, so equal bytes mean equal
 * states. No per-state objects: a state costs its bytes plus about 16 bytes.
 */
final class StateStore {
    /** The most bytes one int takes. */
    private static final int MAX_BYTES_PER_INT = 5;

    private byte[] arena;
    private int used;
    private int[] offsets;
    private int[] hashes;
    private int count;
    /** The longest encoding stored, in ints. */
    private int maxLength;
    /** State index + 1; 0 marks a free slot. Kept at most half full. */
    private int[] table;
    /** The bytes of the encoding being added or looked up. */
    private byte[] scratch = new byte[64];

    StateStore() {
        this(32, 1024);
    }

    /** Sized for about {@code states} states of {@code bytes} bytes in all (consecutive levels are alike). */
    StateStore(int states, long bytes) {
        int n = Math.max(32, states);
        arena = new byte[(int) Math.min(Integer.MAX_VALUE - 8L, Math.max(1024L, bytes + bytes / 8))];
        offsets = new int[n];
        hashes = new int[n];
        table = new int[Integer.highestOneBit(Math.max(64, n) - 1) << 2];
    }

    int size() {
        return count;
    }

    /** The longest encoding stored, in ints: what {@link #read} may need. */
    int maxLength() {
        return maxLength;
    }

    /** Writes state {@code index} to {@code out} (long enough for the longest encoding); returns its length in ints. */
    int read(int index, int[] out) {
        int end = index + 1 < count ? offsets[index + 1] : used;
        int n = 0;
        for (int x = offsets[index]; x < end; n++) {
            int v = 0;
            int shift = 0;
            int b;
            do {
                b = arena[x++];
                v |= (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            out[n] = (v >>> 1) ^ -(v & 1);
        }
        return n;
    }

    /** Adds {@code buffer[0..length)} unless present; returns its new index, or -1 when it was present. */
    int addIfAbsent(int[] buffer, int length) {
        int bytes = toScratch(buffer, length);
        int h = hash(scratch, bytes);
        int mask = table.length - 1;
        int slot = h & mask;
        while (true) {
            int e = table[slot];
            if (e == 0) {
                break;
            }
            if (matches(e - 1, h, bytes)) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
        if (used + (long) bytes > arena.length) {
            long grown = Math.min(Integer.MAX_VALUE - 8L, Math.max(2L * arena.length, used + (long) bytes));
            if (grown < used + (long) bytes) {
                throw new IllegalStateException("internal error: a level's states exceed 2 GiB");
            }
            arena = Arrays.copyOf(arena, (int) grown);
        }
        System.arraycopy(scratch, 0, arena, used, bytes);
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
        }
        offsets[count] = used;
        hashes[count] = h;
        used += bytes;
        maxLength = Math.max(maxLength, length);
        table[slot] = ++count;
        if (count * 2 > table.length) {
            rehash();
        }
        return count - 1;
    }

    /** Whether {@code buffer[0..length)} is in the store. */
    boolean contains(int[] buffer, int length) {
        int bytes = toScratch(buffer, length);
        int h = hash(scratch, bytes);
        int mask = table.length - 1;
        for (int slot = h & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            if (matches(table[slot] - 1, h, bytes)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(int i, int h, int bytes) {
        int start = offsets[i];
        int end = i + 1 < count ? offsets[i + 1] : used;
        return hashes[i] == h && end - start == bytes && Arrays.equals(arena, start, end, scratch, 0, bytes);
    }

    /** Writes the byte form of {@code buffer[0..length)} to {@code scratch}; returns its length. */
    private int toScratch(int[] buffer, int length) {
        if (scratch.length < MAX_BYTES_PER_INT * length) {
            scratch = new byte[MAX_BYTES_PER_INT * length];
        }
        int x = 0;
        for (int i = 0; i < length; i++) {
            int v = (buffer[i] << 1) ^ (buffer[i] >> 31);
            while ((v & ~0x7F) != 0) {
                scratch[x++] = (byte) (v & 0x7F | 0x80);
                v >>>= 7;
            }
            scratch[x++] = (byte) v;
        }
        return x;
    }

    /**
     * At most the bytes that adding a new state of {@code length} ints would allocate: the
     * grown arrays, while the ones they replace are still held (0 when nothing needs to grow).
     */
    long growthBytes(int length) {
        long grow = 0;
        long bytes = (long) MAX_BYTES_PER_INT * length;
        if (used + bytes > arena.length) {
            grow += Math.max(2L * arena.length, used + bytes);
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
        return arena.length + 4L * (offsets.length + hashes.length + table.length) + scratch.length;
    }

    /** Bytes of state encodings stored. */
    long payloadBytes() {
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

    static int hash(byte[] b, int length) {
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
