package dev.clusterlab.host.data;

import dev.clusterlab.host.OutOfMemory;
import java.util.Locale;

/**
 * Whether an {@code n x d} float matrix can exist in this JVM, checked before it is built: a Java array
 * holds at most {@value #MAX_VALUES} values, and the heap must hold the matrix at least
 * {@value #COPIES} times (the rows as read or generated, and the copy that preprocessing or the
 * algorithm makes). Past either, the refusal says how much and how to raise the limit, where building it
 * would end in an overflow or an out-of-memory error minutes later.
 */
public final class DataSize {
    /** Largest float array the JVM allocates. */
    public static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /** Copies of the matrix a fit holds at once, at the least. */
    static final int COPIES = 2;

    private DataSize() {
    }

    /**
     * @param what the dataset, for the message
     * @param n rows
     * @param d columns
     * @return why it cannot be built, or {@code null} when it fits
     */
    public static String problem(String what, long n, long d) {
        long values = n > 0 && d > Long.MAX_VALUE / n ? Long.MAX_VALUE : n * d;
        if (values > MAX_VALUES) {
            return String.format(Locale.ROOT, "%s: %,d rows x %,d columns = %s values, more than one Java array holds (%,d);"
                    + " use fewer rows or columns", what, n, d, values == Long.MAX_VALUE ? "more than 9.2e18" : String.format(Locale.ROOT, "%,d", values),
                    MAX_VALUES);
        }
        long bytes = values * Float.BYTES * COPIES;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            return String.format(Locale.ROOT, "%s: %,d rows x %,d columns need about %s (4 bytes a value, %d copies), more than the"
                    + " JVM's heap limit of %s; use fewer rows, or raise the limit with CLUSTERLAB_OPTS=-Xmx%dg", what, n, d,
                    OutOfMemory.bytes(bytes), COPIES, OutOfMemory.bytes(heap), Math.max(2, (bytes * 3 / 2 >> 30) + 1));
        }
        return null;
    }
}
