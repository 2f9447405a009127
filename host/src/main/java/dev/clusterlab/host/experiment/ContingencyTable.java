package dev.clusterlab.host.experiment;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.artifact.ArtifactTable;
import dev.clusterlab.api.artifact.TableArtifact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contingency table of a run against the dataset's ground truth, as scikit-learn's
 * {@code contingency_matrix} counts it but in long form (one row per non-empty cell, so that a table of
 * many clusters stays small): {@code true_class,cluster,count}, noise as -1 on either side. The external
 * metrics are functions of it; it is written as {@code contingency/RUN_ID.csv}.
 */
final class ContingencyTable {
    /** The artifact's name and kind. */
    static final String NAME = "contingency";

    private ContingencyTable() {
    }

    /**
     * @param data rows with ground truth
     * @param labels the run's labels
     * @return the artifact
     */
    static TableArtifact of(Dataset data, int[] labels) {
        int[] truth = data.truth().orElseThrow();
        Map<Long, int[]> cells = new TreeMap<>();
        for (int i = 0; i < truth.length; i++) {
            long key = ((long) truth[i] << 32) | (labels[i] & 0xffffffffL);
            cells.computeIfAbsent(key, k -> new int[1])[0]++;
        }
        List<int[]> rows = new ArrayList<>();
        cells.forEach((key, count) -> rows.add(new int[] {(int) (key >> 32), (int) (long) key, count[0]}));
        int[] t = new int[rows.size()];
        int[] c = new int[rows.size()];
        int[] n = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            t[r] = rows.get(r)[0];
            c[r] = rows.get(r)[1];
            n[r] = rows.get(r)[2];
        }
        return new TableArtifact(NAME, ArtifactTable.builder().ints("true_class", t).ints("cluster", c).ints("count", n).build());
    }
}
