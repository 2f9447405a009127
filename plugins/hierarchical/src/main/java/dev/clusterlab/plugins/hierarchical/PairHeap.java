package dev.clusterlab.plugins.hierarchical;

import java.util.Arrays;

/**
 * A growing binary min-heap of candidate merges {@code (value, i, j)}, ordered as Python orders such
 * tuples (by value, then {@code i}, then {@code j}), in three parallel primitive arrays.
 */
final class PairHeap {
    private double[] value;
    private int[] first;
    private int[] second;
    private int size;

    PairHeap(int capacity) {
        value = new double[capacity];
        first = new int[capacity];
        second = new int[capacity];
    }

    boolean isEmpty() {
        return size == 0;
    }

    double minValue() {
        return value[0];
    }

    int minI() {
        return first[0];
    }

    int minJ() {
        return second[0];
    }

    void add(double v, int i, int j) {
        if (size == value.length) {
            int grown = 2 * size;
            value = Arrays.copyOf(value, grown);
            first = Arrays.copyOf(first, grown);
            second = Arrays.copyOf(second, grown);
        }
        int at = size++;
        while (at > 0) {
            int up = (at - 1) >>> 1;
            if (!less(v, i, j, up)) {
                break;
            }
            set(at, value[up], first[up], second[up]);
            at = up;
        }
        set(at, v, i, j);
    }

    void removeMin() {
        size--;
        if (size == 0) {
            return;
        }
        double v = value[size];
        int i = first[size];
        int j = second[size];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(value[child + 1], first[child + 1], second[child + 1], child)) {
                child++;
            }
            if (!less(value[child], first[child], second[child], v, i, j)) {
                break;
            }
            set(at, value[child], first[child], second[child]);
            at = child;
        }
        set(at, v, i, j);
    }

    private boolean less(double v, int i, int j, int slot) {
        return less(v, i, j, value[slot], first[slot], second[slot]);
    }

    private static boolean less(double v, int i, int j, double w, int a, int b) {
        if (v != w) {
            return v < w;
        }
        return i != a ? i < a : j < b;
    }

    private void set(int slot, double v, int i, int j) {
        value[slot] = v;
        first[slot] = i;
        second[slot] = j;
    }
}
