#!/usr/bin/python3
"""Reference values for Mean Shift (the meanshift plugin), computed by scikit-learn (never by ClusterLab
itself).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/meanshift_reference.py

on Debian's python3-sklearn 1.2.1 (numpy 1.24.2, Python 3.11). The script refuses to run on another
scikit-learn version unless --any-version is given, because the expected values would change
silently. It writes, into plugins/meanshift/src/test/resources/reference/:

    <dataset>.data.csv     points, header x1..xd, values float32-representable (shortest decimal that
                           round-trips the float32, so Java's Float.parseFloat reads the number that
                           scikit-learn saw)
    <dataset>.probes.csv   new points for predict, same format (uniform over the data's bounding box)
    runs.csv               run,dataset,params,bandwidth,clusters,n_iter,warned: one line per run below;
                           params in ClusterLab's names (bandwidth=0: estimated, with quantile and
                           n_samples, 0 = all); bandwidth is the one scikit-learn used (repr of the
                           float64: the estimate when estimated); clusters is cluster_centers_.shape[0];
                           n_iter is n_iter_; warned is 1 when get_bin_seeds warned that binning failed
                           and every point became a seed
    <run>.labels.csv       label: labels_ (-1 for orphans with cluster_all=False)
    <run>.centres.csv      c1..cd: cluster_centers_ (repr of the float64), in scikit-learn's order
    <run>.predict.csv      label: predict(<dataset>.probes)

How each run calls scikit-learn: MeanShift(bandwidth=B, seeds=S, bin_seeding, min_bin_freq, cluster_all,
max_iter, n_jobs=1).fit(X). With bandwidth 0 and the defaults (quantile 0.3, all samples) B is None, so
MeanShift.fit estimates it itself; with another quantile or n_samples B is
estimate_bandwidth(X, quantile=q, n_samples=m, random_state=0), which is what ClusterLab's bandwidth: 0
computes. seeds are written in ClusterLab's text form ("x,y; x,y").

Datasets (scikit-learn generators; no third-party data):
    blobs2d   make_blobs(n_samples=400, centers=4, cluster_std=[0.6, 0.9, 1.2, 0.7], random_state=3)
    blobs5d   make_blobs(n_samples=300, n_features=5, centers=3, cluster_std=1.0, random_state=11)
    moons     make_moons(n_samples=300, noise=0.08, random_state=4)
    aniso     make_blobs(n_samples=300, centers=3, random_state=170) times [[0.6, -0.64], [-0.41, 0.85]]
Probes: 100 uniform points over each dataset's bounding box (numpy seeds 5, 6, 7, 8).

scikit-learn always computes in float64 here: the float32 data are widened exactly to float64 before
any call, so the expected values are the float64 answers for exactly the numbers Java reads.
"""
import argparse
import csv
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.cluster import MeanShift, estimate_bandwidth
from sklearn.datasets import make_blobs, make_moons

SKLEARN_VERSION = "1.2.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "meanshift", "src", "test", "resources", "reference")


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64 for scikit-learn."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def probes(x, count, seed):
    rng = np.random.RandomState(seed)
    return as_float32(rng.uniform(x.min(axis=0), x.max(axis=0), size=(count, x.shape[1])))


def datasets():
    """(name, float64 view of float32 data, probes)."""
    x, _ = make_blobs(n_samples=400, centers=4, cluster_std=[0.6, 0.9, 1.2, 0.7], random_state=3)
    x = as_float32(x)
    yield "blobs2d", x, probes(x, 100, 5)
    x, _ = make_blobs(n_samples=300, n_features=5, centers=3, cluster_std=1.0, random_state=11)
    x = as_float32(x)
    yield "blobs5d", x, probes(x, 100, 6)
    x, _ = make_moons(n_samples=300, noise=0.08, random_state=4)
    x = as_float32(x)
    yield "moons", x, probes(x, 100, 7)
    x, _ = make_blobs(n_samples=300, centers=3, random_state=170)
    x = as_float32(np.dot(x, [[0.6, -0.64], [-0.41, 0.85]]))
    yield "aniso", x, probes(x, 100, 8)


