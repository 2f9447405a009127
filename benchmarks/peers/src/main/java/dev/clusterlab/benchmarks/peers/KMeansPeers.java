package dev.clusterlab.benchmarks.peers;

import static dev.clusterlab.benchmarks.peers.PeersBenchmark.SEED;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.fmt;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.median;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.ratio;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.remaining;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.time;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.benchmarks.peers.PeersBenchmark.Timed;
import elki.clustering.kmeans.ElkanKMeans;
import elki.clustering.kmeans.HamerlyKMeans;
import elki.clustering.kmeans.LloydKMeans;
import elki.clustering.kmeans.initialization.KMeansPlusPlus;
import elki.data.NumberVector;
import elki.database.Database;
import elki.database.relation.Relation;
import elki.distance.minkowski.SquaredEuclideanDistance;
import elki.utilities.random.RandomFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.math.distance.L2Distance;
import smile.clustering.Clustering;
import smile.clustering.KMeans;

/** k-means++ then Lloyd, seconds per iteration = (median T(20) - median T(1)) / 19, every library on the same data. */
final class KMeansPeers {

    private KMeansPeers() {
    }

    record Row(String impl, String threads, double t1, double t20, int reps, String note) {
        double perIter() {
            return Double.isNaN(t20) ? Double.NaN : (t20 - t1) / 19;
        }
    }

    record Impl(String name, String threads, IntFunction<Timed> fit) {
    }

    static int lastClusterLabIterations;

    static void run(List<String> report) throws Exception {
        List<Data> cases = List.of(
                Data.blobs("200000x32", 200_000, 32, 128, 3.0, 1.0, 0.0, SEED),
                Data.blobs("1000000x2", 1_000_000, 2, 32, 6.0, 1.0, 0.0, SEED + 1),
                Data.blobs("50000x256", 50_000, 256, 512, 1.0, 1.0, 0.0, SEED + 2));
        int[] ks = {64, 16, 256};
        report.add("");
        report.add("k-means: k-means++ then Lloyd, tol 0; seconds per Lloyd iteration = (median T(20) - median T(1)) / 19");
        report.add(String.format(Locale.ROOT, "%-11s %-30s %-9s %8s %8s %9s %4s %8s %8s  %s",
                "case", "implementation", "threads", "T(1) s", "T(20) s", "s/iter", "reps", "CL1/peer", "CL2/peer", "note"));
        // -Dpeers.kmeansCases=2,3 runs only those cases (1-based).
        String only = System.getProperty("peers.kmeansCases", "1,2,3");
        for (int c = 0; c < cases.size(); c++) {
            if (!("," + only + ",").contains("," + (c + 1) + ",")) {
                continue;
            }
            runCase(report, cases.get(c), ks[c]);
        }
    }

    private static void runCase(List<String> report, Data data, int k) throws Exception {
        String name = data.name + " k=" + k;
        System.out.println("== k-means " + name);
        Dataset ds = PeersBenchmark.dataset(data);
        double[][] rows = data.doubles();
        float[][] frows = data.floats();
        Database db = Peers.elki(rows, List.of());
        Relation<NumberVector> relation = Peers.relation(db);
        MutableDataset<ClusterID> tribuo = Peers.tribuo(data);
        List<DoublePoint> cmPoints = Peers.commonsMath(rows);

        List<Impl> impls = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            impls.add(new Impl("ClusterLab lloyd", String.valueOf(threads), it -> () -> {
                ClusteringResult r = PeersBenchmark.fitClusterLab(PeersBenchmark.kmeans(), ds,
                        Map.of("k", k, "max_iter", it, "tol", 0.0, "n_init", 1, "algorithm", "lloyd"), threads);
                lastClusterLabIterations = r.iterations();
            }));
        }
        impls.add(new Impl("ELKI LloydKMeans", "1", it -> () ->
                new LloydKMeans<NumberVector>(SquaredEuclideanDistance.STATIC, k, it, new KMeansPlusPlus<>(RandomFactory.get(SEED)))
                        .run(relation)));
        if (data.d <= 32) {
            impls.add(new Impl("ELKI HamerlyKMeans", "1", it -> () ->
                    new HamerlyKMeans<NumberVector>(SquaredEuclideanDistance.STATIC, k, it, new KMeansPlusPlus<>(RandomFactory.get(SEED)), false)
                            .run(relation)));
        } else {
            impls.add(new Impl("ELKI ElkanKMeans", "1", it -> () ->
                    new ElkanKMeans<NumberVector>(SquaredEuclideanDistance.STATIC, k, it, new KMeansPlusPlus<>(RandomFactory.get(SEED)), false)
                            .run(relation)));
        }
        if (data.d <= 32) { // in 256-d the BBD-tree filter degenerates (1.5 s for T(1) on 1,000 points): not run
            impls.add(new Impl("Smile KMeans.fit (BBD-tree)", "pool(2)", it -> () ->
                    KMeans.fit(frows, new Clustering.Options(k, it, 0.0, null))));
        }
        impls.add(new Impl("Smile KMeans.lloyd", "pool(2)", it -> () ->
                KMeans.lloyd(rows, new Clustering.Options(k, it, 0.0, null))));
        impls.add(new Impl("Tribuo KMeansTrainer", "1", it -> () ->
                new KMeansTrainer(k, it, new L2Distance(), KMeansTrainer.Initialisation.PLUSPLUS, 1, SEED).train(tribuo)));
        impls.add(new Impl("Commons Math KMeans++Clusterer", "1", it -> () ->
                new KMeansPlusPlusClusterer<DoublePoint>(k, it, new EuclideanDistance(), new JDKRandomGenerator((int) SEED))
                        .cluster(cmPoints)));

