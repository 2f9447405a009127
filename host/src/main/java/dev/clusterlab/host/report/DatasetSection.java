package dev.clusterlab.host.report;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.host.output.Comparison;
import dev.clusterlab.host.output.ConfigSummary;
import dev.clusterlab.host.output.KSuggestion;
import dev.clusterlab.host.output.Stat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One dataset's part of the report, in the order a reader asks the questions: which configuration
 * won (ranked table), what its clusters look like (projection, sizes), by how much and how reliably
 * (metric bars with standard deviations), at what cost (fit time), and which k the sweeps suggest.
 */
final class DatasetSection {
    private DatasetSection() {
    }

    /**
     * @param r the report inputs
     * @param index 1-based position, for the anchor (names from data never become ids)
     * @param name the dataset name
     * @return the {@code <section>}
     */
    static String render(Report r, int index, String name) {
        Comparison c = r.comparison();
        List<ConfigSummary> configs = c.configs().getOrDefault(name, List.of());
        Dataset data = r.datasets().get(name);
        StringBuilder s = new StringBuilder();
        s.append("<section class=\"dataset\" id=\"ds").append(index).append("\">\n<h2>").append(Html.esc(name)).append("</h2>\n");
        s.append("<p class=\"meta\">").append(describe(data));
        if (c.rankBy() != null) {
            s.append(" Ranked by <b>").append(Html.esc(c.rankBy())).append("</b>")
                    .append(c.higherIsBetter() ? " (higher is better)" : " (lower is better)");
        }
        s.append(", mean \u00b1 standard deviation over seeds.</p>\n");
        s.append(RankedTable.render(r, configs));
        ConfigSummary best = configs.stream().filter(ConfigSummary::best).findFirst()
                .orElse(configs.stream().filter(cs -> cs.failed() < cs.runs().size()).findFirst().orElse(null));
        if (best != null) {
            s.append("<h3>Best configuration: ").append(Html.esc(label(best))).append("</h3>\n");
            s.append(data == null ? BestRunPlots.note("The dataset was not loaded in this invocation.") : BestRunPlots.render(r, data, best));
            if (data != null) {
                s.append(bestWithOtherPictures(r, data, configs, best));
            }
        }
        s.append("<h3>Metrics</h3>\n<div class=\"figures\">");
        for (String m : c.metricIds()) {
            String dir = r.higherIsBetter(m) ? "higher is better" : "lower is better";
            String title = r.metrics().apply(m).map(d -> d.title()).orElse(m);
            String svg = SvgBars.render(bars(configs, cs -> cs.metrics().get(m)), m + " (" + dir + ")", title + " per configuration");
            s.append(figure(svg, SvgBars.WIDTH, title + " (" + m + ", " + dir + "): mean over seeds, error bars \u00b1 one standard deviation."));
        }
        String time = SvgBars.render(bars(configs, ConfigSummary::seconds), "fit time (s)", "Fit time per configuration");
        s.append(figure(time, SvgBars.WIDTH, "Fit time in seconds (data loading and metrics excluded): mean over seeds, \u00b1 one standard deviation."));
        s.append("</div>\n");
        List<KSuggestion> ks = c.suggestions().getOrDefault(name, List.of());
        if (!ks.isEmpty()) {
            s.append("<h3>Choosing k</h3>\n");
            for (KSuggestion k : ks) {
                s.append(kPlots(k));
            }
        }
        return s.append("</section>\n").toString();
    }

    /**
     * When the best configuration has no picture of a kind the report draws (a dendrogram, a
     * reachability plot, a condensed tree) but a lower-ranked one has, that picture from the best-ranked
     * configuration that has it: the best hierarchical run gets its dendrogram even where k-means won.
     */
    private static String bestWithOtherPictures(Report r, Dataset data, List<ConfigSummary> configs, ConfigSummary best) {
        java.util.Set<String> shown = new java.util.HashSet<>(firstOk(best).map(run -> run.artifacts().values())
                .orElse(List.of()));
        StringBuilder s = new StringBuilder();
        for (ConfigSummary cs : configs) {
            var run = firstOk(cs).orElse(null);
            if (run == null) {
                continue;
            }
            List<String> kinds = run.artifacts().values().stream().distinct()
                    .filter(k -> ArtifactFigures.drawn(k) && !shown.contains(k)).toList();
            if (kinds.isEmpty()) {
                continue;
            }
            int[] labels;
            try {
                labels = r.labels().labels(run, data.n());
            } catch (RuntimeException ex) {
                continue;
            }
            if (labels == null || labels.length != data.n()) {
                continue;
            }
            shown.addAll(kinds);
            String who = run.algorithm() + (run.paramsText().isEmpty() ? "" : " " + run.paramsText()) + ", seed " + run.seed();
            s.append("<h3>Best configuration with a ").append(Html.esc(String.join(" and a ", kinds.stream().map(DatasetSection::picture).toList())))
                    .append(": ").append(Html.esc(label(cs))).append("</h3>\n<div class=\"figures\">")
                    .append(ArtifactFigures.render(r, run, labels, who, kinds::contains, false)).append("</div>\n");
        }
        return s.toString();
    }

