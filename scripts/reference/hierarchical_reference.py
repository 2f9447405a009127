#!/usr/bin/python3
"""Reference values for the hierarchical plugin's agglomerative clustering, computed by scikit-learn
and SciPy (never by ClusterLab itself).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/hierarchical_reference.py

on Debian's python3-sklearn 1.2.1 and python3-scipy 1.10.1 (numpy 1.24.2, Python 3.11). The script
refuses other versions unless --any-version is given, because the expected values would change
silently. It writes, into plugins/hierarchical/src/test/resources/reference/:

    <dataset>.data.csv     points, header x1..xd, float32-representable values (the shortest decimal
                           that round-trips the float32, so Java's Float.parseFloat reads the number
                           scikit-learn and SciPy saw, widened exactly to float64)
    runs.csv               run,dataset,kind,params: one line per run below
    <run>.labels.csv       label: scikit-learn's AgglomerativeClustering labels_ (kind = labels)
    <run>.linkage.csv      left,right,distance,size: SciPy's linkage matrix Z (kind = linkage)
    <run>.labels.csv and <run>.tree.csv (kind = structured): structured Ward, AgglomerativeClustering with
                           connectivity=kneighbors_graph(x, n_neighbors, include_self=False) and
                           compute_distances=True: labels_, and children_ with distances_ (sizes counted
                           from children_) in the linkage matrix's layout, in scikit-learn's merge order

Datasets (continuous, so no two pairwise distances tie and the trees are unique):
    blobs2d   make_blobs(n_samples=300, centers=4, cluster_std=[0.6, 1.0, 1.4, 0.8], random_state=3)
    blobs5d   make_blobs(n_samples=240, n_features=5, centers=3, cluster_std=1.5, random_state=11)
    moons     make_moons(n_samples=200, noise=0.07, random_state=4)
"""
import argparse
import csv
import os
import sys

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import linkage
from sklearn.cluster import AgglomerativeClustering
from sklearn.datasets import make_blobs, make_moons
from sklearn.neighbors import kneighbors_graph

SKLEARN_VERSION = "1.2.1"
SCIPY_VERSION = "1.10.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "hierarchical", "src", "test", "resources", "reference")


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def datasets():
    x, _ = make_blobs(n_samples=300, centers=4, cluster_std=[0.6, 1.0, 1.4, 0.8], random_state=3)
    yield "blobs2d", as_float32(x)
    x, _ = make_blobs(n_samples=240, n_features=5, centers=3, cluster_std=1.5, random_state=11)
    yield "blobs5d", as_float32(x)
    x, _ = make_moons(n_samples=200, noise=0.07, random_state=4)
    yield "moons", as_float32(x)


# ClusterLab's metric names -> SciPy's and scikit-learn's
SCIPY_METRIC = {"euclidean": "euclidean", "manhattan": "cityblock", "chebyshev": "chebyshev", "cosine": "cosine"}
SKLEARN_METRIC = {"euclidean": "euclidean", "manhattan": "manhattan", "chebyshev": "chebyshev", "cosine": "cosine"}

# (run, dataset, kind, params) with ClusterLab's parameter names.
RUNS = []
for ds in ("blobs2d", "blobs5d", "moons"):
    for method in ("ward", "complete", "average", "single", "weighted", "centroid", "median"):
        RUNS.append(("%s-%s" % (ds, method), ds, "linkage", {"linkage": method, "metric": "euclidean"}))
    for method in ("complete", "average", "single", "weighted"):
        # Cosine on blobs5d only: in 2-d, nearly parallel points have 1 - cos below float32's resolution
        # (about 1e-7; moons and blobs2d have pairs at 1e-10), where ClusterLab's float kernels cannot
        # order the merges and SciPy's double can.
        for metric in ("manhattan", "chebyshev") + (("cosine",) if ds == "blobs5d" else ()):
            RUNS.append(("%s-%s-%s" % (ds, method, metric), ds, "linkage", {"linkage": method, "metric": metric}))
LABEL_RUNS = [
    ("blobs2d-k4-ward", "blobs2d", {"k": 4, "linkage": "ward", "metric": "euclidean"}),
    ("blobs2d-k4-complete", "blobs2d", {"k": 4, "linkage": "complete", "metric": "euclidean"}),
    ("blobs2d-k4-average", "blobs2d", {"k": 4, "linkage": "average", "metric": "euclidean"}),
    ("blobs2d-k6-single", "blobs2d", {"k": 6, "linkage": "single", "metric": "euclidean"}),
    ("blobs5d-k3-ward", "blobs5d", {"k": 3, "linkage": "ward", "metric": "euclidean"}),
    ("blobs5d-k5-average-manhattan", "blobs5d", {"k": 5, "linkage": "average", "metric": "manhattan"}),
    ("blobs5d-k3-complete-cosine", "blobs5d", {"k": 3, "linkage": "complete", "metric": "cosine"}),
    ("moons-k2-single", "moons", {"k": 2, "linkage": "single", "metric": "euclidean"}),
    ("moons-k8-ward", "moons", {"k": 8, "linkage": "ward", "metric": "euclidean"}),
    ("moons-k4-complete-chebyshev", "moons", {"k": 4, "linkage": "complete", "metric": "chebyshev"}),
    ("blobs2d-t-ward", "blobs2d", {"k": 0, "distance_threshold": 6.0, "linkage": "ward", "metric": "euclidean"}),
    ("blobs5d-t-average", "blobs5d", {"k": 0, "distance_threshold": 4.0, "linkage": "average", "metric": "euclidean"}),
    ("moons-t-single", "moons", {"k": 0, "distance_threshold": 0.2, "linkage": "single", "metric": "euclidean"}),
]
for run, ds, p in LABEL_RUNS:
    RUNS.append((run, ds, "labels", p))
