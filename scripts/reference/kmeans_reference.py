#!/usr/bin/python3
"""Reference values for the kmeans plugin, computed by scikit-learn (never by ClusterLab itself).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/kmeans_reference.py

on Debian's python3-sklearn 1.2.1 (numpy 1.24.2, Python 3.11). The script refuses to run on another
scikit-learn version unless --any-version is given, because the expected values would change
silently. It writes, into plugins/kmeans/src/test/resources/reference/:

    <dataset>.data.csv    points, header x1..xd, values float32-representable (shortest decimal
                          that round-trips the float32, so Java's Float.parseFloat reads the same
                          number that scikit-learn saw)
    <dataset>.labels.csv  one column, truth: the ground-truth cluster of each point
    sklearn_kmeans.csv    dataset,k,n_init,seed,inertia,ari,n_iter: scikit-learn's
                          KMeans(n_clusters=k, init='k-means++', algorithm='lloyd', tol=1e-4,
                          max_iter=300, n_init=n_init, random_state=seed) on each dataset, for
                          n_init=1 with seeds 0..9 and n_init=10 with seed 0; inertia_ as reported,
                          ARI = adjusted_rand_score(truth, labels_)
    <dataset>.weights.csv one column, weight: sample weights, uniform in [0.5, 2) from
                          numpy default_rng(7), float32-representable
    sklearn_kmeans_variants.csv
                          dataset,estimator,variant,init,weighted,n_init,seed,inertia,ari,n_iter for
                          seeds 0..9 (0..49 for init=random, mini-batch and bisecting, whose
                          outcome varies widely between seeds) of:
                          KMeans(n_clusters=k, init, n_init=1, algorithm=variant, tol=1e-4,
                            max_iter=300, random_state=seed) for (lloyd, k-means++), (elkan,
                            k-means++), (lloyd, random), and (lloyd, k-means++) with sample_weight
                            (scikit-learn 1.2 ignores weights when seeding k-means++);
                          MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3) with 1.2's other
                            defaults (batch_size=1024, max_iter=100, reassignment_ratio=0.01,
                            max_no_improvement=10, tol=0.0, init_size=None);
                          BisectingKMeans(n_clusters=k, random_state=seed, bisecting_strategy=s) for
                            s in (biggest_inertia, largest_cluster), 1.2's defaults otherwise
                            (init='random', n_init=1, algorithm='lloyd', tol=1e-4)

Datasets:
    blobs6   make_blobs(n_samples=500, n_features=5, centers=6, cluster_std=1.5, random_state=3)
    blobs10  make_blobs(n_samples=1000, n_features=8, centers=10, cluster_std=2.5, random_state=5)
             (overlapping: k-means++ seeds do not all find the same optimum)
    iris     sklearn/datasets/data/iris.csv as shipped in python3-sklearn (load_iris), from the UCI
             Machine Learning Repository, CC BY 4.0; attribution in the README next to the files

scikit-learn always computes in float64 here: the float32 data are widened exactly to float64
before any call, so the expected values are the float64 answers for exactly the numbers Java reads.
"""
import argparse
import csv
import os
import sys

import numpy as np
import sklearn
from sklearn.cluster import BisectingKMeans, KMeans, MiniBatchKMeans
from sklearn.datasets import load_iris, make_blobs
from sklearn.metrics import adjusted_rand_score

SKLEARN_VERSION = "1.2.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "kmeans", "src", "test", "resources", "reference")
SEEDS = range(10)
# Runs whose outcome varies widely from seed to seed (random init, mini-batch, bisecting) get 50 seeds,
# so that the median compared against is stable to about a percent.
WIDE_SEEDS = range(50)


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64 for scikit-learn."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def datasets():
    """(name, float64 view of float32 data, truth)."""
    x, y = make_blobs(n_samples=500, n_features=5, centers=6, cluster_std=1.5, random_state=3)
    yield "blobs6", as_float32(x), y
    x, y = make_blobs(n_samples=1000, n_features=8, centers=10, cluster_std=2.5, random_state=5)
    yield "blobs10", as_float32(x), y
    iris = load_iris()
    yield "iris", as_float32(iris.data), iris.target


def kmeans(x, k, n_init, seed):
    return KMeans(n_clusters=k, init="k-means++", n_init=n_init, algorithm="lloyd", tol=1e-4,
                  max_iter=300, random_state=seed).fit(x)


