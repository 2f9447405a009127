package dev.clusterlab.api.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validated parameter values, complete with defaults, as produced by {@link ParamBinder}. Values are
 * {@code Long}, {@code Double}, {@code Boolean} or {@code String} according to their {@link ParamType}.
 * An algorithm reads them once into its own params record.
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