        List<Row> rowsOut = new ArrayList<>();
        impls.removeIf(i -> PeersBenchmark.skipped(i.name()));
        for (Impl impl : impls) {
            Row row = measure(impl);
            rowsOut.add(row);
            System.out.printf(Locale.ROOT, "   %-30s threads %-8s T1 %s T20 %s -> %s s/iter (%d reps) %s%n", impl.name(),
                    impl.threads(), fmt(row.t1()), fmt(row.t20()), fmt(row.perIter()), row.reps(), row.note());
        }
        double cl1 = rowsOut.get(0).perIter();
        double cl2 = rowsOut.get(1).perIter();
        for (Row r : rowsOut) {
            report.add(String.format(Locale.ROOT, "%-11s %-30s %-9s %8s %8s %9s %4d %8s %8s  %s", name.replace(" k=", "/k"),
                    r.impl(), r.threads(), fmt(r.t1()), fmt(r.t20()), fmt(r.perIter()), r.reps(),
                    r.impl().startsWith("ClusterLab") ? "" : ratio(cl1, r.perIter()),
                    r.impl().startsWith("ClusterLab") ? "" : ratio(cl2, r.perIter()), r.note()));
        }
    }

    private static Row measure(Impl impl) throws Exception {
        try {
            if (remaining() < 5) {
                return new Row(impl.name(), impl.threads(), Double.NaN, Double.NaN, 0, "skipped (time budget)");
            }
            double w1 = time(impl.fit().apply(1)); // warm-up
            if (w1 > PeersBenchmark.SKIP_SECONDS / 2) {
                return new Row(impl.name(), impl.threads(), w1, Double.NaN, 0,
                        String.format(Locale.ROOT, "skipped (> 60 s: warm-up T(1) took %.0f s)", w1));
            }
            double w3 = time(impl.fit().apply(3)); // more warm-up, and the estimate of the cost of an iteration
            double[] t1s = {time(impl.fit().apply(1)), time(impl.fit().apply(1)), time(impl.fit().apply(1))};
            double t1 = median(t1s);
            double estimate = t1 + 19 * Math.max(0, (w3 - t1) / 2);
            if (estimate > PeersBenchmark.SKIP_SECONDS) {
                return new Row(impl.name(), impl.threads(), t1, Double.NaN, 0,
                        String.format(Locale.ROOT, "skipped (> 60 s: T(20) estimated %.0f s)", estimate));
            }
            if (remaining() < estimate * 1.1) {
                return new Row(impl.name(), impl.threads(), t1, Double.NaN, 0,
                        String.format(Locale.ROOT, "skipped (time budget: T(20) estimated %.0f s)", estimate));
            }
            lastClusterLabIterations = -1;
            double[] t20s = PeersBenchmark.reps(impl.fit().apply(20));
            String note = lastClusterLabIterations >= 0 ? "iterations run: " + lastClusterLabIterations : "";
            return new Row(impl.name(), impl.threads(), t1, median(t20s), t20s.length, note);
        } catch (Exception | Error e) {
            e.printStackTrace();
            return new Row(impl.name(), impl.threads(), Double.NaN, Double.NaN, 0, "failed: " + e);
        }
    }
}
