#!/usr/bin/python3
"""Data and exhaustive optima for the kmedoids plugin's tests, computed by scikit-learn and SciPy (never by
ClusterLab itself).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/kmedoids_reference.py

on Debian's python3-sklearn 1.2.1 and python3-scipy 1.10.1 (numpy 1.24.2, Python 3.11). The script
refuses other versions unless --any-version is given, because the data would change silently.
scikit-learn-extra (whose KMedoids the plugin follows) is not installed here, so no KMedoids output is
recorded: the tests check FasterPAM, PAM and the alternating method against the exhaustive optimum and
against each other instead. It writes, into plugins/kmedoids/src/test/resources/reference/:

    <dataset>.data.csv     points, header x1..xd, float32-representable values (the shortest decimal
                           that round-trips the float32, so Java's Float.parseFloat reads the number
                           SciPy saw, widened exactly to float64)
    exhaustive.csv         run,dataset,metric,k,loss,medoids: for each small dataset, metric and k, the
                           smallest total deviation (sum over points of the distance to the nearest medoid)
                           over ALL k-subsets of the rows, from scipy.spatial.distance.cdist in float64,
                           and the 0-based rows of the subset that attains it (ascending, space separated;
                           the first such subset in itertools.combinations order)

Datasets:
    tiny_blobs2d  make_blobs(n_samples=20, centers=3, cluster_std=1.8, random_state=5)
    tiny_blobs3d  make_blobs(n_samples=24, n_features=3, centers=4, cluster_std=2.0, random_state=8)
    tiny_aniso    make_blobs(n_samples=18, centers=3, cluster_std=1.0, random_state=2) @ [[0.6, -0.64], [-0.41, 0.85]]
    tiny_moons    make_moons(n_samples=22, noise=0.1, random_state=6)
    blobs2d       make_blobs(n_samples=300, centers=5, cluster_std=[0.7, 1.0, 1.5, 0.8, 1.2], random_state=3)
    blobs5d       make_blobs(n_samples=240, n_features=5, centers=4, cluster_std=2.0, random_state=11)
    moons         make_moons(n_samples=200, noise=0.08, random_state=4)
    aniso         make_blobs(n_samples=250, centers=3, random_state=170) @ [[0.6, -0.64], [-0.41, 0.85]]
"""
import argparse
import csv
import itertools
import os
import sys

import numpy as np
import scipy
import sklearn
from scipy.spatial.distance import cdist
from sklearn.datasets import make_blobs, make_moons

SKLEARN_VERSION = "1.2.1"
SCIPY_VERSION = "1.10.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "kmedoids", "src", "test", "resources", "reference")
ANISO = np.array([[0.6, -0.64], [-0.41, 0.85]])


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def datasets():
    x, _ = make_blobs(n_samples=20, centers=3, cluster_std=1.8, random_state=5)
    yield "tiny_blobs2d", as_float32(x)
    x, _ = make_blobs(n_samples=24, n_features=3, centers=4, cluster_std=2.0, random_state=8)
    yield "tiny_blobs3d", as_float32(x)
    x, _ = make_blobs(n_samples=18, centers=3, cluster_std=1.0, random_state=2)
    yield "tiny_aniso", as_float32(x @ ANISO)
    x, _ = make_moons(n_samples=22, noise=0.1, random_state=6)
    yield "tiny_moons", as_float32(x)
    x, _ = make_blobs(n_samples=300, centers=5, cluster_std=[0.7, 1.0, 1.5, 0.8, 1.2], random_state=3)
    yield "blobs2d", as_float32(x)
    x, _ = make_blobs(n_samples=240, n_features=5, centers=4, cluster_std=2.0, random_state=11)
    yield "blobs5d", as_float32(x)
    x, _ = make_moons(n_samples=200, noise=0.08, random_state=4)
    yield "moons", as_float32(x)
    x, _ = make_blobs(n_samples=250, centers=3, random_state=170)
    yield "aniso", as_float32(x @ ANISO)


# ClusterLab's metric ids -> SciPy's
SCIPY_METRIC = {"euclidean": "euclidean", "sqeuclidean": "sqeuclidean", "manhattan": "cityblock",
                "chebyshev": "chebyshev", "cosine": "cosine"}


def shortest(v):
    """The shortest decimal that round-trips the float32 value."""
    return np.format_float_positional(np.float32(v), unique=True, trim="-")


def write_data(name, x):
    with open(os.path.join(OUT, name + ".data.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["x%d" % (j + 1) for j in range(x.shape[1])])
        for row in x:
            w.writerow([shortest(v) for v in row])


def exhaustive(dist, k):
    """The smallest total deviation over all k-subsets and the first subset attaining it."""
    n = dist.shape[0]
    best, best_set = np.inf, None
    combos = np.array(list(itertools.combinations(range(n), k)), dtype=np.int64)
    for start in range(0, len(combos), 4096):
        block = combos[start:start + 4096]
        # loss of each subset: sum over points of the min over the subset's rows
        losses = dist[block].min(axis=1).sum(axis=1)
        i = int(np.argmin(losses))
        if losses[i] < best:
            best, best_set = float(losses[i]), block[i]
    return best, best_set


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--any-version", action="store_true")
    args = ap.parse_args()
    if not args.any_version and (sklearn.__version__ != SKLEARN_VERSION or scipy.__version__ != SCIPY_VERSION):
        sys.exit("expected scikit-learn %s and SciPy %s, found %s and %s (use --any-version to override)"
                 % (SKLEARN_VERSION, SCIPY_VERSION, sklearn.__version__, scipy.__version__))
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for name, x in datasets():
        write_data(name, x)
        if not name.startswith("tiny_"):
            continue
        for metric, scipy_metric in SCIPY_METRIC.items():
            dist = cdist(x, x, metric=scipy_metric)
            for k in (2, 3, 4):
                loss, medoids = exhaustive(dist, k)
                rows.append(("%s-%s-k%d" % (name, metric, k), name, metric, k, repr(loss),
                             " ".join(str(int(m)) for m in medoids)))
    with open(os.path.join(OUT, "exhaustive.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["run", "dataset", "metric", "k", "loss", "medoids"])
        w.writerows(rows)
    print("wrote %d exhaustive runs and %d datasets to %s" % (len(rows), 8, os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
