package dev.clusterlab.host.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comparison an experiment produces: per dataset, each algorithm configuration summarised over its
 * seeds and ranked by one metric, plus the k suggested by every sweep over {@code k}. Shared by the
 * console table and the HTML report so that both always agree.
 *
 * @param metricIds metric columns, in order
 * @param rankBy the ranking metric, or {@code null}
 * @param higherIsBetter direction of the ranking metric
 * @param datasets dataset names, in plan order
 * @param configs configurations per dataset, best first (unranked ones last, in plan order)
 * @param suggestions k suggestions per dataset
 */
public record Comparison(List<String> metricIds, String rankBy, boolean higherIsBetter, List<String> datasets,
                         Map<String, List<ConfigSummary>> configs, Map<String, List<KSuggestion>> suggestions) {

    /**
     * @param dataset a dataset name
     * @return its best configuration by the ranking metric, if it was ranked
     */
    public java.util.Optional<ConfigSummary> best(String dataset) {
        return configs.getOrDefault(dataset, List.of()).stream().filter(ConfigSummary::best).findFirst();
    }

    /**
     * @param records every run of the experiment (earlier, resumed ones included), in plan order
     * @param metricIds metric columns
     * @param rankBy ranking metric id, or {@code null} for no ranking
     * @param higherIsBetter whether larger values of {@code rankBy} are better
     * @return the comparison
     */
    public static Comparison of(List<RunRecord> records, List<String> metricIds, String rankBy, boolean higherIsBetter) {
        Map<String, Map<String, List<RunRecord>>> groups = new LinkedHashMap<>();
        for (RunRecord r : records) {
            groups.computeIfAbsent(r.dataset(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(r.algorithm() + "\u0000" + r.paramsText(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<ConfigSummary>> configs = new LinkedHashMap<>();
        Map<String, List<KSuggestion>> suggestions = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<RunRecord>>> ds : groups.entrySet()) {
            List<ConfigSummary> list = new ArrayList<>();
            for (List<RunRecord> runs : ds.getValue().values()) {
                list.add(summarise(runs, metricIds));
            }
            configs.put(ds.getKey(), rank(list, rankBy, higherIsBetter));
            suggestions.put(ds.getKey(), suggest(list));
        }
        return new Comparison(List.copyOf(metricIds), rankBy, higherIsBetter, List.copyOf(groups.keySet()), configs, suggestions);
    }

    private static ConfigSummary summarise(List<RunRecord> runs, List<String> metricIds) {
        RunRecord first = runs.getFirst();
        List<RunRecord> ok = runs.stream().filter(r -> r.ok()).toList();
        Map<String, Stat> metrics = new LinkedHashMap<>();
        for (String m : metricIds) {
            metrics.put(m, Stat.of(ok.stream().mapToDouble(r -> r.metrics().getOrDefault(m, Double.NaN)).toArray()));
        }
        return new ConfigSummary(first.dataset(), first.algorithm(), first.algorithmId(), first.params(), first.paramsText(),
                List.copyOf(runs), runs.size() - ok.size(), metrics,
                Stat.of(ok.stream().mapToDouble(RunRecord::seconds).toArray()),
                Stat.of(ok.stream().mapToDouble(RunRecord::clusters).toArray()),
                Stat.of(ok.stream().mapToDouble(RunRecord::objective).toArray()), 0);
    }

    private static List<ConfigSummary> rank(List<ConfigSummary> list, String rankBy, boolean higherIsBetter) {
        if (rankBy == null) {
            return List.copyOf(list);
        }
        List<ConfigSummary> ranked = new ArrayList<>(list.stream().filter(c -> c.metrics().get(rankBy).count() > 0).toList());
        Comparator<ConfigSummary> byMean = Comparator.comparingDouble(c -> c.metrics().get(rankBy).mean());
        ranked.sort(higherIsBetter ? byMean.reversed() : byMean); // stable: ties keep plan order
        List<ConfigSummary> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            out.add(ranked.get(i).withRank(i + 1));
        }
        list.stream().filter(c -> c.metrics().get(rankBy).count() == 0).forEach(out::add);
        return out;
    }

    private static List<KSuggestion> suggest(List<ConfigSummary> list) {
        Map<String, TreeMap<Integer, ConfigSummary>> sweeps = new LinkedHashMap<>();
        for (ConfigSummary c : list) {
            Object k = c.params().get("k");
            if (!(k instanceof Number num) || c.runs().size() == c.failed()) {
                continue;
            }
            StringBuilder others = new StringBuilder();
            c.params().forEach((name, v) -> {
                if (!"k".equals(name)) {
                    others.append(others.isEmpty() ? "" : " ").append(name).append('=').append(v);
                }
            });
            sweeps.computeIfAbsent(c.algorithm() + "\u0000" + others, x -> new TreeMap<>()).put(num.intValue(), c);
        }
        List<KSuggestion> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, ConfigSummary>> s : sweeps.entrySet()) {
            if (s.getValue().size() < 2) {
                continue;
            }
            List<Integer> ks = List.copyOf(s.getValue().keySet());
            List<Double> objective = s.getValue().values().stream().map(c -> c.objective().mean()).toList();
            List<Double> silhouette = s.getValue().values().stream()
                    .map(c -> c.metrics().getOrDefault("silhouette", Stat.NONE).mean()).toList();
            String[] key = s.getKey().split("\u0000", -1);
            List<Double> bic = mean(s.getValue(), KSuggestion.BIC);
            out.add(new KSuggestion(s.getValue().firstEntry().getValue().dataset(), key[0], key[1], ks, objective, silhouette,
                    KSuggestion.argmax(ks, silhouette), KSuggestion.elbow(ks, objective), bic, KSuggestion.argmin(ks, bic),
                    KSuggestion.argmax(ks, mean(s.getValue(), KSuggestion.CALINSKI_HARABASZ)),
                    KSuggestion.argmin(ks, mean(s.getValue(), KSuggestion.DAVIES_BOULDIN)),
                    KSuggestion.gapRule(ks, mean(s.getValue(), "gap"), mean(s.getValue(), "gap_sd")), mean(s.getValue(), "stability")));
        }
        return out;
    }

    /** @return the mean of a metric per k of a sweep, NaN where it was not measured */
    private static List<Double> mean(TreeMap<Integer, ConfigSummary> sweep, String metric) {
        return sweep.values().stream().map(c -> c.metrics().getOrDefault(metric, Stat.NONE).mean()).toList();
    }
}
