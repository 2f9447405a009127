package dev.clusterlab.host.output;

import dev.clusterlab.api.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved models: one JSON file holding what produced the model and the state its algorithm gave.
 *
 * <pre>{@code
 * {"format": "clusterlab-model", "format_version": 1,
 *  "algorithm": "kmeans", "algorithm_version": "...", "plugin": "kmeans", "plugin_version": "...",
 *  "params": {...}, "d": 2, "feature_names": ["x", "y"], "state": {...}}
 * }</pre>
 */
public final class ModelFiles {
    /** The value of {@code format}. */
    public static final String FORMAT = "clusterlab-model";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelFiles() {
    }

    /**
     * A model file's content.
     *
     * @param algorithm algorithm id
     * @param algorithmVersion its version
     * @param plugin plugin id
     * @param pluginVersion plugin version
     * @param params the parameters it was fitted with
     * @param d dimension
     * @param featureNames feature names of the training data
     * @param state the algorithm's own state
     */
    public record SavedModel(String algorithm, String algorithmVersion, String plugin, String pluginVersion, Map<String, Object> params,
                             int d, List<String> featureNames, Map<String, Object> state) {
    }

    /**
     * @param file where (written atomically)
     * @param m the model
     */
    public static void write(Path file, SavedModel m) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("format_version", 1);
        root.put("algorithm", m.algorithm());
        root.put("algorithm_version", m.algorithmVersion());
        root.put("plugin", m.plugin());
        root.put("plugin_version", m.pluginVersion());
        root.put("params", m.params());
        root.put("d", m.d());
        root.put("feature_names", m.featureNames());
        root.put("state", m.state());
        AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /**
     * @param file a model file
     * @return its content
     * @throws UserInputException naming the file and what is wrong
     */
    @SuppressWarnings("unchecked")
    public static SavedModel read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no such model file");
        }
        Map<String, Object> root;
        try {
            root = JSON.readValue(file.toFile(), Map.class);
        } catch (JacksonException e) {
            throw new UserInputException(file + ": not a JSON model file: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(root.get("format"))) {
            throw new UserInputException(file + ": expected \"format\": \"" + FORMAT + "\"; found " + root.get("format"));
        }
        if (!Integer.valueOf(1).equals(root.get("format_version"))) {
            throw new UserInputException(file + ": this clusterlab reads model format_version 1; found " + root.get("format_version"));
        }
        for (String key : List.of("algorithm", "d", "state")) {
            if (root.get(key) == null) {
                throw new UserInputException(file + ": the model file has no \"" + key + "\"");
            }
        }
        if (!(root.get("state") instanceof Map) || !(root.get("d") instanceof Number)) {
            throw new UserInputException(file + ": \"state\" must be an object and \"d\" a number");
        }
        return new SavedModel(String.valueOf(root.get("algorithm")), String.valueOf(root.get("algorithm_version")),
                String.valueOf(root.get("plugin")), String.valueOf(root.get("plugin_version")),
                (Map<String, Object>) root.getOrDefault("params", Map.of()), ((Number) root.get("d")).intValue(),
                (List<String>) root.getOrDefault("feature_names", List.of()), (Map<String, Object>) root.get("state"));
    }
}
