package dev.clusterlab.plugins.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The categorical encoders against scikit-learn's OneHotEncoder and OrdinalEncoder, recorded by
 * {@code scripts/reference/encoding_reference.py} on a table with a numeric and three categorical
 * columns. The new rows have levels the fit never saw; they are read with their own levels (numbered
 * differently), so the steps must encode by level name.
 */
class EncodingReferenceTest {
    @Test
    void oneHotIsScikitLearnsOneHotEncoderWithUnseenLevelsAllZero() {
        Dataset train = table("train.csv");
        FittedPreprocessor f = Steps.fit("onehot", train, Map.of());
        assertSame(f.apply(train), "onehot.train.csv");
        assertSame(f.apply(table("new.csv")), "onehot.new.csv");
        assertSame(restored("onehot", f).apply(table("new.csv")), "onehot.new.csv");
    }

    @Test
    void ordinalWithAGivenOrderIsScikitLearnsOrdinalEncoderAndLeavesTheOtherColumnsCategorical() {
        Dataset train = table("train.csv");
        FittedPreprocessor f = Steps.fit("ordinal", train, Map.of("order", "size=S,M,L"));
        Dataset out = f.apply(train);
        assertThat(out.isCategorical(1)).isTrue();
        assertThat(out.isCategorical(3)).isFalse();
        assertSame(out, "ordinal.train.csv");
        assertSame(f.apply(table("new.csv")), "ordinal.new.csv");
    }

    @Test
    void beyondMaxLevelsAColumnIsItsLevelFrequency() {
        Dataset train = table("train.csv");
        FittedPreprocessor f = Steps.fit("onehot", train, Map.of("max_levels", 6, "beyond", "frequency"));
        assertSame(f.apply(train), "frequency.train.csv");
        assertSame(f.apply(table("new.csv")), "frequency.new.csv");
    }

    @Test
    void rareLevelsAreGroupedAndUnseenLevelsJoinTheGroup() {
        Dataset train = table("train.csv");
        int country = 2;
        long[] counts = LevelEncoding.levelCounts(train, country);
        List<String> common = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if ((double) counts[c] / train.n() >= 0.1) {
                common.add(train.levels(country).get(c));
            }
        }
        assertThat(common.size()).as("the seeded table has rare countries").isLessThan(counts.length);
        FittedPreprocessor f = Steps.fit("group_rare", train, Map.of("threshold", 0.1));
        Dataset out = f.apply(train);
        List<String> expected = new ArrayList<>(common);
        expected.add("rare");
        assertThat(out.levels(country)).isEqualTo(expected);
        for (int i = 0; i < train.n(); i++) {
            String level = train.levels(country).get((int) train.get(i, country));
            String grouped = out.levels(country).get((int) out.get(i, country));
            assertThat(grouped).isEqualTo(common.contains(level) ? level : "rare");
        }
        Dataset fresh = table("new.csv");
        Dataset outNew = restored("group_rare", f).apply(fresh);
        for (int i = 0; i < fresh.n(); i++) {
            String level = fresh.levels(country).get((int) fresh.get(i, country));
            assertThat(outNew.levels(country).get((int) outNew.get(i, country))).isEqualTo(common.contains(level) ? level : "rare");
        }
    }

    @Test
    void scalersPassCategoricalColumnsAndTheImputerFillsTheMostFrequentLevel() {
        Dataset train = table("train.csv");
        Dataset scaled = Steps.fit("standardize", train, Map.of()).apply(train);
        for (int i = 0; i < train.n(); i++) {
            assertThat(scaled.get(i, 1)).isEqualTo(train.get(i, 1));
        }
        assertThat(scaled.categoricalLevels()).isEqualTo(train.categoricalLevels());
        float[] values = train.data().clone();
        values[0 * 4 + 2] = Float.NaN;
        Dataset holes = Dataset.withMissingValues("holes", train.n(), 4, values, train.featureNames(), null)
                .withCategorical(train.categoricalLevels());
        long[] counts = LevelEncoding.levelCounts(holes, 2);
        int mode = 0;
        for (int c = 1; c < counts.length; c++) {
            mode = counts[c] > counts[mode] ? c : mode;
        }
        Dataset filled = Steps.fit("impute", holes, Map.of("strategy", "median")).apply(holes);
        assertThat(filled.get(0, 2)).isEqualTo((float) mode);
        assertThat(filled.isCategorical(2)).isTrue();
    }

    @Test
    void pcaRefusesCategoricalColumnsNamingTheEncodingStep() {
        Dataset train = table("train.csv");
        assertThatThrownBy(() -> Steps.fit("pca", train, Map.of("n_components", 1)))
                .isInstanceOf(DataException.class).hasMessageContaining("'plan' is categorical").hasMessageContaining("onehot");
    }

    @Test
    void anOrderThatMissesALevelOrNamesANumericColumnIsRefused() {
        Dataset train = table("train.csv");
        assertThatThrownBy(() -> Steps.fit("ordinal", train, Map.of("order", "size=S,M")))
                .isInstanceOf(DataException.class).hasMessageContaining("[L]");
        assertThatThrownBy(() -> Steps.fit("ordinal", train, Map.of("order", "income=a,b")))
                .isInstanceOf(DataException.class).hasMessageContaining("'income', which is numeric");
        assertThatThrownBy(() -> Steps.fit("ordinal", train, Map.of("order", "colour=red")))
                .isInstanceOf(DataException.class).hasMessageContaining("[colour]");
    }

    private static FittedPreprocessor restored(String id, FittedPreprocessor f) {
        return Steps.byId(id).restore(f.state().orElseThrow()).orElseThrow();
    }

    private static void assertSame(Dataset out, String expectedFile) {
        List<String[]> rows = csv(expectedFile);
        assertThat(out.featureNames()).isEqualTo(Arrays.asList(rows.get(0)));
        assertThat(out.n()).isEqualTo(rows.size() - 1);
        for (int i = 0; i < out.n(); i++) {
            String[] r = rows.get(i + 1);
            for (int j = 0; j < r.length; j++) {
                if (out.isCategorical(j)) {
                    assertThat(out.levels(j).get((int) out.get(i, j))).as("row %d, column %s", i + 1, rows.get(0)[j]).isEqualTo(r[j]);
                } else {
                    assertThat(out.get(i, j)).as("row %d, column %s", i + 1, rows.get(0)[j]).isEqualTo((float) Double.parseDouble(r[j]));
                }
            }
        }
    }

    /** Reads a table as ClusterLab's CSV reader does: text columns categorical with their levels sorted. */
    private static Dataset table(String file) {
        List<String[]> rows = csv(file);
        int n = rows.size() - 1;
        int d = rows.get(0).length;
        Map<Integer, List<String>> levels = new LinkedHashMap<>();
        for (int j = 1; j < d; j++) {
            TreeSet<String> seen = new TreeSet<>();
            for (int i = 1; i <= n; i++) {
                seen.add(rows.get(i)[j]);
            }
            levels.put(j, List.copyOf(seen));
        }
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i + 1);
            v[i * d] = Float.parseFloat(r[0]);
            for (int j = 1; j < d; j++) {
                v[i * d + j] = levels.get(j).indexOf(r[j]);
            }
        }
        return Dataset.of(file, n, d, v, Arrays.asList(rows.get(0)), null).withCategorical(levels);
    }

    private static List<String[]> csv(String file) {
        try (InputStream in = EncodingReferenceTest.class.getResourceAsStream("/encoding/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
