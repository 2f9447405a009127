package dev.clusterlab.host.report;

import dev.clusterlab.api.Citation;
import dev.clusterlab.host.output.ConfigSummary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The references section: every algorithm and metric the experiment used, with the publications its
 * descriptor cites ({@link Citation#toString()}) and a link to each DOI, so results can be credited and
 * the methods looked up. Citations come from plugins, so they are escaped like any other input.
 */
final class References {
    private References() {
    }

    /**
     * @param r the report inputs
     * @return the {@code <section>}
     */
    static String render(Report r) {
        Set<String> algorithms = new LinkedHashSet<>();
        for (List<ConfigSummary> configs : r.comparison().configs().values()) {
            configs.forEach(cs -> algorithms.add(cs.algorithmId()));
        }
        StringBuilder s = new StringBuilder("<section class=\"references\" id=\"references\">\n<h2>References</h2>\n<h3>Algorithms</h3>\n<ul>");
        for (String id : algorithms) {
            var d = r.algorithms().apply(id);
            entry(s, id, d.map(x -> x.title() + " (version " + x.version() + ")").orElse(null),
                    d.map(x -> x.description()).orElse(""), d.map(x -> x.references()).orElse(List.of()));
        }
        s.append("</ul>\n<h3>Metrics</h3>\n<ul>");
        for (String id : r.comparison().metricIds()) {
            var d = r.metrics().apply(id);
            entry(s, id, d.map(x -> x.title()).orElse(null), d.map(x -> x.description()).orElse(""),
                    d.map(x -> x.references()).orElse(List.of()));
        }
        return s.append("</ul>\n</section>\n").toString();
    }

    private static void entry(StringBuilder s, String id, String title, String description, List<Citation> refs) {
        s.append("<li><b>").append(Html.esc(title == null ? id : title)).append("</b> <code>").append(Html.esc(id)).append("</code>");
        if (title == null) {
            s.append(" \u2013 no descriptor: its plugin is not loaded.");
        } else if (!description.isEmpty()) {
            s.append(" \u2013 ").append(Html.esc(description));
        }
        if (refs.isEmpty()) {
            s.append("<br/><span class=\"note\">No publication cited.</span>");
        } else {
            s.append("<ol class=\"cites\">");
            for (Citation c : refs) {
                s.append("<li>").append(Html.esc(c.toString()));
                if (!c.doi().isBlank()) {
                    s.append(" <a href=\"").append(Html.esc(Html.doiUrl(c.doi()))).append("\" rel=\"noreferrer\">")
                            .append(Html.esc(Html.doiUrl(c.doi()))).append("</a>");
                }
                s.append("</li>");
            }
            s.append("</ol>");
        }
        s.append("</li>\n");
    }
}
