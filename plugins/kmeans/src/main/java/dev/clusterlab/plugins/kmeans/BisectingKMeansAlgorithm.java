package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * Bisecting k-means (M. Steinbach, G. Karypis, V. Kumar 2000, "A comparison of document clustering
 * techniques", KDD Workshop on Text Mining), following scikit-learn 1.2's {@code BisectingKMeans}.
 *
 * <p><b>Algorithm.</b> Start from one cluster holding every point; {@code k - 1} times, pick a leaf (the
 * one with the biggest inertia, or the one with the most points; the first leaf in tree order on
 * ties) and split it with the best of {@code n_init} 2-means runs (Lloyd, Elkan or Hamerly, seeded by
 * {@code init}). Leaves, left to right, are the clusters; their 2-means centres are the centroids and
 * labels are leaf membership (as scikit-learn's {@code labels_}); the inertia is computed against them.
 * A leaf with fewer than two points is never split. The saved model predicts the nearest centroid
 * (scikit-learn's {@code predict} descends the tree instead; both agree except near split boundaries).
 *
 * <p><b>Parameters.</b> See {@link BisectingParams}: {@code k} (8), {@code init} (random),
 * {@code n_init} (1), {@code max_iter} (300), {@code tol} (1e-4, absolute as in scikit-learn 1.2),
 * {@code algorithm} (lloyd), {@code bisecting_strategy} (biggest_inertia or largest_cluster).
 *
 * <p><b>Complexity and memory.</b> Each bisection runs 2-means on the rows of one leaf, {@code O(m d)} per
 * iteration for {@code m} rows, so about {@code O(n d log k)} per iteration level in total; memory
 * {@code O(n)} row indices plus a copy of the rows of the leaf being split.
 *
 * {@snippet :
 * Params params = ParamBinder.bind("bisecting_kmeans", algorithm.descriptor().params(),
 *         Map.of("k", 10, "bisecting_strategy", "largest_cluster"));
 * ClusteringResult result = new BisectingKMeansAlgorithm().fit(data, params, context);
 * }
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "M. Steinbach, G. Karypis, V. Kumar", title = "A comparison of document clustering techniques",
        venue = "KDD Workshop on Text Mining", year = 2000)
public final class BisectingKMeansAlgorithm implements ClusteringAlgorithm {
    static final String ID = "bisecting_kmeans";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("bisecting-kmeans"),
            "bisecting k-means", "1.0",
            "Divisive k-means: repeatedly splits the cluster with the biggest inertia (or the largest one) "
                    + "with 2-means, following scikit-learn's BisectingKMeans.",
            BisectingParams.SPECS, Citation.of(BisectingKMeansAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.1 */
    public BisectingKMeansAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, BisectingParams.from(params), context);
    }

    @Override
    public Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.of(NearestCentroidModel.restore(ID, state));
    }

    /** A node of the bisecting tree; leaves hold their rows. */
    private static final class Node {
        int[] rows;
        final float[] centre;
        final double score;
        Node left;
        Node right;

        Node(int[] rows, float[] centre, double score) {
            this.rows = rows;
            this.centre = centre;
            this.score = score;
        }

        void leaves(List<Node> out) {
            if (left == null) {
                out.add(this);
            } else {
                left.leaves(out);
                right.leaves(out);
            }
        }
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points; never modified
     * @param params the parameters
     * @param context kernels, threads, seed, progress and cancellation
     * @return labels, centroids, inertia, one statistics entry per bisection and a predicting model
     * @since 0.1
     */
    public ClusteringResult fit(Dataset data, BisectingParams params, ExecutionContext context) {
        int k = params.k();
        KMeansAlgorithm.checkSize(ID, data, k);
        Points points = Points.of(data);
        int n = points.n();
        int d = points.d();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Node root = new Node(all, mean(points), 0);
        SplittableRandom random = new SplittableRandom(context.seed());
        List<IterationStats> stats = new ArrayList<>();
        for (int split = 1; split < k; split++) {
            context.checkCancelled();
            Node target = null;
            List<Node> leaves = new ArrayList<>();
            root.leaves(leaves);
            for (Node leaf : leaves) {
                if (leaf.rows.length >= 2 && (target == null || leaf.score > target.score)) {
                    target = leaf;
                }
            }
            if (target == null) {
                break;
            }
            stats.add(bisect(points, target, params, random, context, split));
            context.progress().progress((double) split / (k - 1), "bisection " + split + "/" + (k - 1));
        }
        List<Node> leaves = new ArrayList<>();
        root.leaves(leaves);
        int[] labels = new int[n];
        float[] centres = new float[leaves.size() * d];
        for (int c = 0; c < leaves.size(); c++) {
            for (int row : leaves.get(c).rows) {
                labels[row] = c;
            }
            System.arraycopy(leaves.get(c).centre, 0, centres, c * d, d);
        }
        double inertia = KMeansLoop.inertia(points, centres, labels, context);
        KMeansLoop.Outcome outcome = new KMeansLoop.Outcome(labels, centres, stats.size(), true, inertia, stats);
        return KMeansAlgorithm.result(ID, "bisecting/" + params.strategy().id(), outcome, leaves.size(), d);
    }

    /** Splits {@code node} with the best of {@code n_init} 2-means runs. @return the bisection's statistics */
    private static IterationStats bisect(Points points, Node node, BisectingParams params, SplittableRandom random,
                                         ExecutionContext context, int split) {
        Points sub = MiniBatchKMeansAlgorithm.sample(points, node.rows);
        KMeansParams.Variant variant = params.algorithm().resolve(sub.n(), sub.d(), 2);
        KMeansLoop loop = new KMeansLoop(sub, 2, params.maxIter(), params.tol(), context);
        CentreInitializer init = CentreInitializer.of(params.init());
        KMeansLoop.Outcome best = null;
        long distances = 0;
        for (int r = 0; r < params.nInit(); r++) {
            float[] start = init.centres(sub, 2, random, context);
            KMeansLoop.Outcome o = loop.run(KMeansAlgorithm.step(variant, sub, 2, params.maxIter(), context), start, 0, 1);
            distances += o.stats().stream().mapToLong(IterationStats::distanceComputations).sum();
            if (best == null || o.inertia() < best.inertia() * (1 - 1e-6)) {
                best = o;
            }
        }
        int d = sub.d();
        double[] scores = new double[2];
        int[] sizes = new int[2];
        for (int i = 0; i < sub.n(); i++) {
            int l = best.labels()[i];
            sizes[l]++;
            scores[l] += params.strategy() == BisectingParams.Strategy.LARGEST_CLUSTER ? 1
                    : sub.weight(i) * sub.exactSquared(i, best.centres(), l);
        }
        int[][] parts = {new int[sizes[0]], new int[sizes[1]]};
        int[] fill = new int[2];
        for (int i = 0; i < sub.n(); i++) {
            int l = best.labels()[i];
            parts[l][fill[l]++] = node.rows[i];
        }
        float[] c = best.centres();
        node.left = new Node(parts[0], java.util.Arrays.copyOfRange(c, 0, d), scores[0]);
        node.right = new Node(parts[1], java.util.Arrays.copyOfRange(c, d, 2 * d), scores[1]);
        node.rows = null;
        return new IterationStats(split, best.inertia(), -1, distances);
    }

    /** @return the unweighted mean of all rows (scikit-learn's root centre) */
    private static float[] mean(Points points) {
        int d = points.d();
        double[] s = new double[d];
        for (int i = 0; i < points.n(); i++) {
            for (int j = 0; j < d; j++) {
                s[j] += points.x()[i * d + j];
            }
        }
        float[] m = new float[d];
        for (int j = 0; j < d; j++) {
            m[j] = (float) (s[j] / points.n());
        }
        return m;
    }
}
