package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.Embedding;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.plugins.kmeans.KMeansAlgorithm;
import dev.clusterlab.plugins.kmeans.KMeansParams;
import java.util.List;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * Spectral clustering with scikit-learn 1.2.1's {@code SpectralClustering} parameters and steps: an
 * affinity graph, its normalised Laplacian's spectral embedding, then labels from the embedding.
 *
 * <p><b>Algorithm.</b>
 * <ol>
 *   <li>Affinity ({@link AffinityGraphs}): {@code rbf}, {@code exp(-gamma |x - y|^2)} for every pair (a
 *       dense {@code n x n} float matrix, its upper triangle packed, built with the engine's SIMD distance kernel, exp in double);
 *       {@code nearest_neighbors}, {@code 0.5 (C + C^T)} of the connectivity of each point's
 *       {@code n_neighbors} nearest points, itself included (scikit-learn's
 *       {@code kneighbors_graph(include_self=True)}), from the engine's neighbour index, in compressed
 *       rows; {@code precomputed}, the dataset's rows as a similarity matrix (square, finite,
 *       non-negative and symmetric within rounding, else a {@link DataException} naming the entry).</li>
 *   <li>Embedding ({@link SpectralEmbedding}): the eigenvectors of the {@code k} smallest eigenvalues of
 *       {@code L = I - D^-1/2 A D^-1/2} (diagonal of {@code A} left out, as SciPy's {@code laplacian}),
 *       divided by {@code sqrt(degree)} and sign-flipped as scikit-learn's {@code spectral_embedding(...,
 *       drop_first=False)}. Eigen solvers of the plugin's own: dense Householder tridiagonalisation and
 *       implicit QL ({@link DenseSymmetricEigen}) up to {@value SpectralEmbedding#DENSE_LIMIT} points,
 *       thick-restart Lanczos with full reorthogonalisation ({@link LanczosSolver}) above, to residual
 *       {@code eigen_tol} (default {@value SpectralEmbedding#DEFAULT_TOL}). When the graph is not fully
 *       connected the final progress message says so, as scikit-learn warns.</li>
 *   <li>Labels: {@code kmeans}, the k-means plugin's k-means++ and Lloyd on the embedding (scikit-learn's
 *       {@code k_means(maps, k, n_init)}: max_iter 300, tol 1e-4) with a seed drawn from the context's;
 *       {@code discretize} ({@link Discretize}); {@code cluster_qr} ({@link ClusterQr}). Labels are made
 *       consecutive from 0.</li>
 * </ol>
 *
 * <p><b>Result.</b> Labels; the {@code spectral_embedding} artifact (an {@link Embedding}, {@code n x k},
 * the matrix the labels were assigned from); {@code iterations()} the eigen solver's matrix-vector
 * products (0 for the dense solver); {@code converged()} whether the eigen solver reached its tolerance;
 * {@code objective()} the k-means inertia on the embedding ({@code NaN} for the other assignments). No
 * model: scikit-learn's {@code SpectralClustering} has no {@code predict} (the embedding of a new point
 * is not defined without refitting), so {@code model()} is empty, as for agglomerative clustering.
 *
 * <p><b>Memory.</b> rbf and precomputed: the packed upper triangle of the matrix in float,
 * {@code 2 n (n + 1)} bytes (50 MB at 5,000 points, 800 MB at 20,000), checked against the free heap
 * before allocating (the message names both figures);
 * a precomputed matrix is read in place when exactly symmetric, else averaged into a copy. nearest_neighbors:
 * {@code O(n n_neighbors)}, about 12 bytes per edge (about 15 MB at 50,000 points and 10 neighbours)
 * plus the Lanczos basis of {@code max(2k + 16, k + 32)} vectors of {@code n} doubles (16 MB at 50,000
 * points, k = 8). The dense solver holds three {@code n x n} double matrices (at most 4 MB).
 *
 * <p><b>Time.</b> Graph: rbf {@code O(n^2 d)}, nearest_neighbors the index's kNN queries. Each Lanczos
 * product costs {@code O(n^2)} (rbf) or {@code O(n n_neighbors)}, plus {@code O(n m)} for the
 * reorthogonalisation; the number of products grows as the gap below the {@code k}-th eigenvalue
 * shrinks. Labels: k-means {@code O(n_init iterations n k^2)}, discretize and cluster_qr {@code O(n k^2)}
 * per iteration. Products, sums and assignments run on {@code context.parallel()} over fixed chunks: the
 * labels and the embedding are the same for any thread count.
 *
 * {@snippet :
 * SpectralAlgorithm spectral = new SpectralAlgorithm();
 * ClusteringResult r = spectral.fit(data, new SpectralParams(2, SpectralParams.Affinity.NEAREST_NEIGHBORS), context);
 * Embedding maps = (Embedding) r.artifacts().get("spectral_embedding");
 * }
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "A. Y. Ng, M. I. Jordan, Y. Weiss", title = "On spectral clustering: analysis and an algorithm",
        venue = "Advances in Neural Information Processing Systems 14 (NIPS 2001), 849-856", year = 2002,
        doi = "10.5555/2980539.2980649")
