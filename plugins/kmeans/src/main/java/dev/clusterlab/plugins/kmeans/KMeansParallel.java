package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.Distance;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code init=k-means||}, scalable k-means++ (B. Bahmani, B. Moseley, A. Vattani, R. Kumar,
 * S. Vassilvitskii 2012, doi:10.14778/2180912.2180915), which scikit-learn does not ship. One row is
 * drawn (by weight); then, in each of {@link #ROUNDS} rounds, every row is kept independently with
 * probability {@code min(1, l w(x) D(x)^2 / phi)} where {@code l = 2k} is the oversampling factor,
 * {@code D(x)} the distance to the nearest candidate so far and {@code phi} the weighted cost; about
 * {@code l} rows join per round. Each candidate is weighted by the total weight of the rows nearest to
 * it, and weighted greedy k-means++ ({@link KMeansPlusPlus}) picks the {@code k} centres among the
 * candidates. If fewer than {@code k} candidates were drawn (tiny or highly duplicated data), plain
 * k-means++ on all rows is used instead.
 *
 * <p>The Bernoulli draws of a round use one generator per fixed chunk of rows, seeded from the round's
 * seed and the chunk number, so the candidates never depend on the thread count. Cost: {@code O(n d l)}
 * per round and {@code O(n d m)} to weigh the {@code m ~ 5 l} candidates; memory {@code O(n + m d)}.
 */
final class KMeansParallel implements CentreInitializer {
    /** Rounds, as recommended by the paper (5 suffice in their experiments). */
    static final int ROUNDS = 5;

    @Override
    public float[] centres(Points points, int k, SplittableRandom random, ExecutionContext context) {
        float[] x = points.x();
        int n = points.n();
        int d = points.d();
        double oversampling = 2.0 * k;
        List<Integer> candidates = new ArrayList<>();
        int first = firstRow(points, random);
        candidates.add(first);
        float[] closest = new float[n];
        context.parallel().forEachChunk(n, KMeansLoop.CHUNK, (chunk, from, to) ->
                context.kernels().distances(Distance.SQUARED_EUCLIDEAN, x, first * d, x, from, to, d, closest, from));
        double phi = cost(points, closest, context);
        for (int round = 0; round < ROUNDS && phi > 0; round++) {
            long roundSeed = random.nextLong();
            double scale = oversampling / phi;
            List<List<Integer>> picked = context.parallel().mapChunks(n, KMeansLoop.CHUNK, (chunk, from, to) -> {
                SplittableRandom r = new SplittableRandom(roundSeed + chunk * 0x9E3779B97F4A7C15L);
                List<Integer> rows = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    if (r.nextDouble() < scale * points.weight(i) * closest[i]) {
                        rows.add(i);
                    }
                }
                return rows;
            });
            List<Integer> added = new ArrayList<>();
            picked.forEach(added::addAll);
            if (added.isEmpty()) {
                continue;
            }
            candidates.addAll(added);
            CentroidAssigner assigner = context.kernels().centroidAssigner(rows(x, d, added), added.size(), d);
            int[] label = new int[n];
            float[] sq = new float[n];
            context.parallel().forEachChunk(n, KMeansLoop.CHUNK, (chunk, from, to) -> {
                assigner.assign(x, from, to, label, sq);
                for (int i = from; i < to; i++) {
                    closest[i] = Math.min(closest[i], sq[i]);
                }
            });
            phi = cost(points, closest, context);
        }
        int m = candidates.size();
        if (m < k) {
            return new KMeansPlusPlus().centres(points, k, random, context);
        }
        float[] cx = rows(x, d, candidates);
        float[] weights = candidateWeights(points, cx, m, context);
        return new KMeansPlusPlus().centres(new Points(cx, m, d, weights), k, random, context);
    }

    private static int firstRow(Points points, SplittableRandom random) {
        if (points.weights() == null) {
            return random.nextInt(points.n());
        }
        double[] cumulative = new double[points.n()];
        double running = 0;
        for (int i = 0; i < points.n(); i++) {
            running += points.weights()[i];
            cumulative[i] = running;
        }
        return Math.min(KMeansPlusPlus.firstAtLeast(cumulative, random.nextDouble() * running), points.n() - 1);
    }

    /** @return the total weight of the rows nearest to each candidate */
    private static float[] candidateWeights(Points points, float[] cx, int m, ExecutionContext context) {
        CentroidAssigner assigner = context.kernels().centroidAssigner(cx, m, points.d());
        int[] label = new int[points.n()];
        List<double[]> parts = context.parallel().mapChunks(points.n(), KMeansLoop.CHUNK, (chunk, from, to) -> {
            assigner.assign(points.x(), from, to, label, null);
            double[] w = new double[m];
            for (int i = from; i < to; i++) {
                w[label[i]] += points.weight(i);
            }
            return w;
        });
        double[] total = new double[m];
        for (double[] part : parts) {
            for (int c = 0; c < m; c++) {
                total[c] += part[c];
            }
        }
        float[] weights = new float[m];
        for (int c = 0; c < m; c++) {
            weights[c] = (float) total[c];
        }
        return weights;
    }

    private static double cost(Points points, float[] closest, ExecutionContext context) {
        List<Double> parts = context.parallel().mapChunks(points.n(), KMeansLoop.CHUNK, (chunk, from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += points.weight(i) * closest[i];
            }
            return s;
        });
        double phi = 0;
        for (double p : parts) {
            phi += p;
        }
        return phi;
    }

    private static float[] rows(float[] x, int d, List<Integer> rows) {
        float[] out = new float[rows.size() * d];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(x, rows.get(r) * d, out, r * d, d);
        }
        return out;
    }
}
