package dev.clusterlab.host.yaml;

/**
 * Where something stands in a source file, 1-based, as editors show it.
 *
 * @param file the file name as the user gave it
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
