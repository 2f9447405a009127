package dev.clusterlab.plugins.hierarchical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Labels;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.testkit.AdjustedRand;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BIRCH against scikit-learn 1.2.1's {@code Birch} on the committed datasets
 * ({@code scripts/reference/birch_reference.py}): 2-d and 5-d blobs and blobs of varied spread; with a
 * global step ({@code k > 0}) and without ({@code k = 0}); thresholds from 0.15 (hundreds of
 * subclusters) to 6 (fewer subclusters than k: scikit-learn's ConvergenceWarning); branching factors
 * 5, 6, 8 and 10 (many node splits, trees of several levels) and 50. Each run must give scikit-learn's
 * subclusters (as many, in the same order, centroids within 1e-5 relative), its subcluster labels, its
 * {@code labels_} and its {@code predict} on new points, as the same partition up to renaming (one
 * renaming for all three), with 1 and 2 threads; and the {@code partial_fit} runs the same after each
 * of two chunks.
 */
class BirchReferenceTest {
    /** Relative tolerance of a centroid coordinate, against the largest coordinate of the dataset's centroids. */
    private static final double CENTROID_TOLERANCE = 1e-5;

    static List<BirchReferenceData.Run> fits() {
        return BirchReferenceData.runs(false);
    }

    static List<BirchReferenceData.Run> partialFits() {
        return BirchReferenceData.runs(true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fits")
    void fitMatchesScikitLearn(BirchReferenceData.Run run) {
        Dataset data = BirchReferenceData.dataset(run.dataset(), false);
        BirchAlgorithm birch = new BirchAlgorithm();
        ClusteringResult one = birch.fit(data, ParamBinder.bind(BirchAlgorithm.ID, BirchParams.SPECS, run.bindable()),
                BirchReferenceData.context(1));
        ClusteringResult two = birch.fit(data, run.typed(), BirchReferenceData.context(2));
        assertThat(two.labels()).as("labels with 2 threads").isEqualTo(one.labels());
        assertThat(((BirchModel) two.model().orElseThrow()).subclusterLabels())
                .isEqualTo(((BirchModel) one.model().orElseThrow()).subclusterLabels());

        assertThat(run.subclusters()).as("the script's count").isEqualTo(
                BirchReferenceData.subclusters(run.run() + ".subclusters.csv").count());
        assertThat(one.converged()).as("converged is false exactly when scikit-learn warns").isEqualTo(!run.warned());
        checkAgainst(run.run(), one, data, BirchReferenceData.context(1));
        // Predict on new points as scikit-learn's, with the same renaming as the training labels.
        Dataset probes = BirchReferenceData.dataset(run.dataset(), true);
        BirchModel model = (BirchModel) one.model().orElseThrow();
        int[] sklearnPredict = BirchReferenceData.labels(run.run() + ".predict.csv");
        assertThat(BirchReferenceData.renamingMismatch(
                BirchReferenceData.concat(BirchReferenceData.labels(run.run() + ".labels.csv"), sklearnPredict),
                BirchReferenceData.concat(one.labels(), model.predict(probes, BirchReferenceData.context(2)))))
                .as("labels_ and predict(probes), one renaming").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partialFits")
    void partialFitMatchesScikitLearnAfterEachChunk(BirchReferenceData.Run run) {
        Dataset data = BirchReferenceData.dataset(run.dataset(), false);
        Dataset first = BirchReferenceData.rows(data, 0, run.partial());
        Dataset second = BirchReferenceData.rows(data, run.partial(), data.n());
        ExecutionContext context = BirchReferenceData.context(2);
        BirchAlgorithm birch = new BirchAlgorithm();

        ClusteringResult r1 = birch.fit(first, run.typed(), context);
        checkAgainst(run.run() + ".chunk1", r1, first, context);
        BirchModel model1 = (BirchModel) r1.model().orElseThrow();
        int[] subclusterLabelsBefore = model1.subclusterLabels();
        int before = model1.subclusterCount();

        ClusteringResult r2 = birch.partialFit(model1, second, context);
        assertThat(r2.labels()).as("labels of the second chunk only, as scikit-learn's labels_").hasSize(second.n());
        checkAgainst(run.run(), r2, second, context);
        assertThat(((BirchModel) r2.model().orElseThrow()).subclusterCount()).isEqualTo(run.subclusters()).isGreaterThan(before);
        assertThat(model1.subclusterCount()).as("the first model is left as it was").isEqualTo(before);
        assertThat(model1.subclusterLabels()).isEqualTo(subclusterLabelsBefore);
        assertThat(model1.predict(first, context)).isEqualTo(r1.labels());

        Dataset probes = BirchReferenceData.dataset(run.dataset(), true);
        assertThat(BirchReferenceData.renamingMismatch(
                BirchReferenceData.concat(BirchReferenceData.labels(run.run() + ".labels.csv"),
                        BirchReferenceData.labels(run.run() + ".predict.csv")),
                BirchReferenceData.concat(r2.labels(), r2.model().orElseThrow().predict(probes, context))))
                .as("labels_ and predict(probes) after partial_fit, one renaming").isNull();
    }

    /** Subclusters, subcluster labels and data labels of {@code r} against the files {@code <prefix>.*.csv}. */
    private static void checkAgainst(String prefix, ClusteringResult r, Dataset data, ExecutionContext context) {
        BirchReferenceData.Subclusters expected = BirchReferenceData.subclusters(prefix + ".subclusters.csv");
        BirchModel model = (BirchModel) r.model().orElseThrow();
        assertThat(model.subclusterCount()).as("number of subclusters").isEqualTo(expected.count());
        double[] actual = model.subclusterCentroids();
        double scale = 0;
        for (double v : expected.centroids()) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected.centroids()[i]) / scale);
        }
        assertThat(worst).as("largest centroid difference, relative to the largest coordinate").isLessThanOrEqualTo(CENTROID_TOLERANCE);

        int[] sklearnLabels = BirchReferenceData.labels(prefix + ".labels.csv");
        assertThat(Labels.checkContract(r.labels(), data.n())).as("label contract").isNull();
        assertThat(AdjustedRand.of(sklearnLabels, r.labels())).as("ARI against scikit-learn").isEqualTo(1.0);
        assertThat(BirchReferenceData.renamingMismatch(
                BirchReferenceData.concat(sklearnLabels, expected.labels()),
                BirchReferenceData.concat(r.labels(), model.subclusterLabels())))
                .as("labels_ and subcluster_labels_, one renaming").isNull();
        assertThat(model.predict(data, context)).as("the labels are predict on the training data").isEqualTo(r.labels());
    }
}
