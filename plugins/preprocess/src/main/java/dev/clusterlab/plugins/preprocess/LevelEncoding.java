package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted encoding of categorical columns, shared by {@code onehot}, {@code ordinal} and
 * {@code group_rare}: for each input column a {@link Plan} says what becomes of it.
 *
 * <p>A plan knows the levels it was fitted on by name. {@link #apply} maps each input code to its
 * level's name and that to the fitted level, so rows whose levels are numbered differently (a file
 * read with other levels, or with levels the fit never saw) are encoded by name; a level the fit did
 * not see ({@link Dataset#UNSEEN_LEVEL}, or a name not among the fitted levels) gets the plan's
 * documented value and never an error.
 *
 * <p>State: {@code step}, {@code features}, and {@code columns}, one map per input column with
 * {@code how} ({@code pass}, {@code onehot}, {@code values}, {@code group}), {@code levels} (the fitted
 * level names) and, for {@code values}, {@code values} (one number per level) and {@code unseen}; for
 * {@code group}, {@code into} (the output level of each fitted level) and {@code output_levels}.
 */
final class LevelEncoding implements FittedPreprocessor {
    /** What becomes of one input column. */
    enum How {
        /** unchanged (numeric, or a categorical column this step leaves alone) */
        PASS,
        /** one indicator column per fitted level; an unseen level is all zeros (scikit-learn's handle_unknown="ignore") */
        ONEHOT,
        /** one numeric column: a number per fitted level (an ordinal position, a frequency) and one for unseen levels */
        VALUES,
        /** one categorical column with fitted levels merged into fewer (rare levels grouped) */
        GROUP
    }

    /**
     * @param how what becomes of the column
     * @param levels the fitted level names (empty for {@code PASS})
     * @param values for {@code VALUES}: one number per level
     * @param unseen for {@code VALUES}: the number of an unseen level
     * @param into for {@code GROUP}: the output level index of each fitted level
     * @param outputLevels for {@code GROUP}: the output levels; an unseen level goes to {@code unseenGroup}
     * @param unseenGroup for {@code GROUP}: the output level of an unseen level, or -1
     */
    record Plan(How how, List<String> levels, double[] values, double unseen, int[] into, List<String> outputLevels, int unseenGroup) {
        Plan {
            levels = List.copyOf(levels);
            outputLevels = List.copyOf(outputLevels);
        }

        static Plan pass() {
            return new Plan(How.PASS, List.of(), new double[0], 0, new int[0], List.of(), -1);
        }

        static Plan oneHot(List<String> levels) {
            return new Plan(How.ONEHOT, levels, new double[0], 0, new int[0], List.of(), -1);
        }

        static Plan values(List<String> levels, double[] values, double unseen) {
            return new Plan(How.VALUES, levels, values, unseen, new int[0], List.of(), -1);
        }

        static Plan group(List<String> levels, int[] into, List<String> outputLevels, int unseenGroup) {
            return new Plan(How.GROUP, levels, new double[0], 0, into, outputLevels, unseenGroup);
        }

        int width() {
            return how == How.ONEHOT ? levels.size() : 1;
        }
    }

    private final String step;
    private final List<String> fittedNames;
    private final List<Plan> plans;
    private final Map<String, Object> summary;

    LevelEncoding(String step, List<String> fittedNames, List<Plan> plans) {
        this.step = step;
        this.fittedNames = List.copyOf(fittedNames);
        this.plans = List.copyOf(plans);
        Map<String, Object> s = new LinkedHashMap<>();
        List<String> encoded = new ArrayList<>();
        for (int j = 0; j < plans.size(); j++) {
            if (plans.get(j).how() != How.PASS) {
                encoded.add(fittedNames.get(j) + " (" + plans.get(j).how().name().toLowerCase(java.util.Locale.ROOT) + ", "
                        + plans.get(j).levels().size() + " levels)");
            }
        }
        s.put("encoded", List.copyOf(encoded));
        s.put("output_features", outputNames());
        this.summary = Collections.unmodifiableMap(s);
    }

    private List<String> outputNames() {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < plans.size(); j++) {
            Plan p = plans.get(j);
            if (p.how() == How.ONEHOT) {
                for (String level : p.levels()) {
                    names.add(fittedNames.get(j) + "_" + level); // scikit-learn's and PyCaret's column names
                }
            } else {
                names.add(fittedNames.get(j));
            }
        }
        return List.copyOf(names);
    }

    @Override
    public Dataset apply(Dataset data) {
        Columns.requireColumns(step, fittedNames, data);
        Columns.requireNoMissing(step, data);
        int n = data.n();
        int d = data.d();
        int width = plans.stream().mapToInt(Plan::width).sum();
        float[] in = data.data();
        float[] out = new float[Math.multiplyExact(n, width)];
        Map<Integer, List<String>> outLevels = new LinkedHashMap<>();
        int at = 0;
        for (int j = 0; j < d; j++) {
            Plan p = plans.get(j);
            if (p.how() != How.PASS && !data.isCategorical(j)) {
                throw new DataException(step + ": dataset '" + data.name() + "': column '" + data.featureNames().get(j)
                        + "' was categorical when the step was fitted; expected levels, got a numeric column");
            }
            int[] fitted = p.how() == How.PASS ? null : fittedCodes(data.levels(j), p.levels());
            for (int i = 0; i < n; i++) {
                float x = in[i * d + j];
                int code = fitted == null || x < 0 ? -1 : fitted[(int) x];
                int o = i * width + at;
                switch (p.how()) {
                    case PASS -> out[o] = x;
                    case ONEHOT -> {
                        if (code >= 0) {
                            out[o + code] = 1f;
                        }
                    }
                    case VALUES -> out[o] = (float) (code >= 0 ? p.values()[code] : p.unseen());
                    case GROUP -> out[o] = code >= 0 ? p.into()[code] : p.unseenGroup();
                }
            }
            if (p.how() == How.PASS && data.isCategorical(j)) {
                outLevels.put(at, data.levels(j));
            } else if (p.how() == How.GROUP) {
                outLevels.put(at, p.outputLevels());
            }
            at += p.width();
        }
        return data.withValues(width, out, outputNames()).withCategorical(outLevels);
    }

    /** @return for each input level code, the fitted level with its name, or -1 */
    private static int[] fittedCodes(List<String> inputLevels, List<String> fittedLevels) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < fittedLevels.size(); c++) {
            index.put(fittedLevels.get(c), c);
        }
        int[] map = new int[inputLevels.size()];
        for (int c = 0; c < map.length; c++) {
            map[c] = index.getOrDefault(inputLevels.get(c), -1);
        }
        return map;
    }

    @Override
    public Map<String, Object> summary() {
        return summary;
    }

    @Override
    public Optional<Map<String, Object>> state() {
        Map<String, Object> state = SavedState.start(step, fittedNames);
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Plan p : plans) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("how", p.how().name().toLowerCase(java.util.Locale.ROOT));
            c.put("levels", p.levels());
            if (p.how() == How.VALUES) {
                c.put("values", SavedState.list(p.values()));
                c.put("unseen", p.unseen());
            } else if (p.how() == How.GROUP) {
                c.put("into", java.util.Arrays.stream(p.into()).boxed().toList());
                c.put("output_levels", p.outputLevels());
                c.put("unseen_group", p.unseenGroup());
            }
            columns.add(c);
        }
        state.put("columns", columns);
        return Optional.of(Collections.unmodifiableMap(state));
    }

    /**
     * @param step the step id restoring it
     * @param state what {@link #state()} gave
     * @return the fitted encoding
     * @throws DataException naming the key at fault
     */
    static LevelEncoding restore(String step, Map<String, Object> state) {
        SavedState saved = SavedState.read(step, state);
        Object columns = saved.require("columns");
        if (!(columns instanceof List<?> list) || list.size() != saved.features().size()) {
            throw saved.error("'columns' must be a list of one map per feature (" + saved.features().size() + ")");
        }
        List<Plan> plans = new ArrayList<>();
        for (int j = 0; j < list.size(); j++) {
            if (!(list.get(j) instanceof Map<?, ?> c)) {
                throw saved.error("'columns' item " + (j + 1) + " must be a map");
            }
            String where = "'columns' item " + (j + 1);
            How how;
            try {
                how = How.valueOf(String.valueOf(c.get("how")).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw saved.error(where + ": 'how' must be pass, onehot, values or group; got " + c.get("how"));
            }
            List<String> levels = strings(saved, c.get("levels"), where + " 'levels'");
            plans.add(switch (how) {
                case PASS -> Plan.pass();
                case ONEHOT -> Plan.oneHot(levels);
                case VALUES -> Plan.values(levels, numbers(saved, c.get("values"), levels.size(), where + " 'values'"),
                        number(saved, c.get("unseen"), where + " 'unseen'"));
                case GROUP -> {
                    List<String> outLevels = strings(saved, c.get("output_levels"), where + " 'output_levels'");
                    double[] into = numbers(saved, c.get("into"), levels.size(), where + " 'into'");
                    int[] map = new int[into.length];
                    for (int l = 0; l < map.length; l++) {
                        map[l] = (int) into[l];
                        if (map[l] != into[l] || map[l] < 0 || map[l] >= outLevels.size()) {
                            throw saved.error(where + " 'into' item " + (l + 1) + " must be an output level 0.." + (outLevels.size() - 1));
                        }
                    }
                    yield Plan.group(levels, map, outLevels, (int) number(saved, c.get("unseen_group"), where + " 'unseen_group'"));
                }
            });
        }
        return new LevelEncoding(step, saved.features(), plans);
    }

    private static List<String> strings(SavedState saved, Object v, String what) {
        if (!(v instanceof List<?> l) || !l.stream().allMatch(String.class::isInstance)) {
            throw saved.error(what + " must be a list of level names");
        }
        return l.stream().map(String.class::cast).toList();
    }

    private static double[] numbers(SavedState saved, Object v, int size, String what) {
        if (!(v instanceof List<?> l) || l.size() != size || !l.stream().allMatch(Number.class::isInstance)) {
            throw saved.error(what + " must be a list of " + size + " numbers");
        }
        return l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    }

    private static double number(SavedState saved, Object v, String what) {
        if (!(v instanceof Number x)) {
            throw saved.error(what + " must be a number");
        }
        return x.doubleValue();
    }

    /**
     * @param data a dataset
     * @param j a categorical column
     * @return how many rows have each level code
     */
    static long[] levelCounts(Dataset data, int j) {
        long[] counts = new long[data.levels(j).size()];
        float[] v = data.data();
        int d = data.d();
        for (int i = 0; i < data.n(); i++) {
            float x = v[i * d + j];
            if (x >= 0) {
                counts[(int) x]++;
            }
        }
        return counts;
    }

    @Override
    public String toString() {
        return step + summary;
    }
}
