package dev.clusterlab.api.algorithm;

import java.util.Objects;

/**
 * A value a fitted model gives about itself, such as a mixture's Bayesian information criterion,
 * which a comparison can rank by as it ranks by a metric.
 *
 * @param name lower snake case, e.g. {@code bic}
 * @param value the value, NaN where undefined
 * @param higherIsBetter the direction of a ranking
 * @since 0.2
 */
public record ModelScore(String name, double value, boolean higherIsBetter) {
    /** Checks the name. */
    public ModelScore {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a model score's name must be lower snake case: " + name);
        }
    }
}