# Structured Ward; n_neighbors=2 on blobs2d and 3 on moons leave the graph in several components, which
# scikit-learn joins at each pair's closest points (with a warning).
STRUCTURED_RUNS = [
    ("blobs2d-k4-ward-knn10", "blobs2d", {"k": 4, "n_neighbors": 10}),
    ("blobs2d-k4-ward-knn2", "blobs2d", {"k": 4, "n_neighbors": 2}),
    ("blobs5d-k3-ward-knn5", "blobs5d", {"k": 3, "n_neighbors": 5}),
    ("moons-k2-ward-knn10", "moons", {"k": 2, "n_neighbors": 10}),
    ("moons-k2-ward-knn3", "moons", {"k": 2, "n_neighbors": 3}),
    ("moons-t-ward-knn8", "moons", {"k": 0, "distance_threshold": 1.5, "n_neighbors": 8}),
]
for run, ds, p in STRUCTURED_RUNS:
    q = {key: v for key, v in p.items() if key != "n_neighbors"}
    q.update({"linkage": "ward", "metric": "euclidean", "connectivity.n_neighbors": p["n_neighbors"]})
    RUNS.append((run, ds, "structured", q))


def write_rows(path, rows):
    with open(path, "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def write_points(path, x):
    rows = [["x%d" % (j + 1) for j in range(x.shape[1])]]
    for row in x.astype(np.float32):
        rows.append([np.format_float_positional(v, unique=True, trim="-") for v in row])
    write_rows(path, rows)


def params_text(p):
    return ";".join("%s=%s" % (k, v) for k, v in p.items())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--any-version", action="store_true", help="run on other scikit-learn/SciPy versions")
    args = parser.parse_args()
    if (sklearn.__version__, scipy.__version__) != (SKLEARN_VERSION, SCIPY_VERSION) and not args.any_version:
        sys.exit("expected scikit-learn %s and SciPy %s, found %s and %s (use --any-version to override)"
                 % (SKLEARN_VERSION, SCIPY_VERSION, sklearn.__version__, scipy.__version__))
    os.makedirs(OUT, exist_ok=True)
    data = dict(datasets())
    for name, x in data.items():
        write_points(os.path.join(OUT, name + ".data.csv"), x)
    runs = [["run", "dataset", "kind", "params"]]
    for run, ds, kind, p in RUNS:
        x = data[ds]
        if kind == "linkage":
            z = linkage(x, method=p["linkage"], metric=SCIPY_METRIC[p["metric"]])
            rows = [["left", "right", "distance", "size"]]
            rows += [[int(a), int(b), repr(float(h)), int(s)] for a, b, h, s in z]
            write_rows(os.path.join(OUT, run + ".linkage.csv"), rows)
        elif kind == "structured":
            k = p.get("k", 0)
            graph = kneighbors_graph(x, p["connectivity.n_neighbors"], include_self=False)
            m = AgglomerativeClustering(n_clusters=k if k > 0 else None,
                                        distance_threshold=p.get("distance_threshold"), linkage="ward",
                                        connectivity=graph, compute_full_tree=True,
                                        compute_distances=True).fit(x)
            write_rows(os.path.join(OUT, run + ".labels.csv"), [["label"]] + [[int(l)] for l in m.labels_])
            n = x.shape[0]
            size = [1] * n
            rows = [["left", "right", "distance", "size"]]
            for (a, b), h in zip(m.children_, m.distances_):
                size.append(size[a] + size[b])
                rows.append([int(a), int(b), repr(float(h)), size[-1]])
            write_rows(os.path.join(OUT, run + ".tree.csv"), rows)
        else:
            k = p.get("k", 0)
            m = AgglomerativeClustering(n_clusters=k if k > 0 else None,
                                        distance_threshold=p.get("distance_threshold"),
                                        linkage=p["linkage"], metric=SKLEARN_METRIC[p["metric"]]).fit(x)
            write_rows(os.path.join(OUT, run + ".labels.csv"), [["label"]] + [[int(l)] for l in m.labels_])
        runs.append([run, ds, kind, params_text(p)])
    write_rows(os.path.join(OUT, "runs.csv"), runs)
    print("wrote %d runs to %s" % (len(RUNS), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
