package dev.clusterlab.benchmarks.peers;

import static dev.clusterlab.benchmarks.peers.PeersBenchmark.SEED;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.fmt;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.median;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.ratio;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.remaining;
import static dev.clusterlab.benchmarks.peers.PeersBenchmark.time;

import elki.clustering.dbscan.DBSCAN;
import elki.clustering.hierarchical.HDBSCANLinearMemory;
import elki.clustering.hierarchical.extraction.HDBSCANHierarchyExtraction;
import elki.data.NumberVector;
import elki.database.Database;
import elki.database.relation.Relation;
import elki.distance.minkowski.EuclideanDistance;
import elki.index.IndexFactory;
import elki.index.tree.metrical.vptree.VPTree;
import elki.index.tree.spatial.rstarvariants.AbstractRStarTreeFactory;
import elki.index.tree.spatial.rstarvariants.rstar.RStarTreeFactory;
import elki.index.tree.spatial.rstarvariants.strategies.bulk.SortTileRecursiveBulkSplit;
import elki.utilities.ELKIBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.hdbscan.HdbscanModel;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/** DBSCAN and HDBSCAN*: whole fits timed (index construction included), warm-up on a fifth of the data first. */
final class DensityPeers {

    private DensityPeers() {
    }

    static final int MIN_SAMPLES = 5;

    /** A fit that returns its labels (noise -1). */
    interface Fit {
        int[] run(Data data) throws Exception;
    }

    record Impl(String name, String threads, Fit fit) {
    }

    static void run(List<String> report) throws Exception {
        report.add("");
        report.add("Density: whole fit in seconds (peer index built inside the timing), median of 3 (1 when a run > 15 s)");
        report.add(String.format(Locale.ROOT, "%-22s %-34s %-8s %8s %4s %8s %8s  %s",
                "case", "implementation", "threads", "seconds", "reps", "CL1/peer", "CL2/peer", "labels (ARI vs ClusterLab 1t)"));
        Data d2 = Data.blobs("dbscan 100000x2", 100_000, 2, 20, 50.0, 1.5, 0.05, SEED + 10);
        Data d32 = Data.blobs("dbscan 20000x32", 20_000, 32, 20, 10.0, 1.0, 0.05, SEED + 11);
        dbscan(report, d2, true);
        dbscan(report, d32, false);
        hdbscan(report, Data.blobs("hdbscan 50000x4", 50_000, 4, 20, 10.0, 1.0, 0.05, SEED + 12));
    }

