#!/usr/bin/python3
"""Reference values for the spectral plugin, computed by scikit-learn and SciPy (never by ClusterLab).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/spectral_reference.py

on Debian's python3-sklearn 1.2.1 and python3-scipy 1.10.1 (numpy 1.24.2, Python 3.11). The script
refuses other versions unless --any-version is given, because the expected values would change
silently. It writes, into plugins/spectral/src/test/resources/reference/:

    <dataset>.data.csv      points, header x1..xd, float32-representable values (the shortest decimal
                            that round-trips the float32, so Java's Float.parseFloat reads the number
                            scikit-learn saw, widened exactly to float64); for the precomputed dataset the
                            rows are the n x n similarity matrix (header s1..sn)
    runs.csv                run,dataset,params: one line per run below (ClusterLab's parameter names)
    <run>.labels.csv        label: SpectralClustering(...).fit(x).labels_ with random_state=0
    <run>.embedding.csv     e0..e(k-1): spectral_embedding(model.affinity_matrix_, n_components=k,
                            drop_first=False, random_state=0), the matrix scikit-learn's labels come from
    <run>.eigenvalues.csv   lambda: the k + 1 smallest eigenvalues of the normalised Laplacian
                            csgraph.laplacian(affinity_matrix_, normed=True) (scipy.linalg.eigh, dense),
                            so the tests know which embedding columns are determined (separated eigenvalues)

Datasets (float32 values):
    blobs3d   make_blobs(n_samples=300, n_features=3, centers=4, cluster_std=1.0, random_state=5)
    blobs5d   make_blobs(n_samples=600, n_features=5, centers=5, cluster_std=1.2, random_state=8)
              (above the plugin's dense-solver limit of 400 points: exercises the Lanczos solver)
    aniso     make_blobs(n_samples=300, centers=3, random_state=170) times [[0.6, -0.64], [-0.41, 0.85]]
    moons     make_moons(n_samples=300, noise=0.06, random_state=2)
    moons600  make_moons(n_samples=600, noise=0.06, random_state=6)
The 10-neighbour graphs of moons and circles (300 points) and of the blobs have several components
(scikit-learn warns); moons600 with 15 neighbours and circles600 with 30 are connected.
    circles   make_circles(n_samples=300, factor=0.5, noise=0.05, random_state=3)
    circles600 make_circles(n_samples=600, factor=0.5, noise=0.05, random_state=3)
    simblobs  rbf_kernel of make_blobs(n_samples=150, n_features=2, centers=3, cluster_std=0.8,
              random_state=4) with gamma=0.5, rounded to float32: a precomputed similarity matrix
"""
import argparse
import csv
import os
import sys

import numpy as np
import scipy
import scipy.linalg
import sklearn
from scipy.sparse import csgraph, issparse
from sklearn.cluster import SpectralClustering
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.manifold import spectral_embedding
from sklearn.metrics.pairwise import rbf_kernel

SKLEARN_VERSION = "1.2.1"
SCIPY_VERSION = "1.10.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "spectral", "src", "test", "resources", "reference")


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def datasets():
    x, _ = make_blobs(n_samples=300, n_features=3, centers=4, cluster_std=1.0, random_state=5)
    yield "blobs3d", as_float32(x)
    x, _ = make_blobs(n_samples=600, n_features=5, centers=5, cluster_std=1.2, random_state=8)
    yield "blobs5d", as_float32(x)
    x, _ = make_blobs(n_samples=300, centers=3, random_state=170)
    yield "aniso", as_float32(x @ np.array([[0.6, -0.64], [-0.41, 0.85]]))
    x, _ = make_moons(n_samples=300, noise=0.06, random_state=2)
    yield "moons", as_float32(x)
    x, _ = make_moons(n_samples=600, noise=0.06, random_state=6)
    yield "moons600", as_float32(x)
    x, _ = make_circles(n_samples=300, factor=0.5, noise=0.05, random_state=3)
    yield "circles", as_float32(x)
    x, _ = make_circles(n_samples=600, factor=0.5, noise=0.05, random_state=3)
    yield "circles600", as_float32(x)
    x, _ = make_blobs(n_samples=150, n_features=2, centers=3, cluster_std=0.8, random_state=4)
    yield "simblobs", as_float32(rbf_kernel(as_float32(x), gamma=0.5))


