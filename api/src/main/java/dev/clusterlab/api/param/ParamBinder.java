package dev.clusterlab.api.param;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds raw values (from YAML, where numbers arrive as numbers, or from {@code --param name=value},
 * where everything is text) to a list of {@link ParamSpec}s. Every violation is collected, then
 * thrown once as a {@link ParameterException}.
 *
 * {@snippet :
 * Params p = ParamBinder.bind("kmeans", specs, Map.of("k", "8")); // p.getInt("k") == 8
 * }
 *
 * @since 0.1
 */
public final class ParamBinder {
    private ParamBinder() {
    }

    /**
     * @param owner algorithm or metric id, for messages
     * @param specs the declared parameters
     * @param raw given values by name; unknown names are errors
     * @return the complete, validated values (defaults filled in)
     * @throws ParameterException naming every invalid, unknown or missing parameter
     * @since 0.1
     */
    public static Params bind(String owner, List<ParamSpec> specs, Map<String, ?> raw) {
        List<String> errors = new ArrayList<>();
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String name : raw.keySet()) {
            if (!byName.containsKey(name)) {
                errors.add("unknown parameter '" + name + "' of " + owner
                        + Suggestions.hint(name, byName.keySet())
                        + (byName.isEmpty() ? " (it takes no parameters)" : " (known: " + String.join(", ", byName.keySet()) + ")"));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object given = raw.get(spec.name());
            if (given == null) {
                if (spec.required()) {
                    errors.add("parameter '" + spec.name() + "' of " + owner + " is required: " + spec.domain());
                } else {
                    values.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            Object value = coerce(spec, given);
            if (value == null || !allowed(spec, value)) {
                errors.add("parameter '" + spec.name() + "' of " + owner + " must be " + spec.domain() + "; got " + show(given));
            } else {
                values.put(spec.name(), value);
            }
        }
        if (!errors.isEmpty()) {
            throw new ParameterException(errors);
        }
        return new Params(owner, values);
    }

    /**
     * The defaults of every parameter; fails if one is required.
     *
     * @param owner algorithm or metric id
     * @param specs declared parameters
     * @return the default values
     * @since 0.1
     */
    public static Params defaults(String owner, List<ParamSpec> specs) {
        return bind(owner, specs, Map.of());
    }

    private static Object coerce(ParamSpec spec, Object given) {
        String text = given instanceof String s ? s.trim() : null;
        return switch (spec.type()) {
            case INTEGER -> {
                if (given instanceof Integer || given instanceof Long || given instanceof Short) {
                    yield ((Number) given).longValue();
                }
                if (given instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
                        && Math.abs(num.doubleValue()) < 9e15) {
                    yield num.longValue(); // 1e3 written in YAML is still an integer
                }
                if (text != null && text.matches("[+-]?\\d{1,18}")) {
                    yield Long.parseLong(text);
                }
                yield null;
            }
            case REAL -> {
                if (given instanceof Number num) {
                    yield num.doubleValue();
                }
                if (text != null) {
                    try {
                        double v = Double.parseDouble(text);
                        yield Double.isNaN(v) ? null : v;
                    } catch (NumberFormatException e) {
                        yield null;
                    }
                }
                yield null;
            }
            case BOOLEAN -> {
                if (given instanceof Boolean b) {
                    yield b;
                }
                if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                    yield Boolean.parseBoolean(text);
                }
                yield null;
            }
            case CHOICE, TEXT -> given instanceof String || given instanceof Number || given instanceof Boolean
                    ? String.valueOf(given).trim() : null;
        };
    }

    private static boolean allowed(ParamSpec spec, Object value) {
        return switch (spec.type()) {
            case INTEGER, REAL -> {
                double v = ((Number) value).doubleValue();
                boolean aboveMin = spec.minInclusive() ? v >= spec.min() : v > spec.min();
                boolean belowMax = spec.maxInclusive() ? v <= spec.max() : v < spec.max();
                yield aboveMin && belowMax;
            }
            case CHOICE -> spec.choices().contains((String) value);
            case BOOLEAN, TEXT -> true;
        };
    }

    private static String show(Object given) {
        return given instanceof String s ? "'" + s + "'" : String.valueOf(given);
    }
}
