package dev.clusterlab.host.output;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.artifact.Artifact;
import dev.clusterlab.api.artifact.ArtifactKinds;
import dev.clusterlab.api.artifact.ArtifactTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any artifact as one CSV file, whatever its kind: the header is its table's column names, numbers are
 * in shortest round-trip form with {@code inf}/{@code -inf} for infinities and an empty cell for NaN
 * (as pandas and numpy read them). A table with a {@code row} column gets the label of that row as a
 * last column {@code label}, so a file can be plotted by cluster on its own; reading drops it again.
 * Reading gives back the standard kinds as their types ({@link ArtifactKinds#decode}) and any other
 * kind as a table.
 */
public final class ArtifactFiles {
    /** The column a table with a {@code row} column gains when written with labels. */
    public static final String LABEL_COLUMN = "label";
    /** The file of a folder of artifacts that names each one's kind. */
    public static final String KINDS_FILE = "artifacts.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArtifactFiles() {
    }

    /**
     * @param file where (written atomically)
     * @param artifact what
     * @param labels labels by row for the {@value #LABEL_COLUMN} column, or {@code null} for none
     */
    public static void write(Path file, Artifact artifact, int[] labels) {
        ArtifactTable t = artifact.table();
        boolean withLabels = labels != null && t.has("row") && !t.has(LABEL_COLUMN);
        int[] rows = withLabels ? t.ints("row") : null;
        List<String> names = new ArrayList<>(t.names());
        if (withLabels) {
            names.add(LABEL_COLUMN);
        }
        StringBuilder s = new StringBuilder(t.rows() * 8 * names.size() + 64).append(String.join(",", names)).append('\n');
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.columns().size(); c++) {
                if (c > 0) {
                    s.append(',');
                }
                switch (t.columns().get(c)) {
                    case ArtifactTable.Ints i -> s.append(i.values()[r]);
                    case ArtifactTable.Reals x -> s.append(num(x.values()[r]));
                }
            }
            if (withLabels) {
                s.append(',').append(labels[rows[r]]);
            }
            s.append('\n');
        }
        AtomicFiles.write(file, s.toString());
    }

    /**
     * @param file an artifact file
     * @param kind its kind
     * @return the artifact
     * @throws UserInputException naming the file (and line) when it is unreadable or does not fit the kind
     */
    public static Artifact read(Path file, String kind) {
        ArtifactTable t = readTable(file);
        try {
            return ArtifactKinds.decode(kind, t);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": not a " + kind + " table: " + e.getMessage()
                    + " (rows count from 0 at the line after the header)", e);
        }
    }

    /**
     * Writes each artifact as {@code NAME.csv} in a folder, with {@value #KINDS_FILE} naming the kinds.
     *
     * @param dir the folder (created if missing)
     * @param artifacts by name
     * @param labels labels by row, or {@code null}
     */
    public static void writeFolder(Path dir, Map<String, Artifact> artifacts, int[] labels) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException(dir + ": cannot create the folder: " + e.getMessage(), e);
        }
        artifacts.forEach((name, a) -> write(dir.resolve(name + ".csv"), a, labels));
        AtomicFiles.write(dir.resolve(KINDS_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(kinds(artifacts)) + "\n");
    }

    /**
     * @param dir a folder written by {@link #writeFolder}
     * @return the artifacts by name, in the order written; empty if the folder has no {@value #KINDS_FILE}
     * @throws UserInputException if a file is unreadable
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Artifact> readFolder(Path dir) {
        Path index = dir.resolve(KINDS_FILE);
        Map<String, Artifact> out = new LinkedHashMap<>();
        if (!Files.exists(index)) {
            return out;
        }
        Map<String, Object> kinds;
        try {
            kinds = JSON.readValue(index.toFile(), LinkedHashMap.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new UserInputException(index + ": not a JSON object of artifact kinds: " + e.getOriginalMessage(), e);
        }
        kinds.forEach((name, kind) -> out.put(name, read(dir.resolve(ArtifactKinds.checkName("artifact name", name) + ".csv"),
                String.valueOf(kind))));
        return out;
    }

    /**
     * @param artifacts by name
     * @return the kind of each, by name
     */
    public static Map<String, String> kinds(Map<String, Artifact> artifacts) {
        Map<String, String> kinds = new LinkedHashMap<>();
        artifacts.forEach((name, a) -> kinds.put(name, a.kind()));
        return kinds;
    }

    /** Java's shortest round-trip text for finite values; {@code inf}, {@code -inf}, and empty for NaN. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.toString(v);
    }

    private static ArtifactTable readTable(Path file) {
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) {
                throw new UserInputException(file + ":1: expected a header of column names; found an empty file");
            }
            for (String name : first.strip().split(",", -1)) {
                names.add(name.strip());
            }
            List<double[]> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.strip().split(",", -1);
                if (f.length != names.size()) {
                    throw new UserInputException(file + ":" + lineNo + ": expected " + names.size() + " fields (" + first.strip()
                            + "); found " + f.length);
                }
                double[] row = new double[f.length];
                for (int c = 0; c < f.length; c++) {
                    row[c] = real(file, lineNo, names.get(c), f[c].strip());
                }
                rows.add(row);
            }
            for (int c = 0; c < names.size(); c++) {
                double[] col = new double[rows.size()];
                for (int r = 0; r < col.length; r++) {
                    col[r] = rows.get(r)[c];
                }
                columns.add(col);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        boolean labelled = names.contains("row") && names.getLast().equals(LABEL_COLUMN);
        ArtifactTable.Builder b = ArtifactTable.builder();
        for (int c = 0; c < names.size() - (labelled ? 1 : 0); c++) {
            b.reals(names.get(c), columns.get(c));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ":1: " + e.getMessage(), e);
        }
    }

    private static double real(Path file, int line, String column, String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    double v = Double.parseDouble(s);
                    if (Double.isNaN(v)) {
                        throw new NumberFormatException();
                    }
                    return v;
                } catch (NumberFormatException e) {
                    throw new UserInputException(file + ":" + line + ": column '" + column + "': expected a number, inf or an"
                            + " empty cell; found '" + s + "'", e);
                }
            }
        }
    }
}
