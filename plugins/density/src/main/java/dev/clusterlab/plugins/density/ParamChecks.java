package dev.clusterlab.plugins.density;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;

/**
 * Shared pieces of the density algorithms' parameter records: the {@code metric} spec, reading
 * integers that must fit an {@code int}, and range messages in the platform's wording
 * ({@code parameter 'eps' of dbscan must be a real number in (0, inf); got 0.0}).
 */
final class ParamChecks {
    private ParamChecks() {
    }

    /** @return the {@code metric} parameter every density algorithm takes */
    static ParamSpec metricSpec() {
        return ParamSpec.text("metric", "euclidean",
                "distance of the engine: " + String.join(", ", Distance.ids()) + " (scikit-learn's default minkowski p=2 is euclidean)");
    }

    /** Reads an integer parameter, recording an error when it does not fit an {@code int}. */
    static int intValue(String owner, List<String> errors, Params p, ParamSpec spec) {
        long v = p.getLong(spec.name());
        if (v > Integer.MAX_VALUE) {
            errors.add("parameter '" + spec.name() + "' of " + owner + " must be at most " + Integer.MAX_VALUE + "; got " + v);
            return Integer.MAX_VALUE;
        }
        return (int) v;
    }

    /** Parses the {@code metric} parameter, recording an error naming it and the allowed ids. */
    static Distance metric(String owner, List<String> errors, Params p, ParamSpec spec) {
        String id = p.getString(spec.name());
        try {
            return Distance.byId(id);
        } catch (IllegalArgumentException e) {
            errors.add("parameter '" + spec.name() + "' of " + owner + " must be one of {" + String.join(", ", Distance.ids())
                    + "}; got '" + id + "'");
            return Distance.EUCLIDEAN;
        }
    }

    /** Records a range violation for {@code spec} when {@code ok} is false. */
    static void check(String owner, List<String> errors, ParamSpec spec, Object value, boolean ok) {
        if (!ok) {
            errors.add("parameter '" + spec.name() + "' of " + owner + " must be " + spec.domain() + "; got " + value);
        }
    }
}