@Reference(authors = "J. Shi, J. Malik", title = "Normalized cuts and image segmentation",
        venue = "IEEE Transactions on Pattern Analysis and Machine Intelligence 22(8), 888-905", year = 2000,
        doi = "10.1109/34.868688")
@Reference(authors = "U. von Luxburg", title = "A tutorial on spectral clustering",
        venue = "Statistics and Computing 17(4), 395-416", year = 2007, doi = "10.1007/s11222-007-9033-z")
@Reference(authors = "S. X. Yu, J. Shi", title = "Multiclass spectral clustering",
        venue = "Proceedings of the 9th IEEE International Conference on Computer Vision (ICCV), 313-319", year = 2003,
        doi = "10.1109/ICCV.2003.1238361")
@Reference(authors = "A. Damle, V. Minden, L. Ying", title = "Simple, direct and efficient multi-way spectral clustering",
        venue = "Information and Inference: A Journal of the IMA 8(1), 181-203", year = 2019, doi = "10.1093/imaiai/iay008")
@Reference(authors = "K. Wu, H. Simon", title = "Thick-restart Lanczos method for large symmetric eigenvalue problems",
        venue = "SIAM Journal on Matrix Analysis and Applications 22(2), 602-616", year = 2000, doi = "10.1137/S0895479898334605")
@Reference(authors = "G. H. Golub, C. F. Van Loan", title = "Matrix Computations (4th edition)",
        venue = "Johns Hopkins University Press", year = 2013, doi = "10.56021/9781421407944")
