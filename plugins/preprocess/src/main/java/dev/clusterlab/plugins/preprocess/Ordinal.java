package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Ordinal encoding, as scikit-learn's {@code OrdinalEncoder} with given categories and PyCaret's
 * {@code ordinal_features}: a categorical column becomes one numeric column, the position of its level
 * in a given order ({@code 0, 1, ...}); a level not seen by the fit becomes {@code -1}.
 *
 * <p>{@code order} names the columns and their levels, lowest first:
 * {@code "size=S,M,L; plan=basic,pro,enterprise"}. Only those columns are encoded (the others pass,
 * so that a later {@code onehot} encodes them); every level of such a column must be in its order.
 * With no {@code order}, every categorical column is encoded in level order (alphabetical, as read).
 *
 * @since 0.2
 */
@Extension
public final class Ordinal implements Preprocessor {
    static final String ID = "ordinal";
    static final ParamSpec ORDER = ParamSpec.text("order", "",
            "columns and their levels in order, lowest first: 'size=S,M,L; plan=basic,pro,enterprise'; empty: every categorical column in level order");
    private static final PreprocessorDescriptor DESCRIPTOR = new PreprocessorDescriptor(ID, List.of(),
            "Ordinal encoding",
            "Replaces categorical columns by the position of their level in a given order (scikit-learn's OrdinalEncoder; unseen levels -1).",
            List.of(ORDER), false, List.of());

    /** A stateless step; PF4J creates it. @since 0.2 */
    public Ordinal() {
    }

    @Override
    public PreprocessorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FittedPreprocessor fit(Dataset data, Params params, ExecutionContext context) {
        Columns.requireNoMissing(ID, data);
        Columns.requireRows(ID, data, 1);
        Map<String, List<String>> order = parse(params.getString(ORDER.name()));
        List<LevelEncoding.Plan> plans = new ArrayList<>();
        for (int j = 0; j < data.d(); j++) {
            String name = data.featureNames().get(j);
            List<String> given = order.remove(name);
            if (!data.isCategorical(j)) {
                if (given != null) {
                    throw notCategorical(name);
                }
                plans.add(LevelEncoding.Plan.pass());
            } else if (given == null && !orderGiven(params)) {
                plans.add(LevelEncoding.Plan.values(data.levels(j), OneHot.positions(data.levels(j).size()), -1));
            } else if (given == null) {
                plans.add(LevelEncoding.Plan.pass());
            } else {
                Set<String> listed = new HashSet<>(given);
                List<String> levels = data.levels(j);
                long[] counts = LevelEncoding.levelCounts(data, j);
                List<String> absent = new ArrayList<>();
                for (int c = 0; c < levels.size(); c++) {
                    if (counts[c] > 0 && !listed.contains(levels.get(c))) {
                        absent.add(levels.get(c));
                    }
                }
                if (!absent.isEmpty()) {
                    throw new DataException(ID + ": column '" + name + "' has levels " + absent + " that the order "
                            + given + " does not list; expected every level of the column in 'order'");
                }
                plans.add(LevelEncoding.Plan.values(given, OneHot.positions(given.size()), -1));
            }
        }
        if (!order.isEmpty()) {
            throw new DataException(ID + ": 'order' names column" + (order.size() > 1 ? "s " : " ") + order.keySet()
                    + " that dataset '" + data.name() + "' does not have; its columns are " + data.featureNames());
        }
        return new LevelEncoding(ID, data.featureNames(), plans);
    }

    private static boolean orderGiven(Params params) {
        return !params.getString(ORDER.name()).isBlank();
    }

    private static DataException notCategorical(String name) {
        return new DataException(ID + ": 'order' names column '" + name + "', which is numeric; expected a categorical column");
    }

    /**
     * @param text {@code column=level,level; column=level,...}
     * @return the levels of each column, in order
     * @throws DataException naming the part that is not {@code column=levels}
     */
    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new DataException(ID + ": parameter 'order': expected 'column=level,level,...' parts separated by ';'; found '"
                        + part.trim() + "'");
            }
            List<String> levels = new ArrayList<>();
            for (String l : part.substring(eq + 1).split(",")) {
                if (!l.isBlank()) {
                    levels.add(l.trim());
                }
            }
            if (levels.isEmpty() || levels.stream().distinct().count() != levels.size()) {
                throw new DataException(ID + ": parameter 'order': expected distinct levels for column '" + part.substring(0, eq).trim()
                        + "'; found '" + part.substring(eq + 1).trim() + "'");
            }
            out.put(part.substring(0, eq).trim(), levels);
        }
        return out;
    }

    /**
     * Rebuilds a fit from its {@code state()} (see {@link LevelEncoding}).
     *
     * @param state the saved state
     * @return the fitted step
     * @since 0.2
     */
    @Override
    public Optional<FittedPreprocessor> restore(Map<String, Object> state) {
        return Optional.of(LevelEncoding.restore(ID, state));
    }
}
