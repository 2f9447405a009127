package dev.clusterlab.host.experiment;

import dev.clusterlab.host.data.CsvDatasetReader;
import dev.clusterlab.host.data.CsvOptions;
import dev.clusterlab.host.pipeline.StepSpec;
import dev.clusterlab.host.data.HeaderMode;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Suggestions;
import dev.clusterlab.host.data.DatasetGenerator;
import dev.clusterlab.host.data.Generators;
import dev.clusterlab.host.data.DataSize;
import dev.clusterlab.host.yaml.Location;
import dev.clusterlab.host.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a YAML tree into an {@link Experiment}, checking every key, type, algorithm, parameter value
 * and metric against the loaded plugins, and reporting all problems at once with their locations.
 * The keys are documented in {@code docs/experiments.md}.
 */
public final class ExperimentParser {
    private final Catalog catalog;
    private final Problems problems = new Problems();
    /** Steps per dataset name, from the dataset's own 'preprocessing' or the experiment's. */
    private final Map<String, List<StepSpec>> steps = new LinkedHashMap<>();
    private List<StepSpec> defaultSteps = List.of();

    private ExperimentParser(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param root the document
     * @param baseDir folder against which relative CSV paths resolve
     * @param defaultName name when the file gives none
     * @param catalog what the plugins offer
     * @return the experiment
     * @throws dev.clusterlab.api.UserInputException listing every problem
     */
    public static Experiment parse(YamlNode root, Path baseDir, String defaultName, Catalog catalog) {
        return parse(root, baseDir, defaultName, catalog, true);
    }

    /**
     * @param root the document
     * @param baseDir folder against which relative CSV paths resolve
     * @param defaultName name when the file gives none
     * @param catalog what the plugins offer
     * @param checkFiles whether each CSV file must exist and its first line have the named columns (as
     *     {@code run} and {@code validate} need); off for checking the file's own structure alone
     * @return the experiment
     * @throws dev.clusterlab.api.UserInputException listing every problem
     */
    public static Experiment parse(YamlNode root, Path baseDir, String defaultName, Catalog catalog, boolean checkFiles) {
        ExperimentParser parser = new ExperimentParser(catalog);
        parser.checkFiles = checkFiles;
        Experiment e = parser.experiment(root, baseDir, defaultName);
        parser.problems.throwIfAny();
        return e;
    }

    private boolean checkFiles = true;

    private Experiment experiment(YamlNode root, Path baseDir, String defaultName) {
        Optional<MappingReader> top = MappingReader.of(root, "the experiment", problems);
        if (top.isEmpty()) {
            return null;
        }
        MappingReader r = top.get();
        String name = r.text("name", defaultName);
        if (!name.matches("[A-Za-z0-9._-]+")) {
            problems.add(r.keyLocation("name"), "'name' must use letters, digits, '.', '_' or '-' (it names folders); found '" + name + "'");
        }
        long seed = r.integer("seed", 0, Long.MIN_VALUE);
        int repeats = (int) r.integer("repeats", 1, 1);
        int threads = (int) r.integer("threads", 0, 1);
        double timeout = timeout(r);
        String isolationText = r.text("isolation", Isolation.AUTO.text());
        Isolation isolation = Isolation.parse(isolationText).orElse(Isolation.AUTO);
        if (Isolation.parse(isolationText).isEmpty()) {
            problems.add(r.node("isolation").orElseThrow().location(), "'isolation' must be auto (ClusterLab's own plugins in this JVM,"
                    + " other plugins' fits in a child JVM; the default), thread (every fit in this JVM) or process (every fit in a child JVM);"
                    + " found '" + isolationText + "'");
        }
        // engine: {spark: MASTER} sends 'clusterlab run' to Spark (docs/spark.md), which reads it there; here its form is checked.
        r.node("engine").ifPresent(n -> {
            boolean ok = n instanceof YamlNode.Mapping m && m.entries().size() == 1 && m.entries().get("spark") instanceof YamlNode.Scalar sc
                    && sc.value() instanceof String master && !master.isBlank();
            if (!ok) {
                problems.add(n.location(), "'engine' must be {spark: MASTER}, a Spark master URL such as local[2], spark://HOST:7077 or yarn");
            }
        });
        List<String> inProcess = new ArrayList<>();
        r.node("in_process").ifPresent(n -> {
            for (YamlNode item : n instanceof YamlNode.Sequence seq ? seq.items() : List.of(n)) {
                Object v = scalar(item, "a plugin id");
                if (v instanceof String id && id.matches("[A-Za-z0-9._-]+")) {
                    inProcess.add(id);
                } else {
                    problems.add(item.location(), "'in_process' lists plugin ids (as 'clusterlab plugins' shows them); found '" + v + "'");
                }
            }
        });
        String saveText = r.text("save_models", SaveModels.BEST.text());
        SaveModels saveModels = SaveModels.parse(saveText).orElse(SaveModels.BEST);
        if (SaveModels.parse(saveText).isEmpty()) {
            problems.add(r.node("save_models").orElseThrow().location(), "'save_models' must be best (the best run of each dataset), "
                    + "all or none; found '" + saveText + "'");
        }
        defaultSteps = r.node("preprocessing").map(n -> StepsParser.parse(n, catalog, problems)).orElse(List.of());
        List<DatasetSpec> datasets = list(r, "datasets", true, item -> dataset(item, baseDir));
        List<AlgorithmSpec> algorithms = list(r, "algorithms", true, this::algorithm);
        Stability.Settings stability = stability(r);
        GapStatistic.Settings gap = gap(r);
        List<String> metrics = metrics(r);
        if (stability != null) {
            Stability.IDS.stream().filter(id -> !metrics.contains(id)).forEach(metrics::add);
        }
        if (gap != null) {
            GapStatistic.IDS.stream().filter(id -> !metrics.contains(id)).forEach(metrics::add);
        }
        String rankBy = rankBy(r, metrics);
        r.finish();
        checkUniqueNames(datasets.stream().map(DatasetSpec::name).toList(), r, "datasets", "dataset");
        checkUniqueNames(algorithms.stream().map(AlgorithmSpec::label).toList(), r, "algorithms", "algorithm");
        long runs = RunPlan.count(datasets.size(), algorithms, repeats);
        if (runs > RunPlan.maxRuns()) { // counted, never built: a grid of 10^7 points would fill the heap
            problems.add(r.keyLocation("algorithms"), RunPlan.tooMany(runs));
        }
        Map<String, List<StepSpec>> preprocessing = new LinkedHashMap<>();
        for (DatasetSpec d : datasets) {
            preprocessing.put(d.name(), steps.getOrDefault(d.name(), defaultSteps));
        }
        return new Experiment(name, seed, repeats, threads, datasets, algorithms, metrics, rankBy, preprocessing, timeout, isolation,
                saveModels, stability, gap, inProcess);
    }

    /**
     * {@code rank_by}: a column of the experiment (a metric, a model score, a stability or gap value
     * its keys added), by id or alias; a model score not among the default metrics is added to them.
     *
     * @return the id ranked by, or null when none is given or it is wrong (then a problem is recorded)
     */
    private String rankBy(MappingReader r, List<String> metrics) {
        String given = r.has("rank_by") ? r.text("rank_by", null) : null;
        if (given == null) {
            return null;
        }
        if (Stability.IDS.contains(given) || GapStatistic.GAP.equals(given)) {
            if (metrics.contains(given)) { // only when the experiment's stability: or gap: key measures it
                return given;
            }
        } else {
            Optional<MetricDescriptor> m = catalog.metric(given).or(() -> catalog.modelScore(given));
            if (m.isPresent() && catalog.metric(given).isEmpty() && !r.has("metrics") && !metrics.contains(m.get().id())) {
                metrics.add(m.get().id()); // a model score is not among the default metrics: ranking by it shows it
            }
            if (m.isPresent() && metrics.contains(m.get().id())) {
                return m.get().id();
            }
        }
        problems.add(r.node("rank_by").orElseThrow().location(), "'rank_by' must be one of the experiment's metrics "
                + metrics + "; found '" + given + "'" + Suggestions.hint(given, metrics));
        return null;
    }

    /** {@code gap: {references: 10}}, or null when absent. */
    private GapStatistic.Settings gap(MappingReader r) {
        Optional<YamlNode> node = r.node("gap");
        if (node.isEmpty()) {
            return null;
        }
        Optional<MappingReader> m = MappingReader.of(node.get(), "'gap'", problems);
        if (m.isEmpty()) {
            return null;
        }
        int references = (int) m.get().integer("references", 10, 2);
        m.get().finish();
        return new GapStatistic.Settings(references);
    }

    /** {@code stability: {resamples: 10, fraction: 0.8}}, or null when absent. */
    private Stability.Settings stability(MappingReader r) {
        Optional<YamlNode> node = r.node("stability");
        if (node.isEmpty()) {
            return null;
        }
        Optional<MappingReader> m = MappingReader.of(node.get(), "'stability'", problems);
        if (m.isEmpty()) {
            return null;
        }
        int resamples = (int) m.get().integer("resamples", 10, 2);
        double fraction = 0.8;
        Optional<YamlNode> f = m.get().node("fraction");
        if (f.isPresent()) {
            if (f.get() instanceof YamlNode.Scalar sc && sc.value() instanceof Number num && num.doubleValue() > 0 && num.doubleValue() < 1) {
                fraction = num.doubleValue();
            } else {
                problems.add(f.get().location(), "'fraction' of 'stability' must be a number in (0, 1), the share of rows in each subsample; found "
                        + (f.get() instanceof YamlNode.Scalar sc ? sc.value() : f.get().kind()));
            }
        }
        m.get().finish();
        return new Stability.Settings(resamples, fraction);
    }

    private double timeout(MappingReader r) {
        Optional<YamlNode> n = r.node("timeout");
        if (n.isEmpty()) {
            return 0;
        }
        if (n.get() instanceof YamlNode.Scalar s && s.value() instanceof Number num && num.doubleValue() > 0) {
            return num.doubleValue();
        }
        problems.add(n.get().location(), "'timeout' must be a number of seconds > 0 for each run; found " + n.get().kind());
        return 0;
    }

    private interface ItemReader<T> {
        T read(YamlNode item);
    }

    private <T> List<T> list(MappingReader r, String key, boolean required, ItemReader<T> reader) {
        Optional<YamlNode> n = r.node(key);
        List<T> out = new ArrayList<>();
        if (n.isEmpty()) {
            if (required) {
                problems.add(r.location(), "the experiment needs '" + key + "': a list with at least one entry");
            }
            return out;
        }
        if (!(n.get() instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
            problems.add(n.get().location(), "'" + key + "' must be a list with at least one entry; found " + n.get().kind());
            return out;
        }
        for (YamlNode item : seq.items()) {
            T t = reader.read(item);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private DatasetSpec dataset(YamlNode item, Path baseDir) {
        Optional<MappingReader> o = MappingReader.of(item, "a dataset", problems);
        if (o.isEmpty()) {
            return null;
        }
        MappingReader r = o.get();
        boolean isCsv = r.has("csv");
        boolean isGenerated = r.has("generator");
        boolean isBundled = r.has("bundled");
        List<StepSpec> own = r.node("preprocessing").map(n -> StepsParser.parse(n, catalog, problems)).orElse(null);
        if ((isCsv ? 1 : 0) + (isGenerated ? 1 : 0) + (isBundled ? 1 : 0) != 1) {
            problems.add(r.location(), "a dataset needs exactly one of 'csv' (a file), 'generator' ("
                    + String.join(", ", Generators.ids()) + ") or 'bundled' (" + String.join(", ", DatasetSpec.Bundled.IDS) + ")");
            r.accept(r.entries().keySet().toArray(String[]::new));
            return null;
        }
        DatasetSpec spec = isBundled ? bundled(r) : isCsv ? csv(r, baseDir) : generated(r);
        if (spec != null && own != null) {
            steps.put(spec.name(), own);
        }
        return spec;
    }

    private DatasetSpec bundled(MappingReader r) {
        String id = r.text("bundled", "");
        String name = r.text("name", id);
        r.finish();
        if (!DatasetSpec.Bundled.IDS.contains(id)) {
            problems.add(r.node("bundled").orElseThrow().location(), "unknown bundled dataset '" + id + "'"
                    + Suggestions.hint(id, DatasetSpec.Bundled.IDS) + " (bundled: " + String.join(", ", DatasetSpec.Bundled.IDS) + ")");
            return null;
        }
        return new DatasetSpec.Bundled(name, id);
    }

    private DatasetSpec csv(MappingReader r, Path baseDir) {
        {
            String file = r.text("csv", "");
            String name = r.text("name", stem(file));
            List<Object> columns = r.scalarList("columns");
            List<Object> exclude = r.scalarList("exclude");
            Object label = r.has("label_column") ? r.scalarList("label_column").stream().findFirst().orElse(null) : null;
            // 'header: false' is a YAML boolean; 'header: auto' a text: both are fine.
            String headerText = r.node("header").filter(n -> n instanceof YamlNode.Scalar s && s.value() instanceof Boolean)
                    .map(n -> String.valueOf(((YamlNode.Scalar) n).value()))
                    .orElseGet(() -> r.text("header", HeaderMode.AUTO.text()));
            HeaderMode header = HeaderMode.parse(headerText).orElse(HeaderMode.AUTO);
            if (HeaderMode.parse(headerText).isEmpty()) {
                problems.add(r.keyLocation("header"), "'header' must be one of {auto, true, false}; found '" + headerText + "'");
            }
            Object weight = r.has("weight_column") ? r.scalarList("weight_column").stream().findFirst().orElse(null) : null;
            List<Object> categorical = r.scalarList("categorical");
            r.finish();
            DatasetSpec.Csv spec = new DatasetSpec.Csv(name, baseDir.resolve(file).normalize(), columns, exclude, label, header, weight,
                    categorical);
            if (checkFiles && !file.isEmpty()) {
                try { // what 'run' would refuse about the file and its columns, found now from its first line
                    CsvDatasetReader.checkColumns(spec.file(), new CsvOptions(columns, exclude, label, header, weight, false)
                            .withCategorical(categorical));
                } catch (UserInputException e) {
                    problems.add(r.node("csv").map(YamlNode::location).orElse(r.location()), e.getMessage());
                }
            }
            return spec;
        }
    }

    private DatasetSpec generated(MappingReader r) {
        String generatorId = r.text("generator", "");
        String name = r.text("name", generatorId);
        Optional<DatasetGenerator> g = Generators.byId(generatorId);
        if (g.isEmpty()) {
            problems.add(r.node("generator").orElseThrow().location(), "unknown generator '" + generatorId + "'"
                    + Suggestions.hint(generatorId, Generators.ids()) + " (known: " + String.join(", ", Generators.ids()) + ")");
            r.accept(r.entries().keySet().toArray(String[]::new));
            return null;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (r.has("seed")) {
            params.put("seed", r.integer("seed", 0, Long.MIN_VALUE));
        }
        Set<String> declared = new LinkedHashSet<>();
        g.get().params().forEach(p -> declared.add(p.name()));
        r.accept(declared.toArray(String[]::new));
        Map<String, Object> raw = new LinkedHashMap<>();
        for (String p : declared) {
            r.node(p).ifPresent(n -> raw.put(p, scalar(n, "parameter '" + p + "' of generator " + generatorId)));
        }
        r.finish();
        try {
            // Keep the defaults too, so that the resolved experiment file spells out every value.
            params.putAll(ParamBinder.bind("generator " + generatorId, g.get().params(), raw).asMap());
        } catch (ParameterException e) {
            for (var v : e.problems()) {
                problems.add(r.keyLocation(v.parameter()), v.message());
            }
        }
        if (params.get("n") instanceof Number n) { // every generator has n; the 2-D ones have no d
            String tooBig = DataSize.problem("generator " + generatorId, n.longValue(),
                    params.get("d") instanceof Number d ? d.longValue() : 2);
            if (tooBig != null) {
                problems.add(r.keyLocation("n"), tooBig);
            }
        }
        return new DatasetSpec.Generated(name, generatorId, params);
    }

    private AlgorithmSpec algorithm(YamlNode item) {
        Optional<MappingReader> o = MappingReader.of(item, "an algorithm entry", problems);
        if (o.isEmpty()) {
            return null;
        }
        MappingReader r = o.get();
        String given = r.text("id", null);
        String label = r.text("name", given);
        Optional<YamlNode> paramsNode = r.node("params");
        r.finish();
        if (given == null) {
            problems.add(r.location(), "an algorithm entry needs 'id' (one of: " + String.join(", ", catalog.algorithmNames()) + ")");
            return null;
        }
        Optional<AlgorithmDescriptor> desc = catalog.algorithm(given);
        if (desc.isEmpty()) {
            problems.add(r.node("id").orElseThrow().location(), "unknown algorithm '" + given + "'"
                    + Suggestions.hint(given, catalog.algorithmNames())
                    + (catalog.algorithmNames().isEmpty() ? " (no algorithm plugin is loaded: see 'clusterlab plugins')"
                    : " (available: " + String.join(", ", catalog.algorithmNames()) + ")"));
            return null;
        }
        int before = problems.size();
        Map<String, List<Object>> grid = paramsNode.map(n -> grid(n, desc.get())).orElse(Map.of());
        for (ParamSpec spec : desc.get().params()) {
            if (spec.required() && !grid.containsKey(spec.name())) {
                problems.add(r.location(), "algorithm " + desc.get().id() + " needs parameter '" + spec.name() + "': " + spec.domain());
            }
        }
        AlgorithmSpec a = new AlgorithmSpec(desc.get().id(), label, grid);
        if (problems.size() == before) {
            checkPoints(a, paramsNode.orElse(r.node("id").orElseThrow()));
        }
        return a;
    }

    /**
     * What the algorithm itself refuses (a free-text value, values that must agree), asked of it for
     * every grid point, so that validate finds what a fit would refuse; each distinct message once, at
     * the parameter's line where the plugin names one. Grids over the run limit are reported elsewhere.
     */
    private void checkPoints(AlgorithmSpec a, YamlNode params) {
        if (RunPlan.count(1, List.of(a), 1) > RunPlan.maxRuns()) {
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Map<String, Object> point : RunPlan.gridPoints(a.grid())) {
            List<dev.clusterlab.api.param.ParamViolation> violations;
            try {
                violations = catalog.check(a.id(), point);
            } catch (dev.clusterlab.api.UserInputException | dev.clusterlab.host.PluginFailure e) {
                if (seen.add(e.getMessage())) {
                    problems.add(params.location(), e.getMessage());
                }
                continue;
            }
            for (var v : violations) {
                if (seen.add(v.message())) {
                    Location at = params instanceof YamlNode.Mapping m && m.keyLocations().containsKey(v.parameter())
                            ? m.keyLocations().get(v.parameter()) : params.location();
                    problems.add(at, v.message());
                }
            }
        }
    }

    private Map<String, List<Object>> grid(YamlNode node, AlgorithmDescriptor desc) {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        Optional<MappingReader> o = MappingReader.of(node, "'params' of " + desc.id(), problems);
        if (o.isEmpty()) {
            return grid;
        }
        MappingReader r = o.get();
        gridEntries(r, "", desc, grid);
        return grid;
    }

    /**
     * Reads the entries of a {@code params} mapping, or of a group inside it ({@code connectivity:
     * {n_neighbors: 10}} for the parameter {@code connectivity.n_neighbors}), into grid axes.
     */
    private void gridEntries(MappingReader r, String group, AlgorithmDescriptor desc, Map<String, List<Object>> grid) {
        for (Map.Entry<String, YamlNode> e : r.entries().entrySet()) {
            String key = group + e.getKey();
            Optional<ParamSpec> spec = desc.params().stream().filter(p -> p.name().equals(key)).findFirst();
            if (spec.isEmpty() && group.isEmpty() && e.getValue() instanceof YamlNode.Mapping
                    && desc.params().stream().anyMatch(p -> p.name().startsWith(key + "."))) {
                MappingReader.of(e.getValue(), "parameter group '" + key + "' of " + desc.id(), problems)
                        .ifPresent(inner -> gridEntries(inner, key + ".", desc, grid));
                continue;
            }
            if (spec.isEmpty()) {
                List<String> names = desc.params().stream().map(ParamSpec::name).toList();
                problems.add(r.keyLocation(e.getKey()), "unknown parameter '" + key + "' of " + desc.id()
                        + Suggestions.hint(key, names) + " (known: " + String.join(", ", names) + ")");
                continue;
            }
            if (e.getValue() instanceof YamlNode.Mapping range) {
                grid.put(key, GridRange.expand(range, key, desc.id(), spec.get(), problems));
                continue;
            }
            List<YamlNode> values = e.getValue() instanceof YamlNode.Sequence seq ? seq.items() : List.of(e.getValue());
            if (values.isEmpty()) {
                problems.add(e.getValue().location(), "parameter '" + key + "' of " + desc.id() + " lists no value");
            }
            List<Object> axis = new ArrayList<>();
            for (YamlNode v : values) {
                Object value = scalar(v, "parameter '" + key + "' of " + desc.id());
                if (value == null) {
                    continue; // reported by scalar(); binding "null" would add a second, misleading message
                }
                try {
                    ParamBinder.bind(desc.id(), List.of(spec.get()), Map.of(key, value));
                    axis.add(value);
                } catch (ParameterException ex) {
                    ex.violations().forEach(msg -> problems.add(v.location(), msg));
                }
            }
            grid.put(key, axis);
        }
    }

    private List<String> metrics(MappingReader r) {
        List<String> ids = new ArrayList<>();
        if (!r.has("metrics")) {
            catalog.defaultMetrics().forEach(m -> ids.add(m.id()));
            return ids;
        }
        YamlNode n = r.node("metrics").orElseThrow();
        List<YamlNode> items = n instanceof YamlNode.Sequence seq ? seq.items() : List.of(n);
        List<String> known = new ArrayList<>();
        catalog.metrics().forEach(m -> {
            known.add(m.id());
            known.addAll(m.aliases());
        });
        catalog.modelScores().forEach(m -> known.add(m.id()));
        for (YamlNode item : items) {
            Object v = scalar(item, "a metric");
            Optional<MetricDescriptor> m = v instanceof String s ? catalog.metric(s).or(() -> catalog.modelScore(s)) : Optional.empty();
            if (m.isEmpty()) {
                problems.add(item.location(), "unknown metric '" + v + "'" + Suggestions.hint(String.valueOf(v), known)
                        + (known.isEmpty() ? " (no metric plugin is loaded)" : " (available: " + String.join(", ", known) + ")"));
            } else if (!ids.contains(m.get().id())) {
                ids.add(m.get().id());
            }
        }
        return ids;
    }

    private Object scalar(YamlNode n, String what) {
        if (n instanceof YamlNode.Scalar s && s.value() != null) {
            return s.value();
        }
        problems.add(n.location(), what + " must be a single value; found " + n.kind());
        return null;
    }

    private void checkUniqueNames(List<String> names, MappingReader r, String key, String what) {
        Set<String> seen = new LinkedHashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                problems.add(r.keyLocation(key), "two " + what + " entries are named '" + n + "'; give one a different 'name'");
            }
        }
    }

    private static String stem(String file) {
        String base = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
