package dev.clusterlab.benchmarks.peers;

import static dev.clusterlab.benchmarks.peers.PeersBenchmark.SEED;

import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.plugins.density.HdbscanModel;
import elki.clustering.hierarchical.ClusterDensityMergeHistory;
import elki.clustering.hierarchical.HDBSCANLinearMemory;
import elki.clustering.hierarchical.extraction.HDBSCANHierarchyExtraction;
import elki.data.NumberVector;
import elki.database.Database;
import elki.database.datastore.DoubleDataStore;
import elki.database.ids.DBIDIter;
import elki.database.ids.DBIDRange;
import elki.database.relation.Relation;
import elki.distance.minkowski.EuclideanDistance;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HDBSCAN* on 2,000 points: core distances and labels of ClusterLab, ELKI and Tribuo side by side. */
final class HdbscanCheck {

    private HdbscanCheck() {
    }

    static void run(List<String> report) {
        int m = 10;
        Data data = Data.blobs("check 2000x2", 2_000, 2, 6, 10.0, 0.8, 0.10, SEED + 20);
        report.add("");
        report.add("HDBSCAN* side check: 2,000 x 2 (6 blobs + 10% uniform noise), min_cluster_size = min_samples = " + m);
        try {
            ClusteringResult ours = PeersBenchmark.fitClusterLab(PeersBenchmark.hdbscan(), PeersBenchmark.dataset(data),
                    Map.of("min_cluster_size", m, "min_samples", m), 1);
            int[] cl = ours.labels();
            double[] clCore = ours.pointScores().get("core_distance");

            Database db = Peers.elki(data.doubles(), List.of());
            Relation<NumberVector> rel = Peers.relation(db);
            ClusterDensityMergeHistory history = new HDBSCANLinearMemory<NumberVector>(EuclideanDistance.STATIC, m).run(rel);
            var elkiClustering = new HDBSCANHierarchyExtraction(null, m, false).run(history);
            int[] elki = Peers.labels(rel, elkiClustering);
            DoubleDataStore store = history.getCoreDistanceStore();
            DBIDRange ids = (DBIDRange) rel.getDBIDs();
            double maxAbs = 0;
            double maxRel = 0;
            int differ = 0;
            for (DBIDIter it = ids.iter(); it.valid(); it.advance()) {
                int i = ids.getOffset(it);
                double e = store.doubleValue(it);
                double diff = Math.abs(e - clCore[i]);
                maxAbs = Math.max(maxAbs, diff);
                maxRel = Math.max(maxRel, diff / Math.max(e, 1e-12));
                if (diff > 1e-5 * Math.max(1, e)) {
                    differ++;
                }
            }
            int[] tribuo = DensityPeers.tribuoHdbscan(Peers.tribuo(data), m, m, 1);

            report.add(String.format(Locale.ROOT,
                    "  core distances ClusterLab vs ELKI (minPts %d): max |diff| %.3g, max relative %.3g, %d of %d differ beyond 1e-5",
                    m, maxAbs, maxRel, differ, data.n));
            // The spanning tree: its weights are the single-linkage merge heights, which ELKI keeps in its
            // merge history (one per merge). Equal multisets mean trees of the same weights (ties may pick
            // different edges, but any minimum spanning tree has the same sorted weights).
            float[] clWeights = ((HdbscanModel) ours.model().orElseThrow()).spanningTreeWeights();
            double[] ours2 = new double[clWeights.length];
            for (int i = 0; i < clWeights.length; i++) {
                ours2[i] = clWeights[i];
            }
            double[] theirs = new double[history.numMerges()];
            for (int i = 0; i < theirs.length; i++) {
                theirs[i] = history.getMergeHeight(i);
            }
            Arrays.sort(ours2);
            Arrays.sort(theirs);
            double maxTree = 0;
            double total = 0;
            double totalElki = 0;
            for (int i = 0; i < Math.min(ours2.length, theirs.length); i++) {
                maxTree = Math.max(maxTree, Math.abs(ours2[i] - theirs[i]));
                total += ours2[i];
                totalElki += theirs[i];
            }
            report.add(String.format(Locale.ROOT,
                    "  spanning tree ClusterLab vs ELKI: %d vs %d edges, sorted weights max |diff| %.3g, total weight %.6f vs %.6f",
                    ours2.length, theirs.length, maxTree, total, totalElki));
            report.add("  ClusterLab: " + PeersBenchmark.clusters(cl, -1));
            report.add("  ELKI:       " + PeersBenchmark.clusters(elki, -1));
            report.add("  ELKI clusters (name:size): " + Peers.describe(elkiClustering));
            report.add("  Tribuo:     " + PeersBenchmark.clusters(tribuo, -1));
            report.add(String.format(Locale.ROOT, "  ARI (noise as one class): CL-ELKI %.4f, CL-Tribuo %.4f, ELKI-Tribuo %.4f",
                    PeersBenchmark.ari(cl, elki), PeersBenchmark.ari(cl, tribuo), PeersBenchmark.ari(elki, tribuo)));
            report.add(String.format(Locale.ROOT, "  ARI on points all three call clustered: CL-ELKI %.4f, CL-Tribuo %.4f; noise agreement CL-ELKI %.4f, CL-Tribuo %.4f",
                    ariClustered(cl, elki, tribuo, 1), ariClustered(cl, elki, tribuo, 2), noiseAgreement(cl, elki), noiseAgreement(cl, tribuo)));
        } catch (Exception | Error e) {
            e.printStackTrace();
            report.add("  failed: " + e);
        }
    }

    private static double ariClustered(int[] a, int[] b, int[] c, int which) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0 && c[i] >= 0) {
                n++;
            }
        }
        int[] x = new int[n];
        int[] y = new int[n];
        int j = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0 && c[i] >= 0) {
                x[j] = a[i];
                y[j++] = which == 1 ? b[i] : c[i];
            }
        }
        return n < 2 ? Double.NaN : PeersBenchmark.ari(x, y);
    }

    private static double noiseAgreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if ((a[i] < 0) == (b[i] < 0)) {
                same++;
            }
        }
        return same / (double) a.length;
    }
}
