package dev.clusterlab.api.algorithm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one fit. Labels follow scikit-learn's contract: consecutive integers from 0, and
 * {@code -1} for noise (checked by {@link Labels#checkContract}). Everything else is optional.
 *
 * {@snippet :
 * ClusteringResult r = ClusteringResult.builder(labels)
 *         .centroids(centres, k).iterations(12).converged(true).objective(inertia)
 *         .build();
 * }
 *
 * @since 0.1
 */
public final class ClusteringResult {
    private final int[] labels;
    private final float[] centroids;
    private final int centroidCount;
    private final int iterations;
    private final boolean converged;
    private final double objective;
    private final List<IterationStats> iterationStats;
    private final ClusterModel model;
    private final java.util.Map<String, double[]> pointScores;
    private final int[] ordering;
    private final ClusterHierarchy hierarchy;

    private ClusteringResult(Builder b) {
        this.labels = b.labels;
        this.centroids = b.centroids;
        this.centroidCount = b.centroidCount;
        this.iterations = b.iterations;
        this.converged = b.converged;
        this.objective = b.objective;
        this.iterationStats = List.copyOf(b.iterationStats);
        this.model = b.model;
        this.pointScores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.pointScores));
        this.ordering = b.ordering;
        this.hierarchy = b.hierarchy;
    }

    /**
     * @param labels one label per input row (taken over, not copied)
     * @return a builder
     * @since 0.1
     */
    public static Builder builder(int[] labels) {
        return new Builder(labels);
    }

    /** @return the labels, one per row (not a copy: do not modify) @since 0.1 */
    public int[] labels() {
        return labels;
    }

    /** @return the number of clusters, {@code max(label) + 1} @since 0.1 */
    public int clusterCount() {
        return Labels.clusterCount(labels);
    }

    /** @return the number of points labelled noise @since 0.1 */
    public int noiseCount() {
        return Labels.noiseCount(labels);
    }

    /** @return row-major {@code k x d} centroids, if the algorithm has them @since 0.1 */
    public Optional<float[]> centroids() {
        return Optional.ofNullable(centroids);
    }

    /** @return the number of centroids, or 0 @since 0.1 */
    public int centroidCount() {
        return centroidCount;
    }

    /** @return iterations run (of the best restart), or 0 if not iterative @since 0.1 */
    public int iterations() {
        return iterations;
    }

    /** @return whether the algorithm reached its convergence criterion @since 0.1 */
    public boolean converged() {
        return converged;
    }

    /** @return the final objective (e.g. inertia), or NaN @since 0.1 */
    public double objective() {
        return objective;
    }

    /** @return per-iteration statistics of the best restart @since 0.1 */
    public List<IterationStats> iterationStats() {
        return iterationStats;
    }

    /** @return a model that labels new points, if the algorithm has one @since 0.1 */
    public Optional<ClusterModel> model() {
        return Optional.ofNullable(model);
    }

    /**
     * Named per-point values, one per row, for reports and result files: by convention
     * {@code probability} (membership strength in [0, 1]), {@code outlier_score} (GLOSH and the like,
     * higher is more outlying), {@code core_distance} and {@code reachability} (in row order).
     *
     * @return the scores by name, possibly empty (arrays are not copies: do not modify)
     * @since 0.1
     */
    public java.util.Map<String, double[]> pointScores() {
        return pointScores;
    }

    /** @return a visiting order of the rows (OPTICS' cluster ordering), if the algorithm has one @since 0.1 */
    public Optional<int[]> ordering() {
        return Optional.ofNullable(ordering);
    }

    /**
     * The cluster hierarchy, for reports and result files: HDBSCAN*'s condensed tree, whose selected
     * clusters give the labels.
     *
     * @return the hierarchy, if the algorithm builds one
     * @since 0.1
     */
    public Optional<ClusterHierarchy> hierarchy() {
        return Optional.ofNullable(hierarchy);
    }

    /**
     * Builds a {@link ClusteringResult}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final int[] labels;
        private float[] centroids;
        private int centroidCount;
        private int iterations;
        private boolean converged = true;
        private double objective = Double.NaN;
        private List<IterationStats> iterationStats = List.of();
        private ClusterModel model;
        private final java.util.Map<String, double[]> pointScores = new java.util.LinkedHashMap<>();
        private int[] ordering;
        private ClusterHierarchy hierarchy;

        private Builder(int[] labels) {
            this.labels = Objects.requireNonNull(labels, "labels");
        }

        /**
         * @param rowMajor {@code k x d} centroids
         * @param k number of centroids
         * @return this
         * @since 0.1
         */
        public Builder centroids(float[] rowMajor, int k) {
            this.centroids = rowMajor;
            this.centroidCount = k;
            return this;
        }

        /**
         * @param iterations iterations run
         * @return this
         * @since 0.1
         */
        public Builder iterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /**
         * @param converged whether the convergence criterion was met
         * @return this
         * @since 0.1
         */
        public Builder converged(boolean converged) {
            this.converged = converged;
            return this;
        }

        /**
         * @param objective final objective
         * @return this
         * @since 0.1
         */
        public Builder objective(double objective) {
            this.objective = objective;
            return this;
        }

        /**
         * @param stats per-iteration statistics
         * @return this
         * @since 0.1
         */
        public Builder iterationStats(List<IterationStats> stats) {
            this.iterationStats = stats;
            return this;
        }

        /**
         * @param model a model that labels new points
         * @return this
         * @since 0.1
         */
        public Builder model(ClusterModel model) {
            this.model = model;
            return this;
        }

        /**
         * @param name score name, lower snake case (see {@link ClusteringResult#pointScores()})
         * @param values one value per row
         * @return this
         * @since 0.1
         */
        public Builder pointScore(String name, double[] values) {
            if (values.length != labels.length) {
                throw new IllegalArgumentException("point score '" + name + "' has " + values.length + " values for "
                        + labels.length + " rows");
            }
            this.pointScores.put(name, values);
            return this;
        }

        /**
         * @param rows a permutation of the rows (a visiting order)
         * @return this
         * @since 0.1
         */
        public Builder ordering(int[] rows) {
            this.ordering = rows;
            return this;
        }

        /**
         * @param tree the condensed tree; its points must be this result's rows (root id = number of rows)
         * @return this
         * @throws IllegalArgumentException if the tree's root is not the number of rows
         * @since 0.1
         */
        public Builder hierarchy(ClusterHierarchy tree) {
            if (tree != null && tree.rows() > 0 && tree.root() != labels.length) {
                throw new IllegalArgumentException("the cluster hierarchy's root is " + tree.root() + " but its points must be the "
                        + labels.length + " rows (root id " + labels.length + ")");
            }
            this.hierarchy = tree;
            return this;
        }

        /** @return the result @since 0.1 */
        public ClusteringResult build() {
            return new ClusteringResult(this);
        }
    }
}
