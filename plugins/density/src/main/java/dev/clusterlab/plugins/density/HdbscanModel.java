package dev.clusterlab.plugins.density;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.SpanningTree;

/**
 * A fitted HDBSCAN*: what reports need (membership probabilities, GLOSH outlier scores, core
 * distances, the spanning tree and the condensed tree) and an approximate {@code predict}. The scores and
 * the condensed tree also travel in the result ({@code pointScores()}, {@code hierarchy()}); the spanning
 * tree only here.
 *
 * <p><b>Approximate predict</b> (after the hdbscan package's {@code approximate_predict}; the new
 * points do not change the tree): for a new point {@code x}, take its {@code 2 min_samples} nearest
 * fitted points; {@code core(x)} is the distance to its {@code (min_samples - 1)}-th nearest fitted point
 * (so that, as for fitted points, {@code x} counts itself), and its neighbour is the fitted point
 * {@code q} of smallest mutual reachability {@code m = max(core(x), core(q), dist(x, q))} (ties to the
 * nearer, then lower row). With {@code lambda = min(1 / m, lambda at which q leaves its cluster)},
 * walk up from q's cluster while that cluster was born at a lambda {@code >= lambda}; the label is that
 * of the selected cluster containing where the walk stopped, noise if none, and the probability is
 * {@code min(lambda, lambdaMax) / lambdaMax} of that cluster.
 *
 * @since 0.1
 */
public final class HdbscanModel implements ClusterModel {
    private final float[] data;
    private final int d;
    private final HdbscanParams params;
    private final float[] core;
    private final SpanningTree mst;
    private final CondensedTree tree;
    private final ClusterSelection.Outcome outcome;
    private final int[] pointRow;

    HdbscanModel(float[] data, int d, HdbscanParams params, float[] core, SpanningTree mst, CondensedTree tree,
                 ClusterSelection.Outcome outcome) {
        this.data = data;
        this.d = d;
        this.params = params;
        this.core = core;
        this.mst = mst;
        this.tree = tree;
        this.outcome = outcome;
        this.pointRow = new int[tree.n()];
        for (int r = 0; r < tree.rows(); r++) {
            if (tree.childSize()[r] == 1) {
                pointRow[tree.child()[r]] = r;
            }
        }
    }

    /** @return per point, the strength of its membership in its cluster, in [0, 1]; 0 for noise (a copy) @since 0.1 */
    public double[] probabilities() {
        return outcome.probabilities().clone();
    }

    /** @return per point, the GLOSH outlier score in [0, 1]; larger is more outlying (a copy) @since 0.1 */
    public double[] outlierScores() {
        return outcome.outlierScores().clone();
    }

    /** @return per point, the distance to its {@code min_samples}-th nearest point, itself included (a copy) @since 0.1 */
    public float[] coreDistances() {
        return core.clone();
    }

    /**
     * @return the mutual reachability spanning tree as rows {@code {source, target}} in Prim's order,
     *     with {@link #spanningTreeWeights()}
     * @since 0.1
     */
    public int[][] spanningTreeEdges() {
        int[][] out = new int[mst.source().length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[] {mst.source()[i], mst.target()[i]};
        }
        return out;
    }

    /** @return the spanning tree's weights (mutual reachability distances), same order @since 0.1 */
    public float[] spanningTreeWeights() {
        return mst.weight().clone();
    }

    /**
     * The condensed tree as rows {@code (parent, child, lambda, childSize)}: points are {@code 0..n-1},
     * clusters {@code n} (the root) upwards, as scikit-learn's {@code _condensed_tree}.
     *
     * @return three columns: parent, child and childSize (the lambdas are {@link #condensedTreeLambdas()})
     * @since 0.1
     */
    public int[][] condensedTree() {
        return new int[][] {tree.parent().clone(), tree.child().clone(), tree.childSize().clone()};
    }

    /** @return the lambda column of {@link #condensedTree()} @since 0.1 */
    public double[] condensedTreeLambdas() {
        return tree.lambda().clone();
    }

    /** @return the condensed-tree ids of the selected clusters; label {@code i} is entry {@code i} @since 0.1 */
    public int[] selectedClusters() {
        return outcome.selected().clone();
    }

    /** @return the parameters of the fit @since 0.1 */
    public HdbscanParams params() {
        return params;
    }

    @Override
    public int d() {
        return d;
    }

    /**
     * Labels and membership probabilities of new points (see the class comment).
     *
     * @param labels receives one label per row
     * @param probabilities receives one probability per row, or {@code null}
     * @param points the new points
     * @param context kernels and threads
     * @since 0.1
     */
    public void approximatePredict(Dataset points, ExecutionContext context, int[] labels, double[] probabilities) {
        if (points.d() != d) {
            throw new DataException("hdbscan: the model was fitted on " + d + " features but the dataset '"
                    + points.name() + "' has " + points.d());
        }
        int n = tree.n();
        int m = points.n();
        if (m == 0) {
            return;
        }
        int minSamples = params.effectiveMinSamples();
        int k = Math.min(n, 2 * minSamples);
        NeighborIndex index = context.kernels().neighborIndex(data, n, d, params.metric());
        float[] queries = points.data();
        context.parallel().forEachChunk(m, Streams.CHUNK, (chunk, from, to) -> {
            int[] ids = new int[(to - from) * k];
            float[] dist = new float[(to - from) * k];
            index.knn(queries, from, to, k, ids, dist);
            for (int q = from; q < to; q++) {
                int base = (q - from) * k;
                float coreX = minSamples <= 1 ? 0f : dist[base + Math.min(k, minSamples - 1) - 1];
                int nearest = -1;
                float best = Float.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    float mrd = Math.max(coreX, Math.max(core[ids[base + j]], dist[base + j]));
                    if (nearest < 0 || mrd < best) {
                        best = mrd;
                        nearest = ids[base + j];
                    }
                }
                int row = pointRow[nearest];
                double lambda = Math.min(best > 0 ? 1.0 / best : Double.POSITIVE_INFINITY, tree.lambda()[row]);
                int cluster = tree.parent()[row];
                while (cluster != n && outcome.birth()[cluster - n] >= lambda) {
                    cluster = outcome.clusterParent()[cluster - n];
                }
                int owner = outcome.owner()[cluster - n];
                int label = -1;
                for (int s = 0; s < outcome.selected().length; s++) {
                    label = outcome.selected()[s] == owner ? s : label;
                }
                labels[q] = label;
                if (probabilities != null) {
                    double max = label < 0 ? 0 : outcome.maxLambda()[owner - n];
                    probabilities[q] = label < 0 ? 0 : max == 0 || Double.isInfinite(lambda) ? 1 : Math.min(lambda, max) / max;
                }
            }
        });
    }

    @Override
    public int[] predict(Dataset points, ExecutionContext context) {
        int[] labels = new int[points.n()];
        approximatePredict(points, context, labels, null);
        return labels;
    }
}
