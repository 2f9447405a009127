package dev.clusterlab.api.param;

import dev.clusterlab.api.kernel.Distance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validated parameter values, complete with defaults, as produced by {@link ParamBinder}. Values are
 * {@code Long}, {@code Double}, {@code Boolean} or {@code String} according to their {@link ParamType}.
 * An algorithm reads them once into its own params record; binding has checked every value against
 * its {@link ParamSpec}, so the typed reads below do not fail for a value read as its spec declares.
 *
 * @since 0.1
 */
public final class Params {
    private final String owner;
    private final Map<String, Object> values;

    Params(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param name a declared integer parameter
     * @return its value
     * @throws ArithmeticException if it does not fit an {@code int}
     * @since 0.1
     */
    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    /**
     * @param name a declared integer parameter
     * @return its value
     * @since 0.1
     */
    public long getLong(String name) {
        return ((Number) require(name)).longValue();
    }

    /**
     * @param name a declared integer or real parameter
     * @return its value
     * @since 0.1
     */
    public double getDouble(String name) {
        return ((Number) require(name)).doubleValue();
    }

    /**
     * @param name a declared boolean parameter
     * @return its value
     * @since 0.1
     */
    public boolean getBoolean(String name) {
        return (Boolean) require(name);
    }

    /**
     * @param name a declared choice or text parameter
     * @return its value
     * @since 0.1
     */
    public String getString(String name) {
        return (String) require(name);
    }

    /**
     * @param <E> the enum
     * @param name a declared choice parameter whose words are the ids of {@code type}
     *     (see {@link ParamSpec#choice(String, Class, Enum, String)})
     * @param type the enum class
     * @return the constant whose {@link ParamChoice#id()} is the bound word
     * @throws IllegalArgumentException if the word is not an id of {@code type} (the parameter was
     *     declared with other words)
     * @since 0.2
     */
    public <E extends Enum<E> & ParamChoice> E getEnum(String name, Class<E> type) {
        String id = getString(name);
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException(owner + ": parameter '" + name + "' = '" + id + "' is not an id of " + type.getName());
    }

    /**
     * The bound text is kept as written (so result files show what the user wrote) and turned into a
     * distance here; binding against {@link ParamSpec#distance} has already checked that it is one.
     *
     * @param name a declared distance parameter
     * @return its distance
     * @since 0.2
     */
    public Distance getDistance(String name) {
        return Distance.byId(getString(name));
    }

    /** @return every value by name, in declaration order, for provenance and result files @since 0.1 */
    public Map<String, Object> asMap() {
        return values;
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(owner + " declares no parameter '" + name + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(s.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return s.toString();
    }
}
