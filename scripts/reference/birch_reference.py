#!/usr/bin/python3
"""Reference values for BIRCH (the hierarchical plugin), computed by scikit-learn (never by ClusterLab
itself).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/birch_reference.py

on Debian's python3-sklearn 1.2.1 (numpy 1.24.2, Python 3.11). The script refuses to run on another
scikit-learn version unless --any-version is given, because the expected values would change
silently. It writes, into plugins/hierarchical/src/test/resources/reference/birch/:

    <dataset>.data.csv        points, header x1..xd, values float32-representable (shortest decimal
                              that round-trips the float32, so Java's Float.parseFloat reads the same
                              number that scikit-learn saw)
    <dataset>.probes.csv      new points for predict, same format (uniform over the data's bounding box)
    runs.csv                  run,dataset,params,subclusters,warned: one line per scikit-learn run below;
                              params in ClusterLab's names (k is n_clusters, 0 for None; partial=<row>
                              means partial_fit on rows [0, row) and then on rows [row, n)); subclusters
                              is subcluster_centers_.shape[0] at the end; warned is 1 when Birch raised
                              its ConvergenceWarning (fewer subclusters than n_clusters)
    <run>.labels.csv          label: labels_ (for a partial run: of the second chunk, as scikit-learn)
    <run>.subclusters.csv     c1..cd,label: subcluster_centers_ (repr of the float64) and
                              subcluster_labels_, in scikit-learn's order
    <run>.predict.csv         label: predict(<dataset>.probes)
    <run>.chunk1.labels.csv, <run>.chunk1.subclusters.csv   (partial runs only) the same after the
                              first partial_fit call

Datasets (make_blobs; no third-party data):
    blobs2d   make_blobs(n_samples=600, centers=4, cluster_std=[0.6, 0.9, 1.2, 0.7], random_state=3)
    blobs5d   make_blobs(n_samples=500, n_features=5, centers=3, cluster_std=1.0, random_state=11)
    varied    make_blobs(n_samples=450, centers=3, cluster_std=[1.0, 2.5, 0.5], random_state=170)
Probes: 200 uniform points over each dataset's bounding box (numpy seeds 5, 6, 7).

scikit-learn always computes in float64 here: the float32 data are widened exactly to float64
before any call, so the expected values are the float64 answers for exactly the numbers Java reads.
"""
import argparse
import csv
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.cluster import Birch
from sklearn.datasets import make_blobs
from sklearn.exceptions import ConvergenceWarning

SKLEARN_VERSION = "1.2.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "hierarchical", "src", "test", "resources", "reference", "birch")


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64 for scikit-learn."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def probes(x, count, seed):
    rng = np.random.RandomState(seed)
    return as_float32(rng.uniform(x.min(axis=0), x.max(axis=0), size=(count, x.shape[1])))


def datasets():
    """(name, float64 view of float32 data, probes)."""
    x, _ = make_blobs(n_samples=600, centers=4, cluster_std=[0.6, 0.9, 1.2, 0.7], random_state=3)
    x = as_float32(x)
    yield "blobs2d", x, probes(x, 200, 5)
    x, _ = make_blobs(n_samples=500, n_features=5, centers=3, cluster_std=1.0, random_state=11)
    x = as_float32(x)
    yield "blobs5d", x, probes(x, 200, 6)
    x, _ = make_blobs(n_samples=450, centers=3, cluster_std=[1.0, 2.5, 0.5], random_state=170)
    x = as_float32(x)
    yield "varied", x, probes(x, 200, 7)


# (run, dataset, params); params in ClusterLab's names; k=0 is scikit-learn's n_clusters=None.
RUNS = [
    ("b2-default", "blobs2d", {"threshold": 0.5, "branching_factor": 50, "k": 4}),
    ("b2-many", "blobs2d", {"threshold": 0.15, "branching_factor": 10, "k": 0}),
    ("b2-split5", "blobs2d", {"threshold": 0.3, "branching_factor": 5, "k": 4}),
    ("b5-k3", "blobs5d", {"threshold": 1.2, "branching_factor": 8, "k": 3}),
    ("b5-none", "blobs5d", {"threshold": 0.9, "branching_factor": 20, "k": 0}),
    ("varied-k3", "varied", {"threshold": 0.4, "branching_factor": 6, "k": 3}),
    ("varied-few", "varied", {"threshold": 6.0, "branching_factor": 50, "k": 12}),
    ("b2-partial", "blobs2d", {"threshold": 0.3, "branching_factor": 10, "k": 4, "partial": 350}),
    ("varied-partial", "varied", {"threshold": 0.25, "branching_factor": 5, "k": 0, "partial": 200}),
]


def write_points(path, x):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["x%d" % (j + 1) for j in range(x.shape[1])])
        for row in x.astype(np.float32):
            # unique=True on a float32 scalar: the shortest decimal that round-trips that float32.
            w.writerow([np.format_float_positional(v, unique=True, trim="-") for v in row])


def write_labels(path, labels):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["label"])
        w.writerows([[int(v)] for v in labels])


def write_subclusters(path, model):
    centres = model.subcluster_centers_
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["c%d" % (j + 1) for j in range(centres.shape[1])] + ["label"])
        for row, label in zip(centres, model.subcluster_labels_):
            w.writerow([repr(float(v)) for v in row] + [int(label)])


def birch(p):
    return Birch(threshold=p["threshold"], branching_factor=p["branching_factor"],
                 n_clusters=p["k"] if p["k"] > 0 else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--any-version", action="store_true", help="run on another scikit-learn version")
    args = parser.parse_args()
    if sklearn.__version__ != SKLEARN_VERSION and not args.any_version:
        sys.exit("expected scikit-learn %s, found %s (use --any-version to override)" % (SKLEARN_VERSION, sklearn.__version__))
    os.makedirs(OUT, exist_ok=True)
    data = {}
    for name, x, probe in datasets():
        data[name] = (x, probe)
        write_points(os.path.join(OUT, name + ".data.csv"), x)
        write_points(os.path.join(OUT, name + ".probes.csv"), probe)
    with open(os.path.join(OUT, "runs.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["run", "dataset", "params", "subclusters", "warned"])
        for run, name, p in RUNS:
            x, probe = data[name]
            base = os.path.join(OUT, run)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                model = birch(p)
                if "partial" in p:
                    model.partial_fit(x[:p["partial"]])
                    write_labels(base + ".chunk1.labels.csv", model.labels_)
                    write_subclusters(base + ".chunk1.subclusters.csv", model)
                    model.partial_fit(x[p["partial"]:])
                else:
                    model.fit(x)
            warned = int(any(issubclass(c.category, ConvergenceWarning) for c in caught))
            write_labels(base + ".labels.csv", model.labels_)
            write_subclusters(base + ".subclusters.csv", model)
            write_labels(base + ".predict.csv", model.predict(probe))
            m = model.subcluster_centers_.shape[0]
            w.writerow([run, name, ";".join("%s=%s" % kv for kv in p.items()), m, warned])
            print("%-15s subclusters=%4d clusters=%3d warned=%d" % (run, m, len(set(model.labels_)), warned))


if __name__ == "__main__":
    main()
