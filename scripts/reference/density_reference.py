#!/usr/bin/python3
"""Reference values for the density plugin (DBSCAN and OPTICS), computed by scikit-learn (never by
ClusterLab itself).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/density_reference.py

on Debian's python3-sklearn 1.2.1 (numpy 1.24.2, Python 3.11). The script refuses to run on another
scikit-learn version unless --any-version is given, because the expected values would change
silently. It writes, into plugins/density/src/test/resources/reference/:

    <dataset>.data.csv       points, header x1..xd, values float32-representable (shortest decimal
                             that round-trips the float32, so Java's Float.parseFloat reads the same
                             number that scikit-learn saw)
    <dataset>.weights.csv    one column, weight: sample weights (float32, small integers and halves)
    runs.csv                 run,dataset,algorithm,params: one line per scikit-learn run below
    <run>.dbscan.csv         label,core: DBSCAN's labels_ and 1 for the rows in core_sample_indices_
    <run>.optics.csv         label,ordering,reachability,core_distance,predecessor: OPTICS' labels_,
                             ordering_ (position i holds the i-th point visited), reachability_,
                             core_distances_ and predecessor_ (per point, by row)

Every run uses algorithm="brute" (exact distances; the result does not depend on the tree).
OPTICS' eps is left unset (None: max_eps) where a run does not give it, min_cluster_size likewise.

Datasets (each with uniform noise over the bounding box, so that noise is present):
    varied   make_blobs(n_samples=500, centers=3, cluster_std=[1.0, 2.5, 0.5], random_state=170)
             + 50 uniform points (numpy seed 1): three blobs of very different density
    moons    make_moons(n_samples=400, noise=0.06, random_state=1) + 40 uniform points (seed 2)
    blobs4d  make_blobs(n_samples=400, n_features=4, centers=4, cluster_std=[0.4, 0.8, 1.2, 0.6],
             random_state=7) + 40 uniform points (seed 3)

scikit-learn always computes in float64 here: the float32 data are widened exactly to float64
before any call, so the expected values are the float64 answers for exactly the numbers Java reads.
"""
import argparse
import csv
import os
import sys

import numpy as np
import sklearn
from sklearn.cluster import DBSCAN, OPTICS
from sklearn.datasets import make_blobs, make_moons

SKLEARN_VERSION = "1.2.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "density", "src", "test", "resources", "reference")


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64 for scikit-learn."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def with_noise(x, count, seed):
    rng = np.random.RandomState(seed)
    low, high = x.min(axis=0), x.max(axis=0)
    return np.vstack([x, rng.uniform(low, high, size=(count, x.shape[1]))])


def datasets():
    """(name, float64 view of float32 data)."""
    x, _ = make_blobs(n_samples=500, centers=3, cluster_std=[1.0, 2.5, 0.5], random_state=170)
    yield "varied", as_float32(with_noise(x, 50, 1))
    x, _ = make_moons(n_samples=400, noise=0.06, random_state=1)
    yield "moons", as_float32(with_noise(x, 40, 2))
    x, _ = make_blobs(n_samples=400, n_features=4, centers=4, cluster_std=[0.4, 0.8, 1.2, 0.6], random_state=7)
    yield "blobs4d", as_float32(with_noise(x, 40, 3))


def weights(n, seed):
    """Weights 0.5, 1, 1.5 or 2 (exact in float32)."""
    return np.random.RandomState(seed).randint(1, 5, size=n).astype(np.float32).astype(np.float64) / 2


