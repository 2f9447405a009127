package dev.clusterlab.host.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console view of a {@link Comparison}: per dataset, one row per algorithm configuration with the
 * mean ± standard deviation of every metric over its seeds, the mean fit time and the rank by the
 * chosen metric, the best marked with {@code *}; then the k suggested by each sweep over k.
 */
public final class SummaryTable {
    private SummaryTable() {
    }

    /**
     * @param c the comparison
     * @param datasetNotes a short description per dataset (size, truth), or none
     * @return the tables, one block per dataset
     */
    public static String render(Comparison c, Map<String, String> datasetNotes) {
        StringBuilder s = new StringBuilder();
        for (String ds : c.datasets()) {
            s.append('\n').append(ds);
            if (datasetNotes.containsKey(ds)) {
                s.append(" (").append(datasetNotes.get(ds)).append(')');
            }
            if (c.rankBy() != null) {
                s.append(": ranked by ").append(c.rankBy()).append(c.higherIsBetter() ? " (higher is better)" : " (lower is better)");
            }
            s.append('\n');
            s.append(table(c, c.configs().get(ds)));
            for (KSuggestion k : c.suggestions().getOrDefault(ds, List.of())) {
                s.append("suggested k for ").append(k.algorithm()).append(k.otherParams().isEmpty() ? "" : " " + k.otherParams())
                        .append(" over k=").append(k.ks()).append(": ")
                        .append(k.bySilhouette() > 0 ? k.bySilhouette() + " by silhouette" : "no silhouette")
                        .append(", ")
                        .append(k.byElbow() > 0 ? k.byElbow() + " by the elbow of the objective" : "no elbow")
                        .append(k.byCalinskiHarabasz() > 0 ? ", " + k.byCalinskiHarabasz() + " by Calinski-Harabasz" : "")
                        .append(k.byDaviesBouldin() > 0 ? ", " + k.byDaviesBouldin() + " by Davies-Bouldin" : "")
                        .append(k.byBic() > 0 ? ", " + k.byBic() + " by the lowest BIC" : "")
                        .append(k.byGap() > 0 ? ", " + k.byGap() + " by the gap statistic" : "")
                        .append('\n');
            }
        }
        return s.toString();
    }

    private static String table(Comparison c, List<ConfigSummary> configs) {
        List<String> header = new ArrayList<>(List.of("rank", "algorithm", "params", "runs", "clusters"));
        header.addAll(c.metricIds());
        header.add("seconds");
        List<List<String>> rows = new ArrayList<>();
        for (ConfigSummary cs : configs) {
            List<String> row = new ArrayList<>();
            row.add(cs.rank() == 0 ? "-" : cs.rank() + (cs.best() ? "*" : ""));
            row.add(cs.algorithm());
            row.add(cs.paramsText());
            int ok = cs.runs().size() - cs.failed();
            row.add(cs.failed() == 0 ? Integer.toString(ok) : ok + "/" + cs.runs().size() + " ok");
            row.add(cs.clusters().count() == 0 ? "" : cs.clusters().std() == 0 ? Long.toString(Math.round(cs.clusters().mean()))
                    : String.format(Locale.ROOT, "%.1f", cs.clusters().mean()));
            for (String m : c.metricIds()) {
                row.add(cs.metrics().get(m).format());
            }
            row.add(cs.seconds().count() == 0 ? "" : String.format(Locale.ROOT, "%.3f", cs.seconds().mean()));
            rows.add(row);
        }
        return ComparisonTable.align(header, rows, 3);
    }
}
