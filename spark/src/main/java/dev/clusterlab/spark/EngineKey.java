package dev.clusterlab.spark;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code engine:} key of an experiment file, which says where it runs:
 * {@snippet lang=yaml :
 * engine:
 *   spark: local[2]     # a Spark master URL: local[N], spark://HOST:7077, yarn, k8s://...
 * }
 * It is read here and taken out of the tree before the host's parser checks the rest, so the file keeps
 * its line and column numbers in every message.
 *
 * @param master the master URL, or {@code null} when the file has no {@code engine:} key
 * @param rest the document without it
 */
public record EngineKey(String master, YamlNode rest) {
    /** The key's name. */
    public static final String KEY = "engine";

    /**
     * @param root a parsed experiment file
     * @return its engine and the rest
     * @throws UserInputException with the file, line and column when the key is malformed
     */
    public static EngineKey of(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping m) || !m.entries().containsKey(KEY)) {
            return new EngineKey(null, root);
        }
        YamlNode engine = m.entries().get(KEY);
        String master = null;
        if (engine instanceof YamlNode.Mapping e) {
            for (Map.Entry<String, YamlNode> x : e.entries().entrySet()) {
                if (!x.getKey().equals("spark")) {
                    throw new UserInputException(e.keyLocations().get(x.getKey()) + ": unknown key '" + x.getKey()
                            + "' under engine; expected spark: MASTER (local[2], spark://HOST:7077, yarn)");
                }
                if (x.getValue() instanceof YamlNode.Scalar s && s.value() instanceof String text && !text.isBlank()) {
                    master = text.strip();
                } else {
                    throw new UserInputException(x.getValue().location() + ": engine.spark must be a Spark master URL such as local[2]; found "
                            + x.getValue().kind());
                }
            }
        }
        if (master == null) {
            throw new UserInputException(engine.location() + ": engine must be a mapping such as {spark: local[2]}; found " + engine.kind());
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>(m.entries());
        Map<String, dev.clusterlab.host.yaml.Location> keys = new LinkedHashMap<>(m.keyLocations());
        entries.remove(KEY);
        keys.remove(KEY);
        return new EngineKey(master, new YamlNode.Mapping(m.location(), entries, keys));
    }
}
