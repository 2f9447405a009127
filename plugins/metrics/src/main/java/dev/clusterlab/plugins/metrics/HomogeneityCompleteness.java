package dev.clusterlab.plugins.metrics;

/**
 * Homogeneity and completeness of a prediction, as scikit-learn's
 * {@code homogeneity_completeness_v_measure}: {@code h = I(T; P) / H(T)} and {@code c = I(T; P) / H(P)},
 * each 1 when its entropy is 0 (a single class is trivially homogeneous; a single group trivially
 * complete). Shared by the three conditional-entropy metrics so that they agree to the bit.
 *
 * @param homogeneity each predicted group holds members of one class only (1 = yes)
 * @param completeness each class is in one predicted group only (1 = yes)
 */
record HomogeneityCompleteness(double homogeneity, double completeness) {

    /**
     * @param t the contingency table, with at least one row
     * @return both scores
     */
    static HomogeneityCompleteness of(Contingency t) {
        double mi = t.mutualInformation();
        double hTruth = t.classEntropy();
        double hPredicted = t.clusterEntropy();
        return new HomogeneityCompleteness(hTruth != 0 ? mi / hTruth : 1.0, hPredicted != 0 ? mi / hPredicted : 1.0);
    }

    /**
     * The V-measure with {@code beta = 1}: the harmonic mean {@code 2hc / (h + c)}, 0 when both are 0.
     *
     * @return the V-measure
     */
    double vMeasure() {
        double h = homogeneity;
        double c = completeness;
        return h + c == 0.0 ? 0.0 : 2.0 * h * c / (h + c);
    }
}