# (run, dataset, params) with ClusterLab's parameter names.
RUNS = []
for assign in ("kmeans", "discretize", "cluster_qr"):
    RUNS.append(("blobs3d-rbf-%s" % assign, "blobs3d", {"k": 4, "affinity": "rbf", "gamma": 0.2, "assign_labels": assign}))
    RUNS.append(("moons-nn-%s" % assign, "moons", {"k": 2, "affinity": "nearest_neighbors", "n_neighbors": 10,
                                                   "assign_labels": assign}))
    RUNS.append(("blobs5d-rbf-%s" % assign, "blobs5d", {"k": 5, "affinity": "rbf", "gamma": 0.1, "assign_labels": assign}))
    RUNS.append(("simblobs-pre-%s" % assign, "simblobs", {"k": 3, "affinity": "precomputed", "assign_labels": assign}))
RUNS += [
    ("blobs3d-nn-kmeans", "blobs3d", {"k": 4, "affinity": "nearest_neighbors", "n_neighbors": 15, "assign_labels": "kmeans"}),
    ("blobs5d-nn-kmeans", "blobs5d", {"k": 5, "affinity": "nearest_neighbors", "n_neighbors": 10, "assign_labels": "kmeans"}),
    ("aniso-rbf-kmeans", "aniso", {"k": 3, "affinity": "rbf", "gamma": 1.0, "assign_labels": "kmeans"}),
    ("circles-nn-kmeans", "circles", {"k": 2, "affinity": "nearest_neighbors", "n_neighbors": 10, "assign_labels": "kmeans"}),
    ("circles-nn-cluster_qr", "circles", {"k": 2, "affinity": "nearest_neighbors", "n_neighbors": 10,
                                          "assign_labels": "cluster_qr"}),
    ("circles600-nn30-kmeans", "circles600", {"k": 2, "affinity": "nearest_neighbors", "n_neighbors": 30,
                                               "assign_labels": "kmeans"}),
]
# Connected 15-neighbour graphs of 600 points: the Lanczos solver on a sparse graph.
for assign in ("kmeans", "discretize", "cluster_qr"):
    RUNS.append(("moons600-nn15-%s" % assign, "moons600", {"k": 2, "affinity": "nearest_neighbors", "n_neighbors": 15,
                                                           "assign_labels": assign}))
RUNS.append(("moons600-nn15-k4-kmeans", "moons600", {"k": 4, "affinity": "nearest_neighbors", "n_neighbors": 15,
                                                     "assign_labels": "kmeans"}))


def write_rows(path, rows):
    with open(path, "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def write_points(path, x, prefix="x"):
    rows = [["%s%d" % (prefix, j + 1) for j in range(x.shape[1])]]
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
        write_points(os.path.join(OUT, name + ".data.csv"), x, "s" if name == "simblobs" else "x")
    runs = [["run", "dataset", "params"]]
    for run, ds, p in RUNS:
        x = data[ds]
        k = p["k"]
        model = SpectralClustering(n_clusters=k, affinity=p["affinity"], gamma=p.get("gamma", 1.0),
                                   n_neighbors=p.get("n_neighbors", 10), assign_labels=p["assign_labels"],
                                   random_state=0).fit(x)
        write_rows(os.path.join(OUT, run + ".labels.csv"), [["label"]] + [[int(l)] for l in model.labels_])
        a = model.affinity_matrix_
        maps = spectral_embedding(a, n_components=k, drop_first=False, random_state=0)
        write_rows(os.path.join(OUT, run + ".embedding.csv"),
                   [["e%d" % c for c in range(k)]] + [[repr(float(v)) for v in row] for row in maps])
        lap = csgraph.laplacian(a.toarray() if issparse(a) else np.asarray(a), normed=True)
        values = scipy.linalg.eigh(lap, eigvals_only=True, subset_by_index=[0, k])
        write_rows(os.path.join(OUT, run + ".eigenvalues.csv"), [["lambda"]] + [[repr(float(v))] for v in values])
        runs.append([run, ds, params_text(p)])
    write_rows(os.path.join(OUT, "runs.csv"), runs)
    print("wrote %d runs to %s" % (len(RUNS), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
