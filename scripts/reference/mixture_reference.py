#!/usr/bin/python3
"""Reference values for the mixture plugin's Gaussian mixture, computed by scikit-learn (never by
ClusterLab itself).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/mixture_reference.py

on Debian's python3-sklearn 1.2.1 (numpy 1.24.2, Python 3.11). The script refuses other versions unless
--any-version is given, because the expected values would change silently. It writes, into
plugins/mixture/src/test/resources/reference/:

    <dataset>.data.csv     points, header x1..xd, float32-representable values (the shortest decimal that
                           round-trips the float32, so Java's Float.parseFloat reads the number scikit-learn
                           saw, widened exactly to float64; scikit-learn is given those float64 values, so it
                           computes in double as ClusterLab does)
    <dataset>.probes.csv   held-out points (same format) for predict_proba
    <dataset>.truth.csv    label: the generating component (blobs) or species (iris)
    runs.csv               run,dataset,covariance_type,init_params,k,tol,reg_covar,max_iter,means_init
    <run>.resp_init.csv    the n x k initial responsibilities scikit-learn's _initialize received (from its
                           own KMeans / random draw for random_state=0), so ClusterLab can start EM from the
                           same point: its k-means and random streams are its own
    <run>.means_init.csv   (means_init = 1) the means given as GaussianMixture(means_init=...)
    <run>.labels.csv       label: fit_predict(X) (after scikit-learn's final E-step)
    <run>.means.csv        means_ (k rows), <run>.weights.csv: weights_
    <run>.summary.csv      lower_bound,n_iter,converged,bic,aic,score: lower_bound_, n_iter_, converged_,
                           bic(X), aic(X), score(X) (mean log-likelihood per sample)
    <run>.proba.csv        predict_proba(probes) (probes x k)
    bic-select.csv         k,bic,aic: GaussianMixture(k, random_state=0) (init kmeans, full) on the
                           separated dataset for k = 1..6, for the test that BIC picks the true k
    separated-e2e.labels.csv  fit_predict of GaussianMixture(4, random_state=0) (init_params kmeans) on the
                           separated dataset, for the end-to-end test with ClusterLab's own k-means

Datasets:
    blobs4d    make_blobs(n_samples=300, n_features=4, centers=3, cluster_std=[1.0, 1.5, 0.7], random_state=7)
    aniso      make_blobs(n_samples=300, centers=3, cluster_std=1.0, random_state=170) times
               [[0.6, -0.64], [-0.41, 0.85]] (scikit-learn's anisotropic example)
    iris       sklearn/datasets/data/iris.csv (Fisher 1936; the UCI copy shipped with scikit-learn, BSD), 150 x 4
    separated  make_blobs(n_samples=400, n_features=3, centers=4, cluster_std=0.5, center_box=(-10, 10),
               random_state=5)
Probes: 25 points per dataset drawn uniformly within the data's bounding box (numpy RandomState(99)).
"""
import argparse
import csv
import os
import sys

import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.datasets import load_iris, make_blobs
from sklearn.mixture import GaussianMixture

SKLEARN_VERSION = "1.2.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "mixture", "src", "test", "resources", "reference")


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def datasets():
    x, y = make_blobs(n_samples=300, n_features=4, centers=3, cluster_std=[1.0, 1.5, 0.7], random_state=7)
    yield "blobs4d", as_float32(x), y
    x, y = make_blobs(n_samples=300, centers=3, cluster_std=1.0, random_state=170)
    yield "aniso", as_float32(x @ np.array([[0.6, -0.64], [-0.41, 0.85]])), y
    iris = load_iris()
    yield "iris", as_float32(iris.data), iris.target
    x, y = make_blobs(n_samples=400, n_features=3, centers=4, cluster_std=0.5, center_box=(-10, 10), random_state=5)
    yield "separated", as_float32(x), y


class RecordingMixture(GaussianMixture):
    """GaussianMixture that keeps the responsibilities its _initialize received (scikit-learn's own
    KMeans labels or random draw); the fit is otherwise scikit-learn's."""

    def _initialize(self, X, resp):
        self.recorded_resp_ = np.array(resp, dtype=np.float64)
        super()._initialize(X, resp)


COVARIANCES = ("full", "tied", "diag", "spherical")
K = {"blobs4d": 3, "aniso": 3, "iris": 3}

# (run, dataset, covariance_type, init_params, k, tol, reg_covar, max_iter, means_init)
RUNS = []
for ds in ("blobs4d", "aniso", "iris"):
    for cov in COVARIANCES:
        RUNS.append(("%s-%s" % (ds, cov), ds, cov, "kmeans", K[ds], 1e-3, 1e-6, 100, False))
