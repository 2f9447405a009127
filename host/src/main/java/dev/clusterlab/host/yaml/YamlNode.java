package dev.clusterlab.host.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where every node and key stood, so that every error in an
 * experiment file can name its line and column (Jackson's data binding loses them).
 */
public sealed interface YamlNode {
    /** @return where the node starts */
    Location location();

    /** @return a word for messages: "a mapping", "a list", "a number", ... */
    String kind();

    /**
     * A mapping, in file order.
     *
     * @param location where it starts
     * @param entries values by key
     * @param keyLocations where each key stands
     */
    record Mapping(Location location, Map<String, YamlNode> entries, Map<String, Location> keyLocations) implements YamlNode {
        public Mapping {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLocations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /**
     * A sequence.
     *
     * @param location where it starts
     * @param items the items
     */
    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, or {@code null} for YAML null.
     *
     * @param location where it stands
     * @param value the value
     */
    record Scalar(Location location, Object value) implements YamlNode {
        @Override
        public String kind() {
            if (value == null) {
                return "null";
            }
            return switch (value) {
                case String s -> "the text '" + s + "'";
                case Boolean b -> "the boolean " + b;
                default -> "the number " + value;
            };
        }
    }
}
