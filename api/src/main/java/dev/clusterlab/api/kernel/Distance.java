package dev.clusterlab.api.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The distances every kernel implementation provides.
 *
 * @since 0.1
 */
public enum Distance {
    /** Sum of squared differences. */
    SQUARED_EUCLIDEAN("sqeuclidean"),
    /** Square root of {@link #SQUARED_EUCLIDEAN}. */
    EUCLIDEAN("euclidean"),
    /** {@code 1 - a·b / (|a| |b|)}; 1 when either vector is zero (as scikit-learn's cosine_distances). */
    COSINE("cosine");

    private final String id;

    Distance(String id) {
        this.id = id;
    }

    /** @return the name used in YAML and on the command line @since 0.1 */
    public String id() {
        return id;
    }

    /** @return every id, for parameter choices @since 0.1 */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Distance::id).toList();
    }

    /**
     * @param id a name from {@link #ids()}, any case
     * @return the distance
     * @throws IllegalArgumentException for an unknown id
     * @since 0.1
     */
    public static Distance byId(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        for (Distance d : values()) {
            if (d.id.equals(lower)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown distance '" + id + "'; known: " + ids());
    }
}
