package io.gangproof.artifacts;

/**
 * Shard {@code index} of {@code count} (1-based): the work items {@code g} (point-major,
 * {@code g = point * samplesPerPoint + sample}) with {@code g mod count = index - 1}.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, got " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a shard is i/n, e.g. 2/8, got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is i/n, e.g. 2/8, got '" + text + "'");
        }
    }

    public boolean contains(long item) {
        return item % count == index - 1;
    }

    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
