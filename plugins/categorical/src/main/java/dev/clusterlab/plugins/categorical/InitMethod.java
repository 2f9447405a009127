package dev.clusterlab.plugins.categorical;

import dev.clusterlab.api.param.ParamChoice;

/**
 * How k-modes and k-prototypes choose their initial prototypes. Every method picks {@code k} rows of
 * the data (distinct rows where the data has them), so a prototype always describes a real point.
 *
 * @since 0.2
 */
public enum InitMethod implements ParamChoice {
    /**
     * Cao, Liang and Bai (2009): the densest row first, then each next row maximises its density times
     * its dissimilarity to the nearest prototype chosen so far. Deterministic: {@code n_init} runs once.
     */
    CAO("cao"),
    /**
     * Huang (1998): each attribute of each prototype drawn with the frequencies of its levels (numeric
     * columns: mean plus a normal draw times the standard deviation), then each replaced by the nearest
     * row not already chosen.
     */
    HUANG("huang"),
    /** {@code k} distinct rows drawn uniformly at random. */
    RANDOM("random");

    private final String id;

    InitMethod(String id) {
        this.id = id;
    }

    /** @return the word used in YAML and on the command line @since 0.2 */
    @Override
    public String id() {
        return id;
    }
}
