package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.artifact.ArtifactTable;
import dev.clusterlab.api.artifact.TableArtifact;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.Arrays;

/**
 * {@code algorithm=auto} once {@link KMeansParams.Variant#resolve} found the problem big enough for an
 * accelerated variant to pay: Lloyd's iterations until the clusters settle (an iteration reassigns at
 * most {@link #SETTLED} of the points), then one probe of Yinyang, kept for the rest of the run only if
 * its second iteration computes at most {@link #KEEP} of Lloyd's {@code n k} distances, otherwise Lloyd
 * again to the end. Every variant gives Lloyd's labels (bit for bit on the scalar kernel), so switching
 * changes the time, not the answer; the decision reads only counts, never a clock, so a seed still fixes
 * the run. What ran in each iteration is kept for the result ({@link #artifact()}).
 *
 * <p>Why these numbers (measured with {@code KMeansVariantTimings}, 2 threads, vector kernel, December
 * 2026): one of Yinyang's one-to-one distances costs about 5.5 of the tiled kernel's at {@code d = 256} and
 * about 17 at {@code d = 32}, plus {@code O(d)} per point for the sums, so it beats Lloyd at {@code d = 256}
 * below roughly 18% of the distances (at 18.6% it took 1.19x Lloyd's time) and at {@code d = 32} only
 * below about 5%. Its first iteration computes all {@code n k} distances one to one, so a probe costs
 * about five Lloyd iterations at {@code d = 256}: it is made once, when bounds can work (labels settled).
 */
final class AutoKMeans implements KMeansLoop.Assignment {
    /** Lloyd's reassignments, as a fraction of {@code n}, at or below which the probe starts. */
    static final double SETTLED = 0.01;
    /** The largest fraction of Lloyd's distances the probe's second iteration may compute to be kept. */
    static final double KEEP = 0.15;

    private final double keep;
    private final Points points;
    private final int k;
    private final ExecutionContext context;
    private final LloydKMeans lloyd;
    /** Made when the probe starts: a run that ends before its clusters settle never holds its bounds. */
    private YinyangKMeans yinyang;
    private final long lloydDistances;
    private final KMeansParams.Variant[] ran;
    private final double[] fraction;
    private int iterations;
    /** 1-based iteration at which Yinyang started, 0 before the probe. */
    private int probeStart;
    /** Whether Yinyang runs the iterations from the probe on (false once it was rejected). */
    private boolean yinyangRuns;

    /**
     * @param points the data
     * @param k number of clusters
     * @param maxIter the run's maximum iterations (the size of the record)
     * @param context kernels and threads
     */
    AutoKMeans(Points points, int k, int maxIter, ExecutionContext context) {
        this(points, k, maxIter, context, KEEP);
    }

    /** As the other constructor with another threshold than {@link #KEEP} (for tests of the way back). */
    AutoKMeans(Points points, int k, int maxIter, ExecutionContext context, double keep) {
        this.keep = keep;
        this.points = points;
        this.k = k;
        this.context = context;
        this.lloyd = new LloydKMeans(points, k, context);
        this.lloydDistances = (long) points.n() * k;
        this.ran = new KMeansParams.Variant[maxIter];
        this.fraction = new double[maxIter];
    }

    @Override
    public KMeansLoop.Pass assign(float[] centres, int iteration, int[] labels, KMeansLoop.ChunkSums sums) {
        boolean probing = yinyangRuns;
        KMeansLoop.Pass pass = probing ? yinyang.assign(centres, iteration - probeStart + 1, labels, sums)
                : lloyd.assign(centres, iteration, labels, sums);
        if (probing && iteration == probeStart + 1 && (double) pass.distances() / lloydDistances > keep) {
            yinyangRuns = false;
        }
        ran[iteration - 1] = probing ? KMeansParams.Variant.YINYANG : KMeansParams.Variant.LLOYD;
        fraction[iteration - 1] = (double) pass.distances() / lloydDistances;
        iterations = iteration;
        if (probeStart == 0 && iteration >= 2 && pass.reassigned() <= SETTLED * labels.length) {
            probeStart = iteration + 1;
            yinyangRuns = true;
            yinyang = new YinyangKMeans(points, k, context);
        }
        return pass;
    }

    @Override
    public void centresMoved(float[] before, float[] after, int[] labels) {
        // Yinyang keeps bounds only while it runs; it starts from a full scan, so no update before that.
        if (yinyangRuns && iterations >= probeStart) {
            yinyang.centresMoved(before, after, labels);
        }
    }

    /** @return the variant that ran the last iteration */
    KMeansParams.Variant last() {
        return ran[iterations - 1];
    }

    /**
     * @return one row per iteration: {@code iteration}, {@code lloyd} and {@code yinyang} (1 for the
     *     variant that ran it) and {@code distance_fraction} (distances computed over {@code n k})
     */
    TableArtifact artifact() {
        int[] number = new int[iterations];
        int[] isLloyd = new int[iterations];
        int[] isYinyang = new int[iterations];
        for (int i = 0; i < iterations; i++) {
            number[i] = i + 1;
            isLloyd[i] = ran[i] == KMeansParams.Variant.LLOYD ? 1 : 0;
            isYinyang[i] = ran[i] == KMeansParams.Variant.YINYANG ? 1 : 0;
        }
        return new TableArtifact(ARTIFACT, ArtifactTable.builder().ints("iteration", number).ints("lloyd", isLloyd)
                .ints("yinyang", isYinyang).reals("distance_fraction", Arrays.copyOf(fraction, iterations)).build());
    }

    /** The name and kind of the record of what {@code auto} ran. */
    static final String ARTIFACT = "auto_variant";
}
