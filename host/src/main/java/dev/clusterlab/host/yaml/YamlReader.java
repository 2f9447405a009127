package dev.clusterlab.host.yaml;

import dev.clusterlab.api.UserInputException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLSchema;

/**
 * Reads YAML into a {@link YamlNode} tree with locations, through Jackson's YAML streaming parser with
 * the YAML 1.2 core schema ({@code ~}, {@code null} and an empty value are null). Jackson's nesting
 * limit makes deeply nested brackets fail fast with a clean message. Jackson's streaming parser does not
 * resolve aliases itself (it reports {@code *name} as the text "name"): this reader resolves aliases of
 * anchored lists and mappings by sharing the anchored (immutable) node, allows at most
 * {@link #MAX_COLLECTION_ALIASES} of them, so an alias bomb fails fast too, and rejects any other alias.
 * Duplicate keys are errors, as a silent "last one wins" hides mistakes in experiment files.
 */
public final class YamlReader {
    /** Aliases to a list or mapping allowed per document (SnakeYAML Engine's default limit). */
    static final int MAX_COLLECTION_ALIASES = 50;

    private static final YAMLFactory FACTORY = YAMLFactory.builder().yamlSchema(YAMLSchema.CORE).build();

    private final String file;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private int collectionAliases;

    private YamlReader(String file) {
        this.file = file;
    }

    /**
     * @param fileName the name to show in messages
     * @param text the document
     * @return the root node
     * @throws UserInputException naming file, line and column for malformed YAML
     */
    public static YamlNode read(String fileName, Reader text) {
        JsonParser p = null;
        try {
            p = FACTORY.createParser(ObjectReadContext.empty(), text);
            try (JsonParser parser = p) {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    throw new UserInputException(fileName + ":1:1: the file is empty; expected a YAML mapping");
                }
                return new YamlReader(fileName).readValue(parser);
            }
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            if ((loc == null || loc == TokenStreamLocation.NA) && p != null) {
                // Limits (nesting depth, document size) are reported without a location: use the parser's.
                loc = p.currentTokenLocation();
            }
            String where = loc == null || loc == TokenStreamLocation.NA || loc.getLineNr() < 1 ? fileName
                    : fileName + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new UserInputException(where + ": malformed YAML: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private YamlNode readValue(JsonParser p) {
        Location here = location(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (isAlias(p)) {
            return alias(p.getString(), here);
        }
        Object anchor = p.getObjectId();
        YamlNode node = switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Location> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    Location keyLoc = location(p.currentTokenLocation());
                    if (isAlias(p)) {
                        throw new UserInputException(keyLoc + ": an alias (*" + key + ") cannot be a key; write the key out");
                    }
                    if (entries.containsKey(key)) {
                        throw new UserInputException(keyLoc + ": duplicate key '" + key + "' (first at line "
                                + keys.get(key).line() + ")");
                    }
                    p.nextToken();
                    entries.put(key, readValue(p));
                    keys.put(key, keyLoc);
                }
                yield new YamlNode.Mapping(here, entries, keys);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p));
                }
                yield new YamlNode.Sequence(here, items);
            }
            case VALUE_STRING -> new YamlNode.Scalar(here, p.getString());
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new UserInputException(here + ": the integer " + p.getString()
                            + " is too large (integers must lie between -9223372036854775808 and 9223372036854775807)");
                }
                yield new YamlNode.Scalar(here, p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(here, p.getDoubleValue());
            case VALUE_TRUE -> new YamlNode.Scalar(here, Boolean.TRUE);
            case VALUE_FALSE -> new YamlNode.Scalar(here, Boolean.FALSE);
            case VALUE_NULL -> new YamlNode.Scalar(here, null);
            default -> throw new UserInputException(here + ": unexpected YAML token " + t);
        };
        if (anchor != null) {
            anchors.put(anchor.toString(), node);
        }
        return node;
    }

    private static boolean isAlias(JsonParser p) {
        return p instanceof YAMLParser y && y.isCurrentAlias();
    }

    private YamlNode alias(String name, Location here) {
        YamlNode target = anchors.get(name);
        if (target == null) {
            // Jackson reports the anchors of lists and mappings only, not those of single values.
            throw new UserInputException(here + ": alias '*" + name + "' does not refer to a list or mapping anchored"
                    + " before it with '&" + name + "' (aliases of single values are not supported; write the value out)");
        }
        if (!(target instanceof YamlNode.Scalar) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
            throw new UserInputException(here + ": more than " + MAX_COLLECTION_ALIASES
                    + " aliases to lists or mappings; an experiment file does not need that many (an alias bomb?)");
        }
        return target;
    }

    private Location location(TokenStreamLocation loc) {
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
