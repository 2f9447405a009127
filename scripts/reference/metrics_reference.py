#!/usr/bin/python3
"""Reference values for the metrics plugin, computed by scikit-learn (never by ClusterLab itself).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/metrics_reference.py

on Debian's python3-sklearn 1.2.1 (numpy 1.24.2, Python 3.11). The script refuses to run on another
scikit-learn version unless --any-version is given, because the expected values would change
silently (k-means labels in particular). It writes, into
plugins/metrics/src/test/resources/reference/:

    <dataset>.data.csv    points, header x1..xd, values float32-representable (shortest decimal
                          that round-trips the float32, so Java's Float.parseFloat reads the same
                          number that scikit-learn saw)
    <dataset>.labels.csv  one column per labelling (truth, kmeans, bad, noisy, singleton, ...);
                          -1 is noise
    expected.csv          dataset,labelling,metric,value (17 significant digits; NaN = undefined)
    label_pairs.csv       pair,truth,pred: label pairs without data, for the external metrics only
                          (random labellings of several sizes and group counts, identical and renamed
                          labellings, one-group and one-point cases, ground-truth and predicted noise)
    label_pairs.expected.csv  pair,metric,value for every external metric on every pair

ClusterLab's conventions (QualityMetric javadoc) are applied here, outside scikit-learn:
  * internal metrics (silhouette, calinski_harabasz, davies_bouldin) are computed by scikit-learn
    on the points whose predicted label is not -1; NaN when scikit-learn rejects the number of
    clusters (fewer than 2, or as many as the points) or when no point is left;
  * external metrics (adjusted_rand, nmi, adjusted_mutual_info, homogeneity, completeness,
    v_measure, fowlkes_mallows, rand) are computed by scikit-learn on the points whose ground truth
    is not -1, with predicted -1 kept as one more group (it is just another label value to
    scikit-learn); NaN when no point is left (where scikit-learn would return 1.0 for some of them
    on empty input). Every other value, degenerate cases included (one group in both, a single
    point, all singletons), is scikit-learn's own, special-cased values such as 1.0 included.
  * silhouette is always scikit-learn's exact silhouette_score on all the (non-noise) points: the
    reference data are far below the 20,000 points above which ClusterLab samples.

scikit-learn always computes in float64 here: the float32 data are widened exactly to float64
before any call, so the expected values are the float64 answers for exactly the numbers Java reads.

iris and wine are the copies shipped inside scikit-learn (sklearn/datasets/data/*.csv), from the
UCI Machine Learning Repository, licensed CC BY 4.0; attribution in the README next to the files.
"""
import argparse
import csv
import os
import sys

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris, load_wine, make_blobs, make_moons
from sklearn.metrics import (adjusted_mutual_info_score, adjusted_rand_score, calinski_harabasz_score,
                             completeness_score, davies_bouldin_score, fowlkes_mallows_score,
                             homogeneity_score, normalized_mutual_info_score, rand_score,
                             silhouette_score, v_measure_score)

SKLEARN_VERSION = "1.2.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "metrics", "src", "test", "resources", "reference")

INTERNAL = {
    "silhouette": lambda x, l: silhouette_score(x, l, metric="euclidean"),
    "calinski_harabasz": calinski_harabasz_score,
    "davies_bouldin": davies_bouldin_score,
}
EXTERNAL = {
    "adjusted_rand": adjusted_rand_score,
    "nmi": lambda t, p: normalized_mutual_info_score(t, p, average_method="arithmetic"),
    "adjusted_mutual_info": lambda t, p: adjusted_mutual_info_score(t, p, average_method="arithmetic"),
    "homogeneity": homogeneity_score,
    "completeness": completeness_score,
    "v_measure": lambda t, p: v_measure_score(t, p, beta=1.0),
    "fowlkes_mallows": fowlkes_mallows_score,
    "rand": rand_score,
}


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64 for scikit-learn."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def kmeans(x, k):
    return KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(x)


