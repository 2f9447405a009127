package dev.clusterlab.runner.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code clusterlab cluster} reports about one fit, as a small table or one line of JSON.
 *
 * @param algorithm algorithm id
 * @param params every parameter value, defaults included
 * @param n rows
 * @param d columns
 * @param clusters clusters found
 * @param noise points labelled noise
 * @param seconds median fit time
 * @param allSeconds every fit time
 * @param iterations iterations
 * @param objective objective, or NaN
 * @param metrics metric values
 * @param threads threads used
 * @param seed seed used
 */
record FitSummary(String algorithm, Map<String, Object> params, int n, int d, int clusters, int noise, double seconds,
                  double[] allSeconds, int iterations, double objective, Map<String, Double> metrics, int threads, long seed) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", algorithm);
        m.put("params", params);
        m.put("n", n);
        m.put("d", d);
        m.put("clusters", clusters);
        m.put("noise", noise);
        m.put("seconds", seconds);
        List<Double> all = new ArrayList<>();
        for (double s : allSeconds) {
            all.add(s);
        }
        m.put("seconds_all", all);
        m.put("iterations", iterations);
        m.put("objective", Double.isFinite(objective) ? objective : null);
        Map<String, Object> mv = new LinkedHashMap<>();
        metrics.forEach((k, v) -> mv.put(k, Double.isFinite(v) ? v : null));
        m.put("metrics", mv);
        m.put("threads", threads);
        m.put("seed", seed);
        return JSON.writeValueAsString(m) + "\n";
    }

    String table() {
        StringBuilder s = new StringBuilder();
        row(s, "algorithm", algorithm);
        StringBuilder p = new StringBuilder();
        params.forEach((k, v) -> p.append(p.isEmpty() ? "" : " ").append(k).append('=').append(v));
        row(s, "params", p.toString());
        row(s, "data", n + " x " + d);
        row(s, "clusters", Integer.toString(clusters));
        row(s, "noise", Integer.toString(noise));
        row(s, "iterations", Integer.toString(iterations));
        row(s, "objective", Double.isFinite(objective) ? String.format(Locale.ROOT, "%.6g", objective) : "n/a");
        metrics.forEach((k, v) -> row(s, k, Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "n/a"));
        row(s, "seconds", String.format(Locale.ROOT, "%.4f", seconds) + (allSeconds.length > 1 ? " (median of " + allSeconds.length + ")" : ""));
        row(s, "threads", Integer.toString(threads));
        row(s, "seed", Long.toString(seed));
        return s.toString();
    }

    private static void row(StringBuilder s, String key, String value) {
        s.append(String.format(Locale.ROOT, "%-20s %s%n", key, value));
    }
}
