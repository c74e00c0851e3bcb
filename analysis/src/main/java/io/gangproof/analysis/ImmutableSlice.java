package io.gangproof.analysis;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list over a range of an array no one else writes, whose sub-lists share that
 * array. Witnesses of one partition name the same tasks as interferers again and again (the
 * higher- and lower-priority tasks of every task are ranges of the partition's priority order):
 * with {@link List#copyOf} every witness copied its own, {@code n^2} objects for a partition of
 * {@code n} tasks, and that dominated the analysis of 10,000-task specs.
 */
final class ImmutableSlice<T> extends AbstractList<T> implements RandomAccess {
    private final Object[] items;
    private final int from;
    private final int to;

    private ImmutableSlice(Object[] items, int from, int to) {
        this.items = items;
        this.from = from;
        this.to = to;
    }

    /** A private copy of {@code items} (no nulls), shared by every sub-list taken from the result. */
    static <T> ImmutableSlice<T> of(Collection<? extends T> items) {
        Object[] copy = items.toArray();
        for (Object o : copy) {
            Objects.requireNonNull(o);
        }
        return new ImmutableSlice<>(copy, 0, copy.length);
    }

    /** A slice over {@code items} itself, which the caller hands over and never writes again (no nulls). */
    @SafeVarargs
    static <T> ImmutableSlice<T> wrap(T... items) {
        for (Object o : items) {
            Objects.requireNonNull(o);
        }
        return new ImmutableSlice<>(items, 0, items.length);
    }

    /** {@code list} itself when it is a slice already (it cannot change), else an unmodifiable copy. */
    @SuppressWarnings("unchecked")
    static <T> List<T> copyOf(List<? extends T> list) {
        return list instanceof ImmutableSlice ? (List<T>) list : List.copyOf(list);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        Objects.checkIndex(index, to - from);
        return (T) items[from + index];
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public List<T> subList(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, to - from);
        return new ImmutableSlice<>(items, from + fromIndex, from + toIndex);
    }
}
