package dev.clusterlab.api.kernel;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A lock-free union-find over {@code n} points in which a root always links to the smaller root, so
 * every component's root is its smallest member whatever the order of the unions (and so whatever
 * the number of threads). Unions only change a root's parent by compare-and-set; finds halve paths,
 * also by compare-and-set, which never changes a component. Memory: one {@code int} per point. Shared by
 * the engine's spanning trees and by plugins (DBSCAN's core components, linkage labels).
 *
 * @since 0.2
 */
public final class UnionFind {
    private final AtomicIntegerArray parent;

    /**
     * @param n number of points, each its own component
     * @since 0.2
     */
    public UnionFind(int n) {
        parent = new AtomicIntegerArray(n);
        for (int i = 0; i < n; i++) {
            parent.set(i, i);
        }
    }

    /**
     * @param x a point
     * @return the root of {@code x}'s component: its smallest member once all unions are done
     * @since 0.2
     */
    public int find(int x) {
        while (true) {
            int p = parent.get(x);
            if (p == x) {
                return x;
            }
            int g = parent.get(p);
            if (g != p) {
                parent.compareAndSet(x, p, g);
            }
            x = g;
        }
    }

    /**
     * Joins the components of {@code a} and {@code b}; safe to call from several threads.
     *
     * @param a a point
     * @param b another point
     * @since 0.2
     */
    public void union(int a, int b) {
        while (true) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            int high = Math.max(ra, rb);
            int low = Math.min(ra, rb);
            if (parent.compareAndSet(high, high, low)) {
                return;
            }
        }
    }
}
