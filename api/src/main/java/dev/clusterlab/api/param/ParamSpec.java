package dev.clusterlab.api.param;

import dev.clusterlab.api.kernel.Distance;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One parameter of an algorithm or metric: name, type, default, allowed range or choices, and a
 * one-line description. After scikit-learn's parameter-constraint table, but typed. It is the single
 * place a parameter's domain is written: {@link ParamBinder} checks values against it, whether they
 * come from YAML, the command line or a params record built in code.
 *
 * @param name the name used in YAML and on the command line, lower snake case; {@code group.name}
 *     (since 0.2) puts a parameter in a group, written {@code group: {name: value}} in YAML and
 *     {@code -p group.name=value} on the command line (scikit-learn's nested settings, such as
 *     {@code connectivity: {n_neighbors: 10}})
 * @param type the value type
 * @param defaultValue the default ({@code Long}, {@code Double}, {@code Boolean} or {@code String}),
 *     or {@code null} when the parameter is required
 * @param min lower bound for numbers, or {@code -inf}
 * @param minInclusive whether {@code min} itself is allowed
 * @param max upper bound for numbers, or {@code +inf}
 * @param maxInclusive whether {@code max} itself is allowed
 * @param choices the allowed words for {@link ParamType#CHOICE}, otherwise empty
 * @param description one line for help and docs
 * @param valueType the Java type the value is read as: {@code Long} or {@code Integer} (values must
 *     then fit an {@code int}, read with {@link Params#getInt}) for integers; {@code Double},
 *     {@code Boolean}, {@code String} for the other plain types; for choices {@code String}, an enum
 *     implementing {@link ParamChoice} (read with {@link Params#getEnum}) or {@link Distance} (read with
 *     {@link Params#getDistance}); {@code null} gives the plain type of {@code type} (since 0.2)
 * @param sentinel a number outside the range that is allowed too and stands for something else
 *     ({@code 0} meaning "the same as min_samples"), or {@code null} (since 0.2)
 * @since 0.1
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, double min, boolean minInclusive,
                        double max, boolean maxInclusive, List<String> choices, String description,
                        Class<?> valueType, Sentinel sentinel) {

    /**
     * A special number allowed besides a numeric range, with what it means.
     *
     * @param value the number, a {@code Long} for integers and a {@code Double} for reals
     * @param meaning what it stands for, as help and messages print it: {@code min_samples}
     * @since 0.2
     */
    public record Sentinel(Object value, String meaning) {
        /** Checks that both parts are present. */
        public Sentinel {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(meaning, "meaning");
        }
    }

    /** Validates the spec itself (a programming error in a plugin, not a user error). */
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?")) {
            throw new IllegalArgumentException("parameter name must be lower snake case, or group.name: " + name);
        }
        if (type == ParamType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs choices");
        }
        valueType = valueType == null ? plainValueType(type) : valueType;
        requireReadableAs(name, type, valueType, choices);
        if (sentinel != null) {
            requireSentinel(name, type, sentinel, min, minInclusive, max, maxInclusive);
        }
    }

    /**
     * The 0.1 form: values are read as the plain type of {@code type}, with no sentinel.
     *
     * @param name name
     * @param type value type
     * @param defaultValue default, or {@code null} if required
     * @param min lower bound for numbers
     * @param minInclusive whether {@code min} is allowed
     * @param max upper bound for numbers
     * @param maxInclusive whether {@code max} is allowed
     * @param choices allowed words of a choice
     * @param description one line
     * @since 0.1
     */
    public ParamSpec(String name, ParamType type, Object defaultValue, double min, boolean minInclusive,
                     double max, boolean maxInclusive, List<String> choices, String description) {
        this(name, type, defaultValue, min, minInclusive, max, maxInclusive, choices, description, null, null);
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

    /**
     * An integer parameter in {@code [min, inf)} whose values must also fit an {@code int} (arrays are
     * indexed by {@code int}); the binder refuses larger ones with {@code must be at most 2147483647}.
     *
     * @param name name
     * @param defaultValue default, or {@code null} if required
     * @param min smallest allowed value
     * @param description one line
     * @return the spec, read with {@link Params#getInt}
     * @since 0.2
     */
    public static ParamSpec intAtLeast(String name, Integer defaultValue, int min, String description) {
        return new ParamSpec(name, ParamType.INTEGER, defaultValue == null ? null : Long.valueOf(defaultValue),
                min, true, Double.POSITIVE_INFINITY, true, List.of(), description, Integer.class, null);
    }

    /**
     * A choice among the constants of an enum, written as their {@link ParamChoice#id()}s in
     * declaration order.
     *
     * @param <E> the enum
     * @param name name
     * @param type the enum class
     * @param defaultValue default, or {@code null} if required
     * @param description one line
     * @return the spec, read with {@link Params#getEnum}
     * @since 0.2
     */
    public static <E extends Enum<E> & ParamChoice> ParamSpec choice(String name, Class<E> type, E defaultValue,
                                                                    String description) {
        return new ParamSpec(name, ParamType.CHOICE, defaultValue == null ? null : defaultValue.id(),
                Double.NaN, false, Double.NaN, false, ids(type), description, type, null);
    }

    /**
     * A distance of the engine, written as one of {@link Distance#ids()} (any case, with the aliases
     * {@link Distance#byId} accepts and any {@code minkowski:P}).
     *
     * @param name name, usually {@code metric}
     * @param defaultValue default, or {@code null} if required
     * @param description one line
     * @return the spec, read with {@link Params#getDistance}
     * @since 0.2
     */
    public static ParamSpec distance(String name, Distance defaultValue, String description) {
        return new ParamSpec(name, ParamType.CHOICE, defaultValue == null ? null : defaultValue.id(),
                Double.NaN, false, Double.NaN, false, Distance.ids(), description, Distance.class, null);
    }

    /**
     * This numeric spec with one more allowed value outside its range, which stands for something
     * else: {@code min_cluster_size} in {@code [2, inf)} or {@code 0} meaning {@code min_samples}.
     *
     * @param value the special number, integral for an integer parameter
     * @param meaning what it stands for, as help and messages print it
     * @return the new spec
     * @since 0.2
     */
    public ParamSpec withSentinel(Number value, String meaning) {
        Object v = type == ParamType.INTEGER ? (Object) value.longValue() : (Object) value.doubleValue();
        if (type == ParamType.INTEGER && value.doubleValue() != value.longValue()) {
            throw new IllegalArgumentException("sentinel of integer parameter '" + name + "' must be integral: " + value);
        }
        return new ParamSpec(name, type, defaultValue, min, minInclusive, max, maxInclusive, choices, description,
                valueType, new Sentinel(v, meaning));
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
        String plain = switch (type) {
            case INTEGER -> "an integer in " + range();
            case REAL -> "a real number in " + range();
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of {" + String.join(", ", choices) + "}";
            case TEXT -> "a text";
        };
        return sentinel == null ? plain : shown(sentinel.value()) + " (= " + sentinel.meaning() + ") or " + plain;
    }

    /** Whether a number lies between the bounds, each end open or closed as declared; the sentinel is not part of it. */
    boolean inRange(double v) {
        return inRange(v, min, minInclusive, max, maxInclusive);
    }

    private static boolean inRange(double v, double min, boolean minInclusive, double max, boolean maxInclusive) {
        boolean aboveMin = minInclusive ? v >= min : v > min;
        boolean belowMax = maxInclusive ? v <= max : v < max;
        return aboveMin && belowMax;
    }

    private String range() {
        return (minInclusive ? "[" : "(") + bound(min) + ", " + bound(max) + (maxInclusive && Double.isFinite(max) ? "]" : ")");
    }

    private static String bound(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String shown(Object number) {
        return number instanceof Double d ? bound(d) : String.valueOf(number);
    }

    private static Class<?> plainValueType(ParamType type) {
        return switch (type) {
            case INTEGER -> Long.class;
            case REAL -> Double.class;
            case BOOLEAN -> Boolean.class;
            case CHOICE, TEXT -> String.class;
        };
    }

    private static List<String> ids(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> ((ParamChoice) e).id()).toList();
    }

    @SuppressWarnings("unchecked")
    private static void requireReadableAs(String name, ParamType type, Class<?> valueType, List<String> choices) {
        boolean ok = switch (type) {
            case INTEGER -> valueType == Long.class || valueType == Integer.class;
            case REAL -> valueType == Double.class;
            case BOOLEAN -> valueType == Boolean.class;
            case TEXT -> valueType == String.class;
            case CHOICE -> valueType == String.class || valueType == Distance.class
                    || (valueType.isEnum() && ParamChoice.class.isAssignableFrom(valueType));
        };
        if (!ok) {
            throw new IllegalArgumentException("parameter '" + name + "' of type " + type + " cannot be read as " + valueType.getName());
        }
        // The enum is the one source of the words: a list written beside it could drift.
        if (valueType.isEnum() && !choices.equals(ids((Class<? extends Enum<?>>) valueType))) {
            throw new IllegalArgumentException("choices of parameter '" + name + "' must be the ids of " + valueType.getName());
        }
        if (valueType == Distance.class && !choices.equals(Distance.ids())) {
            throw new IllegalArgumentException("choices of distance parameter '" + name + "' must be Distance.ids()");
        }
    }

    private static void requireSentinel(String name, ParamType type, Sentinel sentinel, double min, boolean minInclusive,
                                        double max, boolean maxInclusive) {
        Class<?> numberType = switch (type) {
            case INTEGER -> Long.class;
            case REAL -> Double.class;
            default -> throw new IllegalArgumentException("only a numeric parameter takes a sentinel: " + name);
        };
        if (!numberType.isInstance(sentinel.value())) {
            throw new IllegalArgumentException("sentinel of parameter '" + name + "' must be a " + numberType.getSimpleName());
        }
        if (inRange(((Number) sentinel.value()).doubleValue(), min, minInclusive, max, maxInclusive)) {
            throw new IllegalArgumentException("sentinel " + sentinel.value() + " of parameter '" + name + "' lies in its range");
        }
    }
}
