package dev.clusterlab.api.param;

/**
 * The type of a parameter value.
 *
 * @since 0.1
 */
public enum ParamType {
    /** A whole number (held as {@code long}, read with {@link Params#getInt}). */
    INTEGER,
    /** A real number (held as {@code double}). */
    REAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of a fixed list of words. */
    CHOICE,
    /** Free text, such as a file name. */
    TEXT
}
