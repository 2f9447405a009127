package dev.clusterlab.host.experiment;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.plugin.Loaded;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How much a configuration's clusters move when the data do: the configuration is refitted on
 * {@code resamples} random subsamples (a {@code fraction} of the rows each, without replacement, drawn
 * from the run's seed), and
 * <ul>
 *   <li>{@code stability} is the mean adjusted Rand index between every two refits, on the rows both
 *       saw (1: the same partition every time; about 0: unrelated partitions), the measure of Lange et al.
 *       and Ben-Hur et al. (2002) for choosing k;</li>
 *   <li>{@code stability_jaccard} is the mean over the full fit's clusters of Hennig's (2007)
 *       cluster-wise stability: for each resample, the best Jaccard similarity between the cluster
 *       (restricted to the resample's rows) and a cluster of the refit, averaged over resamples. Hennig
 *       reads below 0.6 as a dissolved cluster and above 0.85 as a highly stable one; the per-cluster
 *       values are in the run's provenance.</li>
 * </ul>
 * Noise points (-1) count as one more group in the ARI (the metric's convention) and belong to no
 * cluster in the Jaccard.
 */
public final class Stability {
    /** The metric ids experiments list for the two values. */
    static final String STABILITY = "stability";
    static final String JACCARD = "stability_jaccard";
    /** Both ids, in column order. */
    static final List<String> IDS = List.of(STABILITY, JACCARD);

    /**
     * @param resamples refits, at least 2
     * @param fraction share of the rows in each subsample, in (0, 1)
     */
    public record Settings(int resamples, double fraction) {
    }

    /**
     * @param meanAri mean pairwise ARI between refits
     * @param clusterJaccard per cluster of the full fit, its mean best Jaccard over the resamples
     * @param meanJaccard the mean of {@code clusterJaccard} (NaN without clusters)
     */
    record Result(double meanAri, double[] clusterJaccard, double meanJaccard) {
        /** @return the per-cluster values for the run's message: {@code stability per cluster (Jaccard): 0.98 0.95 0.61} */
        String note() {
            StringBuilder s = new StringBuilder("stability per cluster (Hennig's Jaccard):");
            for (double j : clusterJaccard) {
                s.append(String.format(java.util.Locale.ROOT, " %.3f", j));
            }
            return s.toString();
        }
    }

    private Stability() {
    }

    /**
     * @param lab the session (fits and the adjusted_rand metric)
     * @param alg the algorithm
     * @param data the rows the full fit saw
     * @param params its raw parameters
     * @param full the full fit's labels
     * @param s how many subsamples of which size
     * @param ctx the run's context: its seed draws the subsamples, refit b uses seed + 1 + b
     * @return the stability values
     */
    static Result of(ClusterLab lab, Loaded<ClusteringAlgorithm> alg, Dataset data, Map<String, ?> params, int[] full, Settings s,
                     ExecutionContext ctx) {
        int n = data.n();
        int m = Math.max(2, (int) Math.round(s.fraction() * n));
        SplittableRandom random = new SplittableRandom(ctx.seed() ^ 0x5DEECE66DL);
        int[][] rows = new int[s.resamples()][];
        int[][] labels = new int[s.resamples()][];
        for (int b = 0; b < s.resamples(); b++) {
            ctx.checkCancelled();
            rows[b] = sample(n, m, random);
            labels[b] = lab.fit(alg, subset(data, rows[b]), params, ctx.withSeed(ctx.seed() + 1 + b)).result().labels();
        }
        double ari = 0;
        int pairs = 0;
        for (int a = 0; a < s.resamples(); a++) {
            for (int b = a + 1; b < s.resamples(); b++) {
                ari += pairAri(lab, rows[a], labels[a], rows[b], labels[b], n);
                pairs++;
            }
        }
        int k = Arrays.stream(full).max().orElse(-1) + 1;
        double[] jaccard = new double[k];
        for (int b = 0; b < s.resamples(); b++) {
            double[] best = bestJaccard(full, k, rows[b], labels[b]);
            for (int c = 0; c < k; c++) {
                jaccard[c] += best[c] / s.resamples();
            }
        }
        return new Result(ari / pairs, jaccard, k == 0 ? Double.NaN : Arrays.stream(jaccard).average().orElse(Double.NaN));
    }

    /** @return {@code m} distinct rows of {@code 0..n-1}, ascending (a partial Fisher-Yates shuffle) */
    static int[] sample(int n, int m, SplittableRandom random) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = Arrays.copyOf(perm, m);
        Arrays.sort(out);
        return out;
    }

    /** The rows given, with their values, weights and levels; no ground truth (a refit must not see it). */
    static Dataset subset(Dataset data, int[] rows) {
        int d = data.d();
        float[] v = new float[Math.multiplyExact(rows.length, d)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(data.data(), rows[i] * d, v, i * d, d);
        }
        Dataset out = Dataset.of(data.name(), rows.length, d, v, data.featureNames(), null).withCategorical(data.categoricalLevels());
        if (data.weights().isPresent()) {
            float[] w = data.weights().get();
            float[] sw = new float[rows.length];
            for (int i = 0; i < rows.length; i++) {
                sw[i] = w[rows[i]];
            }
            out = out.withWeights(sw);
        }
        return out;
    }

    /** The ARI of two refits on the rows both saw, by the adjusted_rand metric (the first as truth). */
    private static double pairAri(ClusterLab lab, int[] rowsA, int[] labelsA, int[] rowsB, int[] labelsB, int n) {
        int[] posB = new int[n];
        Arrays.fill(posB, -1);
        for (int i = 0; i < rowsB.length; i++) {
            posB[rowsB[i]] = i;
        }
        int common = 0;
        for (int r : rowsA) {
            common += posB[r] >= 0 ? 1 : 0;
        }
        int[] truth = new int[common];
        int[] pred = new int[common];
        int at = 0;
        for (int i = 0; i < rowsA.length; i++) {
            int j = posB[rowsA[i]];
            if (j >= 0) {
                truth[at] = labelsA[i];
                pred[at] = labelsB[j];
                at++;
            }
        }
        // The metric reads truth from a dataset; the values do not matter to it.
        Dataset pair = Dataset.of("stability", common, 1, new float[common], null, truth);
        return lab.metric("adjusted_rand", pair, pred);
    }

    /** @return for each full-fit cluster, its best Jaccard with a refit cluster on the refit's rows */
    static double[] bestJaccard(int[] full, int k, int[] rows, int[] refit) {
        int kb = Arrays.stream(refit).max().orElse(-1) + 1;
        long[][] both = new long[k][Math.max(kb, 1)];
        long[] sizeA = new long[k];
        long[] sizeB = new long[Math.max(kb, 1)];
        for (int i = 0; i < rows.length; i++) {
            int a = full[rows[i]];
            int b = refit[i];
            if (a >= 0) {
                sizeA[a]++;
            }
            if (b >= 0) {
                sizeB[b]++;
            }
            if (a >= 0 && b >= 0) {
                both[a][b]++;
            }
        }
        double[] best = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < kb; b++) {
                long union = sizeA[a] + sizeB[b] - both[a][b];
                if (union > 0) {
                    best[a] = Math.max(best[a], (double) both[a][b] / union);
                }
            }
        }
        return best;
    }
}