def weights_for(n):
    """Sample weights in [0.5, 2), float32-representable, the same for every dataset size prefix."""
    return np.random.default_rng(7).uniform(0.5, 2.0, size=n).astype(np.float32).astype(np.float64)


def variant_runs(name, x, truth, k, w):
    """(estimator, variant, init, weighted, n_init, fitted model) for every seed."""
    for seed in SEEDS:
        for variant, init, weighted in [("lloyd", "k-means++", 0), ("elkan", "k-means++", 0),
                                        ("lloyd", "k-means++", 1)]:
            km = KMeans(n_clusters=k, init=init, n_init=1, algorithm=variant, tol=1e-4, max_iter=300,
                        random_state=seed).fit(x, sample_weight=w if weighted else None)
            yield seed, "kmeans", variant, init, weighted, 1, km
    for seed in WIDE_SEEDS:
        km = KMeans(n_clusters=k, init="random", n_init=1, algorithm="lloyd", tol=1e-4, max_iter=300,
                    random_state=seed).fit(x)
        yield seed, "kmeans", "lloyd", "random", 0, 1, km
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3).fit(x)
        yield seed, "minibatch_kmeans", "minibatch", "k-means++", 0, 3, km
        for strategy in ("biggest_inertia", "largest_cluster"):
            km = BisectingKMeans(n_clusters=k, random_state=seed, bisecting_strategy=strategy).fit(x)
            yield seed, "bisecting_kmeans", strategy, "random", 0, 1, km


def write_points(path, x):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["x%d" % (j + 1) for j in range(x.shape[1])])
        for row in x.astype(np.float32):
            # unique=True on a float32 scalar: the shortest decimal that round-trips that float32.
            w.writerow([np.format_float_positional(v, unique=True, trim="-") for v in row])


def write_truth(path, truth):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["truth"])
        for t in truth:
            w.writerow([int(t)])


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--any-version", action="store_true", help="run on another scikit-learn version")
    args = p.parse_args()
    if sklearn.__version__ != SKLEARN_VERSION and not args.any_version:
        sys.exit("expected scikit-learn %s (Debian python3-sklearn, /usr/bin/python3); got %s"
                 % (SKLEARN_VERSION, sklearn.__version__))
    os.makedirs(OUT, exist_ok=True)
    rows = []
    variants = []
    for name, x, truth in datasets():
        assert np.array_equal(x, as_float32(x)), name
        write_points(os.path.join(OUT, name + ".data.csv"), x)
        write_truth(os.path.join(OUT, name + ".labels.csv"), truth)
        k = len(np.unique(truth))
        runs = [(1, seed) for seed in SEEDS] + [(10, 0)]
        for n_init, seed in runs:
            km = kmeans(x, k, n_init, seed)
            rows.append((name, k, n_init, seed, km.inertia_, adjusted_rand_score(truth, km.labels_), km.n_iter_))
        w = weights_for(len(x))
        with open(os.path.join(OUT, name + ".weights.csv"), "w", newline="") as f:
            f.write("weight\n")
            for v in w.astype(np.float32):
                f.write(np.format_float_positional(v, unique=True, trim="-") + "\n")
        for seed, estimator, variant, init, weighted, n_init, km in variant_runs(name, x, truth, k, w):
            variants.append((name, estimator, variant, init, weighted, n_init, seed, km.inertia_,
                             adjusted_rand_score(truth, km.labels_), getattr(km, "n_iter_", 0)))
    with open(os.path.join(OUT, "sklearn_kmeans.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dataset", "k", "n_init", "seed", "inertia", "ari", "n_iter"])
        for r in rows:
            w.writerow([r[0], r[1], r[2], r[3], "%.17g" % r[4], "%.17g" % r[5], r[6]])
    with open(os.path.join(OUT, "sklearn_kmeans_variants.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dataset", "estimator", "variant", "init", "weighted", "n_init", "seed", "inertia", "ari", "n_iter"])
        for r in variants:
            w.writerow(list(r[:7]) + ["%.17g" % r[7], "%.17g" % r[8], r[9]])
    rows += variants
    print("wrote %d runs to %s (scikit-learn %s, numpy %s)"
          % (len(rows), os.path.normpath(OUT), sklearn.__version__, np.__version__))


if __name__ == "__main__":
    main()
