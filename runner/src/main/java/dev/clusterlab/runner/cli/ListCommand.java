package dev.clusterlab.runner.cli;

import dev.clusterlab.host.pipeline.Preprocessing;
import dev.clusterlab.api.Citation;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import dev.clusterlab.host.data.DatasetGenerator;
import dev.clusterlab.host.data.Generators;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.plugin.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code clusterlab list}: algorithms with their parameters, metrics and dataset generators. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List algorithms (with parameters), metrics and generators.")
final class ListCommand implements Callable<Integer> {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: text).")
    String format;

    @Mixin
    CommonOptions common;

    private final Streams io;

    ListCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserInputException("--format must be text or json; got '" + format + "'");
        }
        try (ClusterLab lab = common.openSession()) {
            Registry host = lab.registry();
            PluginWarnings.print(host, io.err());
            if (format.equals("json")) {
                io.out().println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json(host)));
            } else {
                io.out().print(text(host));
            }
            return 0;
        }
    }

    private static String text(Registry host) {
        StringBuilder s = new StringBuilder("Algorithms\n");
        for (AlgorithmDescriptor a : host.algorithms()) {
            s.append("  ").append(a.id());
            if (!a.aliases().isEmpty()) {
                s.append(" (also: ").append(String.join(", ", a.aliases())).append(')');
            }
            s.append(" - ").append(a.title()).append(", plugin ").append(host.loadedAlgorithm(a.id()).orElseThrow().pluginId()).append('\n');
            params(s, a.params());
            for (Citation c : a.references()) {
                s.append("      ref: ").append(c).append('\n');
            }
        }
        s.append("Metrics\n");
        for (MetricDescriptor m : host.metrics()) {
            s.append(String.format("  %-20s %s; %s is better%s%n", m.id(), m.title(), m.higherIsBetter() ? "higher" : "lower",
                    m.needsGroundTruth() ? "; needs ground truth" : ""));
        }
        s.append("Preprocessing steps (preprocessing: [ID, ...])\n");
        for (PreprocessorDescriptor p : host.preprocessors()) {
            s.append("  ").append(p.id());
            if (!p.aliases().isEmpty()) {
                s.append(" (also: ").append(String.join(", ", p.aliases())).append(')');
            }
            s.append(" - ").append(p.title()).append(p.imputes() ? "; fills missing values" : "").append('\n');
            params(s, p.params());
        }
        s.append("Generators (datasets: generator: ID)\n");
        for (DatasetGenerator g : Generators.all()) {
            s.append("  ").append(g.id()).append(" - ").append(g.description()).append('\n');
            params(s, g.params());
        }
        return s.toString();
    }

    private static void params(StringBuilder s, List<ParamSpec> params) {
        for (ParamSpec p : params) {
            s.append(String.format("      %-14s %s; default %s. %s%n", p.name(), p.domain(),
                    p.required() ? "none (required)" : p.defaultValue(), p.description()));
        }
    }

    private static Map<String, Object> json(Registry host) {
        List<Object> algorithms = new ArrayList<>();
        for (AlgorithmDescriptor a : host.algorithms()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("aliases", a.aliases());
            m.put("title", a.title());
            m.put("version", a.version());
            m.put("plugin", host.loadedAlgorithm(a.id()).orElseThrow().pluginId());
            m.put("description", a.description());
            m.put("params", paramsJson(a.params()));
            m.put("references", a.references().stream().map(Citation::toString).toList());
            algorithms.add(m);
        }
        List<Object> metrics = new ArrayList<>();
        for (MetricDescriptor d : host.metrics()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("aliases", d.aliases());
            m.put("title", d.title());
            m.put("needs_ground_truth", d.needsGroundTruth());
            m.put("higher_is_better", d.higherIsBetter());
            m.put("description", d.description());
            metrics.add(m);
        }
        List<Object> steps = new ArrayList<>();
        for (PreprocessorDescriptor p : host.preprocessors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("aliases", p.aliases());
            m.put("title", p.title());
            m.put("imputes", p.imputes());
            m.put("description", p.description());
            m.put("params", paramsJson(p.params()));
            steps.add(m);
        }
        List<Object> generators = new ArrayList<>();
        for (DatasetGenerator g : Generators.all()) {
            generators.add(Map.of("id", g.id(), "description", g.description(), "params", paramsJson(g.params())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("algorithms", algorithms);
        out.put("metrics", metrics);
        out.put("preprocessing", steps);
        out.put("generators", generators);
        return out;
    }

    private static List<Object> paramsJson(List<ParamSpec> params) {
        List<Object> out = new ArrayList<>();
        for (ParamSpec p : params) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
            m.put("domain", p.domain());
            m.put("default", p.defaultValue());
            m.put("required", p.required());
            if (!p.choices().isEmpty()) {
                m.put("choices", p.choices());
            }
            m.put("description", p.description());
            out.add(m);
        }
        return out;
    }
}
