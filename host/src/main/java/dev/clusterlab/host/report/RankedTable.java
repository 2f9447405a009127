package dev.clusterlab.host.report;

import dev.clusterlab.host.output.Comparison;
import dev.clusterlab.host.output.ConfigSummary;
import dev.clusterlab.host.output.RunRecord;
import dev.clusterlab.host.output.Stat;
import java.util.List;
import java.util.Locale;

/**
 * The HTML form of one dataset's ranking: the same rows and numbers as the console's summary table
 * (mean ± std over seeds), the best configuration's row highlighted and the best value of each column
 * in bold, followed by the reasons of any failed runs.
 */
final class RankedTable {
    private RankedTable() {
    }

    /**
     * @param r the report inputs
     * @param configs the dataset's configurations, best first
     * @return the table and failure list
     */
    static String render(Report r, List<ConfigSummary> configs) {
        Comparison c = r.comparison();
        StringBuilder s = new StringBuilder("<div class=\"scroll\"><table class=\"ranking\">\n<thead><tr><th>rank</th><th>algorithm</th>"
                + "<th>params</th><th>runs</th><th>clusters</th>");
        for (String m : c.metricIds()) {
            boolean up = r.higherIsBetter(m);
            String title = r.metrics().apply(m).map(d -> d.title()).orElse(m) + (up ? " (higher is better)" : " (lower is better)");
            s.append("<th title=\"").append(Html.esc(title)).append("\">").append(Html.esc(m)).append(up ? " \u2191" : " \u2193")
                    .append(m.equals(c.rankBy()) ? " (rank)" : "").append("</th>");
        }
        s.append("<th title=\"mean fit time in seconds\">fit time (s) \u2193</th></tr></thead>\n<tbody>\n");
        for (ConfigSummary cs : configs) {
            s.append(cs.best() ? "<tr class=\"best\">" : "<tr>");
            s.append("<td class=\"num\">").append(cs.rank() == 0 ? "\u2013" : cs.rank() + (cs.best() ? " \u2605" : "")).append("</td>");
            s.append("<td class=\"alg\">").append(Html.esc(cs.algorithm())).append("</td><td class=\"params\">").append(Html.esc(cs.paramsText()))
                    .append("</td>");
            int ok = cs.runs().size() - cs.failed();
            s.append("<td class=\"num\">").append(cs.failed() == 0 ? Integer.toString(ok) : ok + "/" + cs.runs().size() + " ok")
                    .append("</td>");
            s.append("<td class=\"num\">").append(clusters(cs.clusters())).append("</td>");
            for (String m : c.metricIds()) {
                Stat st = cs.metrics().get(m);
                cell(s, st, st.count() > 0 && st.mean() == best(configs, m, r.higherIsBetter(m)));
            }
            cell(s, cs.seconds(), cs.seconds().count() > 0 && cs.seconds().mean() == bestTime(configs));
            s.append("</tr>\n");
        }
        s.append("</tbody></table></div>\n");
        s.append(failures(configs));
        return s.toString();
    }

    private static void cell(StringBuilder s, Stat st, boolean top) {
        String[] parts = st.format().split(" \u00b1 ", 2); // the console's text, the spread set smaller
        s.append(top ? "<td class=\"num top\">" : "<td class=\"num\">").append(Html.esc(parts[0]));
        if (parts.length == 2) {
            s.append(" <span class=\"sd\">\u00b1 ").append(Html.esc(parts[1])).append("</span>");
        }
        s.append("</td>");
    }

    private static String clusters(Stat st) {
        if (st.count() == 0) {
            return "";
        }
        return st.std() == 0 ? Long.toString(Math.round(st.mean())) : String.format(Locale.ROOT, "%.1f", st.mean());
    }

    private static double best(List<ConfigSummary> configs, String metric, boolean higher) {
        return configs.stream().map(cs -> cs.metrics().get(metric)).filter(st -> st.count() > 0).mapToDouble(Stat::mean)
                .reduce(higher ? Math::max : Math::min).orElse(Double.NaN);
    }

    private static double bestTime(List<ConfigSummary> configs) {
        return configs.stream().map(ConfigSummary::seconds).filter(st -> st.count() > 0).mapToDouble(Stat::mean)
                .min().orElse(Double.NaN);
    }

    private static String failures(List<ConfigSummary> configs) {
        List<RunRecord> failed = configs.stream().flatMap(cs -> cs.runs().stream())
                .filter(run -> !run.ok()).toList();
        if (failed.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<details class=\"failures\"><summary>").append(failed.size())
                .append(failed.size() == 1 ? " run did not finish" : " runs did not finish").append("</summary><ul>\n");
        for (RunRecord run : failed) {
            s.append("<li><code>").append(Html.esc(run.runId())).append("</code> ").append(Html.esc(run.algorithm())).append(' ')
                    .append(Html.esc(run.paramsText())).append(", seed ").append(run.seed()).append(": <b>").append(Html.esc(run.status()))
                    .append("</b> ").append(Html.esc(run.message())).append("</li>\n");
        }
        return s.append("</ul></details>\n").toString();
    }
}
