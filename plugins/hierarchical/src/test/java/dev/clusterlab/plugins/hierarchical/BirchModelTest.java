package dev.clusterlab.plugins.hierarchical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Labels;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParameterException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The BIRCH model and the fit's invariants: predict is the nearest subcluster, also where the float
 * kernel cannot decide (data far from the origin); transform; the saved state round trip; thread
 * counts; consecutive labels when a subcluster is nobody's nearest; fewer subclusters than k;
 * partial fitting's preconditions; the typed parameters.
 */
class BirchModelTest {
    private final ExecutionContext context = BirchReferenceData.context(2);
    private final BirchAlgorithm birch = new BirchAlgorithm();

    /** Gaussian blobs around {@code offset}: {@code clusters} centres 4 apart in the first coordinate, sd 1. */
    private static Dataset blobs(int n, int d, int clusters, double offset, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double centre = j == 0 ? 4.0 * (i % clusters) : 0;
                x[i * d + j] = (float) (offset + centre + gaussian(rnd));
            }
        }
        return Dataset.of("blobs-" + seed, n, d, x, null, null);
    }

    private static Dataset uniform(int n, int d, double low, double high, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (low + (high - low) * rnd.nextDouble());
        }
        return Dataset.of("uniform-" + seed, n, d, x, null, null);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * rnd.nextDouble());
    }

    private static BirchModel model(ClusteringResult r) {
        return (BirchModel) r.model().orElseThrow();
    }

    /**
     * Checks every row's subcluster against a direct-difference scan in double: its distance is the
     * smallest up to rounding, and where the nearest is clear (a 1e-9 relative gap) it is that one.
     *
     * @return how many rows had a clear nearest
     */
    private static int checkNearest(BirchModel model, Dataset data, int[] nearest) {
        double[] c = model.subclusterCentroids();
        int m = model.subclusterCount();
        int d = data.d();
        int clear = 0;
        for (int i = 0; i < data.n(); i++) {
            double best = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            int arg = -1;
            double chosen = 0;
            for (int s = 0; s < m; s++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    double diff = data.data()[i * d + j] - c[s * d + j];
                    sum += diff * diff;
                }
                if (s == nearest[i]) {
                    chosen = sum;
                }
                if (sum < best) {
                    second = best;
                    best = sum;
                    arg = s;
                } else if (sum < second) {
                    second = sum;
                }
            }
            double scale = 1e-9 * (best + 1e-300);
            assertThat(chosen).as("row %d: distance to the chosen subcluster", i).isLessThanOrEqualTo(best + scale);
            if (second - best > scale) {
                assertThat(nearest[i]).as("row %d: the nearest subcluster", i).isEqualTo(arg);
                clear++;
            }
        }
        return clear;
    }

    @Test
    void predictGivesTheLabelOfTheNearestSubcluster() {
        Dataset train = blobs(3000, 3, 3, 0, 1);
        Dataset probes = uniform(2000, 3, -4, 12, 2);
        BirchModel model = model(birch.fit(train, new BirchParams(0.4, 10, 3), context));
        assertThat(model.subclusterCount()).isGreaterThan(50);
        int[] nearest = model.nearestSubclusters(probes, context);
        assertThat(checkNearest(model, probes, nearest)).isGreaterThan(1990);
        int[] labels = model.predict(probes, context);
        int[] subclusterLabels = model.subclusterLabels();
        for (int i = 0; i < probes.n(); i++) {
            assertThat(labels[i]).isEqualTo(subclusterLabels[nearest[i]]);
        }
        assertThat(labels).contains(0, 1, 2);
        assertThat(java.util.Arrays.stream(labels).allMatch(l -> l >= 0 && l < 3)).isTrue();
    }

    /** Far from the origin the float kernel's rounding exceeds the gaps between subclusters: the exact scan decides. */
    @Test
    void predictIsExactFarFromTheOrigin() {
        Dataset train = blobs(2000, 2, 2, 3000, 3);
        Dataset probes = uniform(1500, 2, 2996, 3008, 4);
        BirchModel model = model(birch.fit(train, new BirchParams(0.15, 8, 0), context));
        assertThat(model.subclusterCount()).isGreaterThan(200);
        int[] nearest = model.nearestSubclusters(probes, context);
        assertThat(checkNearest(model, probes, nearest)).isGreaterThan(1490);
        assertThat(model.nearestSubclusters(probes, BirchReferenceData.context(1))).isEqualTo(nearest);
    }

    @Test
    void transformGivesEuclideanDistancesToEverySubcluster() {
        Dataset train = blobs(500, 4, 2, 0, 5);
        Dataset probes = uniform(300, 4, -3, 7, 6);
        BirchModel model = model(birch.fit(train, new BirchParams(1.0, 20, 2), context));
        int m = model.subclusterCount();
        double[] c = model.subclusterCentroids();
        float[] t = model.transform(probes, context).orElseThrow();
        assertThat(t).hasSize(probes.n() * m);
        for (int i = 0; i < probes.n(); i++) {
            for (int s = 0; s < m; s++) {
                double sum = 0;
                for (int j = 0; j < 4; j++) {
                    double diff = probes.data()[i * 4 + j] - c[s * 4 + j];
                    sum += diff * diff;
                }
                assertThat((double) t[i * m + s]).isCloseTo(Math.sqrt(sum), org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.sqrt(sum))));
            }
        }
    }

    @Test
    void aRestoredModelPredictsAsTheFittedOne() {
        Dataset train = blobs(1500, 3, 3, 0, 7);
        Dataset probes = uniform(800, 3, -4, 12, 8);
        ClusteringResult r = birch.fit(train, new BirchParams(0.6, 12, 3), context);
        BirchModel model = model(r);
        Map<String, Object> state = model.state().orElseThrow();
        assertThat(state).containsEntry("format", "clusterlab.birch.model").containsEntry("algorithm", "birch")
                .containsEntry("d", 3).containsEntry("subclusters", model.subclusterCount())
                .containsEntry("threshold", 0.6).containsEntry("branching_factor", 12).containsEntry("k", 3);
        assertThat((List<?>) state.get("centroids")).hasSize(model.subclusterCount());
        assertThat((List<?>) state.get("labels")).hasSize(model.subclusterCount());

        ClusterModel restored = birch.restoreModel(state).orElseThrow();
        assertThat(restored.d()).isEqualTo(3);
        assertThat(restored.predict(train, context)).as("training labels").isEqualTo(r.labels());
        assertThat(restored.predict(probes, context)).isEqualTo(model.predict(probes, context));
        assertThat(restored.transform(probes, context).orElseThrow()).isEqualTo(model.transform(probes, context).orElseThrow());
        assertThat(restored.state().orElseThrow()).isEqualTo(state);
        assertThat(((BirchModel) restored).subclusterCentroids()).isEqualTo(model.subclusterCentroids());
        assertThat(((BirchModel) restored).hasTree()).isFalse();
        assertThat(model.hasTree()).isTrue();
        assertThatThrownBy(() -> birch.partialFit((BirchModel) restored, probes, context))
                .isInstanceOf(DataException.class).hasMessageContaining("restored");
    }

    @Test
    void aStateThatIsWrongIsRejectedNamingWhat() {
        Map<String, Object> good = model(birch.fit(blobs(200, 2, 2, 0, 9), new BirchParams(0.8, 2), context)).state().orElseThrow();
        Map<String, Object> wrongFormat = new HashMap<>(good);
        wrongFormat.put("format", "clusterlab.kmeans.model");
        assertThatThrownBy(() -> birch.restoreModel(wrongFormat)).isInstanceOf(DataException.class).hasMessageContaining("'format'");
        Map<String, Object> fewLabels = new HashMap<>(good);
        fewLabels.put("labels", List.of(0));
        assertThatThrownBy(() -> birch.restoreModel(fewLabels)).isInstanceOf(DataException.class).hasMessageContaining("'labels'");
        Map<String, Object> badLabel = new HashMap<>(good);
        List<Object> labels = new java.util.ArrayList<>((List<?>) good.get("labels"));
        labels.set(0, -1);
        badLabel.put("labels", labels);
        assertThatThrownBy(() -> birch.restoreModel(badLabel)).isInstanceOf(DataException.class).hasMessageContaining("entry 1");
        Map<String, Object> ragged = new HashMap<>(good);
        List<Object> rows = new java.util.ArrayList<>((List<?>) good.get("centroids"));
        rows.set(rows.size() - 1, List.of(1.0));
        ragged.put("centroids", rows);
        assertThatThrownBy(() -> birch.restoreModel(ragged)).isInstanceOf(DataException.class).hasMessageContaining("'centroids' row");
        Map<String, Object> badThreshold = new HashMap<>(good);
        badThreshold.put("threshold", -1.0);
        assertThatThrownBy(() -> birch.restoreModel(badThreshold)).isInstanceOf(DataException.class).hasMessageContaining("threshold");
    }

    @Test
    void labelsDoNotDependOnTheThreadCount() {
        Dataset data = blobs(12000, 3, 4, 0, 10);
        ClusteringResult one = birch.fit(data, new BirchParams(0.3, 25, 4), BirchReferenceData.context(1));
        ClusteringResult two = birch.fit(data, new BirchParams(0.3, 25, 4), BirchReferenceData.context(2));
        assertThat(model(one).subclusterCount()).isGreaterThan(100);
        assertThat(two.labels()).isEqualTo(one.labels());
        assertThat(model(two).subclusterLabels()).isEqualTo(model(one).subclusterLabels());
        assertThat(model(two).subclusterCentroids()).isEqualTo(model(one).subclusterCentroids());
    }

    /**
     * A subcluster's points may all lie nearer another centroid; its cluster then has no training point.
     * Labels must stay consecutive and equal predict on the training data, and the cluster keeps a
     * label after the used ones. Random small datasets, enough for several such cases.
     */
    @Test
    void labelsStayConsecutiveWhenASubclusterIsNobodysNearest() {
        int cases = 0;
        for (int t = 0; t < 1000; t++) {
            Dataset data = uniform(40, 2, 0, 1, 100 + t);
            ClusteringResult r = birch.fit(data, new BirchParams(0.12, 5, 0), context);
            BirchModel model = model(r);
            assertThat(Labels.checkContract(r.labels(), data.n())).as("dataset %d", t).isNull();
            assertThat(model.predict(data, context)).isEqualTo(r.labels());
            int used = r.clusterCount();
            int m = model.subclusterCount();
            assertThat(model.subclusterLabels()).as("k = 0: one label per subcluster").doesNotHaveDuplicates();
            assertThat(java.util.Arrays.stream(model.subclusterLabels()).allMatch(l -> l >= 0 && l < m)).isTrue();
            if (used < m) {
                cases++;
                for (int s = 0; s < m; s++) {
                    boolean nearestOfSome = false;
                    for (int l : r.labels()) {
                        nearestOfSome |= l == model.subclusterLabels()[s];
                    }
                    assertThat(nearestOfSome).isEqualTo(model.subclusterLabels()[s] < used);
                }
            }
        }
        assertThat(cases).as("datasets with a subcluster that is nobody's nearest").isGreaterThan(0);
    }

    @Test
    void fewerSubclustersThanKKeepsTheSubclustersAndSaysItDidNotConverge() {
        Dataset tiny = blobs(5, 2, 1, 0, 11);
        ClusteringResult r = birch.fit(tiny, new BirchParams(0.01, 50, 10), context);
        assertThat(r.converged()).isFalse();
        assertThat(model(r).subclusterCount()).isEqualTo(5);
        assertThat(r.clusterCount()).isEqualTo(5);
        ClusteringResult enough = birch.fit(tiny, new BirchParams(0.01, 50, 5), context);
        assertThat(enough.converged()).isTrue();
        assertThat(enough.clusterCount()).isEqualTo(5);
        assertThat(enough.iterations()).isEqualTo(1);
    }

    @Test
    void oneSubclusterAndOneClusterLabelsEveryPointZero() {
        Dataset data = blobs(50, 2, 1, 0, 16);
        ClusteringResult r = birch.fit(data, new BirchParams(100, 50, 1), context);
        assertThat(model(r).subclusterCount()).isEqualTo(1);
        assertThat(r.converged()).isTrue();
        assertThat(r.labels()).containsOnly(0);
    }

    @Test
    void partialFitChecksItsChunk() {
        BirchModel model = model(birch.fit(blobs(300, 3, 2, 0, 12), new BirchParams(0.5, 2), context));
        assertThatThrownBy(() -> birch.partialFit(model, blobs(10, 2, 1, 0, 13), context))
                .isInstanceOf(DataException.class).hasMessageContaining("3 features");
        assertThatThrownBy(() -> birch.partialFit(model, Dataset.of("none", 0, 3, new float[0], null, null), context))
                .isInstanceOf(DataException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> model.predict(blobs(10, 2, 1, 0, 14), context))
                .isInstanceOf(DataException.class).hasMessageContaining("3 features");
    }

    /** Inserting all rows at once or in two chunks builds the same CF-tree (as in scikit-learn). */
    @Test
    void partialFitInChunksBuildsTheTreeOfOneFit() {
        Dataset data = blobs(2500, 2, 3, 0, 15);
        BirchParams params = new BirchParams(0.35, 9, 3);
        ClusteringResult whole = birch.fit(data, params, context);
        ClusteringResult first = birch.fit(BirchReferenceData.rows(data, 0, 1000), params, context);
        ClusteringResult second = birch.partialFit(model(first), BirchReferenceData.rows(data, 1000, 2500), context);
        assertThat(model(second).subclusterCentroids()).isEqualTo(model(whole).subclusterCentroids());
        assertThat(model(second).subclusterLabels()).isEqualTo(model(whole).subclusterLabels());
        assertThat(model(second).predict(data, context)).isEqualTo(whole.labels());
    }

    @Test
    void typedParametersRoundTripAndAreChecked() {
        BirchParams p = new BirchParams(0.25, 7, 0);
        assertThat(p.algorithmId()).isEqualTo(birch.descriptor().id()).isEqualTo("birch");
        assertThat(List.copyOf(p.values().keySet())).isEqualTo(BirchParams.SPECS.stream().map(ParamSpec::name).toList());
        assertThat(BirchParams.from(ParamBinder.bind("birch", BirchParams.SPECS, p.values()))).isEqualTo(p);
        assertThat(BirchParams.from(ParamBinder.bind("birch", BirchParams.SPECS, Map.of())))
                .as("scikit-learn's defaults").isEqualTo(new BirchParams(0.5, 50, 3));
        assertThatThrownBy(() -> new BirchParams(0, 50, 3)).isInstanceOf(ParameterException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> new BirchParams(0.5, 1, 3)).isInstanceOf(ParameterException.class).hasMessageContaining("branching_factor");
        assertThatThrownBy(() -> new BirchParams(0.5, 50, -1)).isInstanceOf(ParameterException.class).hasMessageContaining("'k'");
        assertThat(birch.descriptor().aliases()).isEmpty();
    }
}
