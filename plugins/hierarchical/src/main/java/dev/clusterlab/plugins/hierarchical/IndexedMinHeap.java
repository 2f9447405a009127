package dev.clusterlab.plugins.hierarchical;

/** A binary min-heap over keys {@code 0..n-1} with changeable values; equal values order by key. */
final class IndexedMinHeap {
    private final int[] heap;
    private final int[] where;
    private final double[] value;
    private int size;

    IndexedMinHeap(double[] values) {
        int n = values.length;
        heap = new int[n];
        where = new int[n];
        value = values.clone();
        for (int i = 0; i < n; i++) {
            heap[i] = i;
            where[i] = i;
        }
        size = n;
        for (int i = n / 2 - 1; i >= 0; i--) {
            down(i);
        }
    }

    int size() {
        return size;
    }

    int minKey() {
        return heap[0];
    }

    double minValue() {
        return value[heap[0]];
    }

    void change(int key, double v) {
        double old = value[key];
        value[key] = v;
        if (where[key] < 0) {
            return;
        }
        if (v < old) {
            up(where[key]);
        } else {
            down(where[key]);
        }
    }

    void removeMin() {
        int key = heap[0];
        size--;
        if (size > 0) {
            move(heap[size], 0);
            down(0);
        }
        where[key] = -1;
    }

    private boolean less(int a, int b) {
        return value[a] < value[b] || (value[a] == value[b] && a < b);
    }

    private void move(int key, int at) {
        heap[at] = key;
        where[key] = at;
    }

    private void up(int at) {
        int key = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!less(key, heap[parent])) {
                break;
            }
            move(heap[parent], at);
            at = parent;
        }
        move(key, at);
    }

    private void down(int at) {
        int key = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], key)) {
                break;
            }
            move(heap[child], at);
            at = child;
        }
        move(key, at);
    }
}
