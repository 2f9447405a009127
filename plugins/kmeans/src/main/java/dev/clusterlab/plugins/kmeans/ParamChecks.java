package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;

/** Range checks and {@code int} reads shared by the parameter records of this plugin. */
final class ParamChecks {
    private ParamChecks() {
    }

    /** Adds a violation naming the parameter, its domain and the value when {@code ok} is false. */
    static void check(List<String> errors, String owner, ParamSpec spec, Object value, boolean ok) {
        if (!ok) {
            errors.add("parameter '" + spec.name() + "' of " + owner + " must be " + spec.domain() + "; got " + value);
        }
    }

    /** The binder accepts any {@code long}; arrays are indexed by {@code int}, so larger values are refused here. */
    static int intValue(List<String> errors, String owner, Params p, ParamSpec spec) {
        long v = p.getLong(spec.name());
        if (v > Integer.MAX_VALUE) {
            errors.add("parameter '" + spec.name() + "' of " + owner + " must be at most " + Integer.MAX_VALUE + "; got " + v);
            return 1;
        }
        return (int) v;
    }
}
