package dev.clusterlab.spark.bench;

import dev.clusterlab.spark.SparkSessions;
import dev.clusterlab.spark.data.DataKMeans;
import dev.clusterlab.spark.data.PointTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Hypothesis: Lloyd's iteration of data-mode k-means (the engine's fused SIMD assign-and-accumulate kernel
 * on float blocks) is at least 3x faster than MLlib's KMeans (per-point double distance loop) on the same
 * data, in one Spark session. Not a test: run by benchmarks/spark-vs-mllib.sh.
 *
 * <p>Data: n x d Gaussian blobs (64 centres, overlapping) generated in a cached DataFrame of float columns;
 * ours reads it into its cached float blocks, MLlib gets the same rows as a cached RDD of dense vectors
 * (what its ml.KMeans converts a DataFrame to; only the RDD API takes initial centres). Both start from
 * the same k rows, tolerance 0. Seconds per iteration = (T(maxIter) - T(1)) / (maxIter - 1), the best of
 * {@code repeats}, which removes the start-up (initial model, caching, final cost) from both. The last
 * line is {@code ratio=X}: MLlib's seconds per iteration over ours.
 */
public final class SparkVsMllib {
    private SparkVsMllib() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(arg(args, 0, "1000000"));
        int d = Integer.parseInt(arg(args, 1, "32"));
        int k = Integer.parseInt(arg(args, 2, "64"));
        int iterations = Integer.parseInt(arg(args, 3, "20"));
        int repeats = Integer.parseInt(arg(args, 4, "2"));
        String master = arg(args, 5, "local[2]");
        SparkSession spark = SparkSessions.open(master);
        spark.sparkContext().setLogLevel("WARN");
        int partitions = spark.sparkContext().defaultParallelism() * 2;
        Dataset<Row> df = blobs(spark, n, d, partitions).persist(StorageLevel.MEMORY_ONLY());
        df.count();
        PointTable ours = PointTable.of(df, "blobs");
        JavaRDD<Vector> theirs = df.javaRDD().map(r -> {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = r.getFloat(j);
            }
            return Vectors.dense(v);
        }).persist(StorageLevel.MEMORY_ONLY());
        theirs.count();
        float[] start = new float[k * d];
        List<Row> first = df.limit(k).collectAsList();
        Vector[] startVectors = new Vector[k];
        for (int c = 0; c < k; c++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                start[c * d + j] = first.get(c).getFloat(j);
                v[j] = start[c * d + j];
            }
            startVectors[c] = Vectors.dense(v);
        }
        System.out.printf(Locale.ROOT, "k-means %,d x %d, k=%d, %d Lloyd iterations, %s, %d partitions, %s kernels%n", n, d, k, iterations, master,
                partitions, dev.clusterlab.host.ClusterLab.builder().classpath(false).threads(1).build().kernels().description());
        // Warm-up, untimed: class loading, the JIT, the kernels' session in each executor.
        DataKMeans.fit(ours, new DataKMeans.Settings(k, 3, 0, 0, start), null);
        mllib(theirs, k, 3, startVectors);
        double oursPerIter = Double.POSITIVE_INFINITY;
        double theirsPerIter = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            double o1 = time(() -> DataKMeans.fit(ours, new DataKMeans.Settings(k, 1, 0, 0, start), null));
            double oN = time(() -> DataKMeans.fit(ours, new DataKMeans.Settings(k, iterations, 0, 0, start), null));
            double m1 = time(() -> mllib(theirs, k, 1, startVectors));
            double mN = time(() -> mllib(theirs, k, iterations, startVectors));
            System.out.printf(Locale.ROOT, "round %d: clusterlab T(1)=%.3f s T(%d)=%.3f s; mllib T(1)=%.3f s T(%d)=%.3f s%n", r + 1, o1, iterations,
                    oN, m1, iterations, mN);
            oursPerIter = Math.min(oursPerIter, (oN - o1) / (iterations - 1));
            theirsPerIter = Math.min(theirsPerIter, (mN - m1) / (iterations - 1));
        }
        System.out.printf(Locale.ROOT, "clusterlab_s_per_iter=%.4f%n", oursPerIter);
        System.out.printf(Locale.ROOT, "mllib_s_per_iter=%.4f%n", theirsPerIter);
        spark.stop();
        System.out.printf(Locale.ROOT, "ratio=%.2f%n", theirsPerIter / oursPerIter);
    }

    private static void mllib(JavaRDD<Vector> rows, int k, int iterations, Vector[] start) {
        KMeansModel m = new KMeans().setK(k).setMaxIterations(iterations).setEpsilon(0).setInitialModel(new KMeansModel(start)).run(rows.rdd());
        if (m.clusterCenters().length != k) {
            throw new IllegalStateException("MLlib returned " + m.clusterCenters().length + " centres");
        }
    }

    private static double time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e9;
    }

    /** Seeded blobs: 64 centres in [-10, 10]^d, unit-variance noise, each partition its own seeded generator. */
    static Dataset<Row> blobs(SparkSession spark, int n, int d, int partitions) {
        StructType schema = new StructType();
        for (int j = 0; j < d; j++) {
            schema = schema.add("f" + j, DataTypes.FloatType, false);
        }
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(IntStream.range(0, partitions).boxed().toList(), partitions)
                .mapPartitions((Iterator<Integer> ps) -> {
                    List<Row> out = new ArrayList<>();
                    SplittableRandom centres = new SplittableRandom(12345);
                    double[] c = new double[64 * d];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = centres.nextDouble() * 20 - 10;
                    }
                    while (ps.hasNext()) {
                        int p = ps.next();
                        SplittableRandom r = new SplittableRandom(1000 + p);
                        long from = (long) n * p / partitions;
                        long to = (long) n * (p + 1) / partitions;
                        for (long i = from; i < to; i++) {
                            int b = r.nextInt(64);
                            Object[] v = new Object[d];
                            for (int j = 0; j < d; j++) {
                                double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
                                v[j] = (float) (c[b * d + j] + 4 * g);
                            }
                            out.add(RowFactory.create(v));
                        }
                    }
                    return out.iterator();
                });
        return spark.createDataFrame(rows, schema);
    }

    private static String arg(String[] args, int i, String otherwise) {
        return args.length > i ? args[i] : otherwise;
    }
}
