package dev.clusterlab.api.param;

import java.util.Map;

/**
 * An algorithm's parameters as a typed value built in Java, the typed way to call a built-in (or any
 * plugin that offers a record of its parameters): {@code new KMeansParams(...)} instead of a map of
 * names. {@link #values()} gives the same values by their parameter names, so the host binds and checks
 * them against the algorithm's specs exactly as it binds YAML or command-line values; an implementation
 * satisfies {@code from(bind(values())).equals(this)}.
 *
 * @since 0.2
 */
public interface AlgorithmParams {
    /** @return the id of the algorithm these parameters are for, e.g. {@code "kmeans"} @since 0.2 */
    String algorithmId();

    /**
     * @return every parameter by its spec name, in spec order, as YAML would give it: numbers,
     *     booleans and strings (a choice or a distance by its id)
     * @since 0.2
     */
    Map<String, Object> values();
}
