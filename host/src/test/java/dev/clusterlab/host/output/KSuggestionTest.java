package dev.clusterlab.host.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KSuggestionTest {
    @Test
    void theGapRuleTakesTheFirstKWithinOneStandardErrorOfTheNext() {
        List<Integer> ks = List.of(1, 2, 3, 4);
        List<Double> sd = List.of(0.1, 0.1, 0.1, 0.1);
        assertThat(KSuggestion.gapRule(ks, List.of(0.1, 0.5, 0.9, 0.95), sd)).isEqualTo(3);
        assertThat(KSuggestion.gapRule(ks, List.of(0.1, 0.5, 0.9, 1.5), sd)).isEqualTo(-1);
        assertThat(KSuggestion.gapRule(ks, List.of(Double.NaN, Double.NaN, Double.NaN, Double.NaN), sd)).isEqualTo(-1);
    }

    @Test
    void extremesIgnoreUnmeasuredK() {
        List<Integer> ks = List.of(2, 3, 4);
        assertThat(KSuggestion.argmax(ks, List.of(0.1, Double.NaN, 0.3))).isEqualTo(4);
        assertThat(KSuggestion.argmin(ks, List.of(0.1, Double.NaN, 0.3))).isEqualTo(2);
    }
}
