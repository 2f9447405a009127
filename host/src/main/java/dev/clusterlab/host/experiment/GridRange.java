package dev.clusterlab.host.experiment;

import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParamType;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.host.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A numeric grid axis written as a range: {@code k: {from: 2, to: 10}} (step 1) or
 * {@code eps: {from: 0.1, to: 0.5, step: 0.1}}; {@code to} is included. Steps are added in decimal so
 * that 0.1 + 0.2 is 0.3, not 0.30000000000000004.
 */
final class GridRange {
    /** Longer axes are almost certainly a typo in {@code step}. */
    static final int MAX_VALUES = 1000;

    private GridRange() {
    }

    static List<Object> expand(YamlNode.Mapping range, String key, String algorithm, ParamSpec spec, Problems problems) {
        List<Object> out = new ArrayList<>();
        String what = "range of parameter '" + key + "' of " + algorithm;
        if (spec.type() != ParamType.INTEGER && spec.type() != ParamType.REAL) {
            problems.add(range.location(), what + ": only numeric parameters take {from, to, step}; '" + key + "' is " + spec.domain());
            return out;
        }
        for (String k : range.entries().keySet()) {
            if (!List.of("from", "to", "step").contains(k)) {
                problems.add(range.keyLocations().get(k), what + ": unknown key '" + k + "' (allowed: from, to, step)");
            }
        }
        BigDecimal from = number(range, "from", what, problems);
        BigDecimal to = number(range, "to", what, problems);
        BigDecimal step = range.entries().containsKey("step") ? number(range, "step", what, problems) : BigDecimal.ONE;
        if (from == null || to == null || step == null) {
            return out;
        }
        if (step.signum() <= 0 || to.compareTo(from) < 0) {
            problems.add(range.location(), what + ": expected from <= to and step > 0; got from=" + from + ", to=" + to + ", step=" + step);
            return out;
        }
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            if (out.size() == MAX_VALUES) {
                problems.add(range.location(), what + ": more than " + MAX_VALUES + " values; use a larger step");
                return List.of();
            }
            Object value = spec.type() == ParamType.INTEGER && v.stripTrailingZeros().scale() <= 0 ? (Object) v.longValueExact()
                    : (Object) v.doubleValue();
            try {
                ParamBinder.bind(algorithm, List.of(spec), Map.of(key, value));
                out.add(value);
            } catch (ParameterException e) {
                e.violations().forEach(msg -> problems.add(range.location(), msg));
                return List.of();
            }
        }
        return out;
    }

    private static BigDecimal number(YamlNode.Mapping range, String k, String what, Problems problems) {
        YamlNode n = range.entries().get(k);
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Number num) {
            return new BigDecimal(num.toString());
        }
        problems.add(n == null ? range.location() : n.location(), what + ": '" + k + "' must be a number; found "
                + (n == null ? "nothing" : n.kind()));
        return null;
    }
}
