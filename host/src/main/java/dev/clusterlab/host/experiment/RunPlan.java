package dev.clusterlab.host.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands an experiment into runs: datasets x algorithm entries x grid points x repeats, in that
 * nesting order. Repeat {@code r} runs with seed {@code experiment.seed + r}, so repeat 0 is exactly
 * what {@code clusterlab cluster --seed S} gives for the same parameters.
 */
public final class RunPlan {
    private RunPlan() {
    }

    /**
     * @param e the experiment
     * @return every run, numbered from 1
     */
    public static List<PlannedRun> expand(Experiment e) {
        List<PlannedRun> runs = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (DatasetSpec ds : e.datasets()) {
            for (AlgorithmSpec a : e.algorithms()) {
                for (Map<String, Object> point : gridPoints(a.grid())) {
                    for (int r = 0; r < e.repeats(); r++) {
                        String id = fileSafe(ds.name() + "." + a.label() + paramsPart(point) + ".r" + r);
                        // Names that differ only in unsafe characters ("a b", "a/b") must not share a run id:
                        // the second run would overwrite the first's labels and be skipped on --resume.
                        String unique = id;
                        for (int dup = 2; !used.add(unique); dup++) {
                            unique = id + "." + dup;
                        }
                        id = unique;
                        runs.add(new PlannedRun(runs.size() + 1, id, ds.name(), a, point, r, e.seed() + r));
                    }
                }
            }
        }
        return runs;
    }

    /** The cartesian product of the grid's axes, first axis slowest. */
    static List<Map<String, Object>> gridPoints(Map<String, List<Object>> grid) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : points) {
                for (Object v : axis.getValue()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    private static String paramsPart(Map<String, Object> point) {
        StringBuilder s = new StringBuilder();
        // "k-3.init-random": no ',' or '=' (which shells, spreadsheets and CSV readers treat specially).
        point.forEach((k, v) -> s.append('.').append(k).append('-').append(v));
        return s.toString();
    }

    static String fileSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9._+-]", "_");
    }
}
