package dev.clusterlab.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");

    @TempDir
    Path plugins;

    @TempDir
    Path work;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = CommandLineFactory.create(o, e).execute(args);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a subcommand with {@code --plugins} pointing to the empty plugins folder. */
    private Result command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--plugins", plugins.toString()));
        return run(all.toArray(String[]::new));
    }

    private static void assertUserError(Result r) {
        assertThat(r.exit()).as("exit code; stderr: " + r.err()).isEqualTo(CommandLineFactory.USER_ERROR);
        assertThat(r.err()).isNotBlank();
        assertThat(STACK_FRAME.matcher(r.err()).find()).as("no stack trace in: " + r.err()).isFalse();
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void runOfAMissingFile() {
        String missing = work.resolve("missing.yaml").toString();
        Result r = command("run", missing);
        assertUserError(r);
        assertThat(r.err()).contains(missing).contains("no such file");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void validateOfMalformedYamlNamesFileLineAndColumn() throws IOException {
        Path yaml = work.resolve("bad.yaml");
        Files.writeString(yaml, "name: x\nseed: 1: 2\n");
        Result r = command("validate", yaml.toString());
        assertUserError(r);
        assertThat(r.err()).contains(yaml + ":2:8: malformed YAML");
    }

    @Test
    void validateReportsAllProblemsWithLocations() throws IOException {
        Path yaml = work.resolve("exp.yaml");
        Files.writeString(yaml, """
                seeed: 1
                datasets:
                  - generator: blobs
                    n: -5
                algorithms:
                  - id: kmeans
                """);
        Result r = command("validate", yaml.toString());
        assertUserError(r);
        assertThat(r.err()).contains("3 problems")
                .contains(yaml + ":1:1: unknown key 'seeed'")
                .contains(yaml + ":4:5: parameter 'n' of generator blobs")
                .contains(yaml + ":6:9: unknown algorithm 'kmeans'")
                .contains("no algorithm plugin is loaded");
    }

    @Test
    void validateOfAnAliasBombFailsCleanly() throws IOException {
        StringBuilder y = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int k = 0; k < 9; k++) {
                y.append(k == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            y.append("]\n");
        }
        Path yaml = work.resolve("bomb.yaml");
        Files.writeString(yaml, y);
        Result r = command("validate", yaml.toString());
        assertUserError(r);
        assertThat(r.err()).contains(yaml.toString());
    }

    @Test
    void clusterWithAnUnknownAlgorithm() {
        Result r = command("cluster", "--algorithm", "nope", "--input", work.resolve("x.csv").toString());
        assertUserError(r);
        assertThat(r.err()).contains("'nope'").contains("no algorithm plugin is loaded");
    }

    @Test
    void clusterWithABadFormat() {
        Result r = command("cluster", "--algorithm", "nope", "--input", "x.csv", "--format", "xml");
        assertUserError(r);
        assertThat(r.err()).contains("--format").contains("'xml'");
    }

    @Test
    void unknownOption() {
        Result r = command("run", "--no-such-option");
        assertUserError(r);
        assertThat(r.err()).contains("--no-such-option");
    }

    @Test
    void unknownSubcommand() {
        Result r = run("frobnicate");
        assertUserError(r);
        assertThat(r.err()).contains("frobnicate");
    }

    @Test
    void missingPluginsFolder() {
        Path nowhere = work.resolve("does/not/exist");
        Result r = run("plugins", "--plugins", nowhere.toString());
        assertUserError(r);
        assertThat(r.err()).contains(nowhere.toString()).contains("does not exist");
    }

    @Test
    void pluginsOptionBeforeTheSubcommand() {
        // The README lists --plugins among the common options; before the subcommand it must work too.
        Result r = run("--plugins", "/does/not/exist", "plugins");
        assertUserError(r);
        assertThat(r.err()).contains("/does/not/exist").contains("does not exist");
        Result ok = run("--plugins", plugins.toString(), "plugins");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains(plugins.toAbsolutePath().normalize().toString());
    }

    @Test
    void pluginsOptionsBeforeAndAfterTheSubcommandAddUp() throws IOException {
        Path more = Files.createDirectories(work.resolve("more-plugins"));
        Result r = run("--plugins", more.toString(), "plugins", "--plugins", plugins.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(plugins.toAbsolutePath().normalize().toString()).contains(more.toAbsolutePath().normalize().toString());
        Result missing = run("--plugins", "/does/not/exist", "plugins", "--plugins", plugins.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("/does/not/exist").contains("does not exist");
    }

    @Test
    void pluginsOfAnEmptyFolder() {
        Result r = command("plugins");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("no plugin files");
    }

    @Test
    void badThreadsOption() throws IOException {
        Path yaml = work.resolve("ok.yaml");
        Files.writeString(yaml, "datasets:\n  - generator: moons\nalgorithms:\n  - id: kmeans\n");
        Result r = command("run", yaml.toString(), "--threads", "many");
        assertUserError(r);
        assertThat(r.err()).contains("--threads");
    }

    @Test
    void env() {
        Result r = command("env");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("kernels").contains("java").contains("plugin folders");
    }

    @Test
    void version() {
        Result r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("clusterlab ").contains("api ");
    }

    @Test
    void noSubcommandPrintsUsage() {
        Result r = run();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage:").contains("run").contains("validate");
    }
}