public final class SpectralAlgorithm implements ClusteringAlgorithm {
    static final String ID = "spectral";
    /** The artifact name of the embedding. @since 0.2 */
    public static final String EMBEDDING = "spectral_embedding";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("sc"),
            "Spectral clustering", "1.0",
            "Embeds the points with the eigenvectors of the k smallest eigenvalues of the normalised Laplacian of an "
                    + "rbf, k-nearest-neighbour or precomputed affinity graph, then labels the embedding by k-means, "
                    + "discretize or cluster_qr; scikit-learn's SpectralClustering. No predict (as scikit-learn).",
            SpectralParams.SPECS, Citation.of(SpectralAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.2 */
    public SpectralAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, SpectralParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points (or, with {@code affinity: precomputed}, the {@code n x n} similarities); never modified
     * @param params the parameters
     * @param context kernels, threads, seed (scikit-learn's random_state), progress and cancellation
     * @return labels, the {@code spectral_embedding} artifact, no model
     * @throws DataException for empty data, fewer than 2 points, {@code k > n}, {@code n_neighbors > n}, a
     *     precomputed matrix that is not square, symmetric and non-negative, or a dense matrix the heap cannot hold
     * @since 0.2
     */
    public ClusteringResult fit(Dataset data, SpectralParams params, ExecutionContext context) {
        return fit(data, params, SpectralEmbedding.Solver.AUTO, context);
    }

    /** The fit with a chosen eigen solver (tests compare the two). */
    ClusteringResult fit(Dataset data, SpectralParams params, SpectralEmbedding.Solver solver, ExecutionContext context) {
        int n = data.n();
        int k = params.k();
        if (n == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; spectral clustering needs at least 2 points");
        }
        if (n < 2) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' has 1 point; spectral clustering needs at least 2 "
                    + "(as scikit-learn)");
        }
        if (k > n) {
            throw new DataException(ID + ": k=" + k + " clusters requested but the dataset '" + data.name() + "' has only " + n + " points");
        }
        ProgressListener progress = context.progress();
        SplittableRandom seeds = new SplittableRandom(context.seed());
        long lanczosSeed = seeds.nextLong();
        long labelSeed = seeds.nextLong();
        progress.progress(0, ID + ": building the " + params.affinity().id() + " affinity of " + n + " points");
        NormalizedAffinity graph = switch (params.affinity()) {
            case RBF -> AffinityGraphs.rbf(data, params.gamma(), context);
            case NEAREST_NEIGHBORS -> AffinityGraphs.nearestNeighbors(data, params.nNeighbors(), context);
            case PRECOMPUTED -> AffinityGraphs.precomputed(data, context);
        };
        context.checkCancelled();
        progress.progress(0.3, ID + ": eigenvectors of the normalised Laplacian");
        SpectralEmbedding.Result emb = SpectralEmbedding.compute(graph, k, params.eigenTol(), solver, lanczosSeed, context,
                progress.stage(0.3, 0.8));
        context.checkCancelled();
        progress.progress(0.8, ID + ": " + params.assignLabels().id() + " on the embedding");
        double objective = Double.NaN;
        int[] labels;
        switch (params.assignLabels()) {
            case KMEANS -> {
                float[] maps = new float[n * k];
                for (int i = 0; i < maps.length; i++) {
                    maps[i] = (float) emb.coordinates()[i];
                }
                Dataset points = Dataset.of(data.name() + " (spectral embedding)", n, k, maps, null, null);
                KMeansParams kp = new KMeansParams(k, KMeansParams.Init.K_MEANS_PLUS_PLUS, params.nInit(), 300, 1e-4,
                        KMeansParams.Variant.LLOYD, "");
                ClusteringResult km = new KMeansAlgorithm().fit(points, kp,
                        context.withSeed(labelSeed).withProgress(progress.stage(0.8, 1.0)));
                labels = km.labels();
                objective = km.objective();
            }
            case DISCRETIZE -> labels = compact(Discretize.labels(emb.coordinates(), n, k, labelSeed), k);
            case CLUSTER_QR -> labels = compact(ClusterQr.labels(emb.coordinates(), n, k), k);
            default -> throw new IllegalStateException();
        }
        int clusters = 0;
        for (int l : labels) {
            clusters = Math.max(clusters, l + 1);
        }
        String message = ID + ": " + params.affinity().id() + " graph (" + graph.entries() + " affinities), " + emb.solver()
                + " eigen solver" + (emb.products() > 0 ? " (" + emb.products() + " products)" : "") + ", " + clusters + " clusters"
                + (emb.components() > 1 ? "; warning: the graph is not fully connected (" + emb.components()
                + " components), spectral embedding may not work as expected" : "")
                + (emb.converged() ? "" : "; warning: the eigen solver did not reach eigen_tol");
        progress.progress(1.0, message);
        return ClusteringResult.builder(labels)
                .iterations(emb.products())
                .converged(emb.converged())
                .objective(objective)
                .artifact(EMBEDDING, new Embedding(emb.coordinates(), n, k))
                .build();
    }

    /** Labels in {@code [0, k)} renumbered to consecutive values, in the order of their values. */
    static int[] compact(int[] labels, int k) {
        int[] map = new int[k];
        for (int l : labels) {
            map[l] = 1;
        }
        int next = 0;
        for (int c = 0; c < k; c++) {
            map[c] = map[c] == 1 ? next++ : -1;
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = map[labels[i]];
        }
        return labels;
    }
}
