package dev.clusterlab.api.param;

import dev.clusterlab.api.kernel.Distance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds raw values (from YAML, where numbers arrive as numbers, or from {@code --param name=value},
 * where everything is text) to a list of {@link ParamSpec}s. Every violation is collected, then
 * thrown once as a {@link ParameterException}. The same checks serve params records built in code
 * ({@link #validate}), so a parameter's domain is written once, in its spec.
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
        List<ParamViolation> problems = new ArrayList<>();
        List<String> known = specs.stream().map(ParamSpec::name).toList();
        for (String name : raw.keySet()) {
            if (!known.contains(name)) {
                problems.add(new ParamViolation.Unknown(owner, name, known));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs) {
            Object given = raw.get(spec.name());
            if (given == null) {
                if (spec.required()) {
                    problems.add(new ParamViolation.Missing(owner, spec.name(), spec.domain()));
                } else {
                    values.put(spec.name(), spec.defaultValue());
                }
                continue;
            }
            ValueCheck.Outcome outcome = ValueCheck.check(owner, spec, given);
            if (outcome.violation() != null) {
                problems.add(outcome.violation());
            } else {
                values.put(spec.name(), outcome.value());
            }
        }
        if (!problems.isEmpty()) {
            throw ParameterException.of(problems);
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

    /**
     * Checks typed values built in code, such as the components of a params record, against the same
     * specs the host binds against, so that a record's constructor needs no range of its own. Every
     * value must be given (a {@code null} is a violation): an {@code Integer} or {@code Long} for an
     * integer, a {@code Double} for a real, a {@code Boolean}, a {@code String} for text or a plain
     * choice, the enum constant for an enum choice and a {@link Distance} for a distance.
     *
     * @param owner algorithm or metric id, for messages
     * @param specs the declared parameters
     * @param values one value per spec, in the order of {@code specs}
     * @return every violation, empty when all values are valid
     * @throws IllegalArgumentException if the values do not match the specs in number or Java type
     *     (a programming error, such as two values swapped)
     * @since 0.2
     */
    public static List<ParamViolation> check(String owner, List<ParamSpec> specs, Object... values) {
        if (values.length != specs.size()) {
            throw new IllegalArgumentException(owner + ": " + values.length + " values for " + specs.size() + " parameters");
        }
        List<ParamViolation> problems = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            ParamSpec spec = specs.get(i);
            Object value = values[i];
            if (value == null) {
                problems.add(new ParamViolation.Invalid(owner, spec.name(), spec.domain(), "null"));
            } else if (!isReadyMade(spec, value)) {
                ParamViolation v = ValueCheck.check(owner, spec, value).violation();
                if (v != null) {
                    problems.add(v);
                }
            }
        }
        return problems;
    }

    /**
     * {@link #check} that throws.
     *
     * @param owner algorithm or metric id, for messages
     * @param specs the declared parameters
     * @param values one value per spec, in the order of {@code specs}
     * @throws ParameterException naming every invalid value
     * @throws IllegalArgumentException if the values do not match the specs in number or Java type
     * @since 0.2
     */
    public static void validate(String owner, List<ParamSpec> specs, Object... values) {
        List<ParamViolation> problems = check(owner, specs, values);
        if (!problems.isEmpty()) {
            throw ParameterException.of(problems);
        }
    }

    /**
     * Whether {@code value} is a constant of the spec's enum or a {@link Distance}, which exist only
     * valid; otherwise checks that it has the Java type the spec's values have, so a value in the
     * wrong place fails loudly instead of being coerced.
     */
    private static boolean isReadyMade(ParamSpec spec, Object value) {
        Class<?> t = spec.valueType();
        if (t.isEnum() || t == Distance.class) {
            requireType(spec, value, t.isInstance(value));
            return true;
        }
        requireType(spec, value, switch (spec.type()) {
            case INTEGER -> value instanceof Integer || value instanceof Long;
            case REAL -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case CHOICE, TEXT -> value instanceof String;
        });
        return false;
    }

    private static void requireType(ParamSpec spec, Object value, boolean ok) {
        if (!ok) {
            throw new IllegalArgumentException("parameter '" + spec.name() + "' takes " + spec.valueType().getSimpleName()
                    + " values, not " + value.getClass().getName() + " (values go in the order of the specs)");
        }
    }
}
