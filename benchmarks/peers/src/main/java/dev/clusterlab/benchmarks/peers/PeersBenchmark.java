package dev.clusterlab.benchmarks.peers;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.plugins.density.DbscanAlgorithm;
import dev.clusterlab.plugins.density.HdbscanAlgorithm;
import dev.clusterlab.plugins.kmeans.KMeansAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ClusterLab and its JVM peers (ELKI 0.8, Smile 6.3, Tribuo 4.3, Commons Math 3.6) on the same seeded data in one JVM.
 * Not JMH: each measurement is a warm-up run, then the median of 3 timed runs (1 when a single run takes over
 * 15 s). k-means is reported per Lloyd iteration, (median T(max_iter=20) - median T(max_iter=1)) / 19, so
 * initialisation and setup cancel out.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Xmx8g -jar peers.jar [budget-seconds] [sections]}
 * where sections is a comma list of kmeans, density, check, kmedoids (default all).
 */
public final class PeersBenchmark {

    static final long SEED = 42;
    static final double SKIP_SECONDS = 60;
    static final double ONE_REP_SECONDS = 15;

    static long deadlineNanos;
    static final List<String> report = new ArrayList<>();
    static final Map<Integer, ExecutionContext> contexts = new HashMap<>();

    private PeersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double budget = args.length > 0 ? Double.parseDouble(args[0]) : 900;
        String sections = args.length > 1 ? args[1] : "kmeans,density,check,kmedoids";
        deadlineNanos = System.nanoTime() + (long) (budget * 1e9);
        System.out.printf(Locale.ROOT, "JVM %s, %d processors, max heap %d MB, budget %.0f s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, budget);
        long start = System.nanoTime();
        if (sections.contains("check")) {
            HdbscanCheck.run(report);
        }
        if (sections.contains("density")) {
            DensityPeers.run(report);
        }
        if (sections.contains("kmeans")) {
            KMeansPeers.run(report);
        }
        if (sections.contains("kmedoids")) {
            KMedoidsPeers.run(report);
        }
        System.out.println();
        System.out.println("================ RESULTS ================");
        report.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "Total %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** -Dpeers.skip=prefix1,prefix2 leaves out implementations whose name starts with one of the prefixes (spaces ignored). */
    static boolean skipped(String implementation) {
        for (String prefix : System.getProperty("peers.skip", "").split(",")) {
            if (!prefix.isBlank() && implementation.replace(" ", "").startsWith(prefix.replace(" ", ""))) {
                return true;
            }
        }
        return false;
    }

    static double remaining() {
        return (deadlineNanos - System.nanoTime()) / 1e9;
    }

    static ExecutionContext context(int threads) {
        return contexts.computeIfAbsent(threads, t -> ExecutionContextFactory.load().create(t, SEED));
    }

    static Dataset dataset(Data data) {
        return Dataset.of(data.name, data.n, data.d, data.rows, featureNames(data.d), null);
    }

    static List<String> featureNames(int d) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add(String.format(Locale.ROOT, "f%03d", j));
        }
        return names;
    }

    static ClusteringResult fitClusterLab(ClusteringAlgorithm algorithm, Dataset data, Map<String, ?> raw, int threads) {
        Params params = ParamBinder.bind(algorithm.descriptor().id(), algorithm.descriptor().params(), raw);
        return algorithm.fit(data, params, context(threads));
    }

    static KMeansAlgorithm kmeans() {
        return new KMeansAlgorithm();
    }

    static DbscanAlgorithm dbscan() {
        return new DbscanAlgorithm();
    }

    static HdbscanAlgorithm hdbscan() {
        return new HdbscanAlgorithm();
    }

    /** One timed call; returns seconds. */
    interface Timed {
        void run() throws Exception;
    }

    static double time(Timed t) throws Exception {
        System.gc();
        long t0 = System.nanoTime();
        t.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int m = s.length;
        return m % 2 == 1 ? s[m / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
    }

    /** Timed runs after the caller's warm-up: 3, or 1 when the first is over ONE_REP_SECONDS or time is short. */
    static double[] reps(Timed t) throws Exception {
        double first = time(t);
        if (first > ONE_REP_SECONDS || remaining() < 2.5 * first) {
            return new double[] {first};
        }
        return new double[] {first, time(t), time(t)};
    }

    static String fmt(double seconds) {
        if (Double.isNaN(seconds)) {
            return "-";
        }
        if (seconds >= 10) {
            return String.format(Locale.ROOT, "%.1f", seconds);
        }
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.2f", seconds);
        }
        if (seconds >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", seconds);
        }
        return String.format(Locale.ROOT, "%.4f", seconds);
    }

    static String ratio(double ours, double theirs) {
        if (Double.isNaN(ours) || Double.isNaN(theirs) || theirs <= 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f", ours / theirs);
    }

    /** Adjusted Rand index; every label value (noise included) is one class. */
    static double ari(int[] a, int[] b) {
        int n = a.length;
        Map<Long, long[]> pairs = new HashMap<>();
        Map<Integer, long[]> ra = new HashMap<>();
        Map<Integer, long[]> rb = new HashMap<>();
        for (int i = 0; i < n; i++) {
            pairs.computeIfAbsent(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), x -> new long[1])[0]++;
            ra.computeIfAbsent(a[i], x -> new long[1])[0]++;
            rb.computeIfAbsent(b[i], x -> new long[1])[0]++;
        }
        double index = 0;
        for (long[] c : pairs.values()) {
            index += c[0] * (c[0] - 1) / 2.0;
        }
        double sa = 0;
        for (long[] c : ra.values()) {
            sa += c[0] * (c[0] - 1) / 2.0;
        }
        double sb = 0;
        for (long[] c : rb.values()) {
            sb += c[0] * (c[0] - 1) / 2.0;
        }
        double total = n * (n - 1.0) / 2.0;
        double expected = sa * sb / total;
        double max = (sa + sb) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    static String clusters(int[] labels, int noiseLabel) {
        Map<Integer, Integer> sizes = new LinkedHashMap<>();
        int noise = 0;
        for (int l : labels) {
            if (l == noiseLabel) {
                noise++;
            } else {
                sizes.merge(l, 1, Integer::sum);
            }
        }
        return sizes.size() + " clusters, " + noise + " noise";
    }
}
