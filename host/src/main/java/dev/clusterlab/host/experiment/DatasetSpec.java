package dev.clusterlab.host.experiment;

import dev.clusterlab.host.data.HeaderMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a dataset comes from.
 */
public sealed interface DatasetSpec {
    /** @return the dataset's name in tables and file names */
    String name();

    /**
     * A CSV file.
     *
     * @param name dataset name
     * @param file the file (relative paths resolved against the experiment file's folder)
     * @param columns columns to use, by name or 0-based position; empty for all but label and excluded
     * @param exclude columns to leave out, by name or 0-based position
     * @param labelColumn the ground-truth column, by name or position, or {@code null}
     * @param header {@code auto}, {@code true} or {@code false}
     * @param weightColumn sample-weight column by name or position, or {@code null}
     * @param categorical columns read as categorical although their first value is a number, by name or position
     */
    record Csv(String name, Path file, List<Object> columns, List<Object> exclude, Object labelColumn, HeaderMode header,
               Object weightColumn, List<Object> categorical) implements DatasetSpec {
        public Csv {
            columns = List.copyOf(columns);
            exclude = List.copyOf(exclude);
            categorical = List.copyOf(categorical);
        }

        /** A CSV dataset with no column declared categorical. */
        public Csv(String name, Path file, List<Object> columns, List<Object> exclude, Object labelColumn, HeaderMode header,
                   Object weightColumn) {
            this(name, file, columns, exclude, labelColumn, header, weightColumn, List.of());
        }
    }

    /**
     * A dataset bundled with ClusterLab ({@code iris}, {@code wine}), with ground truth.
     *
     * @param name dataset name
     * @param id the bundled dataset's id
     */
    record Bundled(String name, String id) implements DatasetSpec {
        /** The ids of the bundled datasets. */
        public static final List<String> IDS = List.of("iris", "wine");
    }

    /**
     * A seeded generator.
     *
     * @param name dataset name
     * @param generator generator id ({@code blobs}, {@code moons})
     * @param params raw generator parameters, bound by the generator
     */
    record Generated(String name, String generator, Map<String, Object> params) implements DatasetSpec {
        public Generated {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }
    }
}
