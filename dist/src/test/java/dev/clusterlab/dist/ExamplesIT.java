package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every experiment in {@code examples/} runs as documented, every run OK, with a report. */
class ExamplesIT {
    @TempDir
    Path tmp;

    static Stream<Path> examples() throws Exception {
        Path dir = Cli.DIST.resolve("../../../examples").normalize();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).as("examples in %s", dir).isNotEmpty();
            return yaml.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void runsWithEveryRunOk(Path example) throws Exception {
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.inProcess("run", example.toString(), "--output", out.toString(), "--set", "repeats=1",
                "--plugins", Cli.DIST.resolve("plugins").toString(), "--threads", "1", "--jobs", "2");
        assertThat(r.exit()).as("%s%n%s", example, r.err()).isZero();
        assertThat(r.out()).contains("ranked by");
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("\"status\":\"OK\""));
    }
}