for cov in COVARIANCES:
    # random responsibilities (not one-hot), a tight tol (they start near one component) and more components
    RUNS.append(("blobs4d-%s-random-k4" % cov, "blobs4d", cov, "random", 4, 1e-8, 1e-6, 300, False))
    # given means (means_init): weights and covariances come from the k-means responsibilities
    RUNS.append(("iris-%s-means-init" % cov, "iris", cov, "kmeans", 3, 1e-3, 1e-6, 100, True))
# not converged after 3 iterations (scikit-learn's ConvergenceWarning); a larger reg_covar
RUNS.append(("aniso-full-maxiter3", "aniso", "full", "kmeans", 3, 1e-3, 1e-6, 3, False))
RUNS.append(("iris-full-reg01", "iris", "full", "kmeans", 4, 1e-3, 0.1, 100, False))


def write_rows(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_points(path, x):
    rows = [[str(np.float32(v)) for v in row] for row in x]  # numpy prints the shortest round-trip decimal
    write_rows(path, ["x%d" % (j + 1) for j in range(x.shape[1])], rows)


def write_matrix(path, m, prefix):
    m = np.atleast_2d(m)
    write_rows(path, ["%s%d" % (prefix, j) for j in range(m.shape[1])], [[repr(float(v)) for v in row] for row in m])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--any-version", action="store_true", help="run with another scikit-learn version")
    args = parser.parse_args()
    if sklearn.__version__ != SKLEARN_VERSION and not args.any_version:
        sys.exit("scikit-learn %s expected, found %s (use --any-version to go on)" % (SKLEARN_VERSION, sklearn.__version__))
    os.makedirs(OUT, exist_ok=True)
    data = {}
    probes = {}
    for name, x, y in datasets():
        data[name] = x
        write_points(os.path.join(OUT, name + ".data.csv"), x)
        write_rows(os.path.join(OUT, name + ".truth.csv"), ["label"], [[int(v)] for v in y])
        rng = np.random.RandomState(99)
        lo, hi = x.min(axis=0), x.max(axis=0)
        p = as_float32(lo + rng.uniform(size=(25, x.shape[1])) * (hi - lo))
        probes[name] = p
        write_points(os.path.join(OUT, name + ".probes.csv"), p)
    runs = []
    for run, ds, cov, init, k, tol, reg, max_iter, with_means in RUNS:
        x = data[ds]
        means_init = None
        if with_means:
            # k rows of the data spread over it: deterministic, and not the k-means means
            means_init = x[np.linspace(0, len(x) - 1, k).astype(int)]
            write_matrix(os.path.join(OUT, run + ".means_init.csv"), means_init, "m")
        gm = RecordingMixture(n_components=k, covariance_type=cov, tol=tol, reg_covar=reg, max_iter=max_iter,
                              init_params=init, means_init=means_init, random_state=0)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            labels = gm.fit_predict(x)
        warned = any(issubclass(c.category, ConvergenceWarning) for c in caught)
        assert warned == (not gm.converged_)
        write_matrix(os.path.join(OUT, run + ".resp_init.csv"), gm.recorded_resp_, "r")
        write_rows(os.path.join(OUT, run + ".labels.csv"), ["label"], [[int(v)] for v in labels])
        write_matrix(os.path.join(OUT, run + ".means.csv"), gm.means_, "m")
        write_matrix(os.path.join(OUT, run + ".weights.csv"), gm.weights_.reshape(1, -1), "w")
        write_rows(os.path.join(OUT, run + ".summary.csv"), ["lower_bound", "n_iter", "converged", "bic", "aic", "score"],
                   [[repr(float(gm.lower_bound_)), int(gm.n_iter_), int(bool(gm.converged_)), repr(float(gm.bic(x))),
                     repr(float(gm.aic(x))), repr(float(gm.score(x)))]])
        write_matrix(os.path.join(OUT, run + ".proba.csv"), gm.predict_proba(probes[ds]), "p")
        runs.append([run, ds, cov, init, k, repr(tol), repr(reg), max_iter, int(with_means)])
        print("%-28s n_iter %3d converged %-5s lower_bound %.6f bic %.3f" % (run, gm.n_iter_, gm.converged_,
                                                                              gm.lower_bound_, gm.bic(x)))
    write_rows(os.path.join(OUT, "runs.csv"),
               ["run", "dataset", "covariance_type", "init_params", "k", "tol", "reg_covar", "max_iter", "means_init"], runs)
    x = data["separated"]
    rows = []
    for k in range(1, 7):
        gm = GaussianMixture(n_components=k, random_state=0).fit(x)
        rows.append([k, repr(float(gm.bic(x))), repr(float(gm.aic(x)))])
    write_rows(os.path.join(OUT, "bic-select.csv"), ["k", "bic", "aic"], rows)
    labels = GaussianMixture(n_components=4, random_state=0).fit_predict(x)
    write_rows(os.path.join(OUT, "separated-e2e.labels.csv"), ["label"], [[int(v)] for v in labels])


if __name__ == "__main__":
    main()
