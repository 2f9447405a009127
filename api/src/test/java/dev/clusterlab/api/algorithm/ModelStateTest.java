package dev.clusterlab.api.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelStateTest {
    private static Map<String, Object> state(Object rows) {
        return Map.of("format", "f", "version", 1, "algorithm", "a", "k", 2, "c", rows);
    }

    @Test
    void rowsRoundTripAndCountsAreChecked() {
        float[] values = {1f, 2f, 3.5f, -4f};
        ModelState s = ModelState.read("a", state(ModelState.rows(values, 2, 2)), "f", 1).require("algorithm", "a");
        ModelState.Rows r = s.rows("c");
        assertThat(r.values()).containsExactly(values);
        assertThat(r.count()).isEqualTo(2);
        s.checkCount("k", r.count(), "rows of 'c'");
        assertThatThrownBy(() -> s.checkCount("k", 3, "rows of 'c'")).isInstanceOf(DataException.class)
                .hasMessage("a model state: 'k' is 2 but the state has 3 rows of 'c'");
    }

    @Test
    void problemsNameTheKeyRowAndColumn() {
        assertThatThrownBy(() -> ModelState.read("a", null, "f", 1)).hasMessage("a model state: expected a map; got null");
        assertThatThrownBy(() -> ModelState.read("a", state(List.of()), "g", 1)).hasMessageContaining("'format' must be \"g\"; got \"f\"");
        assertThatThrownBy(() -> ModelState.read("a", state(List.of()), "f", 2)).hasMessageContaining("'version' must be 2; got 1");
        ModelState ragged = ModelState.read("a", state(List.of(List.of(1.0, 2.0), List.of(1.0))), "f", 1);
        assertThatThrownBy(() -> ragged.rows("c")).hasMessage("a model state: 'c' row 2 must be a list of 2 numbers (as row 1); got [1.0]");
        ModelState text = ModelState.read("a", state(List.of(List.of(1.0, "x"))), "f", 1);
        assertThatThrownBy(() -> text.rows("c")).hasMessage("a model state: 'c' row 1, column 2 must be a finite number; got \"x\"");
        assertThat(ModelState.read("a", state(List.of()), "f", 1).rows("c", 3).count()).isZero();
        assertThatThrownBy(() -> ModelState.read("a", state(List.of()), "f", 1).integer("k", 3)).hasMessageContaining("'k' must be a whole number >= 3; got 2");
    }
}
