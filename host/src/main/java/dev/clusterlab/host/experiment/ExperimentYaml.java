package dev.clusterlab.host.experiment;

import dev.clusterlab.host.pipeline.StepSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes an experiment back as YAML with everything resolved (defaults, absolute paths, the metric
 * list), so that the output folder holds an experiment file that reproduces the results on its own.
 */
public final class ExperimentYaml {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ExperimentYaml() {
    }

    /**
     * @param e the experiment
     * @param threads the threads actually used
     * @return YAML text
     */
    public static String write(Experiment e, int threads) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("seed", e.seed());
        m.put("repeats", e.repeats());
        m.put("threads", threads);
        if (e.timeoutSeconds() > 0) {
            m.put("timeout", e.timeoutSeconds());
        }
        m.put("isolation", e.isolation().text());
        if (!e.inProcess().isEmpty()) {
            m.put("in_process", e.inProcess());
        }
        m.put("save_models", e.saveModels().text());
        if (e.gap() != null) {
            m.put("gap", Map.of("references", e.gap().references()));
        }
        if (e.stability() != null) {
            m.put("stability", Map.of("resamples", e.stability().resamples(), "fraction", e.stability().fraction()));
        }
        List<Object> datasets = new ArrayList<>();
        for (DatasetSpec d : e.datasets()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("name", d.name());
            switch (d) {
                case DatasetSpec.Csv c -> {
                    dm.put("csv", c.file().toAbsolutePath().toString());
                    if (!c.columns().isEmpty()) {
                        dm.put("columns", c.columns());
                    }
                    if (!c.exclude().isEmpty()) {
                        dm.put("exclude", c.exclude());
                    }
                    if (c.labelColumn() != null) {
                        dm.put("label_column", c.labelColumn());
                    }
                    dm.put("header", c.header().text());
                    if (c.weightColumn() != null) {
                        dm.put("weight_column", c.weightColumn());
                    }
                    if (!c.categorical().isEmpty()) {
                        dm.put("categorical", c.categorical());
                    }
                }
                case DatasetSpec.Bundled b -> dm.put("bundled", b.id());
                case DatasetSpec.Generated g -> {
                    dm.put("generator", g.generator());
                    dm.put("seed", g.params().getOrDefault("seed", e.seed()));
                    g.params().forEach((k, v) -> {
                        if (!"seed".equals(k)) {
                            dm.put(k, v);
                        }
                    });
                }
            }
            List<StepSpec> steps = e.stepsFor(d.name());
            if (!steps.isEmpty()) {
                List<Object> list = new ArrayList<>();
                for (StepSpec st : steps) {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("id", st.id());
                    sm.putAll(st.params());
                    list.add(sm);
                }
                dm.put("preprocessing", list);
            }
            datasets.add(dm);
        }
        m.put("datasets", datasets);
        List<Object> algorithms = new ArrayList<>();
        for (AlgorithmSpec a : e.algorithms()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("id", a.id());
            am.put("name", a.label());
            if (!a.grid().isEmpty()) {
                Map<String, Object> params = new LinkedHashMap<>();
                a.grid().forEach((k, v) -> params.put(k, v.size() == 1 ? v.getFirst() : v));
                am.put("params", params);
            }
            algorithms.add(am);
        }
        m.put("algorithms", algorithms);
        m.put("metrics", e.metrics());
        if (e.rankBy() != null) {
            m.put("rank_by", e.rankBy());
        }
        return "# Resolved by clusterlab: defaults filled in; run it again with 'clusterlab run experiment.yaml'.\n"
                + YAML.writeValueAsString(m);
    }
}
