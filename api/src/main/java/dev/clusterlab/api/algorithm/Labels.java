package dev.clusterlab.api.algorithm;

/**
 * The label contract: {@code -1} is noise, clusters are {@code 0..k-1} and every one of them is used.
 *
 * @since 0.1
 */
public final class Labels {
    /** The label of a noise point. @since 0.1 */
    public static final int NOISE = -1;

    private Labels() {
    }

    /**
     * @param labels labels
     * @return {@code max(label) + 1}, or 0 if all are noise or there are none
     * @since 0.1
     */
    public static int clusterCount(int[] labels) {
        int max = -1;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        return max + 1;
    }

    /**
     * @param labels labels
     * @return how many are {@link #NOISE}
     * @since 0.1
     */
    public static int noiseCount(int[] labels) {
        int c = 0;
        for (int l : labels) {
            if (l == NOISE) {
                c++;
            }
        }
        return c;
    }

    /**
     * Checks the contract and says what breaks it.
     *
     * @param labels labels to check
     * @param n the expected number of labels
     * @return {@code null} if the labels keep the contract, else what is wrong
     * @since 0.1
     */
    public static String checkContract(int[] labels, int n) {
        if (labels == null) {
            return "labels are missing";
        }
        if (labels.length != n) {
            return "expected " + n + " labels; got " + labels.length;
        }
        int k = clusterCount(labels);
        boolean[] used = new boolean[k];
        for (int i = 0; i < n; i++) {
            if (labels[i] < NOISE) {
                return "label of row " + (i + 1) + " is " + labels[i] + "; expected -1 (noise) or a cluster >= 0";
            }
            if (labels[i] >= 0) {
                used[labels[i]] = true;
            }
        }
        for (int c = 0; c < k; c++) {
            if (!used[c]) {
                return "cluster " + c + " is empty but " + (k - 1) + " is used; labels must be consecutive from 0";
            }
        }
        return null;
    }

    /**
     * Renumbers clusters to {@code 0..k-1} in order of first appearance, keeping noise.
     *
     * @param labels any integers, {@code -1} for noise
     * @return a new array keeping the contract
     * @since 0.1
     */
    public static int[] normalize(int[] labels) {
        java.util.Map<Integer, Integer> ids = new java.util.HashMap<>();
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == NOISE ? NOISE : ids.computeIfAbsent(labels[i], x -> ids.size());
        }
        return out;
    }
}
