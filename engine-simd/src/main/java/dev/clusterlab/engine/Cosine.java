package dev.clusterlab.engine;

/** The one place that turns dot products and squared norms into a cosine distance. */
final class Cosine {
    private Cosine() {
    }

    /**
     * @param ab dot product
     * @param aa squared norm of a
     * @param bb squared norm of b
     * @return {@code 1 - ab / sqrt(aa bb)} clamped to [0, 2], or 1 when a norm is zero
     */
    static float distance(float ab, float aa, float bb) {
        if (aa == 0f || bb == 0f) {
            return 1f;
        }
        double cos = ab / Math.sqrt((double) aa * bb);
        return (float) Math.min(2.0, Math.max(0.0, 1.0 - cos));
    }
}
