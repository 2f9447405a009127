package dev.clusterlab.plugins.density;

import java.util.Arrays;

/** A growable list of {@code int}s, for the neighbour ids of one chunk of queries. */
final class IntList {
    private int[] values;
    private int size;

    IntList(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    void add(int a, int b) {
        if (size + 2 > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, size + 2));
        }
        values[size++] = a;
        values[size++] = b;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
