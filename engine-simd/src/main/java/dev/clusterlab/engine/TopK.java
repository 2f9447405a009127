package dev.clusterlab.engine;

/**
 * The k smallest (distance, id) pairs seen, in a bounded max-heap; ties are broken by the smaller id,
 * so the result does not depend on the order candidates arrive in.
 */
final class TopK {
    private final int k;
    private final int[] ids;
    private final float[] dists;
    private int size;

    TopK(int k) {
        this.k = k;
        this.ids = new int[k];
        this.dists = new float[k];
    }

    /** @return how many pairs it keeps */
    int capacity() {
        return k;
    }

    void clear() {
        size = 0;
    }

    /** @return whether k pairs are held */
    boolean full() {
        return size == k;
    }

    /** @return the largest distance held (only meaningful when {@link #full()}) */
    float worst() {
        return dists[0];
    }

    /** Whether (d1, i1) comes after (d2, i2) in (distance, id) order. */
    private static boolean after(float d1, int i1, float d2, int i2) {
        return d1 > d2 || (d1 == d2 && i1 > i2);
    }

    void offer(int id, float dist) {
        if (size < k) {
            ids[size] = id;
            dists[size] = dist;
            siftUp(size++);
        } else if (after(dists[0], ids[0], dist, id)) {
            ids[0] = id;
            dists[0] = dist;
            siftDown(0);
        }
    }

    /** Writes the pairs in ascending (distance, id) order and empties the heap. */
    void drainSorted(int[] outIds, float[] outDists, int offset) {
        for (int i = size - 1; i >= 0; i--) {
            outIds[offset + i] = ids[0];
            outDists[offset + i] = dists[0];
            size--;
            ids[0] = ids[size];
            dists[0] = dists[size];
            siftDown(0);
        }
        size = 0;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (!after(dists[i], ids[i], dists[p], ids[p])) {
                return;
            }
            swap(i, p);
            i = p;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && after(dists[l], ids[l], dists[m], ids[m])) {
                m = l;
            }
            if (r < size && after(dists[r], ids[r], dists[m], ids[m])) {
                m = r;
            }
            if (m == i) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    private void swap(int a, int b) {
        int ti = ids[a];
        ids[a] = ids[b];
        ids[b] = ti;
        float td = dists[a];
        dists[a] = dists[b];
        dists[b] = td;
    }
}
