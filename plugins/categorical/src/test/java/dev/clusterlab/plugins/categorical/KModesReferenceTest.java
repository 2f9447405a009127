package dev.clusterlab.plugins.categorical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * k-modes against the committed reference ({@code scripts/reference/categorical_reference.py}, a
 * plain NumPy implementation of the documented algorithm): categorical data with planted clusters,
 * noisy ones, a table with integer-valued numeric columns (levels by value) and continuous ones; Cao's
 * initialisation, given initial rows, a run stopped by {@code max_iter} and one that starts two
 * clusters on equal rows (an empty cluster re-seeded). Everything is discrete, so the comparison is
 * exact: Cao's rows, labels, modes, cost bits, iterations and convergence, with 1 and 2 threads.
 */
class KModesReferenceTest {

    static List<ReferenceData.Run> runs() {
        return ReferenceData.runs("kmodes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void matchesTheReference(ReferenceData.Run run) {
        Dataset data = ReferenceData.dataset(run.dataset());
        ClusteringResult one;
        ClusteringResult two;
        if (run.start().equals("cao")) {
            assertThat(KModesAlgorithm.caoRows(data, run.k(), ReferenceData.context(2))).as("Cao's rows").isEqualTo(run.rows());
            KModesParams params = new KModesParams(run.k(), InitMethod.CAO, 10, run.maxIter());
            one = new KModesAlgorithm().fit(data, params, ReferenceData.context(1));
            two = new KModesAlgorithm().fit(data, params, ReferenceData.context(2));
        } else {
            one = KModesAlgorithm.fromRows(data, run.rows(), run.maxIter(), ReferenceData.context(1));
            two = KModesAlgorithm.fromRows(data, run.rows(), run.maxIter(), ReferenceData.context(2));
        }
        int[] raw = ReferenceData.labels(run.run() + ".labels.csv");
        assertThat(one.labels()).as("labels").isEqualTo(ReferenceData.consecutive(raw, run.k()));
        assertThat(two.labels()).as("labels with 2 threads").isEqualTo(one.labels());
        assertThat(Double.doubleToLongBits(one.objective())).as("cost").isEqualTo(Double.doubleToLongBits(run.cost()));
        assertThat(Double.doubleToLongBits(two.objective())).isEqualTo(Double.doubleToLongBits(one.objective()));
        assertThat(one.iterations()).as("iterations").isEqualTo(run.iterations());
        assertThat(one.converged()).as("converged").isEqualTo(run.converged());
        double[][] modes = ReferenceData.usedPrototypes(ReferenceData.prototypes(run.run()), raw);
        CategoricalModel model = (CategoricalModel) one.model().orElseThrow();
        double[] codes = model.prototypeCodes();
        int d = data.d();
        assertThat(model.clusterCount()).isEqualTo(modes.length);
        for (int c = 0; c < modes.length; c++) {
            for (int j = 0; j < d; j++) {
                // A numeric column's modal value is a float of the data, written as the shortest float decimal.
                assertThat((float) codes[c * d + j]).as("mode %d, column %d", c, j).isEqualTo((float) modes[c][j]);
            }
        }
        // The model labels the training rows as the fit did (they are assigned to the final modes).
        assertThat(model.predict(data, ReferenceData.context(2))).isEqualTo(one.labels());
    }

    @org.junit.jupiter.api.Test
    void caoFirstModeIsTheDensestRow() {
        for (String name : List.of("planted", "noisy")) {
            Dataset data = ReferenceData.dataset(name);
            Attributes attributes = Attributes.of("kmodes", data, true);
            long[] density = Seeding.density(attributes.encode(data), attributes.levelCounts());
            assertThat(density).as("n m Dens(x) of every row").isEqualTo(ReferenceData.density(name));
            int densest = 0;
            for (int i = 1; i < density.length; i++) {
                if (density[i] > density[densest]) {
                    densest = i;
                }
            }
            assertThat(KModesAlgorithm.caoRows(data, 3, ReferenceData.context(1))[0]).as(name).isEqualTo(densest);
        }
    }
}
