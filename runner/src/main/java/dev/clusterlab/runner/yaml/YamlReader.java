package dev.clusterlab.runner.yaml;

import dev.clusterlab.api.UserInputException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML into a {@link YamlNode} tree with locations, through Jackson's YAML streaming parser, which
 * keeps SnakeYAML Engine's limits on aliases and nesting depth (an alias bomb or deeply nested
 * brackets fail fast with a clean message). Duplicate keys are errors, as a silent "last one wins"
 * hides mistakes in experiment files.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /**
     * @param fileName the name to show in messages
     * @param text the document
     * @return the root node
     * @throws UserInputException naming file, line and column for malformed YAML
     */
    public static YamlNode read(String fileName, Reader text) {
        try (JsonParser p = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new UserInputException(fileName + ":1:1: the file is empty; expected a YAML mapping");
            }
            YamlNode root = readValue(fileName, p);
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            String where = loc == null || loc == TokenStreamLocation.NA ? fileName
                    : fileName + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new UserInputException(where + ": malformed YAML: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static YamlNode readValue(String file, JsonParser p) {
        Location here = location(file, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    Location keyLoc = location(file, p.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new UserInputException(keyLoc + ": duplicate key '" + key + "' (first at line "
                                + keys.get(key).line() + ")");
                    }
                    p.nextToken();
                    entries.put(key, readValue(file, p));
                    keys.put(key, keyLoc);
                }
                return new YamlNode.Mapping(here, entries, keys);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(file, p));
                }
                return new YamlNode.Sequence(here, items);
            }
            case VALUE_STRING:
                return new YamlNode.Scalar(here, p.getText());
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(here, p.getNumberValue().longValue());
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(here, p.getDoubleValue());
            case VALUE_TRUE:
                return new YamlNode.Scalar(here, Boolean.TRUE);
            case VALUE_FALSE:
                return new YamlNode.Scalar(here, Boolean.FALSE);
            case VALUE_NULL:
                return new YamlNode.Scalar(here, null);
            default:
                throw new UserInputException(here + ": unexpected YAML token " + t);
        }
    }

    private static Location location(String file, TokenStreamLocation loc) {
        return new Location(file, loc.getLineNr(), loc.getColumnNr());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
