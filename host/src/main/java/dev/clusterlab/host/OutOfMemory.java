package dev.clusterlab.host;

import java.util.Locale;

/**
 * The one wording of "the JVM ran out of heap": how much it had and how to give it more, for the
 * messages of a fit, a child JVM and the command line alike.
 */
public final class OutOfMemory {
    private OutOfMemory() {
    }

    /**
     * @param what what ran out, e.g. "plugin kmeans"
     * @return a message naming the heap limit and how to raise it
     */
    public static String message(String what) {
        return String.format(Locale.ROOT, "%s ran out of memory: the JVM's heap limit is %s; raise it with CLUSTERLAB_OPTS=-Xmx%dg"
                + " (child JVMs of isolation: process: CLUSTERLAB_CHILD_OPTS), or use fewer rows or a sample", what,
                bytes(Runtime.getRuntime().maxMemory()), Math.max(2, 2 * (Runtime.getRuntime().maxMemory() >> 30)));
    }

    /**
     * @param b a number of bytes
     * @return it in KiB, MiB or GiB with one decimal
     */
    public static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }
}
