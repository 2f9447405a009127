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
        long count = count(e.datasets().size(), e.algorithms(), e.repeats());
        if (count > maxRuns()) {
            throw new dev.clusterlab.api.UserInputException(tooMany(count));
        }
        List<PlannedRun> runs = new ArrayList<>((int) count);
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

    /** Runs an experiment may have unless {@code clusterlab.max-runs} says otherwise; counted before any is built. */
    public static final long DEFAULT_MAX_RUNS = 100_000;

    /** @return the limit on runs, from the system property {@code clusterlab.max-runs} or the default */
    public static long maxRuns() {
        String v = System.getProperty("clusterlab.max-runs");
        try {
            return v == null ? DEFAULT_MAX_RUNS : Math.min(Integer.MAX_VALUE - 8, Math.max(1, Long.parseLong(v.trim())));
        } catch (NumberFormatException ex) {
            throw new dev.clusterlab.api.UserInputException("-Dclusterlab.max-runs: expected a number of runs; found '" + v + "'");
        }
    }

    /**
     * @param datasets how many datasets
     * @param algorithms the algorithm entries with their grids
     * @param repeats repeats per configuration
     * @return datasets x (sum of the grids' sizes) x repeats, saturated at {@link Long#MAX_VALUE}
     */
    public static long count(int datasets, List<AlgorithmSpec> algorithms, int repeats) {
        long configs = 0;
        for (AlgorithmSpec a : algorithms) {
            long points = 1;
            for (List<Object> axis : a.grid().values()) {
                points = saturatedTimes(points, axis.size());
            }
            configs = configs + points < configs ? Long.MAX_VALUE : configs + points;
        }
        return saturatedTimes(saturatedTimes(datasets, configs), repeats);
    }

    /** @return the message for a run matrix over the limit */
    static String tooMany(long count) {
        return String.format(java.util.Locale.ROOT, "the run matrix (datasets x grid points x repeats) has %s runs; the limit is %,d"
                + " (a smaller grid or fewer repeats; to raise the limit: CLUSTERLAB_OPTS=-Dclusterlab.max-runs=N)",
                count == Long.MAX_VALUE ? "more than 9.2e18" : String.format(java.util.Locale.ROOT, "%,d", count), maxRuns());
    }

    private static long saturatedTimes(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
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
