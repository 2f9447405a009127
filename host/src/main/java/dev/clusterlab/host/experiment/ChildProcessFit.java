package dev.clusterlab.host.experiment;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.Fit;
import dev.clusterlab.host.Printable;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.data.LabelFiles;
import dev.clusterlab.host.output.AtomicFiles;
import dev.clusterlab.host.output.ArtifactFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code isolation: process}: one fit in a child JVM running {@code clusterlab cluster} on the
 * (preprocessed) data written to a temporary CSV file, for plugins that cannot be trusted to stop when
 * asked or to stay within memory. A timeout kills the child; a crash or an out-of-memory error there
 * fails only that run. The child loads the same plugins folders and kernels. Its labels and every
 * artifact of its result come back as files ({@code --output}, {@code --artifacts}), whatever their
 * kind; the model stays in the child.
 */
final class ChildProcessFit {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Seconds a child JVM gets to start, load plugins and read its data before the run's timeout counts. */
    static final double START_ALLOWANCE_SECONDS = 15;

    /** What happened in the child. */
    sealed interface Outcome {
        /** The child finished: the fit and its bound parameters. */
        record Done(Fit fit) implements Outcome {
        }

        /** The child ran out of time and was killed. */
        record TimedOut() implements Outcome {
        }

        /** The child failed; {@code message} is its error output, shortened. */
        record Failed(String message) implements Outcome {
        }
    }

    private ChildProcessFit() {
    }