    private static java.util.Optional<dev.clusterlab.host.output.RunRecord> firstOk(ConfigSummary cs) {
        return cs.runs().stream().filter(x -> x.ok()).findFirst();
    }

    private static String picture(String kind) {
        return switch (kind) {
            case dev.clusterlab.api.artifact.ArtifactKinds.MERGE_TREE -> "dendrogram";
            case dev.clusterlab.api.artifact.ArtifactKinds.REACHABILITY -> "reachability plot";
            default -> kind.replace('_', ' ');
        };
    }

    private static String describe(Dataset data) {
        if (data == null) {
            return "";
        }
        List<String> names = data.featureNames();
        String features = String.join(", ", names.subList(0, Math.min(12, names.size()))) + (names.size() > 12 ? ", \u2026" : "");
        return data.n() + " points \u00d7 " + data.d() + " features (" + Html.esc(features) + ")"
                + (data.hasTruth() ? ", with ground truth." : ".");
    }

    private static String label(ConfigSummary cs) {
        return cs.algorithm() + (cs.paramsText().isEmpty() ? "" : " " + cs.paramsText());
    }

    private static List<SvgBars.Bar> bars(List<ConfigSummary> configs, Function<ConfigSummary, Stat> stat) {
        List<SvgBars.Bar> bars = new ArrayList<>();
        for (ConfigSummary cs : configs) {
            Stat st = stat.apply(cs);
            double mean = st.count() > 0 ? st.mean() : Double.NaN;
            bars.add(new SvgBars.Bar(label(cs), mean, st.count() > 1 ? st.std() : 0, cs.best() ? Palette.BEST : Palette.BAR,
                    SvgBars.format(mean)));
        }
        return bars;
    }

    private static String kPlots(KSuggestion k) {
        String who = k.algorithm() + (k.otherParams().isEmpty() ? "" : " " + k.otherParams());
        StringBuilder s = new StringBuilder("<div class=\"figures\">");
        if (k.objective().stream().anyMatch(v -> Double.isFinite(v))) {
            String svg = SvgLines.render(k.ks(), k.objective(), k.byElbow(), "objective", "Elbow: objective of " + who + " against k");
            s.append(figure(svg, SvgLines.WIDTH, "Elbow of " + who + ": mean objective per k; " + (k.byElbow() > 0 ? "suggested k = " + k.byElbow()
                            : "no clear elbow") + "."));
        } else {
            s.append(BestRunPlots.note(who + " reports no objective: no elbow plot."));
        }
        if (k.silhouette().stream().anyMatch(v -> Double.isFinite(v))) {
            String svg = SvgLines.render(k.ks(), k.silhouette(), k.bySilhouette(), "silhouette", "Silhouette of " + who + " against k");
            s.append(figure(svg, SvgLines.WIDTH, "Silhouette of " + who + ": mean per k; " + (k.bySilhouette() > 0 ? "suggested k = " + k.bySilhouette()
                            : "no suggestion") + "."));
        } else {
            s.append(BestRunPlots.note("No silhouette was measured for " + who + " (add silhouette to metrics)."));
        }
        if (k.stability().stream().anyMatch(v -> Double.isFinite(v))) {
            int most = dev.clusterlab.host.output.KSuggestion.argmax(k.ks(), k.stability());
            String svg = SvgLines.render(k.ks(), k.stability(), most, "stability", "Stability of " + who + " against k");
            s.append(figure(svg, SvgLines.WIDTH, "Stability of " + who + ": mean adjusted Rand index between refits on subsamples, per k"
                    + " (higher: the clusters move less); most stable k = " + most + ". Small k are often stable by merging clusters:"
                    + " read it with the other criteria."));
        }
        if (k.bic().stream().anyMatch(v -> Double.isFinite(v))) {
            String svg = SvgLines.render(k.ks(), k.bic(), k.byBic(), "BIC", "BIC of " + who + " against k");
            s.append(figure(svg, SvgLines.WIDTH, "Bayesian information criterion of " + who + ": mean per k, lower is better; "
                    + (k.byBic() > 0 ? "suggested k = " + k.byBic() : "no suggestion") + "."));
        }
        return s.append("</div>\n").toString();
    }

    /** A plot with its caption, no wider than the plot so that captions wrap under it. */
    static String figure(String svg, int width, String caption) {
        return "<figure style=\"max-width:" + width + "px\">" + svg + "<figcaption>" + Html.esc(caption) + "</figcaption></figure>\n";
    }
}