def labellings(x, truth, k, seed):
    """Ground truth, k-means, a deliberately bad one, one with predicted noise, one with a singleton."""
    rng = np.random.RandomState(seed)
    km = kmeans(x, k)
    # Predicted noise as a density method would mark it: the 8% of points farthest from their centroid.
    centroids = np.array([x[km == c].mean(axis=0) for c in range(k)])
    far = np.linalg.norm(x - centroids[km], axis=1)
    noisy = km.copy()
    noisy[far >= np.quantile(far, 0.92)] = -1
    # One point alone in a new cluster: silhouette takes s = 0 for it.
    singleton = km.copy()
    singleton[int(np.argmax(far))] = k
    return {
        "truth": truth.copy(),
        "kmeans": km,
        "kmeans_over": kmeans(x, k + 2),  # over-segmentation
        "bad": rng.randint(0, k, size=len(x)),  # random labels: silhouette and ARI near 0
        "noisy": noisy,
        "singleton": singleton,
    }


def datasets():
    """(name, float64 view of float32 data, truth with -1 noise, labellings)."""
    out = []

    x, y = make_blobs(n_samples=300, n_features=4, centers=4, random_state=7)
    x = as_float32(x)
    truth = y.copy()
    truth[np.random.RandomState(7).choice(len(y), size=12, replace=False)] = -1  # ground-truth noise
    out.append(("blobs", x, truth, labellings(x, truth, 4, seed=1)))

    x, y = make_moons(n_samples=200, noise=0.08, random_state=3)
    x = as_float32(x)
    out.append(("moons", x, y, labellings(x, y, 2, seed=2)))

    # d = 19: more than one vector of 16 lanes plus a tail, so both kernel loops run.
    x, y = make_blobs(n_samples=120, n_features=19, centers=3, cluster_std=8.0, random_state=11)
    x = as_float32(x)
    out.append(("blobs19", x, y, labellings(x, y, 3, seed=3)))

    iris = load_iris()
    x = as_float32(iris.data)
    out.append(("iris", x, iris.target, labellings(x, iris.target, 3, seed=4)))

    wine = load_wine()  # unscaled: features from ~0.1 to ~1700
    x = as_float32(wine.data)
    out.append(("wine", x, wine.target, labellings(x, wine.target, 3, seed=5)))

    # Hand-made degenerate cases: duplicated points, coincident centroids, too few or too many clusters.
    x = as_float32([[0, 0]] * 4 + [[3, 4]] * 4)
    truth = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    out.append(("degenerate", x, truth, {
        "truth": truth.copy(),                                   # zero within-cluster spread
        "coincident": np.array([0, 0, 1, 1, 0, 0, 1, 1]),        # both centroids at (1.5, 2)
        "one_cluster": np.zeros(8, dtype=int),
        "all_noise": np.full(8, -1),
        "one_per_point": np.arange(8),
        "two_left": np.array([-1, -1, -1, 0, -1, -1, -1, 1]),  # 2 clusters on 2 points: k == n
    }))
    return out


def label_pairs():
    """(name, truth, pred): label vectors without data, for the external metrics."""
    rng = np.random.RandomState(16)
    pairs = []

    def rand(n, k):
        return rng.randint(0, k, size=n)

    for name, n, kt, kp in [("random_20_3x4", 20, 3, 4), ("random_500_5x7", 500, 5, 7),
                            ("random_2000_12x20", 2000, 12, 20), ("random_1000_50x80", 1000, 50, 80),
                            # about 6e5 expected-mutual-information terms: the chunked (parallel) sum
                            ("random_6000_100x120", 6000, 100, 120), ("random_300_2x2", 300, 2, 2)]:
        pairs.append((name, rand(n, kt), rand(n, kp)))
    t = rand(300, 5)
    pairs.append(("singletons_300", t, np.arange(300)))           # every point its own group
    pairs.append(("singletons_both_40", np.arange(40), np.arange(40)[::-1].copy()))
    t = rand(200, 4)
    pairs.append(("identical_200", t, t.copy()))
    perm = np.array([3, 0, 2, 1])
    pairs.append(("renamed_200", t, perm[t] + 10))                # same partition, other names
    pairs.append(("one_group_both_50", np.zeros(50, dtype=int), np.full(50, 7)))
    pairs.append(("one_class_split_60", np.zeros(60, dtype=int), rand(60, 3)))
    pairs.append(("one_cluster_pred_60", rand(60, 4), np.zeros(60, dtype=int)))
    pairs.append(("one_point", np.array([2]), np.array([5])))
    pairs.append(("two_points_apart", np.array([0, 1]), np.array([0, 0])))
    pairs.append(("two_points_same", np.array([0, 1]), np.array([3, 4])))
    # A big class and a few small ones, against random labels (skewed marginals).
    t = np.where(rng.rand(2000) < 0.9, 0, rng.randint(1, 6, size=2000))
    pairs.append(("skewed_2000", t, rand(2000, 6)))
    # Noise on both sides: truth -1 is dropped, predicted -1 is one more group.
    t = rand(400, 4)
    p = t.copy()
    p[rng.rand(400) < 0.3] = rand(400, 4)[rng.rand(400) < 0.3][0]
    flip = rng.rand(400) < 0.25
    p[flip] = rand(400, 5)[flip]
    t[rng.rand(400) < 0.1] = -1
    p[rng.rand(400) < 0.15] = -1
    pairs.append(("noise_both_400", t, p))
    t = rand(100, 3)
    pairs.append(("noise_pred_all_100", t, np.full(100, -1)))    # everything predicted noise: one group
    pairs.append(("noise_truth_all_30", np.full(30, -1), rand(30, 2)))   # nothing left: NaN
    return pairs


