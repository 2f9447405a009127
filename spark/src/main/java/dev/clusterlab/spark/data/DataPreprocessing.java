package dev.clusterlab.spark.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.pipeline.FittedStep;
import dev.clusterlab.host.pipeline.Preprocessing;
import dev.clusterlab.host.pipeline.StepSpec;
import dev.clusterlab.host.plugin.Loaded;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Preprocessing in data mode: {@code standardize} and {@code minmax} fitted with Spark aggregations
 * (per-column sums in partition order; the same formulas as the preprocess plugin: population standard
 * deviation with scikit-learn's correction term and constant-column rule, scikit-learn's zero-range rule)
 * and applied to the cached blocks. {@link #hostSteps} turns the statistics into the host's fitted steps,
 * so that the model file written for a data-mode fit is the one {@code clusterlab predict} reads: the
 * step's plugin fits a two-row table of the same columns to give the state's layout, the statistics
 * computed on Spark replace its numbers, and the plugin restores the step from that state.
 */
public final class DataPreprocessing {
    private DataPreprocessing() {
    }

    /**
     * One fitted step: {@code standardize} maps {@code x} to {@code (x - a) / b} (a = mean, b = scale),
     * {@code minmax} to {@code x b' + a'} with {@code (scale, offset)} in {@code (b, a)}.
     *
     * @param spec the step as written
     * @param names the state's two per-feature parameters, as the plugin names them
     * @param first per-column values of the first parameter
     * @param second per-column values of the second
     */
    public record Fitted(StepSpec spec, List<String> names, double[] first, double[] second) {
    }

    /**
     * Fits the steps in order, each on the output of the one before.
     *
     * @param table the raw table (left cached)
     * @param steps {@code standardize} or {@code minmax}, with their parameters
     * @return the fitted steps and the transformed table (cached; the input itself when there are no steps)
     */
    public static Result fit(PointTable table, List<StepSpec> steps) {
        List<Fitted> fitted = new ArrayList<>();
        PointTable current = table;
        for (StepSpec s : steps) {
            Fitted f = switch (s.id()) {
                case "standardize" -> standardize(current, s);
                case "minmax", "min_max" -> minmax(current, s);
                default -> throw new UserInputException("preprocessing step '" + s.id() + "' does not run in data mode yet; "
                        + "data mode fits standardize and minmax");
            };
            fitted.add(f);
            PointTable next = transform(current, f);
            if (current != table) {
                current.release();
            }
            current = next;
        }
        return new Result(fitted, current);
    }

    /**
     * @param steps the fitted steps
     * @param table the data after them
     */
    public record Result(List<Fitted> steps, PointTable table) {
    }

    private static Fitted standardize(PointTable t, StepSpec s) {
        int d = t.d();
        long n = t.n();
        double[] mean = sumColumns(t);
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] second = t.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            double[] correction = new double[d];
            double[] squares = new double[d];
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                for (int i = 0; i < b.n(); i++) {
                    for (int j = 0; j < d; j++) {
                        double x = b.x()[i * d + j] - mean[j];
                        correction[j] += x;
                        squares[j] += x * x;
                    }
                }
            }
            return java.util.Collections.singletonList(new double[][] {correction, squares}).iterator();
        }, true).collect().stream().reduce((a, b) -> add(a, b)).orElseThrow();
        double[] scale = new double[d];
        double eps = Math.ulp(1.0);
        for (int j = 0; j < d; j++) {
            double var = Math.max(0, (second[1][j] - second[0][j] * second[0][j] / n) / n);
            boolean constant = var <= n * eps * var + (n * mean[j] * eps) * (n * mean[j] * eps);
            scale[j] = constant ? 1.0 : Math.sqrt(var);
        }
        return new Fitted(s, List.of("mean", "scale"), mean, scale);
    }

    private static Fitted minmax(PointTable t, StepSpec s) {
        int d = t.d();
        double lo = number(s, "feature_range_min", 0.0);
        double hi = number(s, "feature_range_max", 1.0);
        double[][] range = t.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            double[] min = new double[d];
            double[] max = new double[d];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                for (int i = 0; i < b.n() * d; i++) {
                    min[i % d] = Math.min(min[i % d], b.x()[i]);
                    max[i % d] = Math.max(max[i % d], b.x()[i]);
                }
            }
            return java.util.Collections.singletonList(new double[][] {min, max}).iterator();
        }, true).collect().stream().reduce((a, b) -> {
            double[][] m = {a[0].clone(), a[1].clone()};
            for (int j = 0; j < d; j++) {
                m[0][j] = Math.min(a[0][j], b[0][j]);
                m[1][j] = Math.max(a[1][j], b[1][j]);
            }
            return m;
        }).orElseThrow();
        double[] scale = new double[d];
        double[] offset = new double[d];
        for (int j = 0; j < d; j++) {
            double r = range[1][j] - range[0][j];
            scale[j] = (hi - lo) / (r < 10 * Math.ulp(1.0) ? 1.0 : r); // scikit-learn's _handle_zeros_in_scale
            offset[j] = lo - range[0][j] * scale[j];
        }
        return new Fitted(s, List.of("scale", "offset"), scale, offset);
    }

    private static PointTable transform(PointTable t, Fitted f) {
        int d = t.d();
        boolean standardize = f.spec().id().equals("standardize");
        double[] p = f.first();
        double[] q = f.second();
        PointTable out = new PointTable(t.blocks().map(b -> {
            float[] x = new float[b.x().length];
            for (int i = 0; i < x.length; i++) {
                int j = i % d;
                // The plugin's formulas, in double: (x - mean) / scale, or x * scale + offset.
                x[i] = standardize ? (float) ((b.x()[i] - p[j]) / q[j]) : (float) (b.x()[i] * p[j] + q[j]);
            }
            return new PointBlock(b.partition(), b.firstRow(), b.n(), d, x);
        }).persist(org.apache.spark.storage.StorageLevel.MEMORY_ONLY()), t.n(), d, t.columns(), t.offsets());
        out.blocks().count();
        return out;
    }

    /**
     * The host's fitted steps for the statistics computed on Spark, for a model file.
     *
     * @param lab a session with the steps' plugin (preprocess)
     * @param steps the steps fitted on Spark
     * @param columns the raw columns' names
     * @return the steps as the host's pipeline holds them
     */
    public static List<FittedStep> hostSteps(ClusterLab lab, List<Fitted> steps, List<String> columns) {
        int d = columns.size();
        float[] two = new float[2 * d];
        for (int j = 0; j < d; j++) {
            two[d + j] = 1; // two distinct rows: no column is constant, so the layout is the general one
        }
        Dataset layout = Dataset.of("layout", 2, d, two, columns, null);
        List<FittedStep> out = new ArrayList<>();
        for (Fitted f : steps) {
            FittedStep shape = Preprocessing.fit(layout, List.of(f.spec()), lab.registry(), lab.context(0)).steps().getFirst();
            Map<String, Object> state = new LinkedHashMap<>(shape.fitted().state().orElseThrow(() ->
                    new IllegalStateException("step " + f.spec().id() + " has no saved form")));
            state.put(f.names().get(0), list(f.first()));
            state.put(f.names().get(1), list(f.second()));
            Loaded<Preprocessor> p = lab.registry().loadedPreprocessor(f.spec().id()).orElseThrow();
            FittedPreprocessor restored = p.extension().restore(state).orElseThrow();
            out.add(new FittedStep(shape.id(), shape.pluginId(), shape.pluginVersion(), shape.params(), restored));
        }
        return out;
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    private static double[] sumColumns(PointTable t) {
        int d = t.d();
        double[] total = new double[d];
        for (double[] p : t.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            double[] s = new double[d];
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                for (int i = 0; i < b.n(); i++) {
                    for (int j = 0; j < d; j++) {
                        s[j] += b.x()[i * d + j];
                    }
                }
            }
            return List.of(s).iterator();
        }, true).collect()) {
            for (int j = 0; j < d; j++) {
                total[j] += p[j];
            }
        }
        return total;
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] m = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            m[r] = a[r].clone();
            for (int j = 0; j < m[r].length; j++) {
                m[r][j] += b[r][j];
            }
        }
        return m;
    }

    private static double number(StepSpec s, String name, double otherwise) {
        Object v = s.params().get(name);
        return v instanceof Number x ? x.doubleValue() : otherwise;
    }
}
