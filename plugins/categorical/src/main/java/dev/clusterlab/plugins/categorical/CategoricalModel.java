package dev.clusterlab.plugins.categorical;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted k-modes or k-prototypes model: labels new rows with the nearest prototype under the fit's
 * dissimilarity (the lowest cluster on ties). New rows are encoded as the training rows were
 * ({@link Attributes}): categorical columns are matched to the model's levels by name, so another
 * level order is no problem, and a level the model never saw (or {@link Dataset#UNSEEN_LEVEL})
 * mismatches every mode instead of failing; a value of a numeric column that k-modes treated as
 * categorical and never saw mismatches likewise. A column that was categorical and is numeric now, or
 * the other way round, is a {@link DataException} naming it.
 *
 * <p>Its {@link #state()} (the saved model file) is a map:
 * <pre>
 * format:      "clusterlab.categorical.model"
 * version:     1
 * algorithm:   "kmodes" or "kprototypes"
 * d, k:        number of columns and of clusters
 * gamma:       weight of one mismatch (1 for k-modes)
 * columns:     d maps {name, kind: numeric | levels | values, levels: [names] | values: [numbers]}
 * prototypes:  k lists of d entries: the mean (numeric), the level name (levels) or the value (values)
 * </pre>
 *
 * @since 0.2
 */
public final class CategoricalModel implements ClusterModel {
    static final String FORMAT = "clusterlab.categorical.model";
    private final String algorithm;
    private final Attributes attributes;
    private final Prototypes prototypes;
    private final double gamma;

    CategoricalModel(String algorithm, Attributes attributes, Prototypes prototypes, double gamma) {
        this.algorithm = algorithm;
        this.attributes = attributes;
        this.prototypes = prototypes;
        this.gamma = gamma;
    }

    @Override
    public int d() {
        return attributes.d();
    }

    /** @return the number of clusters @since 0.2 */
    public int clusterCount() {
        return prototypes.k;
    }

    /** @return the weight of one categorical mismatch (1 for k-modes) @since 0.2 */
    public double gamma() {
        return gamma;
    }

    /**
     * @param cluster a cluster
     * @return its prototype, one entry per column: the mean (a {@code Double}) of a numeric column, the
     *     level name (a {@code String}) of a categorical one, the modal value (a {@code Double}) of a
     *     numeric column k-modes treated as categorical
     * @since 0.2
     */
    public List<Object> prototype(int cluster) {
        java.util.Objects.checkIndex(cluster, prototypes.k);
        List<Object> row = new ArrayList<>(d());
        int s = 0;
        int t = 0;
        for (int j = 0; j < d(); j++) {
            switch (attributes.kinds[j]) {
                case NUMERIC -> row.add(prototypes.means[cluster * prototypes.p + s++]);
                case LEVELS -> row.add(attributes.levels.get(j).get(prototypes.modes[cluster * prototypes.m + t++]));
                case VALUES -> row.add(attributes.values[j][prototypes.modes[cluster * prototypes.m + t++]]);
            }
        }
        return row;
    }

    /** @return the row-major {@code k x d} prototypes with categorical columns as their level codes (a copy) @since 0.2 */
    public double[] prototypeCodes() {
        int k = prototypes.k;
        int d = d();
        double[] out = new double[k * d];
        for (int c = 0; c < k; c++) {
            int s = 0;
            int t = 0;
            for (int j = 0; j < d; j++) {
                out[c * d + j] = switch (attributes.kinds[j]) {
                    case NUMERIC -> prototypes.means[c * prototypes.p + s++];
                    case LEVELS -> prototypes.modes[c * prototypes.m + t++];
                    case VALUES -> attributes.values[j][prototypes.modes[c * prototypes.m + t++]];
                };
            }
        }
        return out;
    }

    Attributes attributes() {
        return attributes;
    }

    Prototypes prototypes() {
        return prototypes;
    }

    @Override
    public int[] predict(Dataset data, ExecutionContext context) {
        EncodedRows x = attributes.encode(data);
        int[] out = new int[x.n()];
        context.parallel().forEachChunk(x.n(), PrototypeLoop.CHUNK, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = prototypes.nearest(x, i, gamma, null, 0);
            }
        });
        return out;
    }

    /** The dissimilarity of every new row to every prototype, row-major {@code n x k} (rounded to float). */
    @Override
    public Optional<float[]> transform(Dataset data, ExecutionContext context) {
        EncodedRows x = attributes.encode(data);
        int k = prototypes.k;
        if ((long) x.n() * k > Integer.MAX_VALUE - 8) {
            throw new DataException(algorithm + ": transform of the dataset '" + data.name() + "' needs " + x.n() + " x " + k
                    + " dissimilarities, more than one array holds; transform fewer rows at a time");
        }
        float[] out = new float[x.n() * k];
        context.parallel().forEachChunk(x.n(), PrototypeLoop.CHUNK, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                for (int c = 0; c < k; c++) {
                    out[i * k + c] = (float) prototypes.dissimilarity(x, i, c, gamma);
                }
            }
        });
        return Optional.of(out);
    }

    @Override
    public Optional<Map<String, Object>> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        state.put("version", 1);
        state.put("algorithm", algorithm);
        state.put("d", d());
        state.put("k", prototypes.k);
        state.put("gamma", gamma);
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int j = 0; j < d(); j++) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", attributes.names.get(j));
            col.put("kind", attributes.kinds[j].id);
            if (attributes.kinds[j] == Attributes.Kind.LEVELS) {
                col.put("levels", attributes.levels.get(j));
            } else if (attributes.kinds[j] == Attributes.Kind.VALUES) {
                col.put("values", Arrays.stream(attributes.values[j]).boxed().toList());
            }
            columns.add(Map.copyOf(col));
        }
        state.put("columns", List.copyOf(columns));
        List<List<Object>> rows = new ArrayList<>();
        for (int c = 0; c < prototypes.k; c++) {
            rows.add(List.copyOf(prototype(c)));
        }
        state.put("prototypes", List.copyOf(rows));
        return Optional.of(Map.copyOf(state));
    }

    /**
     * Rebuilds a model from {@link #state()}.
     *
     * @param algorithm the id of the algorithm restoring it, which must be the saved one
     * @param state the saved state
     * @return the model
     * @throws DataException naming the first thing that is wrong
     */
    static CategoricalModel restore(String algorithm, Map<String, Object> state) {
        String where = algorithm + " model state";
        if (state == null) {
            throw new DataException(where + ": expected a map; got null");
        }
        require(where, FORMAT.equals(state.get("format")), "'format' must be \"" + FORMAT + "\"", state.get("format"));
        require(where, state.get("version") instanceof Number v && v.doubleValue() == 1, "'version' must be 1", state.get("version"));
        require(where, algorithm.equals(state.get("algorithm")), "'algorithm' must be \"" + algorithm + "\"", state.get("algorithm"));
        Object g = state.get("gamma");
        require(where, g instanceof Number num && num.doubleValue() > 0 && Double.isFinite(num.doubleValue()),
                "'gamma' must be a finite number > 0", g);
        double gamma = ((Number) g).doubleValue();
        require(where, state.get("columns") instanceof List<?> l && !l.isEmpty(), "'columns' must be a non-empty list of maps",
                state.get("columns"));
        List<?> columns = (List<?>) state.get("columns");
        int d = columns.size();
        List<String> names = new ArrayList<>(d);
        Attributes.Kind[] kinds = new Attributes.Kind[d];
        List<List<String>> levels = new ArrayList<>(d);
        double[][] values = new double[d][];
        for (int j = 0; j < d; j++) {
            String at = "'columns' entry " + (j + 1);
            require(where, columns.get(j) instanceof Map<?, ?>, at + " must be a map", columns.get(j));
            Map<?, ?> col = (Map<?, ?>) columns.get(j);
            require(where, col.get("name") instanceof String, at + ": 'name' must be a text", col.get("name"));
            names.add((String) col.get("name"));
            Attributes.Kind kind = null;
            for (Attributes.Kind kd : Attributes.Kind.values()) {
                if (kd.id.equals(col.get("kind"))) {
                    kind = kd;
                }
            }
            require(where, kind != null, at + ": 'kind' must be numeric, levels or values", col.get("kind"));
            kinds[j] = kind;
            levels.add(null);
            if (kind == Attributes.Kind.LEVELS) {
                require(where, col.get("levels") instanceof List<?> lv && !lv.isEmpty()
                        && lv.stream().allMatch(String.class::isInstance) && lv.stream().distinct().count() == lv.size(),
                        at + ": 'levels' must be a non-empty list of distinct texts", col.get("levels"));
                levels.set(j, ((List<?>) col.get("levels")).stream().map(String.class::cast).toList());
            } else if (kind == Attributes.Kind.VALUES) {
                require(where, col.get("values") instanceof List<?> vs && !vs.isEmpty()
                        && vs.stream().allMatch(v -> v instanceof Number num && Double.isFinite(num.doubleValue())),
                        at + ": 'values' must be a non-empty list of finite numbers", col.get("values"));
                values[j] = ((List<?>) col.get("values")).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
                for (int e = 1; e < values[j].length; e++) {
                    require(where, values[j][e] > values[j][e - 1], at + ": 'values' must be ascending and distinct",
                            col.get("values"));
                }
            }
        }
        Attributes attributes = new Attributes(algorithm, names, kinds, levels, values);
        require(where, state.get("prototypes") instanceof List<?> l && !l.isEmpty(), "'prototypes' must be a non-empty list of lists",
                state.get("prototypes"));
        List<?> rows = (List<?>) state.get("prototypes");
        int k = rows.size();
        int p = attributes.numericColumns.length;
        int m = attributes.categoricalColumns.length;
        Prototypes q = new Prototypes(k, p, m, new double[k * p], new int[k * m]);
        for (int c = 0; c < k; c++) {
            String at = "'prototypes' row " + (c + 1);
            require(where, rows.get(c) instanceof List<?> r && r.size() == d, at + " must be a list of " + d + " entries", rows.get(c));
            List<?> row = (List<?>) rows.get(c);
            int s = 0;
            int t = 0;
            for (int j = 0; j < d; j++) {
                Object v = row.get(j);
                String cell = at + ", column " + (j + 1);
                switch (kinds[j]) {
                    case NUMERIC -> {
                        require(where, v instanceof Number num && Double.isFinite(num.doubleValue()), cell + " must be a finite number", v);
                        q.means[c * p + s++] = ((Number) v).doubleValue();
                    }
                    case LEVELS -> {
                        int code = v instanceof String str ? levels.get(j).indexOf(str) : -1;
                        require(where, code >= 0, cell + " must be one of the column's levels", v);
                        q.modes[c * m + t++] = code;
                    }
                    case VALUES -> {
                        int code = v instanceof Number num ? Arrays.binarySearch(values[j], num.doubleValue()) : -1;
                        require(where, code >= 0, cell + " must be one of the column's values", v);
                        q.modes[c * m + t++] = code;
                    }
                }
            }
        }
        checkCount(where, state, "d", d, "'columns' has " + d + " entries");
        checkCount(where, state, "k", k, "'prototypes' has " + k + " rows");
        return new CategoricalModel(algorithm, attributes, q, gamma);
    }

    private static void checkCount(String where, Map<String, Object> state, String key, int actual, String what) {
        Object v = state.get(key);
        require(where, v == null || v instanceof Number num && num.doubleValue() == actual, "'" + key + "' disagrees: " + what, v);
    }

    private static void require(String where, boolean ok, String expected, Object got) {
        if (!ok) {
            throw new DataException(where + ": " + expected + "; got " + describe(got));
        }
    }

    private static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
