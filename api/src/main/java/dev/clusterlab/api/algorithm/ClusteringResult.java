package dev.clusterlab.api.algorithm;

import dev.clusterlab.api.artifact.Artifact;
import dev.clusterlab.api.artifact.ArtifactKinds;
import dev.clusterlab.api.artifact.Centroids;
import dev.clusterlab.api.artifact.PointScores;
import dev.clusterlab.api.artifact.Reachability;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one fit. Labels follow scikit-learn's contract: consecutive integers from 0, and
 * {@code -1} for noise (checked by {@link Labels#checkContract}). Everything else is optional.
 *
 * <p>Besides labels a result carries named {@linkplain #artifacts() artifacts} (api 0.2): centroids,
 * point scores, a reachability plot, a merge tree, a condensed tree, soft assignments or a plugin's own
 * kind. Centroids and point scores are artifacts too ({@code centroids}, {@code point_scores}); the
 * accessors for them read the artifact.
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
    /** The artifact name under which {@link Builder#centroids} stores the centres. @since 0.2 */
    public static final String CENTROIDS = ArtifactKinds.CENTROIDS;
    /** The artifact name under which {@link Builder#pointScore} stores the scores. @since 0.2 */
    public static final String POINT_SCORES = ArtifactKinds.POINT_SCORES;

    private final int[] labels;
    private final int iterations;
    private final boolean converged;
    private final double objective;
    private final List<IterationStats> iterationStats;
    private final ClusterModel model;
    private final Map<String, Artifact> artifacts;
    private final Map<String, ModelScore> scores;

    private ClusteringResult(Builder b) {
        this.labels = b.labels;
        this.iterations = b.iterations;
        this.converged = b.converged;
        this.objective = b.objective;
        this.iterationStats = List.copyOf(b.iterationStats);
        this.model = b.model;
        this.artifacts = Collections.unmodifiableMap(new LinkedHashMap<>(b.artifacts));
        this.scores = Collections.unmodifiableMap(new LinkedHashMap<>(b.scores));
    }

    private ClusteringResult(ClusteringResult r, String name, Artifact extra) {
        this.labels = r.labels;
        this.iterations = r.iterations;
        this.converged = r.converged;
        this.objective = r.objective;
        this.iterationStats = r.iterationStats;
        this.model = r.model;
        Map<String, Artifact> more = new LinkedHashMap<>(r.artifacts);
        more.put(name, extra);
        this.artifacts = Collections.unmodifiableMap(more);
        this.scores = r.scores;
    }

    /**
     * This result with one more artifact, for a host that adds what it computed about the fit (the
     * contingency table against ground truth); the rest is shared, not copied.
     *
     * @param name the artifact's name (an existing one is replaced)
     * @param artifact the artifact
     * @return the new result
     * @since 0.2
     */
    public ClusteringResult withArtifact(String name, Artifact artifact) {
        return new ClusteringResult(this, Objects.requireNonNull(name, "name"), Objects.requireNonNull(artifact, "artifact"));
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
        return first(Centroids.class).map(Centroids::values);
    }

    /** @return the number of centroids, or 0 @since 0.1 */
    public int centroidCount() {
        return first(Centroids.class).map(Centroids::k).orElse(0);
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
    public Map<String, double[]> pointScores() {
        return first(PointScores.class).map(PointScores::scores).orElse(Map.of());
    }

    /**
     * Everything the fit made besides labels, by name in the order added; a host writes each to its
     * result files ({@code NAME/RUN.csv}) whatever its kind.
     *
     * @return the artifacts by name
     * @since 0.2
     */
    public Map<String, Artifact> artifacts() {
        return artifacts;
    }

    /**
     * Values the fitted model gives about itself, which the comparison can show and rank by like a
     * metric: a mixture's {@code bic}, {@code aic} and {@code log_likelihood}.
     *
     * @return the scores by name, in the order added
     * @since 0.2
     */
    public Map<String, ModelScore> scores() {
        return scores;
    }

    /**
     * @param <A> an artifact type
     * @param type the type
     * @return the first artifact of that type, if any
     * @since 0.2
     */
    public <A extends Artifact> Optional<A> first(Class<A> type) {
        return artifacts.values().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * @return a visiting order of the rows (OPTICS' cluster ordering), if the algorithm has one
     * @deprecated since 0.2: read the {@link Reachability} artifact, {@code first(Reachability.class)}
     * @since 0.1
     */
    @Deprecated(since = "0.2")
    public Optional<int[]> ordering() {
        return first(Reachability.class).map(Reachability::ordering);
    }

    /**
     * The cluster hierarchy, for reports and result files: HDBSCAN*'s condensed tree, whose selected
     * clusters give the labels.
     *
     * @return the hierarchy, if the algorithm builds one
     * @deprecated since 0.2: read the artifact, {@code first(ClusterHierarchy.class)}
     * @since 0.1
     */
    @Deprecated(since = "0.2")
    public Optional<ClusterHierarchy> hierarchy() {
        return first(ClusterHierarchy.class);
    }

    /**
     * Builds a {@link ClusteringResult}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final int[] labels;
        private int iterations;
        private boolean converged = true;
        private double objective = Double.NaN;
        private List<IterationStats> iterationStats = List.of();
        private ClusterModel model;
        private final Map<String, Artifact> artifacts = new LinkedHashMap<>();
        private final Map<String, double[]> pointScores = new LinkedHashMap<>();
        private final Map<String, ModelScore> scores = new LinkedHashMap<>();
        private int[] ordering;

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
            if (k <= 0) {
                artifacts.remove(CENTROIDS);
                return this;
            }
            return artifact(CENTROIDS, new Centroids(rowMajor, k, rowMajor.length / k));
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
         * Adds one score to the {@value #POINT_SCORES} artifact.
         *
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
            pointScores.put(name, values);
            return artifact(POINT_SCORES, new PointScores(pointScores, labels.length));
        }

        /**
         * Attaches an artifact under a name (its file name in the result files); a second one under the
         * same name replaces the first. The {@value #POINT_SCORES} and {@value #CENTROIDS} names are
         * the ones {@link #pointScore} and {@link #centroids} use.
         *
         * @param name lower snake case, unique within the result; usually the kind
         * @param artifact the artifact
         * @return this
         * @throws IllegalArgumentException if the name is not lower snake case, a per-point artifact does
         *     not describe as many points as there are labels, or a condensed tree's root is not the
         *     number of rows
         * @since 0.2
         */
        public Builder artifact(String name, Artifact artifact) {
            ArtifactKinds.checkName("artifact name", name);
            Objects.requireNonNull(artifact, name);
            if (artifact.points().isPresent() && artifact.points().getAsInt() != labels.length) {
                throw new IllegalArgumentException("artifact '" + name + "' describes " + artifact.points().getAsInt()
                        + " points; the result has " + labels.length + " rows");
            }
            if (artifact instanceof ClusterHierarchy tree && tree.rows() > 0 && tree.root() != labels.length) {
                throw new IllegalArgumentException("the cluster hierarchy's root is " + tree.root() + " but its points must be the "
                        + labels.length + " rows (root id " + labels.length + ")");
            }
            if (name.equals(POINT_SCORES) && artifact instanceof PointScores p && p.scores() != pointScores) {
                pointScores.clear();
                pointScores.putAll(p.scores());
            }
            artifacts.put(name, artifact);
            return this;
        }

        /**
         * @param rows a permutation of the rows (a visiting order)
         * @return this
         * @deprecated since 0.2: attach a {@link Reachability} artifact; this one is made at
         *     {@link #build()} from the ordering and the {@code reachability} and {@code core_distance}
         *     point scores
         * @since 0.1
         */
        @Deprecated(since = "0.2")
        public Builder ordering(int[] rows) {
            this.ordering = rows;
            return this;
        }

        /**
         * @param tree the condensed tree; its points must be this result's rows (root id = number of rows)
         * @return this
         * @throws IllegalArgumentException if the tree's root is not the number of rows
         * @deprecated since 0.2: {@code artifact("condensed_tree", tree)}, which this calls
         * @since 0.1
         */
        @Deprecated(since = "0.2")
        public Builder hierarchy(ClusterHierarchy tree) {
            return tree == null ? this : artifact(ArtifactKinds.CONDENSED_TREE, tree);
        }

        /**
         * Adds a value the model gives about itself (see {@link ClusteringResult#scores()}).
         *
         * @param name lower snake case, e.g. {@code bic}; not a metric's id
         * @param value the value (NaN where undefined)
         * @param higherIsBetter the direction a ranking takes ({@code false} for BIC and AIC)
         * @return this
         * @throws IllegalArgumentException if the name is not lower snake case
         * @since 0.2
         */
        public Builder score(String name, double value, boolean higherIsBetter) {
            scores.put(name, new ModelScore(name, value, higherIsBetter));
            return this;
        }

        /** @return the result @since 0.1 */
        public ClusteringResult build() {
            if (ordering != null && artifacts.values().stream().noneMatch(Reachability.class::isInstance)) {
                double[] reach = pointScores.get("reachability");
                if (reach == null) {
                    reach = new double[ordering.length];
                    java.util.Arrays.fill(reach, Double.NaN);
                }
                artifact(ArtifactKinds.REACHABILITY, Reachability.ofRows(ordering, reach, pointScores.get("core_distance")));
            }
            return new ClusteringResult(this);
        }
    }
}
