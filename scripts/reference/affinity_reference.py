#!/usr/bin/python3
"""Reference values for the affinity plugin's Affinity Propagation, computed by scikit-learn (never by
ClusterLab itself).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/affinity_reference.py

on Debian's python3-sklearn 1.2.1 (numpy 1.24.2, Python 3.11). The script refuses other versions unless
--any-version is given, because the expected values would change silently. It writes, into
plugins/affinity/src/test/resources/reference/:

    <dataset>.data.csv     points, header x1..xd, float32-representable values (the shortest decimal
                           that round-trips the float32, so Java's Float.parseFloat reads the number
                           scikit-learn saw, widened exactly to float64)
    runs.csv               run,dataset,params,n_iter,converged,preference,stable,min_k,max_k: one line
                           per run below; params in ClusterLab's names; preference is the value
                           scikit-learn used (the median when none was given, repr of a float64);
                           stable says whether the run is well conditioned: the same exemplars with
                           random_state 0..4 and with the data given as float32 (scikit-learn then
                           works in float32, as ClusterLab does); min_k and max_k are the fewest and
                           most exemplars over those perturbed runs
    <run>.labels.csv       label: AffinityPropagation(...).fit(x).labels_
    <run>.exemplars.csv    row: cluster_centers_indices_
    <run>.predict.csv      label: predict() of the probe points <dataset>.probes.csv (runs on features)

Every recorded run uses random_state=0 (the tie-breaking noise; ClusterLab draws its own, so the
datasets are continuous and have no ties for the noise to break). A run whose exemplars change under
those rounding-sized perturbations cannot be expected to match bit for bit; the one such run here is
the one stopped by max_iter in the middle of the message passing. The precomputed run passes -|x_i - x_k|^2 of the
data (written as <dataset>-similarity.data.csv, n columns) with affinity='precomputed'; the
preference-column run passes a per-point preference array, written as an extra column `pref` of
<dataset>-pref.data.csv.

Datasets:
    blobs2d   make_blobs(n_samples=200, centers=4, cluster_std=[0.6, 1.0, 1.4, 0.8], random_state=3)
    blobs5d   make_blobs(n_samples=150, n_features=5, centers=3, cluster_std=1.5, random_state=11)
    aniso     make_blobs(n_samples=180, centers=3, random_state=170) times [[0.6, -0.6], [-0.4, 0.8]]
"""
import argparse
import csv
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.cluster import AffinityPropagation
from sklearn.datasets import make_blobs
from sklearn.exceptions import ConvergenceWarning

SKLEARN_VERSION = "1.2.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "affinity", "src", "test", "resources", "reference")


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def datasets():
    x, _ = make_blobs(n_samples=200, centers=4, cluster_std=[0.6, 1.0, 1.4, 0.8], random_state=3)
    yield "blobs2d", as_float32(x)
    x, _ = make_blobs(n_samples=150, n_features=5, centers=3, cluster_std=1.5, random_state=11)
    yield "blobs5d", as_float32(x)
    x, _ = make_blobs(n_samples=180, centers=3, random_state=170)
    yield "aniso", as_float32(x @ np.array([[0.6, -0.6], [-0.4, 0.8]]))


# (run, dataset, ClusterLab params); "preference" is a number or absent (the median).
RUNS = [
    ("blobs2d-median", "blobs2d", {}),
    ("blobs2d-pref-50", "blobs2d", {"preference": -50.0}),
    ("blobs2d-pref-200-damp09", "blobs2d", {"preference": -200.0, "damping": 0.9}),
    ("blobs5d-median", "blobs5d", {}),
    ("blobs5d-pref-300-damp07", "blobs5d", {"preference": -300.0, "damping": 0.7}),
    ("aniso-median-damp08", "aniso", {"damping": 0.8}),
    ("aniso-pref-20-damp09", "aniso", {"preference": -20.0, "damping": 0.9, "convergence_iter": 30}),
    # max_iter too small to converge: scikit-learn 1.2.1 still labels by the exemplars of the last iteration.
    ("blobs2d-pref-50-iter12", "blobs2d", {"preference": -50.0, "max_iter": 12}),
    # One iteration: no point is an exemplar yet, so every label is -1 (and predict gives -1).
    ("blobs2d-iter1", "blobs2d", {"max_iter": 1}),
    ("blobs5d-precomputed", "blobs5d-similarity", {"affinity": "precomputed", "preference": -300.0}),
    ("aniso-pref-column", "aniso-pref", {"preference_column": "pref"}),
]


