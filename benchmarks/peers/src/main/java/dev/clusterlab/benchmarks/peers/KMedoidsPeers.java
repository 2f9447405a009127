package dev.clusterlab.benchmarks.peers;

import static dev.clusterlab.benchmarks.peers.PeersBenchmark.SEED;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.fmt;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.median;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.remaining;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.time;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.TableArtifact;
import dev.clusterlab.benchmarks.peers.PeersBenchmark.Timed;
import dev.clusterlab.plugins.kmedoids.KMedoidsAlgorithm;
import elki.clustering.kmedoids.FasterPAM;
import elki.clustering.kmedoids.initialization.BUILD;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.model.MedoidModel;
import elki.database.Database;
import elki.database.ids.DBIDRange;
import elki.database.relation.Relation;
import elki.distance.minkowski.EuclideanDistance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * k-medoids: ClusterLab's FasterPAM (1 and 2 threads) against ELKI 0.8's {@code FasterPAM}, both from PAM's BUILD,
 * euclidean, max_iter 300, on the same seeded blobs in one JVM. Each fit is timed whole (dissimilarity matrix,
 * BUILD and swaps): one warm-up, then the median of 3 runs (1 over 15 s). The losses (total deviation) of both
 * medoid sets are recomputed here in double from the data, so they compare exactly; they should be equal (the same
 * local optimum from the same BUILD start) up to float rounding of ClusterLab's float dissimilarity matrix.
 */
final class KMedoidsPeers {
    static final int MAX_ITER = 300;

    private KMedoidsPeers() {
    }

    record Row(String impl, String threads, double seconds, int reps, double loss, int[] medoids, String note) {
    }

    static void run(List<String> report) throws Exception {
        // -Dpeers.scale=0.25 gives 5,000 x 8 for a smoke test (Data.blobs scales n).
        runCase(report, Data.blobs("20000x8", 20_000, 8, 16, 5.0, 1.0, 0.0, SEED + 7), 10);
    }

    private static void runCase(List<String> report, Data data, int k) throws Exception {
        String name = data.n + "x" + data.d + "/k" + k;
        System.out.println("== k-medoids " + name);
        Dataset ds = PeersBenchmark.dataset(data);
        double[][] rows = data.doubles();
        Database db = Peers.elki(rows, List.of());
        Relation<NumberVector> relation = Peers.relation(db);
        List<Row> out = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            int[][] medoids = new int[1][];
            out.add(measure("ClusterLab fasterpam", String.valueOf(threads), () -> {
                ClusteringResult r = PeersBenchmark.fitClusterLab(new KMedoidsAlgorithm(), ds,
                        Map.of("k", k, "method", "fasterpam", "init", "build", "max_iter", MAX_ITER, "metric", "euclidean"), threads);
                medoids[0] = ((TableArtifact) r.artifacts().get("medoids")).table().ints("row");
            }, () -> medoids[0], data));
        }
        int[][] elkiMedoids = new int[1][];
        out.add(measure("ELKI FasterPAM (BUILD)", "1", () -> {
            Clustering<MedoidModel> c = new FasterPAM<NumberVector>(EuclideanDistance.STATIC, k, MAX_ITER, new BUILD<>()).run(relation);
            elkiMedoids[0] = medoidRows(relation, c);
        }, () -> elkiMedoids[0], data));

        Row elki = out.get(2);
        report.add("");
        report.add("k-medoids: FasterPAM from BUILD, euclidean, max_iter " + MAX_ITER + "; whole fit (matrix, BUILD, swaps); "
                + "loss = total deviation recomputed in double");
        report.add(String.format(Locale.ROOT, "%-13s %-24s %-7s %9s %4s %18s %12s %9s  %s", "case", "implementation", "threads",
                "time s", "reps", "loss", "loss-ELKI", "ELKI/this", "note"));
        for (Row r : out) {
            String diff = Double.isNaN(r.loss()) || Double.isNaN(elki.loss()) ? "-"
                    : String.format(Locale.ROOT, "%.3g", r.loss() - elki.loss());
            String speed = r == elki || Double.isNaN(r.seconds()) || Double.isNaN(elki.seconds()) ? ""
                    : String.format(Locale.ROOT, "%.2f", elki.seconds() / r.seconds());
            String same = r == elki || r.medoids() == null || elki.medoids() == null ? ""
                    : Arrays.equals(sorted(r.medoids()), sorted(elki.medoids())) ? "same medoids as ELKI" : "other medoids than ELKI";
            report.add(String.format(Locale.ROOT, "%-13s %-24s %-7s %9s %4d %18.9f %12s %9s  %s", name, r.impl(), r.threads(),
                    fmt(r.seconds()), r.reps(), r.loss(), diff, speed, (same + " " + r.note()).strip()));
        }
    }

    interface Medoids {
        int[] get();
    }

    private static Row measure(String impl, String threads, Timed fit, Medoids medoids, Data data) {
        try {
            if (remaining() < 10 || PeersBenchmark.skipped(impl)) {
                return new Row(impl, threads, Double.NaN, 0, Double.NaN, null, PeersBenchmark.skipped(impl) ? "skipped" : "skipped (time budget)");
            }
            double warm = time(fit);
            double[] reps = warm > PeersBenchmark.SKIP_SECONDS ? new double[] {warm} : PeersBenchmark.reps(fit);
            int[] m = medoids.get();
            System.out.printf(Locale.ROOT, "   %-24s threads %-3s %s s (%d reps), loss %.9f%n", impl, threads, fmt(median(reps)),
                    reps.length, loss(data, m));
            return new Row(impl, threads, median(reps), reps.length, loss(data, m), m, "");
        } catch (Exception | Error e) {
            e.printStackTrace();
            return new Row(impl, threads, Double.NaN, 0, Double.NaN, null, "failed: " + e);
        }
    }

    /** ELKI's medoids as 0-based rows of the data. */
    private static int[] medoidRows(Relation<NumberVector> relation, Clustering<MedoidModel> clustering) {
        DBIDRange ids = (DBIDRange) relation.getDBIDs();
        List<Cluster<MedoidModel>> clusters = clustering.getAllClusters();
        int[] rows = new int[clusters.size()];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = ids.getOffset(clusters.get(c).getModel().getMedoid());
        }
        return rows;
    }

    /** The total deviation of a medoid set: sum over the rows of the euclidean distance to the nearest medoid, in double. */
    static double loss(Data data, int[] medoids) {
        double sum = 0;
        int d = data.d;
        for (int i = 0; i < data.n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int m : medoids) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = (double) data.rows[i * d + j] - data.rows[m * d + j];
                    s += diff * diff;
                }
                best = Math.min(best, s);
            }
            sum += Math.sqrt(best);
        }
        return sum;
    }

    private static int[] sorted(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        return s;
    }
}
