package dev.clusterlab.host.yaml;

import dev.clusterlab.api.UserInputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set path=value} overrides to an experiment tree before it is parsed: a path is keys
 * separated by dots with {@code [i]} for list items ({@code algorithms[0].params.k}), the value is YAML
 * ({@code 7}, {@code [2, 3, 4]}, {@code random}). A missing key of a mapping is added; a list index must
 * exist. Errors name the override.
 */
public final class YamlOverrides {
    private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private YamlOverrides() {
    }

    /**
     * @param root the experiment tree
     * @param overrides {@code path=value} texts, applied in order
     * @return the new tree
     */
    public static YamlNode apply(YamlNode root, List<String> overrides) {
        YamlNode current = root;
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new UserInputException("--set '" + o + "': expected PATH=VALUE, e.g. seed=7 or algorithms[0].params.k=[2,3]");
            }
            String path = o.substring(0, eq).trim();
            YamlNode value = YamlReader.read("--set " + path, new StringReader(o.substring(eq + 1)));
            List<Object> steps = parsePath(o, path);
            current = set(current, steps, 0, value, o);
        }
        return current;
    }

    private static List<Object> parsePath(String o, String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                throw new UserInputException("--set '" + o + "': '" + part + "' is not a key (letters, digits, '_', '-') with optional [index]");
            }
            steps.add(m.group(1));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                steps.add(Integer.parseInt(idx.group(1)));
            }
        }
        return steps;
    }

    private static YamlNode set(YamlNode node, List<Object> steps, int at, YamlNode value, String o) {
        if (at == steps.size()) {
            return value;
        }
        Object step = steps.get(at);
        if (step instanceof String key) {
            if (!(node instanceof YamlNode.Mapping m)) {
                throw new UserInputException("--set '" + o + "': '" + key + "' needs a mapping there; the experiment has " + node.kind()
                        + " at " + node.location());
            }
            Map<String, YamlNode> entries = new LinkedHashMap<>(m.entries());
            Map<String, Location> keys = new LinkedHashMap<>(m.keyLocations());
            YamlNode child = entries.get(key);
            if (child == null) {
                child = new YamlNode.Mapping(value.location(), Map.of(), Map.of());
                keys.put(key, value.location());
            }
            entries.put(key, set(child, steps, at + 1, value, o));
            return new YamlNode.Mapping(m.location(), entries, keys);
        }
        int index = (Integer) step;
        if (!(node instanceof YamlNode.Sequence s) || index >= s.items().size()) {
            throw new UserInputException("--set '" + o + "': item [" + index + "] does not exist"
                    + (node instanceof YamlNode.Sequence s2 ? " (the list has " + s2.items().size() + ")" : "; found " + node.kind()));
        }
        List<YamlNode> items = new ArrayList<>(s.items());
        items.set(index, set(items.get(index), steps, at + 1, value, o));
        return new YamlNode.Sequence(s.location(), items);
    }
}
