package dev.clusterlab.host.output;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusterHierarchy;
import dev.clusterlab.api.algorithm.ClusteringResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The two files a density run can add to its labels, so the data behind the report's plots can be
 * plotted elsewhere (numbers in shortest round-trip form, {@code inf} for infinity, as pandas and numpy
 * read it):
 * <ul>
 *   <li>a reachability plot (OPTICS), one line per position of the cluster ordering:
 *       {@value #REACHABILITY_HEADER};</li>
 *   <li>a condensed tree (HDBSCAN*), one line per row, the columns of the hdbscan package's
 *       {@code condensed_tree_.to_pandas()}: {@value #TREE_HEADER}.</li>
 * </ul>
 */
public final class HierarchyFiles {
    /** Header of a reachability file. */
    public static final String REACHABILITY_HEADER = "position,row,reachability,core_distance,label";
    /** Header of a condensed-tree file. */
    public static final String TREE_HEADER = "parent,child,lambda_val,child_size";

    private HierarchyFiles() {
    }

    /**
     * A reachability plot in plot order.
     *
     * @param ordering the rows in cluster ordering (a permutation)
     * @param reachability per position, the reachability of row {@code ordering[i]} ({@code inf} where undefined)
     * @param coreDistance per position, the core distance of row {@code ordering[i]}, NaN when unknown
     */
    public record Reachability(int[] ordering, double[] reachability, double[] coreDistance) {
        /**
         * @param r a result
         * @return its reachability plot, when it has an ordering and a {@code reachability} point score
         */
        public static Optional<Reachability> of(ClusteringResult r) {
            double[] byRow = r.pointScores().get("reachability");
            if (r.ordering().isEmpty() || byRow == null) {
                return Optional.empty();
            }
            int[] order = r.ordering().get();
            double[] core = r.pointScores().get("core_distance");
            double[] reach = new double[order.length];
            double[] cores = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                reach[i] = byRow[order[i]];
                cores[i] = core == null ? Double.NaN : core[order[i]];
            }
            return Optional.of(new Reachability(order, reach, cores));
        }

        /**
         * Puts the plot back into a result: its ordering and the {@code reachability} and (when known)
         * {@code core_distance} point scores by row.
         *
         * @param b the result being built, for {@code ordering.length} rows
         * @return {@code b}
         */
        public ClusteringResult.Builder into(ClusteringResult.Builder b) {
            int n = ordering.length;
            double[] reach = new double[n];
            double[] core = new double[n];
            boolean anyCore = false;
            for (int i = 0; i < n; i++) {
                reach[ordering[i]] = reachability[i];
                core[ordering[i]] = coreDistance[i];
                anyCore |= !Double.isNaN(coreDistance[i]);
            }
            b.ordering(ordering.clone()).pointScore("reachability", reach);
            if (anyCore) {
                b.pointScore("core_distance", core);
            }
            return b;
        }
    }

    /**
     * @param file where (written atomically)
     * @param plot the reachability plot
     * @param labels labels by row, as many as the ordering
     */
    public static void writeReachability(Path file, Reachability plot, int[] labels) {
        int n = plot.ordering().length;
        StringBuilder s = new StringBuilder(n * 24 + 64).append(REACHABILITY_HEADER).append('\n');
        for (int i = 0; i < n; i++) {
            int row = plot.ordering()[i];
            s.append(i).append(',').append(row).append(',').append(num(plot.reachability()[i])).append(',')
                    .append(num(plot.coreDistance()[i])).append(',').append(labels[row]).append('\n');
        }
        AtomicFiles.write(file, s.toString());
    }

    /**
     * @param file a reachability file
     * @param n the dataset's rows
     * @return the plot
     * @throws UserInputException naming the file and line when it is malformed or not a permutation of {@code 0..n-1}
     */
    public static Reachability readReachability(Path file, int n) {
        List<String[]> lines = read(file, REACHABILITY_HEADER, 5);
        if (lines.size() != n) {
            throw new UserInputException(file + ": expected " + n + " lines after the header (one per data row); found " + lines.size());
        }
        int[] order = new int[n];
        double[] reach = new double[n];
        double[] core = new double[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i);
            int line = i + 2;
            if (integer(file, line, f[0]) != i) {
                throw new UserInputException(file + ":" + line + ": expected position " + i + "; found '" + f[0] + "'");
            }
            int row = integer(file, line, f[1]);
            if (row < 0 || row >= n || seen[row]) {
                throw new UserInputException(file + ":" + line + ": row " + row + " is out of range or repeated; the rows must be a"
                        + " permutation of 0.." + (n - 1));
            }
            seen[row] = true;
            order[i] = row;
            reach[i] = real(file, line, f[2]);
            core[i] = f[3].isEmpty() ? Double.NaN : real(file, line, f[3]);
        }
        return new Reachability(order, reach, core);
    }

    /**
     * @param file where (written atomically)
     * @param tree the condensed tree
     */
    public static void writeCondensedTree(Path file, ClusterHierarchy tree) {
        StringBuilder s = new StringBuilder(tree.rows() * 24 + 64).append(TREE_HEADER).append('\n');
        for (int r = 0; r < tree.rows(); r++) {
            s.append(tree.parent()[r]).append(',').append(tree.child()[r]).append(',').append(num(tree.lambda()[r])).append(',')
                    .append(tree.childSize()[r]).append('\n');
        }
        AtomicFiles.write(file, s.toString());
    }

    /**
     * @param file a condensed-tree file
     * @param n the dataset's rows (the root's id)
     * @return the tree
     * @throws UserInputException naming the file (and line) when it is malformed or not a tree over {@code n} points
     */
    public static ClusterHierarchy readCondensedTree(Path file, int n) {
        List<String[]> lines = read(file, TREE_HEADER, 4);
        int rows = lines.size();
        int[] parent = new int[rows];
        int[] child = new int[rows];
        double[] lambda = new double[rows];
        int[] size = new int[rows];
        for (int r = 0; r < rows; r++) {
            String[] f = lines.get(r);
            parent[r] = integer(file, r + 2, f[0]);
            child[r] = integer(file, r + 2, f[1]);
            lambda[r] = real(file, r + 2, f[2]);
            size[r] = integer(file, r + 2, f[3]);
        }
        ClusterHierarchy tree;
        try {
            tree = new ClusterHierarchy(parent, child, lambda, size);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage().replace("row ", "data line "), e);
        }
        if (rows > 0 && tree.root() != n) {
            throw new UserInputException(file + ": the root is cluster " + tree.root() + "; for " + n + " data rows it must be " + n);
        }
        return tree;
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

    private static List<String[]> read(Path file, String header, int columns) {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || !first.strip().equals(header)) {
                throw new UserInputException(file + ":1: expected the header '" + header + "'; found '" + first + "'");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.strip().split(",", -1);
                if (f.length != columns) {
                    throw new UserInputException(file + ":" + lineNo + ": expected " + columns + " fields; found " + f.length);
                }
                out.add(Arrays.stream(f).map(String::strip).toArray(String[]::new));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    private static int integer(Path file, int line, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new UserInputException(file + ":" + line + ": expected an integer; found '" + s + "'", e);
        }
    }

    private static double real(Path file, int line, String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
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
                    throw new UserInputException(file + ":" + line + ": expected a number or inf; found '" + s + "'", e);
                }
            }
        }
    }
}
