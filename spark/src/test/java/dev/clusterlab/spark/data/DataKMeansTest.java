package dev.clusterlab.spark.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.Fit;
import dev.clusterlab.spark.SparkTestSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data-mode k-means against the local k-means plugin and against Spark MLlib, on the same rows and starting centres. */
class DataKMeansTest {
    private static final int K = 5;
    private static final Blobs BLOBS = new Blobs(20_000, 6, K, 11);
    private static final float[] START = BLOBS.rows(3, 1_001, 7_777, 12_345, 19_999);

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static PointTable table;

    @BeforeAll
    static void read() throws Exception {
        spark = SparkTestSession.get();
        Path csv = BLOBS.writeCsv(dir.resolve("blobs.csv"));
        // Small file splits: several partitions, so that partial sums are really combined.
        spark.conf().set("spark.sql.files.maxPartitionBytes", "200000");
        try {
            table = PointTable.of(new DataSource(csv.toString(), null, List.of(), List.of("id")).read(spark), "blobs");
        } finally {
            spark.conf().unset("spark.sql.files.maxPartitionBytes");
        }
    }

    @AfterAll
    static void release() {
        table.release();
    }

    @Test
    void readsEveryRowInInputOrderOverSeveralPartitions() {
        assertThat(table.blocks().getNumPartitions()).isGreaterThan(1);
        assertThat(table.n()).isEqualTo(BLOBS.n);
        assertThat(table.columns()).containsExactly("f0", "f1", "f2", "f3", "f4", "f5");
        List<PointBlock> blocks = new ArrayList<>(table.blocks().collect());
        blocks.sort(Comparator.comparingLong(b -> b.globalRow(table.offsets(), 0)));
        float[] all = new float[BLOBS.n * BLOBS.d];
        int at = 0;
        for (PointBlock b : blocks) {
            System.arraycopy(b.x(), 0, all, at, b.x().length);
            at += b.x().length;
        }
        assertThat(all).isEqualTo(BLOBS.x);
    }

    @Test
    void sameLabelsIterationsAndObjectiveAsTheLocalKMeansFromTheSameCentres() throws Exception {
        Path init = Blobs.writeCentres(dir.resolve("init.csv"), START, BLOBS.d);
        Fit local;
        try (ClusterLab lab = ClusterLab.builder().threads(2).build()) {
            Dataset data = Dataset.of("blobs", BLOBS.n, BLOBS.d, BLOBS.x, null, null);
            local = lab.fit("kmeans", data, Map.of("k", K, "init_centroids", init.toString(), "algorithm", "lloyd",
                    "max_iter", 100, "tol", 1e-4));
        }
        DataKMeans.Result ours = DataKMeans.fit(table, new DataKMeans.Settings(K, 100, 1e-4, 0, START), null);

        assertThat(ours.iterations()).isEqualTo(local.result().iterations());
        assertThat(ours.inertia()).isCloseTo(local.result().objective(), within(1e-6 * local.result().objective()));
        assertThat(labels(ours.centres())).isEqualTo(local.result().labels());
    }

    @Test
    void sameCentresAsMllibAfterEachIterationFromTheSameCentres() {
        int iterations = 4;
        List<float[]> ours = new ArrayList<>();
        DataKMeans.fit(table, new DataKMeans.Settings(K, iterations, 0, 0, START), (i, c) -> ours.add(c));
        JavaRDD<Vector> rows = table.blocks().flatMap(b -> {
            List<Vector> out = new ArrayList<>();
            for (int i = 0; i < b.n(); i++) {
                double[] v = new double[b.d()];
                for (int j = 0; j < b.d(); j++) {
                    v[j] = b.x()[i * b.d() + j];
                }
                out.add(Vectors.dense(v));
            }
            return out.iterator();
        }).cache();
        Vector[] start = new Vector[K];
        for (int c = 0; c < K; c++) {
            double[] v = new double[BLOBS.d];
            for (int j = 0; j < BLOBS.d; j++) {
                v[j] = START[c * BLOBS.d + j];
            }
            start[c] = Vectors.dense(v);
        }
        for (int it = 1; it <= Math.min(iterations, ours.size()); it++) {
            KMeansModel mllib = new KMeans().setK(K).setMaxIterations(it).setEpsilon(0).setInitialModel(new KMeansModel(start))
                    .run(rows.rdd());
            float[] mine = ours.get(it - 1);
            for (int c = 0; c < K; c++) {
                double[] theirs = mllib.clusterCenters()[c].toArray();
                for (int j = 0; j < BLOBS.d; j++) {
                    float m = mine[c * BLOBS.d + j];
                    // Our centres are the float nearest to the double mean: MLlib's mean, rounded.
                    assertThat((double) m).as("iteration %d, centre %d, coordinate %d", it, c, j)
                            .isCloseTo(theirs[j], within(2.0 * Math.ulp((float) theirs[j])));
                }
            }
        }
        rows.unpersist(false);
        assertThat(ours).hasSize(iterations);
    }

    @Test
    void kMeansParallelIsFixedByTheSeedAndFindsTheBlobs() {
        DataKMeans.Result a = DataKMeans.fit(table, new DataKMeans.Settings(K, 50, 1e-4, 42, null), null);
        DataKMeans.Result b = DataKMeans.fit(table, new DataKMeans.Settings(K, 50, 1e-4, 42, null), null);
        assertThat(b.centres()).isEqualTo(a.centres());
        assertThat(b.inertia()).isEqualTo(a.inertia());
        // Well separated blobs of variance 1.5^2 per coordinate: the inertia of the true partition is about n d 2.25.
        assertThat(a.inertia() / (BLOBS.n * BLOBS.d)).isLessThan(3.0);
    }

    private static int[] labels(float[] centres) {
        int[] out = new int[BLOBS.n];
        for (Passes.LabelledBlock b : Passes.labels(table, centres, K).collect()) {
            System.arraycopy(b.labels(), 0, out, (int) b.firstRow(), b.labels().length);
        }
        return out;
    }
}