def internal(metric, x, labels):
    keep = labels != -1
    if not keep.any():
        return float("nan")
    try:
        return float(INTERNAL[metric](x[keep], labels[keep]))
    except ValueError as e:  # check_number_of_labels: not 1 < k < n
        if "Number of labels" not in str(e):
            raise
        return float("nan")


def external(metric, truth, labels):
    keep = truth != -1
    if not keep.any():
        return float("nan")
    return float(EXTERNAL[metric](truth[keep], labels[keep]))


def fmt(v):
    return "NaN" if np.isnan(v) else "%.17g" % v


def write_points(path, x):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["x%d" % (j + 1) for j in range(x.shape[1])])
        for row in x.astype(np.float32):
            # unique=True on a float32 scalar: the shortest decimal that round-trips that float32.
            w.writerow([np.format_float_positional(v, unique=True, trim="-") for v in row])


def write_labels(path, labs):
    names = list(labs)
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names)
        for i in range(len(labs[names[0]])):
            w.writerow([int(labs[name][i]) for name in names])


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--any-version", action="store_true", help="run on another scikit-learn version")
    args = p.parse_args()
    if sklearn.__version__ != SKLEARN_VERSION and not args.any_version:
        sys.exit("expected scikit-learn %s (Debian python3-sklearn, /usr/bin/python3); got %s"
                 % (SKLEARN_VERSION, sklearn.__version__))
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for name, x, truth, labs in datasets():
        assert np.array_equal(x, as_float32(x)), name
        write_points(os.path.join(OUT, name + ".data.csv"), x)
        write_labels(os.path.join(OUT, name + ".labels.csv"), labs)
        for lab_name, labels in labs.items():
            for metric in INTERNAL:
                rows.append((name, lab_name, metric, internal(metric, x, labels)))
            for metric in EXTERNAL:
                rows.append((name, lab_name, metric, external(metric, truth, labels)))
    pair_rows = []
    with open(os.path.join(OUT, "label_pairs.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["pair", "truth", "pred"])
        for name, t, p in label_pairs():
            assert len(t) == len(p), name
            for a, b in zip(t, p):
                w.writerow([name, int(a), int(b)])
            for metric in EXTERNAL:
                pair_rows.append((name, metric, external(metric, t, p)))
    with open(os.path.join(OUT, "label_pairs.expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["pair", "metric", "value"])
        for r in pair_rows:
            w.writerow([r[0], r[1], fmt(r[2])])
    with open(os.path.join(OUT, "expected.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dataset", "labelling", "metric", "value"])
        for r in rows:
            w.writerow([r[0], r[1], r[2], fmt(r[3])])
    print("wrote %d + %d expected values to %s (scikit-learn %s, numpy %s)"
          % (len(rows), len(pair_rows), os.path.normpath(OUT), sklearn.__version__, np.__version__))


if __name__ == "__main__":
    main()
