package dev.clusterlab.plugins.categorical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * k-prototypes against the committed reference ({@code scripts/reference/categorical_reference.py}):
 * mixed tables (2 or 3 numeric columns with 3 or 2 categorical ones) and a categorical-only one; the
 * default gamma (half the mean population standard deviation) and gamma 2; the mixed Cao
 * initialisation (the whole fit) and given initial rows (the script's start, through the
 * package-private entry point); a run stopped by {@code max_iter}. Labels, modes, iterations and
 * convergence must be equal; gamma, the means and the cost within 1e-12 relative (the script sums in
 * the Java code's order, so they are in fact equal to the bit).
 */
class KPrototypesReferenceTest {
    private static final double RELATIVE = 1e-12;

    static List<ReferenceData.Run> runs() {
        return ReferenceData.runs("kprototypes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void matchesTheReference(ReferenceData.Run run) {
        Dataset data = ReferenceData.dataset(run.dataset());
        if (run.defaultGamma()) {
            assertThat(KPrototypesAlgorithm.defaultGamma(data)).as("default gamma")
                    .isCloseTo(run.gamma(), within(RELATIVE * run.gamma()));
        }
        ClusteringResult one;
        ClusteringResult two;
        if (run.start().equals("cao")) {
            assertThat(KPrototypesAlgorithm.caoRows(data, run.k(), run.gamma(), ReferenceData.context(2)))
                    .as("Cao's rows").isEqualTo(run.rows());
            KPrototypesParams params = new KPrototypesParams(run.k(), run.defaultGamma() ? 0 : run.gamma(), InitMethod.CAO, 10,
                    run.maxIter());
            one = new KPrototypesAlgorithm().fit(data, params, ReferenceData.context(1));
            two = new KPrototypesAlgorithm().fit(data, params, ReferenceData.context(2));
        } else {
            one = KPrototypesAlgorithm.fromRows(data, run.rows(), run.gamma(), run.maxIter(), ReferenceData.context(1));
            two = KPrototypesAlgorithm.fromRows(data, run.rows(), run.gamma(), run.maxIter(), ReferenceData.context(2));
        }
        int[] raw = ReferenceData.labels(run.run() + ".labels.csv");
        assertThat(one.labels()).as("labels").isEqualTo(ReferenceData.consecutive(raw, run.k()));
        assertThat(two.labels()).as("labels with 2 threads").isEqualTo(one.labels());
        assertThat(one.objective()).as("cost").isCloseTo(run.cost(), within(RELATIVE * run.cost()));
        assertThat(Double.doubleToLongBits(two.objective())).isEqualTo(Double.doubleToLongBits(one.objective()));
        assertThat(one.iterations()).as("iterations").isEqualTo(run.iterations());
        assertThat(one.converged()).as("converged").isEqualTo(run.converged());
        double[][] expected = ReferenceData.usedPrototypes(ReferenceData.prototypes(run.run()), raw);
        CategoricalModel model = (CategoricalModel) one.model().orElseThrow();
        assertThat(model.gamma()).isCloseTo(run.gamma(), within(RELATIVE * run.gamma()));
        double[] got = model.prototypeCodes();
        int d = data.d();
        for (int c = 0; c < expected.length; c++) {
            for (int j = 0; j < d; j++) {
                double e = expected[c][j];
                assertThat(got[c * d + j]).as("prototype %d, column %d", c, j)
                        .isCloseTo(e, within(data.isCategorical(j) ? 0 : RELATIVE * Math.max(1, Math.abs(e))));
            }
        }
        assertThat(model.predict(data, ReferenceData.context(2))).isEqualTo(one.labels());
    }
}
