package dev.clusterlab.host.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;

/**
 * A seeded synthetic dataset with ground truth. Its parameters are declared like an algorithm's, so
 * YAML binding, validation messages and docs come from one place.
 */
public interface DatasetGenerator {
    /** @return the id used after {@code generator:} in YAML */
    String id();

    /** @return one line for docs and {@code clusterlab list} */
    String description();

    /** @return the parameters, {@code seed} excepted (every generator takes it) */
    List<ParamSpec> params();

    /**
     * @param name the dataset name
     * @param params bound parameters
     * @param seed generator seed
     * @return the dataset, with truth labels
     */
    Dataset generate(String name, Params params, long seed);
}
