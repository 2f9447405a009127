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

    /**
     * Characters an experiment file may have, counted before the parser sees them: the parser's own
     * limits apply only once a whole token is read, and reading one very long scalar takes minutes.
     * Experiment files are small; data belongs in CSV files. System property {@code clusterlab.yaml.max-chars}.
     */
    public static final int DEFAULT_MAX_CHARS = 1 << 20;

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
            p = FACTORY.createParser(ObjectReadContext.empty(), new LimitedReader(text, fileName, maxChars()));
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

    /** @return the size limit in characters, from {@code clusterlab.yaml.max-chars} or the default */
    public static int maxChars() {
        String v = System.getProperty("clusterlab.yaml.max-chars");
        try {
            return v == null ? DEFAULT_MAX_CHARS : Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new UserInputException("-Dclusterlab.yaml.max-chars: expected a number of characters; found '" + v + "'");
        }
    }

    /** Stops at the size limit, before the parser has a token longer than it. */
    private static final class LimitedReader extends java.io.FilterReader {
        private final String file;
        private final int limit;
        private long read;

        LimitedReader(Reader in, String file, int limit) {
            super(in);
            this.file = file;
            this.limit = limit;
        }

        @Override
        public int read() throws java.io.IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws java.io.IOException {
            int n = super.read(buf, off, (int) Math.min(len, limit + 1L - read));
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new UserInputException(file + ": longer than " + limit + " characters, the limit for experiment files"
                        + " (put data in CSV files; raise it with CLUSTERLAB_OPTS=-Dclusterlab.yaml.max-chars=N)");
            }
        }
    }
}
