package dev.clusterlab.host.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file into a {@link Dataset}, streaming (FastCSV), in UTF-8 with or without a BOM, LF or
 * CRLF, final newline optional. Blank lines are skipped.
 *
 * <p>A feature column is numeric or categorical, decided by its first non-empty value (or declared
 * categorical in the options, or so in a saved model): a numeric column's every value must be a plain
 * finite decimal number (an empty cell, {@code NaN}, {@code Inf}, text or a ragged row is an error
 * naming file, line and column); a categorical column's values are level names, whose codes follow the
 * levels sorted by name (scikit-learn's and pandas' order), unless a model gives the levels, in which
 * case a name not among them is {@link Dataset#UNSEEN_LEVEL}.
 */
public final class CsvDatasetReader {
    private CsvDatasetReader() {
    }

    /**
     * @param file a data file named by the user
     * @throws UserInputException when it is missing, a folder or unreadable, saying which
     */
    public static void requireReadableFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserInputException(file + ": is a folder; expected a CSV file");
        }
        if (!Files.exists(file)) {
            throw new UserInputException(file + ": no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserInputException(file + ": cannot read the file (" + (Files.isRegularFile(file) ? "no permission" : "not a regular file") + ")");
        }
    }

    /**
     * @param file the CSV file
     * @param name the dataset name
     * @param options columns, label column, header
     * @return the dataset, with ground truth when a label column is given
     * @throws UserInputException naming file, line and column for any bad field
     */
    public static Dataset read(Path file, String name, CsvOptions options) {
        requireReadableFile(file);
        try (CsvReader<CsvRecord> csv = builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            return read(csv, file.toString(), name, options);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Checks, from the first line alone, what {@link #read} would refuse about the column options: names
     * the header does not have (with a suggestion), positions outside the file, declared categorical
     * columns that are not features. A bad value further down is found only by reading the file.
     *
     * @param file the CSV file
     * @param options columns, label column, header
     * @throws UserInputException naming the file and the first problem
     */
    public static void checkColumns(Path file, CsvOptions options) {
        requireReadableFile(file);
        try (CsvReader<CsvRecord> csv = builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw new UserInputException(file + ": the file is empty; expected rows of numbers");
            }
            CsvRecord first = it.next();
            boolean hasHeader = options.header().isHeader(first.getFields());
            List<String> header = hasHeader ? Cells.header(file, first.getStartingLineNumber(), first.getFields()) : null;
            ColumnSelection sel = ColumnSelection.resolve(file.toString(), header, first.getFieldCount(), options);
            declaredCategorical(file.toString(), header, first.getFieldCount(), sel, options);
        } catch (IOException | UncheckedIOException | CsvParseException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a CSV resource bundled in the runner jar (the {@code bundled:} datasets).
     *
     * @param resource absolute resource path
     * @param name the dataset name
     * @param options columns, label column, header
     * @return the dataset
     */
    public static Dataset readResource(String resource, String name, CsvOptions options) {
        java.io.InputStream in = CsvDatasetReader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled dataset " + resource + " is missing from the runner jar");
        }
        try (CsvReader<CsvRecord> csv = builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
            return read(csv, "(bundled) " + resource.substring(resource.lastIndexOf('/') + 1), name, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvReader.CsvReaderBuilder builder() {
        return CsvReader.builder().detectBomHeader(true).skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true);
    }

    private static Dataset read(CsvReader<CsvRecord> csv, String file, String name, CsvOptions options) {
        try {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw new UserInputException(file + ": the file is empty; expected rows of numbers");
            }
            CsvRecord first = it.next();
            boolean hasHeader = options.header().isHeader(first.getFields());
            List<String> header = hasHeader ? Cells.header(file, first.getStartingLineNumber(), first.getFields()) : null;
            int width = first.getFieldCount();
            ColumnSelection sel = ColumnSelection.resolve(file, header, width, options);
            Rows rows = new Rows(file, width, sel, header, options.allowMissing(), declaredCategorical(file, header, width, sel, options),
                    options.modelLevels());
            if (!hasHeader) {
                rows.read(first);
            }
            while (it.hasNext()) {
                rows.read(it.next());
            }
            if (rows.count == 0) {
                throw new UserInputException(file + ": only a header line; expected rows of numbers below it");
            }
            int[] truth = rows.labelTexts == null ? null : labels(rows.labelTexts);
            float[] values = rows.values.toArray();
            Map<Integer, List<String>> levels = rows.levels(values);
            Dataset data = rows.missing
                    ? Dataset.withMissingValues(name, rows.count, sel.features().length, values, sel.featureNames(), truth)
                    : Dataset.of(name, rows.count, sel.features().length, values, sel.featureNames(), truth);
            data = data.withCategorical(levels);
            return rows.weights == null ? data : data.withWeights(rows.weights.toArray());
        } catch (CsvParseException e) {
            throw new UserInputException(file + ": malformed CSV: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getCause().getMessage(), e);
        }
    }

    /** @return for each feature, whether the options or a model declare it categorical */
    private static boolean[] declaredCategorical(String file, List<String> header, int width, ColumnSelection sel, CsvOptions o) {
        boolean[] declared = new boolean[sel.features().length];
        for (Object ref : o.categorical()) {
            int c = ColumnSelection.index(file, header, width, ref, "categorical");
            int f = -1;
            for (int k = 0; k < sel.features().length; k++) {
                f = sel.features()[k] == c ? k : f;
            }
            if (f < 0) {
                throw new UserInputException(file + ": 'categorical' names column '" + ref + "', which is not a feature column"
                        + " (it is excluded, the label or the weight column)");
            }
            declared[f] = true;
        }
        if (o.modelLevels() != null) {
            for (int k = 0; k < declared.length; k++) {
                declared[k] |= o.modelLevels().containsKey(sel.featureNames().get(k));
            }
        }
        return declared;
    }

    /** The state of one pass over the records. */
    private static final class Rows {
        final String file;
        final int width;
        final ColumnSelection sel;
        final List<String> header;
        final boolean allowMissing;
        final FloatColumnsBuilder values = new FloatColumnsBuilder();
        final FloatColumnsBuilder weights;
        final List<String> labelTexts;
        /** per feature: null while undecided, else whether it is categorical */
        final Boolean[] categorical;
        /** per categorical feature: level name to code (in order of appearance, or the model's) */
        final List<Map<String, Integer>> codes;
        final boolean[] fixedLevels;
        final boolean[] declared;
        final String[] firstText;
        final long[] firstLine;
        int count;
        boolean missing;

        Rows(String file, int width, ColumnSelection sel, List<String> header, boolean allowMissing, boolean[] declared,
             Map<String, List<String>> modelLevels) {
            this.file = file;
            this.width = width;
            this.sel = sel;
            this.header = header;
            this.allowMissing = allowMissing;
            int d = sel.features().length;
            this.categorical = new Boolean[d];
            this.codes = new ArrayList<>(d);
            this.fixedLevels = new boolean[d];
            this.declared = declared.clone();
            this.firstText = new String[d];
            this.firstLine = new long[d];
            for (int f = 0; f < d; f++) {
                Map<String, Integer> dict = new HashMap<>();
                List<String> given = modelLevels == null ? null : modelLevels.get(sel.featureNames().get(f));
                if (given != null) {
                    for (int c = 0; c < given.size(); c++) {
                        dict.put(given.get(c), c);
                    }
                    fixedLevels[f] = true;
                }
                codes.add(dict);
                if (declared[f]) {
                    categorical[f] = true;
                }
            }
            this.weights = sel.weightColumn() >= 0 ? new FloatColumnsBuilder() : null;
            this.labelTexts = sel.labelColumn() >= 0 ? new ArrayList<>() : null;
        }

        void read(CsvRecord rec) {
            long line = rec.getStartingLineNumber();
            if (rec.getFieldCount() != width) {
                throw new UserInputException(file + ":" + line + ": expected " + width + " fields like the first line; found "
                        + rec.getFieldCount());
            }
            for (int f = 0; f < sel.features().length; f++) {
                int c = sel.features()[f];
                String field = Cells.text(file, line, c, rec.getField(c));
                if (field.isEmpty() && allowMissing) {
                    values.add(Float.NaN);
                    missing = true;
                    continue;
                }
                if (categorical[f] == null && !field.isEmpty()) {
                    categorical[f] = !NumberSyntax.isNumber(field); // decided by the column's first value
                    if (categorical[f]) {
                        firstText[f] = field;
                        firstLine[f] = line;
                    }
                }
                if (Boolean.TRUE.equals(categorical[f])) {
                    values.add(level(f, c, line, field));
                } else {
                    values.add(parse(file, line, c, field, header));
                }
            }
            if (weights != null) {
                float w = parse(file, line, sel.weightColumn(), Cells.text(file, line, sel.weightColumn(), rec.getField(sel.weightColumn())), header);
                if (w < 0) {
                    throw new UserInputException(file + ":" + line + ":" + (sel.weightColumn() + 1)
                            + ": a sample weight must be >= 0; found " + w);
                }
                weights.add(w);
            }
            if (labelTexts != null) {
                String label = Cells.text(file, line, sel.labelColumn(), rec.getField(sel.labelColumn()));
                if (label.isEmpty()) {
                    throw new UserInputException(file + ":" + line + ":" + (sel.labelColumn() + 1)
                            + ": the label column is empty; expected a label");
                }
                labelTexts.add(label);
            }
            count++;
        }

        private float level(int f, int c, long line, String field) {
            if (field.isEmpty()) {
                throw new UserInputException(file + ":" + line + ":" + (c + 1) + where(c)
                        + ": empty cell; expected a level (missing values are allowed only when the experiment declares an impute step)");
            }
            Map<String, Integer> dict = codes.get(f);
            Integer code = dict.get(field);
            if (code == null) {
                if (fixedLevels[f]) {
                    return Dataset.UNSEEN_LEVEL; // a level the model never saw
                }
                code = dict.size();
                dict.put(field, code);
            }
            return code;
        }

        private String where(int c) {
            return header != null ? " (column '" + Printable.value(header.get(c)) + "')" : "";
        }

        /**
         * Renumbers each categorical column's codes by sorted level name (unless a model fixed them) and
         * returns the levels.
         *
         * @param values the row-major values, rewritten in place
         * @return the levels by feature
         */
        Map<Integer, List<String>> levels(float[] values) {
            int d = sel.features().length;
            Map<Integer, List<String>> out = new java.util.TreeMap<>();
            for (int f = 0; f < d; f++) {
                if (!Boolean.TRUE.equals(categorical[f])) {
                    continue;
                }
                Map<String, Integer> dict = codes.get(f);
                if (!declared[f] && count > 1 && dict.size() == count) {
                    int c = sel.features()[f];
                    throw new UserInputException(file + ":" + firstLine[f] + ":" + (c + 1) + where(c) + ": found text ('" + Printable.value(firstText[f])
                            + "') in a column with a different value in every row, like an id or a name; leave it out with 'exclude'"
                            + " (or list it under 'categorical' to cluster on it)");
                }
                String[] byCode = new String[dict.size()];
                dict.forEach((level, code) -> byCode[code] = level);
                if (fixedLevels[f]) {
                    out.put(f, List.of(byCode));
                    continue;
                }
                List<String> sorted = new ArrayList<>(List.of(byCode));
                java.util.Collections.sort(sorted);
                int[] renumber = new int[byCode.length];
                for (int k = 0; k < sorted.size(); k++) {
                    renumber[dict.get(sorted.get(k))] = k;
                }
                for (int i = f; i < values.length; i += d) {
                    if (!Float.isNaN(values[i])) {
                        values[i] = renumber[(int) values[i]];
                    }
                }
                out.put(f, List.copyOf(sorted));
            }
            return out;
        }
    }

    private static float parse(String file, long line, int column, String field, List<String> header) {
        String where = file + ":" + line + ":" + (column + 1) + (header != null ? " (column '" + Printable.value(header.get(column)) + "')" : "");
        if (field.isEmpty()) {
            throw new UserInputException(where + ": empty cell; expected a number (missing values are allowed only when the experiment declares an impute step)");
        }
        if (!NumberSyntax.isNumber(field)) {
            throw new UserInputException(where + ": expected a finite decimal number; found '" + Printable.value(field)
                    + "' (the column's first value is a number, so it is numeric: declare it categorical, or leave it out with 'exclude')");
        }
        float v = Float.parseFloat(field);
        if (!Float.isFinite(v)) {
            throw new UserInputException(where + ": " + Printable.value(field) + " is outside the float range (about +-3.4e38)");
        }
        return v;
    }

    /** Integer labels are kept ({@code -1} is noise); any other text is numbered in order of appearance. */
    private static int[] labels(List<String> texts) {
        int[] out = new int[texts.size()];
        boolean allIntegers = texts.stream().allMatch(t -> t.matches("-?\\d{1,9}"));
        if (allIntegers) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Integer.parseInt(texts.get(i));
            }
            return out;
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.computeIfAbsent(texts.get(i), t -> ids.size());
        }
        return out;
    }
}