# (run, dataset, algorithm, params); params as ClusterLab's parameter names. metric is always explicit.
RUNS = [
    ("varied-a", "varied", "dbscan", {"eps": 0.8, "min_samples": 5, "metric": "euclidean"}),
    ("varied-b", "varied", "dbscan", {"eps": 1.2, "min_samples": 12, "metric": "euclidean"}),
    ("varied-w", "varied", "dbscan", {"eps": 0.8, "min_samples": 6, "metric": "euclidean", "weights": True}),
    ("moons-a", "moons", "dbscan", {"eps": 0.12, "min_samples": 5, "metric": "euclidean"}),
    ("moons-m", "moons", "dbscan", {"eps": 0.15, "min_samples": 6, "metric": "manhattan"}),
    ("blobs4d-a", "blobs4d", "dbscan", {"eps": 1.0, "min_samples": 8, "metric": "euclidean"}),
    ("blobs4d-c", "blobs4d", "dbscan", {"eps": 0.8, "min_samples": 5, "metric": "chebyshev"}),
    ("varied-xi", "varied", "optics", {"min_samples": 10, "xi": 0.05, "cluster_method": "xi", "metric": "euclidean"}),
    ("varied-db", "varied", "optics", {"min_samples": 8, "max_eps": 3.0, "eps": 0.9, "cluster_method": "dbscan", "metric": "euclidean"}),
    ("moons-xi", "moons", "optics", {"min_samples": 8, "xi": 0.1, "min_cluster_size": 20, "cluster_method": "xi", "metric": "euclidean"}),
    ("blobs4d-xi", "blobs4d", "optics", {"min_samples": 10, "xi": 0.05, "cluster_method": "xi", "metric": "euclidean"}),
    ("moons-nc", "moons", "optics", {"min_samples": 8, "xi": 0.1, "min_cluster_size": 20, "cluster_method": "xi",
                                     "predecessor_correction": False, "metric": "euclidean"}),
    ("blobs4d-db", "blobs4d", "optics", {"min_samples": 6, "max_eps": 2.5, "cluster_method": "dbscan", "metric": "manhattan"}),
]

SKLEARN_METRIC = {"euclidean": "euclidean", "manhattan": "manhattan", "chebyshev": "chebyshev"}


def write_points(path, x):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["x%d" % (j + 1) for j in range(x.shape[1])])
        for row in x.astype(np.float32):
            # unique=True on a float32 scalar: the shortest decimal that round-trips that float32.
            w.writerow([np.format_float_positional(v, unique=True, trim="-") for v in row])


def write_column(path, header, values):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([header])
        for v in values:
            w.writerow([repr(float(v)) if isinstance(v, float) else v])


def run_dbscan(x, p, sample_weight):
    m = DBSCAN(eps=p["eps"], min_samples=p["min_samples"], metric=SKLEARN_METRIC[p["metric"]],
               algorithm="brute").fit(x, sample_weight=sample_weight)
    core = np.zeros(len(x), dtype=int)
    core[m.core_sample_indices_] = 1
    return [["label", "core"]] + [[int(l), int(c)] for l, c in zip(m.labels_, core)]


def run_optics(x, p):
    m = OPTICS(min_samples=p["min_samples"], max_eps=p.get("max_eps", np.inf), metric=SKLEARN_METRIC[p["metric"]],
               cluster_method=p["cluster_method"], eps=p.get("eps"), xi=p.get("xi", 0.05),
               min_cluster_size=p.get("min_cluster_size"), predecessor_correction=p.get("predecessor_correction", True),
               algorithm="brute").fit(x)
    rows = [["label", "ordering", "reachability", "core_distance", "predecessor"]]
    for i in range(len(x)):
        rows.append([int(m.labels_[i]), int(m.ordering_[i]), repr(float(m.reachability_[i])),
                     repr(float(m.core_distances_[i])), int(m.predecessor_[i])])
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--any-version", action="store_true", help="run on another scikit-learn version")
    args = parser.parse_args()
    if sklearn.__version__ != SKLEARN_VERSION and not args.any_version:
        sys.exit("expected scikit-learn %s, found %s (use --any-version to override)" % (SKLEARN_VERSION, sklearn.__version__))
    os.makedirs(OUT, exist_ok=True)
    data = dict(datasets())
    for name, x in data.items():
        write_points(os.path.join(OUT, name + ".data.csv"), x)
        write_column(os.path.join(OUT, name + ".weights.csv"), "weight", [float(v) for v in weights(len(x), 11)])
    with open(os.path.join(OUT, "runs.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["run", "dataset", "algorithm", "params"])
        for run, name, algorithm, p in RUNS:
            x = data[name]
            w.writerow([run, name, algorithm, ";".join("%s=%s" % kv for kv in p.items())])
            if algorithm == "dbscan":
                rows = run_dbscan(x, p, weights(len(x), 11) if p.get("weights") else None)
            else:
                rows = run_optics(x, p)
            with open(os.path.join(OUT, run + "." + algorithm + ".csv"), "w", newline="") as g:
                csv.writer(g, lineterminator="\n").writerows(rows)
            labels = np.array([r[0] for r in rows[1:]])
            print("%-11s %-7s clusters=%d noise=%d" % (run, algorithm, labels.max() + 1, (labels == -1).sum()))


if __name__ == "__main__":
    main()
