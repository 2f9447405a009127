package dev.clusterlab.plugins.preprocess;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.preprocess.FittedPreprocessor;
import dev.clusterlab.api.preprocess.Preprocessor;
import java.util.List;
import java.util.Map;

/** The steps, and fitting one by id with raw parameters, for tests. */
final class Steps {
    static final ExecutionContext CONTEXT = ExecutionContextFactory.load().create(2, 42L);

    private Steps() {
    }

    /** @return one instance of each step */
    static List<Preprocessor> all() {
        return List.of(new Standardize(), new MinMax(), new MaxAbs(), new Robust(), new Pca(), new Impute(), new DropConstant(),
                new OneHot(), new Ordinal(), new GroupRare());
    }

    /**
     * @param id a step id or alias
     * @return the step
     */
    static Preprocessor byId(String id) {
        return all().stream()
                .filter(p -> p.descriptor().id().equals(id) || p.descriptor().aliases().contains(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown step " + id));
    }

    /**
     * Binds the parameters as the host does, then fits.
     *
     * @param id step id
     * @param data dataset
     * @param raw parameter values by name
     * @return the fitted step
     */
    static FittedPreprocessor fit(String id, Dataset data, Map<String, ?> raw) {
        Preprocessor step = byId(id);
        return step.fit(data, ParamBinder.bind(id, step.descriptor().params(), raw), CONTEXT);
    }
}
