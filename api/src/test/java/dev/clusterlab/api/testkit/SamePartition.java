package dev.clusterlab.api.testkit;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts how far a predicted partition is from the truth up to renaming of clusters: each predicted
 * cluster is matched to the true cluster it overlaps most, and every point outside its match counts.
 * Zero means the same partition. A test helper, deliberately simpler than the metrics plugin.
 */
final class SamePartition {
    private SamePartition() {
    }

    static int differences(int[] truth, int[] predicted, boolean ignorePredictedNoise) {
        Map<Integer, Map<Integer, Integer>> overlap = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            if (ignorePredictedNoise && predicted[i] == -1) {
                continue;
            }
            overlap.computeIfAbsent(predicted[i], p -> new HashMap<>()).merge(truth[i], 1, Integer::sum);
        }
        int matched = 0;
        int counted = 0;
        Map<Integer, Integer> usedTruth = new HashMap<>();
        for (Map<Integer, Integer> row : overlap.values()) {
            int best = 0;
            int bestTruth = Integer.MIN_VALUE;
            for (Map.Entry<Integer, Integer> e : row.entrySet()) {
                counted += e.getValue();
                if (e.getValue() > best) {
                    best = e.getValue();
                    bestTruth = e.getKey();
                }
            }
            // A true cluster split in two predicted clusters: only the larger part counts as matched.
            Integer previous = usedTruth.get(bestTruth);
            if (previous == null) {
                usedTruth.put(bestTruth, best);
                matched += best;
            } else if (best > previous) {
                usedTruth.put(bestTruth, best);
                matched += best - previous;
            }
        }
        return counted - matched;
    }
}