    static Outcome fit(ClusterLab lab, Loaded<ClusteringAlgorithm> alg, Dataset data, PlannedRun run, int threads, double timeoutSeconds)
            throws IOException, InterruptedException {
        AlgorithmDescriptor desc = alg.extension().descriptor();
        Params params = ParamBinder.bind(desc.id(), desc.params(), run.params());
        Path work = Files.createTempDirectory("clusterlab-child");
        try {
            Path csv = work.resolve("data.csv");
            AtomicFiles.write(csv, toCsv(data));
            List<String> cmd = new ArrayList<>(List.of(javaCommand(), "--add-modules", "jdk.incubator.vector",
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    "-Dclusterlab.kernels=" + lab.kernels().implementation(),
                    MAIN, "cluster", "--algorithm", desc.id(), "--input", csv.toString(), "--seed",
                    Long.toString(run.seed()), "--threads", Integer.toString(threads), "--metrics", "none", "--format", "json",
                    "--output", work.resolve("labels.csv").toString(), "--artifacts", work.resolve("artifacts").toString(),
                    "--no-default-plugins"));
            if (data.hasCategorical()) {
                // The child reads the level names back as categorical columns (levels renumbered in name order).
                cmd.addAll(List.of("--categorical", java.util.Arrays.stream(data.categoricalColumns()).mapToObj(j -> "c" + j)
                        .collect(java.util.stream.Collectors.joining(","))));
            }
            // The child loads exactly the parent's folders, in the same order, and the same class path.
            for (Path folder : lab.registry().folders()) {
                cmd.addAll(List.of("--plugins", folder.toString()));
            }
            String heap = System.getenv("CLUSTERLAB_CHILD_OPTS");
            if (heap != null && !heap.isBlank()) {
                cmd.addAll(1, List.of(heap.trim().split("\\s+")));
            }
            run.params().forEach((k, v) -> cmd.addAll(List.of("--param", k + "=" + v)));
            if (data.weights().isPresent()) {
                Path w = work.resolve("weights.csv");
                StringBuilder s = new StringBuilder();
                for (float x : data.weights().get()) {
                    s.append(x).append('\n');
                }
                AtomicFiles.write(w, s.toString());
                cmd.addAll(List.of("--weights", w.toString()));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(work.resolve("out.json").toFile())
                    .redirectError(work.resolve("err.txt").toFile());
            pb.environment().remove("CLUSTERLAB_STATUS_FILE"); // the launcher's status file is this JVM's, not the child's
            Process p = pb.start();
            // The timeout is for the fit; the child's start (JVM, plugins, reading the data) gets a fixed allowance on top.
            long limitMillis = (long) ((timeoutSeconds + START_ALLOWANCE_SECONDS) * 1000);
            boolean finished = timeoutSeconds > 0 ? p.waitFor(limitMillis, TimeUnit.MILLISECONDS) : p.waitFor() >= 0;
            if (!finished) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Outcome.TimedOut();
            }
            if (p.exitValue() != 0) {
                return new Outcome.Failed(childError(alg.pluginId(), p.exitValue(), Files.readString(work.resolve("err.txt"))));
            }
            Map<String, Object> json;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> read = JSON.readValue(work.resolve("out.json").toFile(), Map.class);
                json = read;
            } catch (tools.jackson.core.JacksonException | IllegalArgumentException ex) {
                // Exit 0 without a result: something in the child ended its JVM before it could answer.
                return new Outcome.Failed("plugin " + alg.pluginId() + " ended its child JVM (exit code 0) before the fit's result"
                        + " was written (System.exit or Runtime.halt in the plugin?)");
            }
            int[] labels = LabelFiles.read(work.resolve("labels.csv"), data.n(), -1);
            Object objective = json.get("objective");
            ClusteringResult.Builder b = ClusteringResult.builder(labels)
                    .iterations(((Number) json.get("iterations")).intValue())
                    .objective(objective instanceof Number num ? num.doubleValue() : Double.NaN);
            ArtifactFiles.readFolder(work.resolve("artifacts")).forEach(b::artifact);
            ClusteringResult r = b.build();
            return new Outcome.Done(new Fit(r, params, ((Number) json.get("seconds")).doubleValue(),
                    lab.provenance(alg, params, run.seed(), data, threads)));
        } finally {
            try (var files = Files.walk(work)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** @return whether a child can be started: the command line's main class is on this JVM's class path */
    static boolean available() {
        try {
            Class.forName(MAIN, false, ChildProcessFit.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static final String MAIN = "dev.clusterlab.runner.Main";

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Float.toString gives the shortest text that reads back to the same float: the child sees the same
     * bits. A categorical column is written as its level names (quoted where CSV needs it), under a
     * header of positions, which the child reads with {@code --categorical}.
     */
    private static String toCsv(Dataset data) {
        StringBuilder s = new StringBuilder(data.n() * data.d() * 10);
        float[] x = data.data();
        if (data.hasCategorical()) {
            for (int j = 0; j < data.d(); j++) {
                s.append(j == 0 ? "" : ",").append("c").append(j);
            }
            s.append('\n');
        }
        for (int i = 0; i < data.n(); i++) {
            for (int j = 0; j < data.d(); j++) {
                s.append(j == 0 ? "" : ",");
                float v = x[i * data.d() + j];
                if (data.isCategorical(j)) {
                    s.append(quoted(v < 0 ? "" : data.levels(j).get((int) v)));
                } else {
                    s.append(v);
                }
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String quoted(String field) {
        return field.matches("[^,\"\r\n]*") && field.equals(field.trim()) ? field : "\"" + field.replace("\"", "\"\"") + "\"";
    }

    /**
     * What a failed child said, as one line: its {@code error:} lines (the command's own message, which
     * already names the plugin), else the first line of whatever it printed (a JVM crash, a stack
     * trace: never the whole trace), escaped and shortened.
     */
    static String childError(String pluginId, int exit, String stderr) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank() && !l.startsWith("WARNING: Using incubator modules")).toList();
        List<String> errors = lines.stream().filter(l -> l.startsWith("error: ")).map(l -> l.substring("error: ".length())).toList();
        String said = !errors.isEmpty() ? String.join("; ", errors) : lines.isEmpty() ? "" : lines.getFirst().trim();
        String line = Printable.message(said.length() > 400 ? said.substring(0, 400) + "..." : said);
        if (!errors.isEmpty()) {
            return line;
        }
        return "plugin " + pluginId + "'s child JVM exited with code " + exit + (said.isEmpty() ? " and printed nothing" : ": " + line);
    }
}
