package dev.clusterlab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.pipeline.Model;
import dev.clusterlab.host.pipeline.Preprocessing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The spark-submit entry point: data-mode k-means with preprocessing end to end, and its answers to mistakes. */
class SparkMainTest {
    @TempDir
    Path dir;

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SparkTestSession.get(); // the command uses the test's session and leaves it running
        int rc = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Three blobs on very different scales (x in thousands, y in thousandths), so that standardising matters. */
    private static float[] points(int n) {
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[n * 2];
        for (int i = 0; i < n; i++) {
            int b = i % 3;
            x[2 * i] = (float) (1000 * b + 50 * r.nextGaussian());
            x[2 * i + 1] = (float) (0.001 * (b * b) + 0.0001 * r.nextGaussian());
        }
        return x;
    }

    @Test
    @SuppressWarnings("unchecked")
    void kmeansWithStandardizeWritesLabelsBesideTheInputAndAModelThatPredictsTheSameLabelsLocally() throws Exception {
        int n = 3000;
        float[] x = points(n);
        StringBuilder csv = new StringBuilder("id,x,y\n");
        for (int i = 0; i < n; i++) {
            csv.append(i).append(',').append(x[2 * i]).append(',').append(x[2 * i + 1]).append('\n');
        }
        Path input = Files.writeString(dir.resolve("points.csv"), csv);
        Path model = dir.resolve("model.json");

        Outcome o = main("kmeans", "--input", input.toString(), "--exclude", "id", "--k", "3", "--seed", "3", "--max-iter", "30", "--preprocess", "standardize",
                "--save-model", model.toString());

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("3000 rows x 2 columns, k=3").contains("labels: " + dir.resolve("points.labels"));
        List<Row> rows = SparkTestSession.get().read().parquet(dir.resolve("points.labels").toString()).orderBy("row").collectAsList();
        assertThat(rows).hasSize(n);
        int[] onSpark = rows.stream().mapToInt(r -> r.getInt(1)).toArray();
        assertThat(rows.get(n - 1).getLong(0)).isEqualTo(n - 1);
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            Dataset raw = Dataset.of("points", n, 2, x, List.of("x", "y"), null);
            Model m = lab.loadModel(model);
            assertThat(m.featureNames()).containsExactly("x", "y");
            assertThat(m.predict(raw, lab.context(0))).isEqualTo(onSpark);
            // The statistics fitted on Spark are the preprocess plugin's own, fitted locally on the same rows.
            Map<String, Object> local = (Map<String, Object>) Preprocessing.fit(raw, lab.steps("standardize"), lab.registry(), lab.context(0))
                    .steps().getFirst().fitted().state().orElseThrow();
            Map<String, Object> saved = (Map<String, Object>) ((List<Map<String, Object>>) JsonMapper.builder().build()
                    .readValue(model.toFile(), Map.class).get("preprocessing")).getFirst().get("state");
            for (String key : List.of("mean", "scale")) {
                List<Number> a = (List<Number>) saved.get(key);
                List<Number> b = (List<Number>) local.get(key);
                for (int j = 0; j < 2; j++) {
                    assertThat(a.get(j).doubleValue()).as(key).isCloseTo(b.get(j).doubleValue(),
                            org.assertj.core.api.Assertions.within(1e-12 * Math.abs(b.get(j).doubleValue())));
                }
            }
        }
        // Three well separated blobs: each label holds one blob (rows i % 3).
        for (int i = 3; i < n; i++) {
            assertThat(onSpark[i]).isEqualTo(onSpark[i % 3]);
        }
    }

    @Test
    void anUnknownColumnIsAMistakeWithItsNameAndExitCode2() throws Exception {
        Path input = Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n3,4\n");
        Outcome o = main("kmeans", "--input", input.toString(), "--columns", "a,zz", "--k", "1");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("no column 'zz'").contains("[a, b]").doesNotContain("Exception");
    }

    @Test
    void anUnknownKeyUnderEngineIsReportedWithItsLine() throws Exception {
        Path yaml = Files.writeString(dir.resolve("e.yaml"), "name: e\nengine:\n  sprak: local[2]\ndatasets:\n  - bundled: iris\n"
                + "algorithms:\n  - id: kmeans\n");
        Outcome o = main("run", yaml.toString(), "--output", dir.resolve("out").toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("e.yaml:3:3").contains("unknown key 'sprak' under engine");
    }

    @Test
    void refusesJdksBefore25_0_3AndSaysWhatToDo() {
        assertThat(JdkCheck.problem(Runtime.Version.parse("25.0.2"))).contains("25.0.3").contains("JDK-8377811").contains("JAVA_HOME");
        assertThat(JdkCheck.problem(Runtime.Version.parse("21.0.9"))).contains("needs JDK 25.0.3");
        assertThat(JdkCheck.problem(Runtime.Version.parse("25.0.3"))).isNull();
        assertThat(JdkCheck.problem(Runtime.Version.parse("26"))).isNull();
    }
}
