package dev.clusterlab.plugins.metrics;

/**
 * The pair confusion matrix of two partitions, over ordered pairs of distinct rows, as scikit-learn's
 * {@code pair_confusion_matrix} (which counts each unordered pair twice; the ratios built from it do
 * not change). The four counts add up to {@code n² - n}.
 *
 * @param together pairs in one group in both partitions (scikit-learn's {@code C[1, 1]}, true positives)
 * @param apart pairs in different groups in both ({@code C[0, 0]}, true negatives)
 * @param onlyPredicted pairs together in the prediction only ({@code C[0, 1]}, false positives)
 * @param onlyTruth pairs together in the ground truth only ({@code C[1, 0]}, false negatives)
 */
record PairCounts(long together, long apart, long onlyPredicted, long onlyTruth) {

    /** @return pairs together in the prediction: {@code Σ_k n_k² - n} (Fowlkes-Mallows's {@code P_k}) */
    long predictedPairs() {
        return together + onlyPredicted;
    }

    /** @return pairs together in the ground truth: {@code Σ_c n_c² - n} ({@code Q_k}) */
    long truthPairs() {
        return together + onlyTruth;
    }

    /** @return all ordered pairs of distinct rows, {@code n² - n} */
    long total() {
        return together + apart + onlyPredicted + onlyTruth;
    }
}
