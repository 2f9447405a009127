package dev.clusterlab.host.report;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.host.output.Comparison;
import dev.clusterlab.host.output.RunRecord;
import dev.clusterlab.host.output.RunStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A synthetic experiment for the report tests: a 3-D blob dataset larger than the scatter's point cap
 * (so PCA and sub-sampling are exercised), a k sweep with three seeds, a noise-producing algorithm, a
 * failed run, and hostile names everywhere a name can come from data.
 */
final class ReportFixture {
    /** Runs script if it ever becomes markup: appends an element the browser test looks for. */
    static final String CANARY_SCRIPT = "<script>document.body.appendChild(document.createElement('pwned-canary'))</script>";
    /** The same through an event handler, which fires without user action when injected. */
    static final String CANARY_IMG = "<img src=x onerror=\"document.body.appendChild(document.createElement('pwned-canary'))\">";
    /** Breaks out of a double-quoted attribute if it is not escaped. */
    static final String CANARY_ATTR = "\"onmouseover=alert(1) x=\"><svg onload=document.body.appendChild(document.createElement('pwned-canary'))>";
    static final String EVIL_DATASET = "<script>alert(1)</script>";
    static final String EVIL_ALGORITHM = "k<b>means</b> " + CANARY_SCRIPT;
    static final String BLOBS = "blobs 3-D";
    static final int BLOB_N = 6000;

    final Map<String, int[]> labels = new HashMap<>();
    final Map<String, Dataset> datasets = new LinkedHashMap<>();
    final List<RunRecord> records = new ArrayList<>();

    ReportFixture() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] centres = {{0, 0, 0}, {6, 1, 2}, {1, 7, -3}};
        float[] blobs = new float[BLOB_N * 3];
        int[] truth = new int[BLOB_N];
        for (int i = 0; i < BLOB_N; i++) {
            truth[i] = i % 3;
            for (int j = 0; j < 3; j++) {
                blobs[i * 3 + j] = (float) (centres[truth[i]][j] + rnd.nextGaussian());
            }
        }
        datasets.put(BLOBS, Dataset.of(BLOBS, BLOB_N, 3, blobs, List.of("x", "y", "z"), truth));
        float[] evil = new float[200 * 2];
        for (int i = 0; i < 200; i++) {
            evil[i * 2] = (float) (i % 2 * 5 + rnd.nextGaussian());
            evil[i * 2 + 1] = (float) rnd.nextGaussian();
        }
        datasets.put(EVIL_DATASET, Dataset.of(EVIL_DATASET, 200, 2, evil, List.of(CANARY_ATTR, CANARY_IMG), null));

        double[] silhouette = {0.55, 0.71, 0.52, 0.44};
        double[] inertia = {9000, 3000, 2600, 2300};
        for (int k = 2; k <= 5; k++) {
            for (int seed = 0; seed < 3; seed++) {
                int[] l = new int[BLOB_N];
                for (int i = 0; i < BLOB_N; i++) {
                    l[i] = k == 2 ? Math.min(truth[i], 1) : (truth[i] + (i % 7 == 0 ? k - 3 : 0)) % k;
                }
                add(BLOBS, "kmeans", "kmeans", Map.of("k", k), seed, l, 0.01 * k + 0.002 * seed,
                        inertia[k - 2] * (1 + 0.01 * seed), Map.of("silhouette", silhouette[k - 2] + 0.01 * seed,
                                "ari", 0.5 + 0.1 * k - 0.02 * seed));
            }
        }
        int[] noisy = new int[BLOB_N];
        for (int i = 0; i < BLOB_N; i++) {
            noisy[i] = i % 10 == 0 ? -1 : truth[i];
        }
        add(BLOBS, "dbscan", "dbscan", Map.of("eps", 0.5), 0, noisy, 0.2, Double.NaN, Map.of("silhouette", 0.6, "ari", 0.8));
        records.add(new RunRecord("blobs-dbscan-failed", BLOBS, "dbscan", "dbscan", Map.of("eps", 0.01), 0, 0, RunStatus.FAILED,
                "out of memory " + CANARY_IMG, Double.NaN, 0, 0, 0, Double.NaN, Map.of()));

        for (int seed = 0; seed < 2; seed++) {
            int[] l = new int[200];
            for (int i = 0; i < 200; i++) {
                l[i] = i % 2;
            }
            add(EVIL_DATASET, EVIL_ALGORITHM, "kmeans", Map.of("init", CANARY_ATTR), seed, l, 0.003, 40, Map.of("silhouette", 0.8));
        }
    }

    private void add(String ds, String alg, String algId, Map<String, Object> params, int seed, int[] l, double seconds,
                     double objective, Map<String, Double> metrics) {
        String id = ds.hashCode() + "-" + alg.hashCode() + "-" + params.hashCode() + "-" + seed;
        labels.put(id, l);
        int clusters = (int) java.util.Arrays.stream(l).filter(x -> x >= 0).distinct().count();
        int noise = (int) java.util.Arrays.stream(l).filter(x -> x < 0).count();
        records.add(new RunRecord(id, ds, alg, algId, params, seed, seed, RunStatus.OK, "", seconds, clusters, noise, 10, objective,
                metrics));
    }

    Report report() {
        Comparison c = Comparison.of(records, List.of("silhouette", "ari"), "silhouette", true);
        return new Report("experiment " + CANARY_SCRIPT, c, datasets, (run, n) -> labels.get(run.runId()), ReportFixture::algorithm,
                ReportFixture::metric);
    }

    static Optional<AlgorithmDescriptor> algorithm(String id) {
        return switch (id) {
            case "kmeans" -> Optional.of(new AlgorithmDescriptor("kmeans", List.of(), "k-means (Lloyd)", "1.0",
                    "Assigns points to the nearest of k centres. " + CANARY_IMG, List.of(),
                    List.of(new Citation("Lloyd, S. P.", "Least squares quantization in PCM", "IEEE Trans. Inf. Theory", 1982,
                            "10.1109/TIT.1982.1056489"))));
            case "dbscan" -> Optional.of(new AlgorithmDescriptor("dbscan", List.of(), "DBSCAN", "1.0", "Density-based.", List.of(),
                    List.of(new Citation("Ester, M. et al.", "A density-based algorithm " + CANARY_SCRIPT, "KDD", 1996,
                            "10.1002/(SICI)1097-4571<693::AID>\"onclick=alert(1)"))));
            default -> Optional.empty();
        };
    }

    static Optional<MetricDescriptor> metric(String id) {
        return switch (id) {
            case "silhouette" -> Optional.of(new MetricDescriptor("silhouette", List.of(), "Silhouette", "In [-1, 1].", false, true,
                    List.of(new Citation("Rousseeuw, P. J.", "Silhouettes", "J. Comput. Appl. Math.", 1987, "10.1016/0377-0427(87)90125-7"))));
            case "ari" -> Optional.of(new MetricDescriptor("ari", List.of(), "Adjusted Rand index", "In [-0.5, 1].", true, true,
                    List.of()));
            default -> Optional.empty();
        };
    }
}
