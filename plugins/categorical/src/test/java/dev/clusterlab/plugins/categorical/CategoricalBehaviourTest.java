package dev.clusterlab.plugins.categorical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.ArtifactTable;
import dev.clusterlab.api.artifact.Centroids;
import dev.clusterlab.api.artifact.TableArtifact;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.testkit.AdjustedRand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The edge cases of k-modes and k-prototypes: thread counts, planted-cluster recovery, predicting
 * with unseen or reordered levels, columns that changed kind, the saved state, few distinct rows,
 * {@code k > n}, bad training codes and the artifacts.
 */
class CategoricalBehaviourTest {

    private static ExecutionContext context(int threads, long seed) {
        return ExecutionContextFactory.load().create(threads, seed);
    }

    /** Planted categorical clusters: each value the cluster's level with probability {@code keep}, else uniform. */
    static Dataset planted(int n, int attributes, int levels, int k, double keep, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n * attributes];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = rnd.nextInt(k);
            for (int a = 0; a < attributes; a++) {
                int own = (truth[i] + a) % levels;
                x[i * attributes + a] = rnd.nextDouble() < keep ? own : rnd.nextInt(levels);
            }
        }
        Map<Integer, List<String>> lv = new LinkedHashMap<>();
        for (int a = 0; a < attributes; a++) {
            List<String> names = new ArrayList<>();
            for (int v = 0; v < levels; v++) {
                names.add("v" + v);
            }
            lv.put(a, names);
        }
        return Dataset.of("planted", n, attributes, x, null, truth).withCategorical(lv);
    }

    @Test
    void oneTwoAndThreeThreadsGiveTheSameResult() {
        Dataset cat = planted(5000, 10, 5, 6, 0.5, 3);
        Dataset mixed = ReferenceData.dataset("mixed5");
        for (InitMethod init : InitMethod.values()) {
            KModesParams kp = new KModesParams(6, init, 4, 100);
            ClusteringResult one = new KModesAlgorithm().fit(cat, kp, context(1, 9));
            for (int threads : new int[] {2, 3}) {
                ClusteringResult more = new KModesAlgorithm().fit(cat, kp, context(threads, 9));
                assertThat(more.labels()).as("kmodes %s, %d threads", init, threads).isEqualTo(one.labels());
                assertThat(Double.doubleToLongBits(more.objective())).isEqualTo(Double.doubleToLongBits(one.objective()));
                assertThat(more.iterations()).isEqualTo(one.iterations());
            }
            KPrototypesParams pp = new KPrototypesParams(4, 0, init, 4, 100);
            ClusteringResult p1 = new KPrototypesAlgorithm().fit(mixed, pp, context(1, 9));
            ClusteringResult p2 = new KPrototypesAlgorithm().fit(mixed, pp, context(2, 9));
            assertThat(p2.labels()).as("kprototypes %s", init).isEqualTo(p1.labels());
            assertThat(Double.doubleToLongBits(p2.objective())).isEqualTo(Double.doubleToLongBits(p1.objective()));
        }
    }

    @Test
    void caoIgnoresTheSeedAndNInit() {
        Dataset cat = ReferenceData.dataset("noisy");
        ClusteringResult a = new KModesAlgorithm().fit(cat, new KModesParams(3, InitMethod.CAO, 1, 100), context(1, 1));
        ClusteringResult b = new KModesAlgorithm().fit(cat, new KModesParams(3, InitMethod.CAO, 10, 100), context(1, 77));
        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(b.objective()).isEqualTo(a.objective());
    }

    @Test
    void recoversPlantedCategoricalClusters() {
        Dataset small = ReferenceData.dataset("planted");
        Dataset large = planted(3000, 10, 5, 5, 0.7, 21);
        for (InitMethod init : InitMethod.values()) {
            for (Dataset data : List.of(small, large)) {
                int k = data == small ? 4 : 5;
                ClusteringResult r = new KModesAlgorithm().fit(data, new KModesParams(k, init, 10, 100), context(2, 5));
                assertThat(AdjustedRand.of(data.truth().orElseThrow(), r.labels())).as("kmodes %s on %s", init, data.n())
                        .isGreaterThanOrEqualTo(0.95);
            }
            ClusteringResult r = new KPrototypesAlgorithm().fit(small, new KPrototypesParams(4, 0, init, 10, 100), context(2, 5));
            assertThat(AdjustedRand.of(small.truth().orElseThrow(), r.labels())).as("kprototypes %s, categorical only", init)
                    .isGreaterThanOrEqualTo(0.95);
        }
        Dataset mixed = ReferenceData.dataset("mixed");
        ClusteringResult r = new KPrototypesAlgorithm().fit(mixed, new KPrototypesParams(3), context(2, 5));
        assertThat(AdjustedRand.of(mixed.truth().orElseThrow(), r.labels())).as("kprototypes on mixed").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void kPrototypesWithoutNumericColumnsIsKModes() {
        Dataset data = ReferenceData.dataset("noisy");
        ClusteringResult modes = new KModesAlgorithm().fit(data, new KModesParams(3), context(1, 1));
        ClusteringResult protos = new KPrototypesAlgorithm().fit(data, new KPrototypesParams(3), context(1, 1));
        assertThat(protos.labels()).isEqualTo(modes.labels());
        assertThat(protos.objective()).isEqualTo(modes.objective());
    }

    @Test
    void anUnseenLevelMismatchesEveryModeAndNeverFails() {
        Dataset data = ReferenceData.dataset("planted");
        ClusteringResult r = new KModesAlgorithm().fit(data, new KModesParams(4), context(1, 1));
        CategoricalModel model = (CategoricalModel) r.model().orElseThrow();
        int d = data.d();
        float[] rows = new float[3 * d];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(data.data(), i * d, rows, i * d, d);
        }
        rows[0] = Dataset.UNSEEN_LEVEL;                    // row 1: unseen code
        List<String> extended = new ArrayList<>(data.levels(1));
        extended.add("purple1");
        rows[d + 1] = extended.size() - 1;                 // row 2: a level name the model never saw
        Map<Integer, List<String>> levels = new LinkedHashMap<>(data.categoricalLevels());
        levels.put(1, extended);
        Dataset probes = Dataset.of("probes", 3, d, rows, data.featureNames(), null).withCategorical(levels);
        int[] labels = model.predict(probes, context(2, 1));
        float[] dist = model.transform(probes, context(1, 1)).orElseThrow();
        double[] modes = model.prototypeCodes();
        for (int i = 0; i < 3; i++) {
            int best = -1;
            int bestCount = Integer.MAX_VALUE;
            for (int c = 0; c < model.clusterCount(); c++) {
                int count = 0;
                for (int j = 0; j < d; j++) {
                    boolean unknown = (i == 0 && j == 0) || (i == 1 && j == 1);
                    count += unknown || rows[i * d + j] != modes[c * d + j] ? 1 : 0;
                }
                assertThat(dist[i * model.clusterCount() + c]).as("row %d, cluster %d", i, c).isEqualTo(count);
                if (count < bestCount) {
                    bestCount = count;
                    best = c;
                }
            }
            assertThat(labels[i]).as("row %d", i).isEqualTo(best);
        }
    }

    @Test
    void predictMatchesLevelsByNameNotByCode() {
        Dataset data = ReferenceData.dataset("mixed");
        ClusteringResult r = new KPrototypesAlgorithm().fit(data, new KPrototypesParams(3), context(1, 1));
        CategoricalModel model = (CategoricalModel) r.model().orElseThrow();
        // The same rows with every categorical column's levels listed in reverse order.
        int d = data.d();
        float[] x = data.data().clone();
        Map<Integer, List<String>> reversed = new LinkedHashMap<>();
        for (int j : data.categoricalColumns()) {
            List<String> lv = new ArrayList<>(data.levels(j));
            java.util.Collections.reverse(lv);
            reversed.put(j, lv);
            for (int i = 0; i < data.n(); i++) {
                x[i * d + j] = lv.size() - 1 - x[i * d + j];
            }
        }
        Dataset recoded = Dataset.of("recoded", data.n(), d, x, data.featureNames(), null).withCategorical(reversed);
        assertThat(model.predict(recoded, context(2, 1))).isEqualTo(r.labels());
    }

    @Test
    void aColumnThatChangedKindIsAClearError() {
        Dataset data = ReferenceData.dataset("mixed");
        CategoricalModel model = (CategoricalModel) new KPrototypesAlgorithm().fit(data, new KPrototypesParams(3), context(1, 1))
                .model().orElseThrow();
        Dataset plain = Dataset.of("plain", data.n(), data.d(), data.data(), data.featureNames(), null);
        assertThatThrownBy(() -> model.predict(plain, context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("column 3 ('c1') was categorical")
                .hasMessageContaining("numeric in the dataset 'plain'");
        Map<Integer, List<String>> all = new LinkedHashMap<>(data.categoricalLevels());
        all.put(0, List.of("a", "b"));
        float[] x = data.data().clone();
        for (int i = 0; i < data.n(); i++) {
            x[i * data.d()] = i % 2;
        }
        Dataset categorical = Dataset.of("cat", data.n(), data.d(), x, data.featureNames(), null).withCategorical(all);
        assertThatThrownBy(() -> model.predict(categorical, context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("column 1 ('x1') was numeric");
        assertThatThrownBy(() -> model.predict(Dataset.of("narrow", new float[][] {{1f, 2f}}), context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("fitted on 5 columns");
    }

    @Test
    void theSavedStateRestoresTheSameModel() {
        for (String name : List.of("mixed", "survey")) {
            Dataset data = ReferenceData.dataset(name);
            ClusteringResult r = name.equals("mixed")
                    ? new KPrototypesAlgorithm().fit(data, new KPrototypesParams(3), context(1, 1))
                    : new KModesAlgorithm().fit(data, new KModesParams(3), context(1, 1));
            CategoricalModel model = (CategoricalModel) r.model().orElseThrow();
            Map<String, Object> state = model.state().orElseThrow();
            CategoricalModel back = (CategoricalModel) (name.equals("mixed") ? new KPrototypesAlgorithm() : new KModesAlgorithm())
                    .restoreModel(state).orElseThrow();
            assertThat(back.predict(data, context(2, 1))).isEqualTo(r.labels());
            assertThat(back.prototypeCodes()).isEqualTo(model.prototypeCodes());
            assertThat(back.gamma()).isEqualTo(model.gamma());
            assertThat(back.state().orElseThrow()).isEqualTo(state);
            assertThat(model.prototype(0)).hasSize(data.d());
        }
        Map<String, Object> state = new LinkedHashMap<>(((CategoricalModel) new KModesAlgorithm()
                .fit(ReferenceData.dataset("planted"), new KModesParams(4), context(1, 1)).model().orElseThrow()).state().orElseThrow());
        assertThatThrownBy(() -> new KPrototypesAlgorithm().restoreModel(state))
                .isInstanceOf(DataException.class).hasMessageContaining("'algorithm' must be \"kprototypes\"");
        state.put("prototypes", List.of(List.of("nope")));
        assertThatThrownBy(() -> new KModesAlgorithm().restoreModel(state))
                .isInstanceOf(DataException.class).hasMessageContaining("'prototypes' row 1 must be a list of 8 entries");
    }

    @Test
    void noMoreDistinctRowsThanKGivesOneClusterPerDistinctRow() {
        float[][] rows = new float[12][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[] {i % 3, (i % 3) * 2};
        }
        Dataset data = Dataset.of("three", rows).withCategorical(Map.of(0, List.of("a", "b", "c")));
        for (int k : new int[] {3, 5, 12}) {
            ClusteringResult r = new KModesAlgorithm().fit(data, new KModesParams(k), context(1, 1));
            assertThat(r.clusterCount()).isEqualTo(3);
            assertThat(r.labels()).startsWith(0, 1, 2, 0, 1, 2);
            assertThat(r.objective()).isZero();
            assertThat(r.converged()).isTrue();
            assertThat(r.iterations()).isZero();
            ClusteringResult p = new KPrototypesAlgorithm().fit(data, new KPrototypesParams(k), context(1, 1));
            assertThat(p.labels()).isEqualTo(r.labels());
        }
        assertThatThrownBy(() -> new KModesAlgorithm().fit(data, new KModesParams(13), context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("k=13")
                .hasMessageContaining("only 12 points");
    }

    @Test
    void trainingRowsMustHaveKnownLevels() {
        Dataset data = Dataset.of("bad", new float[][] {{0f, 1f}, {-1f, 2f}}).withCategorical(Map.of(0, List.of("a", "b")));
        assertThatThrownBy(() -> new KModesAlgorithm().fit(data, new KModesParams(1), context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("row 2, column 1")
                .hasMessageContaining("unseen level");
    }

    @Test
    void resultsCarryThePrototypesTableAndCentroids() {
        Dataset data = ReferenceData.dataset("mixed");
        ClusteringResult r = new KPrototypesAlgorithm().fit(data, new KPrototypesParams(3), context(1, 1));
        ArtifactTable t = ((TableArtifact) r.artifacts().get("prototypes")).table();
        assertThat(t.names()).containsExactly("cluster", "size", "x1", "x2", "c1", "c2", "c3");
        assertThat(t.columns().get(4)).isInstanceOf(ArtifactTable.Ints.class);
        assertThat(java.util.Arrays.stream(t.ints("size")).sum()).isEqualTo(data.n());
        Centroids c = r.first(Centroids.class).orElseThrow();
        assertThat(c.k()).isEqualTo(3);
        assertThat(c.d()).isEqualTo(5);
        CategoricalModel model = (CategoricalModel) r.model().orElseThrow();
        assertThat(model.prototype(0).get(2)).isInstanceOf(String.class).isIn(data.levels(2));
        assertThat(r.iterationStats()).hasSize(r.iterations() + 1);
    }

    @Test
    void parametersAreChecked() {
        assertThatThrownBy(() -> new KPrototypesParams(3, -1, InitMethod.CAO, 10, 100))
                .isInstanceOf(ParameterException.class).hasMessageContaining("'gamma'");
        assertThatThrownBy(() -> ParamBinder.bind("kmodes", KModesParams.SPECS, Map.of("init", "kmeans++")))
                .isInstanceOf(ParameterException.class).hasMessageContaining("cao, huang, random");
        assertThat(KPrototypesParams.from(ParamBinder.bind("kprototypes", KPrototypesParams.SPECS, Map.of())))
                .isEqualTo(new KPrototypesParams(8));
        assertThat(new KPrototypesParams(8).values()).containsEntry("gamma", 0.0).containsEntry("init", "cao");
    }
}
