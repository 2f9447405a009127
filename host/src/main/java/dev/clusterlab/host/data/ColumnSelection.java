package dev.clusterlab.host.data;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.param.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which CSV columns become features and which holds the labels, resolved from names (which need a
 * header) or 0-based positions.
 *
 * @param features 0-based feature columns, in file order
 * @param featureNames their names (header names, or {@code x1..xd})
 * @param labelColumn 0-based label column, or -1
 * @param weightColumn 0-based sample-weight column, or -1
 */
record ColumnSelection(int[] features, List<String> featureNames, int labelColumn, int weightColumn) {

    static ColumnSelection resolve(Object file, List<String> header, int width, CsvOptions o) {
        int label = o.labelColumn() == null ? -1 : index(file, header, width, o.labelColumn(), "label_column");
        int weight = o.weightColumn() == null ? -1 : index(file, header, width, o.weightColumn(), "weight_column");
        Set<Integer> excluded = new LinkedHashSet<>();
        for (Object e : o.exclude()) {
            excluded.add(index(file, header, width, e, "exclude"));
        }
        List<Integer> chosen = new ArrayList<>();
        if (o.modelFeatures() != null && header != null && o.columns().isEmpty() && o.exclude().isEmpty()) {
            // A saved model's columns, by name and in the model's order, wherever they are in this file.
            int[] features = new int[o.modelFeatures().size()];
            for (int i = 0; i < features.length; i++) {
                String name = o.modelFeatures().get(i);
                features[i] = header.indexOf(name);
                if (features[i] < 0) {
                    throw new UserInputException(file + ": the model was fitted on the columns " + String.join(", ", o.modelFeatures())
                            + "; the header has no '" + name + "'" + Suggestions.hint(name, header) + " (columns: "
                            + String.join(", ", header) + ")");
                }
            }
            return new ColumnSelection(features, List.copyOf(o.modelFeatures()), label, weight);
        }
        if (o.columns().isEmpty()) {
            for (int c = 0; c < width; c++) {
                if (c != label && c != weight && !excluded.contains(c)) {
                    chosen.add(c);
                }
            }
        } else {
            for (Object c : o.columns()) {
                int idx = index(file, header, width, c, "columns");
                if (!excluded.contains(idx) && idx != label && idx != weight && !chosen.contains(idx)) {
                    chosen.add(idx);
                }
            }
            chosen.sort(Integer::compare);
        }
        if (chosen.isEmpty()) {
            throw new UserInputException(file + ": no feature column is left after the label column and exclusions");
        }
        int[] features = chosen.stream().mapToInt(Integer::intValue).toArray();
        List<String> names = new ArrayList<>();
        for (int c : features) {
            names.add(header != null ? header.get(c) : "x" + (c + 1));
        }
        return new ColumnSelection(features, names, label, weight);
    }

    static int index(Object file, List<String> header, int width, Object ref, String key) {
        if (ref instanceof Number n) {
            long i = n.longValue();
            if (i < 0 || i >= width) {
                throw new UserInputException(file + ": '" + key + "' position " + i + " is outside the file's columns 0.." + (width - 1));
            }
            return (int) i;
        }
        String name = String.valueOf(ref);
        if (header == null) {
            if (name.matches("\\d+")) {
                return index(file, null, width, Long.parseLong(name), key);
            }
            throw new UserInputException(file + ": '" + key + "' names column '" + name
                    + "' but the file has no header line; use a 0-based position");
        }
        int i = header.indexOf(name);
        if (i < 0 && name.matches("\\d{1,9}")) {
            // A position, as the command line writes one (a header name that is a number is taken as the name first).
            return index(file, header, width, Long.parseLong(name), key);
        }
        if (i < 0) {
            throw new UserInputException(file + ": '" + key + "' names column '" + dev.clusterlab.host.Printable.value(name) + "', which the header does not have"
                    + Suggestions.hint(name, header) + " (columns: " + String.join(", ", header) + ")");
        }
        return i;
    }
}
