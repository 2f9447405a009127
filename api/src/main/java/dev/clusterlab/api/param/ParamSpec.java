package dev.clusterlab.api.param;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of an algorithm or metric: name, type, default, allowed range or choices, and a
 * one-line description. After scikit-learn's parameter-constraint table, but typed.
 *
 * @param name the name used in YAML and on the command line, lower snake case
 * @param type the value type
 * @param defaultValue the default ({@code Long}, {@code Double}, {@code Boolean} or {@code String}),
 *     or {@code null} when the parameter is required
 * @param min lower bound for numbers, or {@code -inf}
 * @param minInclusive whether {@code min} itself is allowed
 * @param max upper bound for numbers, or {@code +inf}
 * @param maxInclusive whether {@code max} itself is allowed
 * @param choices the allowed words for {@link ParamType#CHOICE}, otherwise empty
 * @param description one line for help and docs
 * @since 0.1
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, double min, boolean minInclusive,
                        double max, boolean maxInclusive, List<String> choices, String description) {

    /** Validates the spec itself (a programming error in a plugin, not a user error). */
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("parameter name must be lower snake case: " + name);
        }
        if (type == ParamType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs choices");
        }
    }

    /**
     * An integer parameter in {@code [min, max]}; use {@link Long#MAX_VALUE} for no upper bound.
     *
     * @param name name
     * @param defaultValue default, or {@code null} if required
     * @param min smallest allowed value
     * @param max largest allowed value
     * @param description one line
     * @return the spec
     * @since 0.1
     */
    public static ParamSpec integer(String name, Long defaultValue, long min, long max, String description) {
        return new ParamSpec(name, ParamType.INTEGER, defaultValue, min, true,
                max == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : max, true, List.of(), description);
    }

    /**
     * A real parameter with explicit bound inclusiveness.
     *
     * @param name name
     * @param defaultValue default, or {@code null} if required
     * @param min lower bound (may be {@code -inf})
     * @param minInclusive whether {@code min} is allowed
     * @param max upper bound (may be {@code +inf})
     * @param maxInclusive whether {@code max} is allowed
     * @param description one line
     * @return the spec
     * @since 0.1
     */
    public static ParamSpec real(String name, Double defaultValue, double min, boolean minInclusive,
                                 double max, boolean maxInclusive, String description) {
        return new ParamSpec(name, ParamType.REAL, defaultValue, min, minInclusive, max, maxInclusive, List.of(), description);
    }

    /**
     * A choice among fixed words.
     *
     * @param name name
     * @param defaultValue default, one of {@code choices}, or {@code null} if required
     * @param choices allowed words
     * @param description one line
     * @return the spec
     * @since 0.1
     */
    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String description) {
        return new ParamSpec(name, ParamType.CHOICE, defaultValue, Double.NaN, false, Double.NaN, false, choices, description);
    }

    /**
     * A boolean flag.
     *
     * @param name name
     * @param defaultValue default
     * @param description one line
     * @return the spec
     * @since 0.1
     */
    public static ParamSpec flag(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, Double.NaN, false, Double.NaN, false, List.of(), description);
    }

    /**
     * Free text.
     *
     * @param name name
     * @param defaultValue default, or {@code null} if required
     * @param description one line
     * @return the spec
     * @since 0.1
     */
    public static ParamSpec text(String name, String defaultValue, String description) {
        return new ParamSpec(name, ParamType.TEXT, defaultValue, Double.NaN, false, Double.NaN, false, List.of(), description);
    }

    /** @return whether a value must be given @since 0.1 */
    public boolean required() {
        return defaultValue == null;
    }

    /**
     * What values are allowed, as messages and help print it: {@code an integer in [1, inf)},
     * {@code one of {k-means++, random}}.
     *
     * @return the description of the domain
     * @since 0.1
     */
    public String domain() {
        return switch (type) {
            case INTEGER -> "an integer in " + range();
            case REAL -> "a real number in " + range();
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of {" + String.join(", ", choices) + "}";
            case TEXT -> "a text";
        };
    }

    private String range() {
        return (minInclusive ? "[" : "(") + bound(min) + ", " + bound(max) + (maxInclusive && Double.isFinite(max) ? "]" : ")");
    }

    private String bound(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