def write_rows(path, rows):
    with open(path, "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def write_points(path, x, names=None):
    rows = [names or ["x%d" % (j + 1) for j in range(x.shape[1])]]
    for row in x.astype(np.float32):
        rows.append([np.format_float_positional(v, unique=True, trim="-") for v in row])
    write_rows(path, rows)


def params_text(p):
    return ";".join("%s=%s" % (k, v) for k, v in p.items())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--any-version", action="store_true", help="run on another scikit-learn version")
    args = parser.parse_args()
    if sklearn.__version__ != SKLEARN_VERSION and not args.any_version:
        sys.exit("expected scikit-learn %s, found %s (use --any-version to override)" % (SKLEARN_VERSION, sklearn.__version__))
    os.makedirs(OUT, exist_ok=True)
    data = dict(datasets())
    probes = {}
    for name, x in list(data.items()):
        write_points(os.path.join(OUT, name + ".data.csv"), x)
        # New points spread over the data's box, for predict.
        rng = np.random.RandomState(7)
        lo, hi = x.min(axis=0), x.max(axis=0)
        probes[name] = as_float32(lo + (hi - lo) * rng.uniform(size=(40, x.shape[1])))
        write_points(os.path.join(OUT, name + ".probes.csv"), probes[name])
    # The precomputed similarities, rounded to float32 as ClusterLab reads them.
    x = data["blobs5d"]
    sim = as_float32(-((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2))
    data["blobs5d-similarity"] = sim
    write_points(os.path.join(OUT, "blobs5d-similarity.data.csv"), sim)
    # Per-point preferences: the median similarity scaled by a smooth function of the position.
    x = data["aniso"]
    s = -((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2)
    pref = as_float32(np.median(s) * (1.0 + 0.5 * np.tanh(x[:, 0])))
    data["aniso-pref"] = np.column_stack([x, pref])
    write_points(os.path.join(OUT, "aniso-pref.data.csv"), data["aniso-pref"], ["x1", "x2", "pref"])

    runs = [["run", "dataset", "params", "n_iter", "converged", "preference", "stable", "min_k", "max_k"]]
    for run, ds, p in RUNS:
        x = data[ds]
        kwargs = dict(damping=p.get("damping", 0.5), max_iter=p.get("max_iter", 200),
                      convergence_iter=p.get("convergence_iter", 15), random_state=0,
                      affinity=p.get("affinity", "euclidean"))
        if "preference" in p:
            kwargs["preference"] = p["preference"]
        if "preference_column" in p:
            kwargs["preference"] = x[:, -1]
            x = x[:, :-1]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            m = AffinityPropagation(**kwargs).fit(x)
        perturbed = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for state in range(5):
                for xs in (x, x.astype(np.float32)):
                    perturbed.append(AffinityPropagation(**dict(kwargs, random_state=state)).fit(xs).cluster_centers_indices_)
        stable = all(np.array_equal(e, m.cluster_centers_indices_) for e in perturbed)
        counts = [len(e) for e in perturbed] + [len(m.cluster_centers_indices_)]
        converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
        if "preference" in kwargs and np.ndim(kwargs["preference"]) == 0:
            used = float(kwargs["preference"])
        elif "preference" in kwargs:
            used = float("nan")
        else:
            used = float(np.median(m.affinity_matrix_))
        write_rows(os.path.join(OUT, run + ".labels.csv"), [["label"]] + [[int(v)] for v in m.labels_])
        if ds in probes:
            predicted = m.predict(probes[ds])
            write_rows(os.path.join(OUT, run + ".predict.csv"), [["label"]] + [[int(v)] for v in predicted])
        write_rows(os.path.join(OUT, run + ".exemplars.csv"), [["row"]] + [[int(v)] for v in m.cluster_centers_indices_])
        runs.append([run, ds, params_text(p), int(m.n_iter_), str(converged).lower(), repr(used), str(stable).lower(),
                     min(counts), max(counts)])
        print("%-26s %2d clusters, %3d iterations, converged=%s, stable=%s" % (run, len(m.cluster_centers_indices_), m.n_iter_,
                                                                            converged, stable))
    write_rows(os.path.join(OUT, "runs.csv"), runs)
    print("wrote %d runs to %s" % (len(RUNS), os.path.normpath(OUT)))


if __name__ == "__main__":
    main()