DEFAULTS = {"bandwidth": 0.0, "quantile": 0.3, "n_samples": 0, "seeds": "", "bin_seeding": False,
            "min_bin_freq": 1, "cluster_all": True, "max_iter": 300}

# (run, dataset, params that differ from the defaults); params in ClusterLab's names.
RUNS = [
    ("b2-bw15", "blobs2d", {"bandwidth": 1.5}),
    ("b2-estimated", "blobs2d", {}),
    ("b2-q02-ns150", "blobs2d", {"quantile": 0.2, "n_samples": 150}),
    ("b2-bin", "blobs2d", {"bandwidth": 1.2, "bin_seeding": True}),
    ("b2-bin-freq5-orphans", "blobs2d", {"bandwidth": 0.8, "bin_seeding": True, "min_bin_freq": 5, "cluster_all": False}),
    ("b2-small-orphans", "blobs2d", {"bandwidth": 0.5, "cluster_all": False}),
    ("b2-maxiter2", "blobs2d", {"bandwidth": 1.0, "max_iter": 2}),
    ("b2-seeds", "blobs2d", {"bandwidth": 2.0, "seeds": "0,0; 4.5,2; -6,-3.25; 1,1"}),
    ("b2-binfail", "blobs2d", {"bandwidth": 0.004, "bin_seeding": True}),
    ("b5-estimated", "blobs5d", {}),
    ("b5-bin", "blobs5d", {"bandwidth": 3.0, "bin_seeding": True}),
    ("moons-bw04-orphans", "moons", {"bandwidth": 0.4, "cluster_all": False}),
    ("moons-estimated-q01", "moons", {"quantile": 0.1}),
    ("aniso-bin", "aniso", {"bandwidth": 1.0, "bin_seeding": True}),
    ("aniso-bw08", "aniso", {"bandwidth": 0.8}),
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


def write_centres(path, centres):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["c%d" % (j + 1) for j in range(centres.shape[1])])
        for row in centres:
            w.writerow([repr(float(v)) for v in row])


def seeds_array(text):
    return np.array([[float(v) for v in row.split(",")] for row in text.split(";")], dtype=np.float64)


def fit(x, p):
    bandwidth = p["bandwidth"] if p["bandwidth"] > 0 else None
    if bandwidth is None and (p["quantile"] != 0.3 or p["n_samples"] != 0):
        bandwidth = estimate_bandwidth(x, quantile=p["quantile"],
                                       n_samples=p["n_samples"] if p["n_samples"] > 0 else None, random_state=0)
    model = MeanShift(bandwidth=bandwidth, seeds=seeds_array(p["seeds"]) if p["seeds"] else None,
                      bin_seeding=p["bin_seeding"], min_bin_freq=p["min_bin_freq"], cluster_all=p["cluster_all"],
                      max_iter=p["max_iter"], n_jobs=1)
    model.fit(x)
    used = bandwidth if bandwidth is not None else estimate_bandwidth(x)
    return model, used


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
        w.writerow(["run", "dataset", "params", "bandwidth", "clusters", "n_iter", "warned"])
        for run, name, changed in RUNS:
            p = dict(DEFAULTS, **changed)
            x, probe = data[name]
            base = os.path.join(OUT, run)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                model, used = fit(x, p)
            warned = int(any("Binning data failed" in str(c.message) for c in caught))
            write_labels(base + ".labels.csv", model.labels_)
            write_centres(base + ".centres.csv", model.cluster_centers_)
            write_labels(base + ".predict.csv", model.predict(probe))
            m = model.cluster_centers_.shape[0]
            params = ";".join("%s=%s" % (k, str(v).lower() if isinstance(v, bool) else v) for k, v in p.items())
            w.writerow([run, name, params, repr(float(used)), m, model.n_iter_, warned])
            print("%-22s bandwidth=%-20r clusters=%3d n_iter=%3d orphans=%3d warned=%d"
                  % (run, float(used), m, model.n_iter_, int((model.labels_ < 0).sum()), warned))


if __name__ == "__main__":
    main()