    private static void dbscan(List<String> report, Data data, boolean lowDimensional) throws Exception {
        double eps = data.epsForAverageNeighbours(30, SEED);
        System.out.printf(Locale.ROOT, "== %s: eps %.4f (average 30 neighbours, the point itself included)%n", data.name, eps);
        report.add(String.format(Locale.ROOT, "%s: eps = %.4f (average neighbours 30, itself included), min_samples = %d",
                data.name, eps, MIN_SAMPLES));
        List<Impl> impls = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            impls.add(new Impl("ClusterLab dbscan", String.valueOf(threads), x -> PeersBenchmark.fitClusterLab(
                    PeersBenchmark.dbscan(), PeersBenchmark.dataset(x), Map.of("eps", eps, "min_samples", MIN_SAMPLES), threads).labels()));
        }
        Supplier<IndexFactory<?>> index = lowDimensional
                ? DensityPeers::rStarTree
                : () -> new ELKIBuilder<>(VPTree.Factory.class)
                        .with(VPTree.Factory.Par.DISTANCE_FUNCTION_ID, EuclideanDistance.STATIC).build();
        String indexName = lowDimensional ? "R*-tree, STR bulk load" : "VP-tree";
        impls.add(new Impl("ELKI DBSCAN (" + indexName + ")", "1", x -> {
            Database db = Peers.elki(doubles(x), List.of(index.get()));
            Relation<NumberVector> rel = Peers.relation(db);
            return Peers.labels(rel, new DBSCAN<NumberVector>(EuclideanDistance.STATIC, eps, MIN_SAMPLES).run(rel));
        }));
        // Smile counts neighbours without the point itself: minPts 4 is min_samples 5.
        impls.add(new Impl("Smile DBSCAN (default index, minPts 4)", "1", x -> {
            int[] g = smile.clustering.DBSCAN.fit(doubles(x), MIN_SAMPLES - 1, eps).group();
            int[] out = new int[g.length];
            for (int i = 0; i < g.length; i++) {
                out[i] = g[i] == smile.clustering.Clustering.OUTLIER ? -1 : g[i];
            }
            return out;
        }));
        runAll(report, data, impls);
    }

    private static void hdbscan(List<String> report, Data data) throws Exception {
        System.out.println("== " + data.name);
        report.add(data.name + ": min_cluster_size = min_samples = 5 (ELKI minPts 5, Tribuo k 5)");
        List<Impl> impls = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            impls.add(new Impl("ClusterLab hdbscan", String.valueOf(threads), x -> PeersBenchmark.fitClusterLab(
                    PeersBenchmark.hdbscan(), PeersBenchmark.dataset(x), Map.of("min_cluster_size", 5), threads).labels()));
        }
        impls.add(new Impl("ELKI HDBSCANLinearMemory (R*-tree STR)", "1", x -> {
            Database db = Peers.elki(doubles(x), List.of(rStarTree()));
            Relation<NumberVector> rel = Peers.relation(db);
            var history = new HDBSCANLinearMemory<NumberVector>(EuclideanDistance.STATIC, 5).run(rel);
            return Peers.labels(rel, new HDBSCANHierarchyExtraction(null, 5, false).run(history));
        }));
        impls.add(new Impl("Tribuo HdbscanTrainer (KD-tree)", "1", x -> tribuoHdbscan(x.tribuoCached(), 5, 5, 1)));
        runAll(report, data, impls);
    }

    /** ELKI's R*-tree, bulk-loaded by sort-tile-recursive (one-by-one insertion made DBSCAN 10x slower here). */
    static IndexFactory<?> rStarTree() {
        return new ELKIBuilder<>(RStarTreeFactory.class)
                .with(AbstractRStarTreeFactory.Par.BULK_SPLIT_ID, SortTileRecursiveBulkSplit.class).build();
    }

    static int[] tribuoHdbscan(MutableDataset<ClusterID> ds, int minClusterSize, int k, int threads) {
        HdbscanModel model = new HdbscanTrainer(minClusterSize, new L2Distance(), k, threads, NeighboursQueryFactoryType.KD_TREE).train(ds);
        List<Integer> l = model.getClusterLabels();
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i) == 0 ? -1 : l.get(i); // Tribuo's noise label is 0
        }
        return out;
    }

    static double[][] doubles(Data x) {
        return x.doublesCached();
    }

    /** Conversions to the peer's structures, done before the timing. */
    private static void prepare(Data x, Impl impl) {
        if (impl.name().startsWith("Tribuo")) {
            x.tribuoCached();
        } else if (!impl.name().startsWith("ClusterLab")) {
            x.doublesCached();
        }
    }

    private static Data fifth(Data data) {
        return Data.blobs(data.name + " warm-up", data.n / 5, data.d, 20, 10.0, 1.0, 0.05, SEED + 99);
    }

    private static void runAll(List<String> report, Data data, List<Impl> impls) throws Exception {
        impls.removeIf(i -> PeersBenchmark.skipped(i.name()));
        Data warm = fifth(data);
        double[] seconds = new double[impls.size()];
        int[] reps = new int[impls.size()];
        String[] notes = new String[impls.size()];
        int[] reference = null;
        for (int i = 0; i < impls.size(); i++) {
            Impl impl = impls.get(i);
            seconds[i] = Double.NaN;
            try {
                if (remaining() < 10) {
                    notes[i] = "skipped (time budget)";
                    continue;
                }
                prepare(warm, impl);
                impl.fit().run(warm);
                prepare(data, impl);
                int[][] labels = new int[1][];
                double[] t = PeersBenchmark.reps(() -> labels[0] = impl.fit().run(data));
                seconds[i] = median(t);
                reps[i] = t.length;
                if (reference == null) {
                    reference = labels[0];
                }
                notes[i] = PeersBenchmark.clusters(labels[0], -1)
                        + String.format(Locale.ROOT, " (ARI %.4f)", PeersBenchmark.ari(reference, labels[0]));
            } catch (Exception | Error e) {
                e.printStackTrace();
                notes[i] = "failed: " + e;
            }
            System.out.printf(Locale.ROOT, "   %-34s threads %-3s %s s (%d reps) %s%n", impl.name(), impl.threads(),
                    fmt(seconds[i]), reps[i], notes[i]);
        }
        for (int i = 0; i < impls.size(); i++) {
            boolean ours = impls.get(i).name().startsWith("ClusterLab");
            report.add(String.format(Locale.ROOT, "%-22s %-34s %-8s %8s %4d %8s %8s  %s", data.name, impls.get(i).name(),
                    impls.get(i).threads(), fmt(seconds[i]), reps[i], ours ? "" : ratio(seconds[0], seconds[i]),
                    ours ? "" : ratio(seconds[1], seconds[i]), notes[i]));
        }
    }
}
