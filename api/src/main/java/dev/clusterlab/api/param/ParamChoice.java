package dev.clusterlab.api.param;

/**
 * An enum constant that a choice parameter can name: its {@link #id()} is the word written in YAML
 * and on the command line. An enum that implements this is the single source of a choice's words:
 * {@link ParamSpec#choice(String, Class, Enum, String)} lists them and {@link Params#getEnum} reads
 * the bound word back as the constant.
 *
 * {@snippet :
 * enum Init implements ParamChoice {
 *     RANDOM("random"), K_MEANS_PLUS_PLUS("k-means++");
 *     private final String id;
 *     Init(String id) { this.id = id; }
 *     public String id() { return id; }
 * }
 * }
 *
 * @since 0.2
 */
public interface ParamChoice {
    /** @return the word used in YAML and on the command line, unique within its enum @since 0.2 */
    String id();
}
