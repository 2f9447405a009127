package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamChoice;
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
 * One-hot encoding of the categorical columns, as scikit-learn's {@code OneHotEncoder(handle_unknown=
 * "ignore")} and PyCaret's {@code setup}: a column with {@code L} levels becomes {@code L} indicator
 * columns named {@code column_level}, in level order; a level not seen by the fit gives all zeros.
 *
 * <p>A column with more than {@code max_levels} levels (PyCaret's {@code max_encoding_ohe}) is
 * encoded as one numeric column instead, by {@code beyond}: {@code frequency} (the level's share of
 * the fitted rows; an unseen level 0) or {@code ordinal} (its position in level order; unseen -1).
 * Numeric columns pass unchanged. This is the step the host adds by itself when an algorithm that
 * takes only numbers meets categorical columns.
 *
 * @since 0.2
 */
@Extension
public final class OneHot implements Preprocessor {
    static final String ID = "onehot";

    /** What encodes a column with more levels than {@code max_levels}. */
    enum Beyond implements ParamChoice {
        FREQUENCY("frequency"),
        ORDINAL("ordinal");

        private final String id;

        Beyond(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    static final ParamSpec MAX_LEVELS = ParamSpec.intAtLeast("max_levels", 25, 2,
            "the most levels a column may have to be one-hot encoded (PyCaret's max_encoding_ohe); more are encoded by 'beyond'");
    static final ParamSpec BEYOND = ParamSpec.choice("beyond", Beyond.class, Beyond.FREQUENCY,
            "how a column with more than max_levels levels is encoded: its level's frequency, or its level's ordinal position");
    private static final PreprocessorDescriptor DESCRIPTOR = new PreprocessorDescriptor(ID, List.of("one_hot"),
            "One-hot encoding",
            "Replaces each categorical column by one 0/1 column per level (scikit-learn's OneHotEncoder, unseen levels all 0); "
                    + "a column with more than max_levels levels by its level frequencies or ordinal codes.",
            List.of(MAX_LEVELS, BEYOND), false, List.of());

    /** A stateless step; PF4J creates it. @since 0.2 */
    public OneHot() {
    }

    @Override
    public PreprocessorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public FittedPreprocessor fit(Dataset data, Params params, ExecutionContext context) {
        Columns.requireNoMissing(ID, data);
        Columns.requireRows(ID, data, 1);
        int maxLevels = params.getInt(MAX_LEVELS.name());
        Beyond beyond = params.getEnum(BEYOND.name(), Beyond.class);
        List<LevelEncoding.Plan> plans = new ArrayList<>();
        for (int j = 0; j < data.d(); j++) {
            List<String> levels = data.levels(j);
            if (!data.isCategorical(j)) {
                plans.add(LevelEncoding.Plan.pass());
            } else if (levels.size() <= maxLevels) {
                plans.add(LevelEncoding.Plan.oneHot(levels));
            } else if (beyond == Beyond.ORDINAL) {
                plans.add(LevelEncoding.Plan.values(levels, positions(levels.size()), -1));
            } else {
                long[] counts = LevelEncoding.levelCounts(data, j);
                double[] share = new double[counts.length];
                for (int c = 0; c < share.length; c++) {
                    share[c] = (double) counts[c] / data.n();
                }
                plans.add(LevelEncoding.Plan.values(levels, share, 0));
            }
        }
        return new LevelEncoding(ID, data.featureNames(), plans);
    }

    static double[] positions(int levels) {
        double[] p = new double[levels];
        for (int c = 0; c < levels; c++) {
            p[c] = c;
        }
        return p;
    }

    /**
     * Rebuilds a fit from its {@code state()} (see {@link LevelEncoding}).
     *
     * @param state the saved state
     * @return the fitted step
     * @throws dev.clusterlab.api.DataException naming the key at fault
     * @since 0.2
     */
    @Override
    public Optional<FittedPreprocessor> restore(Map<String, Object> state) {
        return Optional.of(LevelEncoding.restore(ID, state));
    }
}
