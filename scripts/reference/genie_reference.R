#!/usr/bin/Rscript
# Reference labels for the hierarchical plugin's Genie, computed by the genieclust R package (never by
# ClusterLab itself), on the datasets that scripts/reference/hierarchical_reference.py writes.
#
# Produced with (from the repository root, after hierarchical_reference.py):
#
#     Rscript scripts/reference/genie_reference.R
#
# on Debian's r-cran-genie 1.0.5 (which brings r-cran-genieclust; R 4.2.2). It refuses another
# genieclust version, because the expected labels would change silently. It writes, into
# plugins/hierarchical/src/test/resources/reference/:
#
#     genie-runs.csv          run,dataset,k,gini_threshold
#     <run>.genie.csv         label: genieclust::genie(X, k, gini_threshold)'s labels, by row
#
# genieclust is run with its defaults otherwise (M = 1: no noise points, exact Euclidean MST). R reads the
# shortest decimals of the float32 values as doubles, within half a float32 ulp of what Java reads: far
# below the gaps between the continuous data's distances, so the trees are the same.
suppressMessages(library(genieclust))
expected <- "1.1.3"
found <- as.character(packageVersion("genieclust"))
args <- commandArgs(trailingOnly = TRUE)
if (found != expected && !("--any-version" %in% args)) {
    stop(sprintf("expected genieclust %s, found %s (use --any-version to override)", expected, found))
}
out <- file.path("plugins", "hierarchical", "src", "test", "resources", "reference")
runs <- list(
    list("blobs2d-g03-k4", "blobs2d", 4, 0.3),
    list("blobs2d-g01-k4", "blobs2d", 4, 0.1),
    list("blobs2d-g05-k6", "blobs2d", 6, 0.5),
    list("blobs5d-g03-k3", "blobs5d", 3, 0.3),
    list("blobs5d-g07-k5", "blobs5d", 5, 0.7),
    list("moons-g03-k2", "moons", 2, 0.3),
    list("moons-g02-k8", "moons", 8, 0.2),
    list("moons-g10-k3", "moons", 3, 1.0)
)
table <- data.frame(run = character(), dataset = character(), k = integer(), gini_threshold = numeric())
for (r in runs) {
    x <- as.matrix(read.csv(file.path(out, paste0(r[[2]], ".data.csv"))))
    labels <- genie(x, k = r[[3]], gini_threshold = r[[4]])
    write.csv(data.frame(label = as.integer(labels)), file.path(out, paste0(r[[1]], ".genie.csv")), row.names = FALSE, quote = FALSE)
    table[nrow(table) + 1, ] <- list(r[[1]], r[[2]], r[[3]], r[[4]])
}
write.csv(table, file.path(out, "genie-runs.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("wrote %d runs to %s\n", length(runs), out))
