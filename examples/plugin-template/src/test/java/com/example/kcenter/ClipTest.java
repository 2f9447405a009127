package com.example.kcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClipTest {
    private final Clip clip = new Clip();
    private final Dataset data = Dataset.of("d", new float[][] {{-5, 0.5f}, {1, 7}, {2.5f, -1}});

    private FittedPreprocessor fit(Map<String, Object> raw) {
        return clip.fit(data, ParamBinder.bind("clip", clip.descriptor().params(), raw), ExecutionContextFactory.load().create(1, 1));
    }

    @Test
    void limitsEveryValueToTheRange() {
        Dataset out = fit(Map.of("lower", -1.0, "upper", 2.0)).apply(data);
        assertThat(out.data()).containsExactly(-1, 0.5f, 1, 2, 2, -1);
        assertThat(out.featureNames()).isEqualTo(data.featureNames());
        assertThat(data.data()).containsExactly(-5, 0.5f, 1, 7, 2.5f, -1); // input untouched
    }

    @Test
    void defaultsToThreeStandardDeviations() {
        assertThat(fit(Map.of()).apply(data).data()).containsExactly(-3, 0.5f, 1, 3, 2.5f, -1);
    }

    @Test
    void aRestoredStepGivesTheSameOutput() {
        FittedPreprocessor fitted = fit(Map.of("lower", 0.0, "upper", 1.0));
        Map<String, Object> state = fitted.state().orElseThrow();
        assertThat(state).containsEntry("step", "clip").containsEntry("lower", 0.0).containsEntry("upper", 1.0);
        FittedPreprocessor restored = clip.restore(state).orElseThrow();
        assertThat(restored.apply(data).data()).isEqualTo(fitted.apply(data).data());
    }

    @Test
    void lowerAboveUpperNamesBoth() {
        assertThatThrownBy(() -> fit(Map.of("lower", 2.0, "upper", 1.0)))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("upper")
                .hasMessageContaining("lower");
    }
}
