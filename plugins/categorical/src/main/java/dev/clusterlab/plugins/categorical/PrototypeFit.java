package dev.clusterlab.plugins.categorical;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.ArtifactTable;
import dev.clusterlab.api.artifact.TableArtifact;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What k-modes and k-prototypes share: the checks, the case of few distinct rows, the
 * {@code n_init} runs (the one of least cost kept, the first on ties) and the result.
 */
final class PrototypeFit {
    /** The name of the prototypes table artifact. */
    static final String PROTOTYPES = "prototypes";

    private PrototypeFit() {
    }

    /**
     * Rejects empty data and {@code k > n}, naming the dataset.
     */
    static void checkSize(String owner, Dataset data, int k) {
        if (data.n() == 0) {
            throw new DataException(owner + ": the dataset '" + data.name() + "' is empty; k=" + k
                    + " clusters need at least " + k + " points");
        }
        if (k > data.n()) {
            throw new DataException(owner + ": k=" + k + " clusters requested but the dataset '" + data.name()
                    + "' has only " + data.n() + " points");
        }
    }

    static ClusteringResult fit(String owner, Dataset data, Attributes attributes, int k, InitMethod init, int nInit,
                                int maxIter, double gamma, ExecutionContext context) {
        EncodedRows x = attributes.encode(data);
        int[] levelCounts = attributes.levelCounts();
        DistinctRows few = DistinctRows.atMost(x, k);
        if (few != null) {
            // As the kmodes package: no more distinct rows than k, so each distinct row is a cluster.
            Prototypes q = Prototypes.ofRows(x, few.firstRows());
            String message = owner + ": the dataset has only " + few.firstRows().length + " distinct rows for k=" + k
                    + "; each distinct row is a cluster";
            context.progress().progress(1.0, message);
            return result(owner, attributes, new PrototypeLoop.Outcome(few.groupOf(), q, 0.0, 0, true, List.of()), gamma);
        }
        int runs = init == InitMethod.CAO ? 1 : nInit;
        SplittableRandom seeds = new SplittableRandom(context.seed());
        PrototypeLoop.Outcome best = null;
        for (int r = 0; r < runs; r++) {
            SplittableRandom rnd = new SplittableRandom(seeds.nextLong());
            int[] rows = Seeding.rows(init, x, levelCounts, k, gamma, rnd, context);
            PrototypeLoop.Outcome o = PrototypeLoop.run(x, Prototypes.ofRows(x, rows), levelCounts, gamma, maxIter, context);
            if (best == null || o.cost() < best.cost()) {
                best = o;
            }
            context.progress().progress((r + 1.0) / runs, owner + ": run " + (r + 1) + " of " + runs + ", cost " + o.cost()
                    + " after " + o.iterations() + " iterations" + (o.converged() ? "" : " (max_iter reached)"));
        }
        return result(owner, attributes, best, gamma);
    }

    /**
     * One run from given initial rows, without the few-distinct-rows shortcut: the entry point the
     * reference tests use to start from the script's initial prototypes.
     */
    static ClusteringResult fromRows(String owner, Dataset data, Attributes attributes, int[] rows, double gamma, int maxIter,
                                     ExecutionContext context) {
        EncodedRows x = attributes.encode(data);
        PrototypeLoop.Outcome o = PrototypeLoop.run(x, Prototypes.ofRows(x, rows), attributes.levelCounts(), gamma, maxIter, context);
        return result(owner, attributes, o, gamma);
    }

    /** Labels made consecutive (empty clusters left out, the rest in cluster order), centroids, prototypes table, model. */
    static ClusteringResult result(String owner, Attributes attributes, PrototypeLoop.Outcome o, double gamma) {
        Prototypes q = o.prototypes();
        int[] sizes = new int[q.k];
        for (int l : o.labels()) {
            sizes[l]++;
        }
        int[] renumber = new int[q.k];
        int used = 0;
        for (int c = 0; c < q.k; c++) {
            renumber[c] = sizes[c] > 0 ? used++ : -1;
        }
        int[] keep = new int[used];
        int[] keptSizes = new int[used];
        for (int c = 0; c < q.k; c++) {
            if (renumber[c] >= 0) {
                keep[renumber[c]] = c;
                keptSizes[renumber[c]] = sizes[c];
            }
        }
        int[] labels = new int[o.labels().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = renumber[o.labels()[i]];
        }
        CategoricalModel model = new CategoricalModel(owner, attributes, q.select(keep), gamma);
        double[] codes = model.prototypeCodes();
        int d = attributes.d();
        float[] centroids = new float[codes.length];
        for (int e = 0; e < codes.length; e++) {
            centroids[e] = (float) codes[e];
        }
        ArtifactTable.Builder table = ArtifactTable.builder().ints("cluster", identity(used)).ints("size", keptSizes);
        List<String> columns = ColumnNames.of(attributes.names, Set.of("cluster", "size"));
        for (int j = 0; j < d; j++) {
            double[] col = new double[used];
            for (int c = 0; c < used; c++) {
                col[c] = codes[c * d + j];
            }
            if (attributes.kinds[j] == Attributes.Kind.LEVELS) {
                int[] ints = new int[used];
                for (int c = 0; c < used; c++) {
                    ints[c] = (int) col[c];
                }
                table.ints(columns.get(j), ints);
            } else {
                table.reals(columns.get(j), col);
            }
        }
        return ClusteringResult.builder(labels)
                .objective(o.cost())
                .iterations(o.iterations())
                .converged(o.converged())
                .iterationStats(o.stats())
                .centroids(centroids, used)
                .artifact(PROTOTYPES, new TableArtifact(PROTOTYPES, table.build()))
                .model(model)
                .build();
    }

    private static int[] identity(int k) {
        int[] out = new int[k];
        for (int c = 0; c < k; c++) {
            out[c] = c;
        }
        return out;
    }
}
