package dev.clusterlab.host.experiment;

import dev.clusterlab.api.param.Suggestions;
import dev.clusterlab.host.yaml.Location;
import dev.clusterlab.host.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the keys of one YAML mapping with types and bounds, reporting mistakes to {@link Problems}
 * instead of stopping at the first, and, on {@link #finish()}, every key nobody asked for (with a
 * "did you mean").
 */
final class MappingReader {
    private final YamlNode.Mapping node;
    private final String what;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    MappingReader(YamlNode.Mapping node, String what, Problems problems) {
        this.node = node;
        this.what = what;
        this.problems = problems;
    }

    /**
     * Reads a node that must be a mapping, or reports it.
     *
     * @return the reader, or empty if the node is not a mapping
     */
    static Optional<MappingReader> of(YamlNode n, String what, Problems problems) {
        if (n instanceof YamlNode.Mapping m) {
            return Optional.of(new MappingReader(m, what, problems));
        }
        problems.add(n.location(), what + " must be a mapping of keys to values; found " + n.kind());
        return Optional.empty();
    }

    Location location() {
        return node.location();
    }

    Location keyLocation(String key) {
        return node.keyLocations().getOrDefault(key, node.location());
    }

    boolean has(String key) {
        known.add(key);
        return node.entries().containsKey(key) && node.entries().get(key) instanceof YamlNode n
                && !(n instanceof YamlNode.Scalar s && s.value() == null);
    }

    Optional<YamlNode> node(String key) {
        known.add(key);
        return Optional.ofNullable(node.entries().get(key));
    }

    /** Declares keys that are read by someone else (e.g. generator parameters). */
    void accept(String... keys) {
        known.addAll(List.of(keys));
    }

    /** @return the entries whose keys nobody declared */
    Map<String, YamlNode> entries() {
        return node.entries();
    }

    String text(String key, String fallback) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return fallback;
        }
        if (n.get() instanceof YamlNode.Scalar s && (s.value() instanceof String || s.value() instanceof Number)) {
            String v = String.valueOf(s.value()).trim();
            if (!v.isEmpty()) {
                return v;
            }
        }
        problems.add(n.get().location(), "'" + key + "' of " + what + " must be a non-empty text; found " + n.get().kind());
        return fallback;
    }

    long integer(String key, long fallback, long min) {
        Optional<YamlNode> n = node(key);
        if (n.isEmpty()) {
            return fallback;
        }
        if (n.get() instanceof YamlNode.Scalar s && s.value() instanceof Long v && v >= min) {
            return v;
        }
        problems.add(n.get().location(), "'" + key + "' of " + what + " must be an integer"
                + (min == Long.MIN_VALUE ? "" : " >= " + min) + "; found " + n.get().kind());
        return fallback;
    }

    /** A text or a list of texts (or integers); a single text is a list of one. */
    List<Object> scalarList(String key) {
        Optional<YamlNode> n = node(key);
        List<Object> out = new ArrayList<>();
        if (n.isEmpty()) {
            return out;
        }
        List<YamlNode> items = n.get() instanceof YamlNode.Sequence seq ? seq.items() : List.of(n.get());
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar s && (s.value() instanceof String || s.value() instanceof Long)) {
                out.add(s.value());
            } else {
                problems.add(item.location(), "'" + key + "' of " + what + " must list names or column positions; found " + item.kind());
            }
        }
        return out;
    }

    /** Reports every key that was not declared by a reader method or {@link #accept}. */
    void finish() {
        for (String key : node.entries().keySet()) {
            if (!known.contains(key)) {
                problems.add(keyLocation(key), "unknown key '" + key + "' in " + what
                        + Suggestions.hint(key, known) + " (allowed: " + String.join(", ", known) + ")");
            }
        }
    }
}
