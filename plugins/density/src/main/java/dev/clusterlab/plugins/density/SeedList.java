package dev.clusterlab.plugins.density;

/**
 * OPTICS' seed list: an indexed binary min-heap of points keyed by {@code (reachability, row)} with
 * decrease-key, so the next point is the one with the smallest reachability and, among equal ones, the
 * smallest row: scikit-learn's {@code index[np.argmin(reachability_[index])]}. Points whose
 * reachability is still infinite are not in the heap; the caller takes the smallest unprocessed row
 * then, which is what scikit-learn's argmin over all-infinite values gives. Memory: two {@code int}s
 * per point.
 */
final class SeedList {
    private final double[] key;
    private final int[] heap;
    private final int[] position;
    private int size;

    /** @param key the reachability of each point, read (not copied) on every comparison */
    SeedList(double[] key) {
        this.key = key;
        this.heap = new int[key.length];
        this.position = new int[key.length];
        java.util.Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Inserts {@code i}, or moves it up after its key decreased. */
    void decreased(int i) {
        int at = position[i];
        if (at < 0) {
            at = size++;
            heap[at] = i;
            position[i] = at;
        }
        up(at);
    }

    /** @return the point with the smallest {@code (key, row)}, removed */
    int poll() {
        int top = heap[0];
        position[top] = -1;
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            position[heap[0]] = 0;
            down(0);
        }
        return top;
    }

    private boolean less(int a, int b) {
        return key[a] < key[b] || (key[a] == key[b] && a < b);
    }

    private void up(int at) {
        int item = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!less(item, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            position[heap[at]] = at;
            at = parent;
        }
        heap[at] = item;
        position[item] = at;
    }

    private void down(int at) {
        int item = heap[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], item)) {
                break;
            }
            heap[at] = heap[child];
            position[heap[at]] = at;
            at = child;
        }
        heap[at] = item;
        position[item] = at;
    }
}
