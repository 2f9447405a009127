package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Rare-level grouping, as PyCaret's {@code rare_to_value} and {@code rare_value}: in each categorical
 * column, the levels whose share of the rows is below {@code threshold} become one level named
 * {@code value} (default {@code rare}), kept categorical for the steps after it (a {@code onehot}
 * then makes one column for them all). A level the fit never saw is rare by definition and joins that
 * group; if no level was rare, it stays unseen. The other levels keep their order; the group comes last
 * (or joins a level of the same name).
 *
 * @since 0.2
 */
@Extension
public final class GroupRare implements Preprocessor {
    static final String ID = "group_rare";
    static final ParamSpec THRESHOLD = ParamSpec.real("threshold", 0.05, 0.0, false, 1.0, false,
            "a level whose share of the rows is below this is grouped (PyCaret's rare_to_value)");
    static final ParamSpec VALUE = ParamSpec.text("value", "rare", "the name of the grouped level (PyCaret's rare_value)");
    private static final PreprocessorDescriptor DESCRIPTOR = new PreprocessorDescriptor(ID, List.of("rare_levels"),
            "Rare-level grouping",
            "Merges the levels of each categorical column whose share of the rows is below threshold into one level (PyCaret's rare_to_value).",
            List.of(THRESHOLD, VALUE), false, List.of());

    /** A stateless step; PF4J creates it. @since 0.2 */
    public GroupRare() {
    }

    @Override
    public PreprocessorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FittedPreprocessor fit(Dataset data, Params params, ExecutionContext context) {
        Columns.requireNoMissing(ID, data);
        Columns.requireRows(ID, data, 1);
        double threshold = params.getDouble(THRESHOLD.name());
        String value = params.getString(VALUE.name()).trim();
        if (value.isEmpty()) {
            throw Columns.parameterError(ID, VALUE.name(), "a non-empty level name", 0);
        }
        List<LevelEncoding.Plan> plans = new ArrayList<>();
        for (int j = 0; j < data.d(); j++) {
            if (!data.isCategorical(j)) {
                plans.add(LevelEncoding.Plan.pass());
                continue;
            }
            List<String> levels = data.levels(j);
            long[] counts = LevelEncoding.levelCounts(data, j);
            List<String> out = new ArrayList<>();
            int[] into = new int[levels.size()];
            boolean anyRare = false;
            for (int c = 0; c < levels.size(); c++) {
                boolean rare = (double) counts[c] / data.n() < threshold;
                anyRare |= rare;
                into[c] = rare ? -1 : out.size();
                if (!rare) {
                    out.add(levels.get(c));
                }
            }
            int group = -1;
            if (anyRare) {
                group = out.indexOf(value);
                if (group < 0) {
                    group = out.size();
                    out.add(value);
                }
                for (int c = 0; c < into.length; c++) {
                    if (into[c] < 0) {
                        into[c] = group;
                    }
                }
            }
            plans.add(LevelEncoding.Plan.group(levels, into, out, group));
        }
        return new LevelEncoding(ID, data.featureNames(), plans);
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
