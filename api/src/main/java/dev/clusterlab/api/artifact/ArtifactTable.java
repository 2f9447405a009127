package dev.clusterlab.api.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Named columns of equal length, each of integers or of reals: the form in which every artifact is
 * written (one CSV file) and read back. Reals may be {@code +-inf} and NaN (unknown). Arrays are taken
 * over, not copied: do not modify them.
 *
 * {@snippet :
 * ArtifactTable t = ArtifactTable.builder().ints("row", rows).reals("score", scores).build();
 * double[] scores = t.reals("score");
 * }
 *
 * @param columns the columns, in order, with distinct names
 * @since 0.2
 */
public record ArtifactTable(List<Column> columns) {

    /**
     * One column.
     *
     * @since 0.2
     */
    public sealed interface Column permits Ints, Reals {
        /** @return the name, lower snake case or digits @since 0.2 */
        String name();

        /** @return the number of values @since 0.2 */
        int size();
    }

    /**
     * A column of integers.
     *
     * @param name its name
     * @param values its values
     * @since 0.2
     */
    public record Ints(String name, int[] values) implements Column {
        /** @since 0.2 */
        public Ints {
            Objects.requireNonNull(values, name);
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /**
     * A column of reals ({@code +-inf} and NaN allowed).
     *
     * @param name its name
     * @param values its values
     * @since 0.2
     */
    public record Reals(String name, double[] values) implements Column {
        /** @since 0.2 */
        public Reals {
            Objects.requireNonNull(values, name);
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    /**
     * @throws IllegalArgumentException if two columns share a name or differ in length
     * @since 0.2
     */
    public ArtifactTable {
        columns = List.copyOf(columns);
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            ArtifactKinds.checkName("column name", col.name());
            if (col.size() != columns.getFirst().size()) {
                throw new IllegalArgumentException("column '" + col.name() + "' has " + col.size() + " values; column '"
                        + columns.getFirst().name() + "' has " + columns.getFirst().size());
            }
            for (int e = 0; e < c; e++) {
                if (columns.get(e).name().equals(col.name())) {
                    throw new IllegalArgumentException("two columns are named '" + col.name() + "'");
                }
            }
        }
    }

    /** @return a builder @since 0.2 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of rows (0 without columns) @since 0.2 */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.getFirst().size();
    }

    /** @return the column names, in order @since 0.2 */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * @param name a column name
     * @return whether the table has it
     * @since 0.2
     */
    public boolean has(String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }

    /**
     * @param name a column name
     * @return its values as integers (a real column converts when every value is a whole number)
     * @throws IllegalArgumentException naming the column (and row) if it is missing or not whole numbers
     * @since 0.2
     */
    public int[] ints(String name) {
        return switch (column(name)) {
            case Ints i -> i.values();
            case Reals r -> {
                int[] out = new int[r.values().length];
                for (int i = 0; i < out.length; i++) {
                    double v = r.values()[i];
                    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("column '" + name + "', row " + i + ": expected an integer; found " + v);
                    }
                    out[i] = (int) v;
                }
                yield out;
            }
        };
    }

    /**
     * @param name a column name
     * @return its values as reals (an integer column converts)
     * @throws IllegalArgumentException naming the column if it is missing
     * @since 0.2
     */
    public double[] reals(String name) {
        return switch (column(name)) {
            case Reals r -> r.values();
            case Ints i -> {
                double[] out = new double[i.values().length];
                for (int j = 0; j < out.length; j++) {
                    out[j] = i.values()[j];
                }
                yield out;
            }
        };
    }

    private Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no column '" + name + "' (the table has " + String.join(", ", names()) + ")");
    }

    /**
     * Builds an {@link ArtifactTable}.
     *
     * @since 0.2
     */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param name column name
         * @param values its values (taken over)
         * @return this
         * @since 0.2
         */
        public Builder ints(String name, int[] values) {
            columns.add(new Ints(name, values));
            return this;
        }

        /**
         * @param name column name
         * @param values its values (taken over)
         * @return this
         * @since 0.2
         */
        public Builder reals(String name, double[] values) {
            columns.add(new Reals(name, values));
            return this;
        }

        /** @return the table @throws IllegalArgumentException as the constructor @since 0.2 */
        public ArtifactTable build() {
            return new ArtifactTable(columns);
        }
    }
}
