package dev.clusterlab.api.kernel;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A distance every kernel implementation provides: a kind, plus the exponent {@code p} for Minkowski.
 * Written in YAML and on the command line as its id: {@code euclidean}, {@code manhattan},
 * {@code minkowski:3}, ...
 *
 * @param kind which distance
 * @param p the Minkowski exponent ({@code >= 1}); 0 for every other kind
 * @since 0.1
 */
public record Distance(Kind kind, double p) {
    /** The kinds of distance. @since 0.1 */
    public enum Kind {
        /** Sum of squared differences. */
        SQUARED_EUCLIDEAN,
        /** Square root of the sum of squared differences. */
        EUCLIDEAN,
        /** Sum of absolute differences (L1, cityblock). */
        MANHATTAN,
        /** Largest absolute difference (L-infinity). */
        CHEBYSHEV,
        /** {@code (Σ |a_i - b_i|^p)^(1/p)}. */
        MINKOWSKI,
        /** {@code 1 - a·b / (|a| |b|)}; 1 when either vector is zero (as scikit-learn's cosine_distances). */
        COSINE,
        /** {@code -a·b}: the negated inner product, so that smaller is nearer as for every other kind. */
        INNER_PRODUCT
    }

    /** @since 0.1 */
    public static final Distance SQUARED_EUCLIDEAN = new Distance(Kind.SQUARED_EUCLIDEAN, 0);
    /** @since 0.1 */
    public static final Distance EUCLIDEAN = new Distance(Kind.EUCLIDEAN, 0);
    /** @since 0.1 */
    public static final Distance MANHATTAN = new Distance(Kind.MANHATTAN, 0);
    /** @since 0.1 */
    public static final Distance CHEBYSHEV = new Distance(Kind.CHEBYSHEV, 0);
    /** @since 0.1 */
    public static final Distance COSINE = new Distance(Kind.COSINE, 0);
    /** @since 0.1 */
    public static final Distance INNER_PRODUCT = new Distance(Kind.INNER_PRODUCT, 0);

    /** Checks the exponent. */
    public Distance {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.MINKOWSKI ? !(p >= 1 && Double.isFinite(p)) : p != 0) {
            throw new IllegalArgumentException("minkowski needs a finite p >= 1 and other distances none; got " + kind + " p=" + p);
        }
    }

    /**
     * @param p the exponent, finite and at least 1
     * @return the Minkowski distance of that order
     * @since 0.1
     */
    public static Distance minkowski(double p) {
        return new Distance(Kind.MINKOWSKI, p);
    }

    /** @return the id: {@code euclidean}, {@code minkowski:3}, ... @since 0.1 */
    public String id() {
        String base = switch (kind) {
            case SQUARED_EUCLIDEAN -> "sqeuclidean";
            case EUCLIDEAN -> "euclidean";
            case MANHATTAN -> "manhattan";
            case CHEBYSHEV -> "chebyshev";
            case MINKOWSKI -> "minkowski";
            case COSINE -> "cosine";
            case INNER_PRODUCT -> "inner_product";
        };
        return kind == Kind.MINKOWSKI ? base + ":" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) : base;
    }

    /** @return the ids users may write, with {@code minkowski:P} standing for any exponent @since 0.1 */
    public static List<String> ids() {
        return List.of("sqeuclidean", "euclidean", "manhattan", "chebyshev", "minkowski:P", "cosine", "inner_product");
    }

    /**
     * @param id an id from {@link #ids()}, any case; {@code l2}, {@code l1}, {@code cityblock} and {@code linf} also work
     * @return the distance
     * @throws IllegalArgumentException naming the allowed ids
     * @since 0.1
     */
    public static Distance byId(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("minkowski:")) {
            try {
                return minkowski(Double.parseDouble(s.substring("minkowski:".length())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("distance 'minkowski:P' needs a number P >= 1; got '" + id + "'");
            }
        }
        return switch (s) {
            case "sqeuclidean" -> SQUARED_EUCLIDEAN;
            case "euclidean", "l2" -> EUCLIDEAN;
            case "manhattan", "cityblock", "l1" -> MANHATTAN;
            case "chebyshev", "linf" -> CHEBYSHEV;
            case "cosine" -> COSINE;
            case "inner_product", "dot" -> INNER_PRODUCT;
            default -> throw new IllegalArgumentException("unknown distance '" + id + "'; known: " + String.join(", ", ids()));
        };
    }

    /** @return whether the triangle inequality holds (spatial indexes rely on it) @since 0.1 */
    public boolean isMetric() {
        return kind != Kind.SQUARED_EUCLIDEAN && kind != Kind.COSINE && kind != Kind.INNER_PRODUCT;
    }

    @Override
    public String toString() {
        return id();
    }
}
