package dev.clusterlab.host.experiment;

import dev.clusterlab.host.output.Comparison;
import dev.clusterlab.host.output.ResultFiles;
import dev.clusterlab.host.output.RunRecord;
import dev.clusterlab.host.report.LabelSource;
import dev.clusterlab.host.report.Report;
import dev.clusterlab.host.report.ReportWriter;
import dev.clusterlab.host.plugin.Registry;
import dev.clusterlab.host.yaml.YamlNode;
import dev.clusterlab.host.yaml.YamlReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is left to do when an experiment's JVM was ended under it, by plugin code that called
 * {@code System.exit} or {@code Runtime.halt} in a fit run in-process: the runs it was doing (their
 * {@link InFlightRuns markers}) are recorded FAILED with the plugin's id, and the report is written from
 * the rows already recorded. Called by the shutdown hook of {@code clusterlab run} (for
 * {@code System.exit}) or by the launcher after the JVM is gone (for {@code Runtime.halt}, which runs
 * no hook). It needs only the output folder: the resolved {@code experiment.yaml} there names the
 * metrics and the ranking.
 */
public final class AfterCrash {
    private AfterCrash() {
    }

    /**
     * @param plugins the plugins whose runs were in flight, in order
     * @param failed how many runs were recorded FAILED now
     * @param report the report written, or {@code null} when the folder held no experiment
     */
    public record Outcome(List<String> plugins, int failed, Path report) {
    }

    /**
     * @param dir the output folder
     * @param registry the plugins, for the metrics' directions (higher or lower is better); may be empty
     * @param how how the JVM ended, e.g. "System.exit(0)"
     * @return what was recorded
     */
    public static Outcome record(Path dir, Registry registry, String how) {
        List<InFlightRuns.Marker> markers = new InFlightRuns(dir).markers("plugin {plugin} ended ClusterLab's JVM during this run ("
                + how + "); a plugin that does so needs isolation: process (leave it out of in_process)");
        Set<String> plugins = new LinkedHashSet<>();
        markers.forEach(m -> plugins.add(m.pluginId()));
        Path yaml = dir.resolve("experiment.yaml");
        if (!Files.isRegularFile(yaml)) {
            return new Outcome(List.copyOf(plugins), 0, null);
        }
        YamlNode.Mapping e;
        try (Reader r = Files.newBufferedReader(yaml, StandardCharsets.UTF_8)) {
            e = (YamlNode.Mapping) YamlReader.read(yaml.toString(), r);
        } catch (IOException | RuntimeException ex) {
            return new Outcome(List.copyOf(plugins), 0, null);
        }
        String name = text(e, "name").orElse(dir.getFileName().toString());
        List<String> metrics = new ArrayList<>();
        if (e.entries().get("metrics") instanceof YamlNode.Sequence seq) {
            seq.items().forEach(i -> metrics.add(String.valueOf(((YamlNode.Scalar) i).value())));
        }
        ResultFiles out = new ResultFiles(dir, metrics);
        Set<String> recorded = new java.util.HashSet<>();
        out.readRecords().forEach(r -> recorded.add(r.runId()));
        int failed = 0;
        for (InFlightRuns.Marker m : markers) {
            if (!recorded.contains(m.asFailed().runId())) { // its row may have been written just before the end
                out.add(m.asFailed(), null);
                failed++;
            }
            try {
                Files.deleteIfExists(m.file());
            } catch (IOException ignored) {
                // the row is what counts
            }
        }
        new InFlightRuns(dir).close();
        List<RunRecord> all = out.readRecords();
        String rankBy = ExperimentRun.rankBy(text(e, "rank_by").orElse(null), metrics);
        boolean higher = ExperimentRun.higherIsBetter(registry, rankBy);
        Comparison c = Comparison.of(all, metrics, rankBy, higher);
        out.writeText("report.html", ReportWriter.html(new Report(name, c, Map.of(), LabelSource.outputFolder(dir),
                registry::algorithm, registry::metric, Map.of())));
        return new Outcome(List.copyOf(plugins), failed, dir.resolve("report.html"));
    }

    private static Optional<String> text(YamlNode.Mapping m, String key) {
        return m.entries().get(key) instanceof YamlNode.Scalar s && s.value() != null ? Optional.of(String.valueOf(s.value())) : Optional.empty();
    }
}
