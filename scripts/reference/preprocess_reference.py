#!/usr/bin/python3
"""Reference outputs for the preprocess plugin, computed by scikit-learn (never by ClusterLab itself).

Produced with (from the repository root):

    /usr/bin/python3 scripts/reference/preprocess_reference.py

on Debian's python3-sklearn 1.2.1 (numpy 1.24.2, scipy 1.10.1, Python 3.11). The script refuses to
run on another scikit-learn version unless --any-version is given. It writes, into
plugins/preprocess/src/test/resources/reference/:

    <dataset>.data.csv   input table with a header of feature names; values float32-representable
                         (shortest decimal that round-trips the float32, so Java's Float.parseFloat
                         reads the number scikit-learn saw); NaN marks a missing value
    <case>.expected.csv  scikit-learn's output of the step fitted on and applied to the dataset,
                         header = output feature names, values with 10 significant digits (rounding 5e-11, far below float32)
    cases.csv            case,dataset,step,params: params as name=value pairs separated by ';'
    summary.csv          case,key,values: fitted attributes (';'-separated, 17 significant digits,
                         or names) that the Java summary() must reproduce

Steps and their scikit-learn counterparts (fit(X).transform(X), float64):

    standardize    StandardScaler()
    minmax         MinMaxScaler(feature_range=(feature_range_min, feature_range_max))
    maxabs         MaxAbsScaler()
    robust         RobustScaler(quantile_range=(quantile_range_min, quantile_range_max))
    pca            PCA(n_components=n, svd_solver='full'); n an int or a float fraction in (0, 1)
    impute         SimpleImputer(strategy=mean|median)
    drop_constant  VarianceThreshold(threshold=0)

scikit-learn computes in float64 here: the float32 data are widened exactly to float64 before every
call, so the expected values are the float64 answers for exactly the numbers Java reads; Java then
rounds its own double result to float.

Datasets:
    blobs     make_blobs(n_samples=120, n_features=3, centers=3, random_state=2), columns multiplied
              by 1e-3, 1 and 1e3 and shifted by 5, -50 and 2e4: very different scales and offsets
    iris      sklearn/datasets/data/iris.csv (load_iris), 150 x 4
    wine      sklearn/datasets/data/wine_data.csv (load_wine), 178 x 13, unscaled
    wine_scaled  wine through StandardScaler, rounded to float32 (input for PCA with 5 components)
    constant  24 x 4: normal noise with column 'c2' constant 7.25 and column 'zero' all 0
    missing   40 x 4 from make_blobs with 15% of the cells (and one whole row) set to NaN

iris and wine are the copies shipped inside scikit-learn, from the UCI Machine Learning Repository,
licensed CC BY 4.0; attribution in the README next to the files.
"""
import argparse
import csv
import os
import sys

import numpy as np
import scipy
import sklearn
from sklearn.datasets import load_iris, load_wine, make_blobs
from sklearn.decomposition import PCA
from sklearn.feature_selection import VarianceThreshold
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import MaxAbsScaler, MinMaxScaler, RobustScaler, StandardScaler

SKLEARN_VERSION = "1.2.1"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "plugins", "preprocess", "src", "test", "resources", "reference")


def as_float32(x):
    """The float32 values Java will read, widened exactly to float64 for scikit-learn."""
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def datasets():
    """name -> (float64 view of float32 data, feature names)."""
    out = {}
    x, _ = make_blobs(n_samples=120, n_features=3, centers=3, random_state=2)
    x = x * np.array([1e-3, 1.0, 1e3]) + np.array([5.0, -50.0, 2e4])
    out["blobs"] = (as_float32(x), ["tiny", "unit", "large"])

    iris = load_iris()
    out["iris"] = (as_float32(iris.data), ["sepal_length", "sepal_width", "petal_length", "petal_width"])

    wine = load_wine()
    out["wine"] = (as_float32(wine.data), list(wine.feature_names))
    # Standardised first (by scikit-learn, then rounded to float32): PCA with many comparable components.
    out["wine_scaled"] = (as_float32(StandardScaler().fit_transform(as_float32(wine.data))), list(wine.feature_names))

    rng = np.random.RandomState(5)
    x = rng.normal(size=(24, 4)) * np.array([1.0, 3.0, 1.0, 1.0])
    x[:, 2] = 7.25
    x[:, 3] = 0.0
    out["constant"] = (as_float32(x), ["c0", "c1", "c2", "zero"])

    x, _ = make_blobs(n_samples=40, n_features=4, centers=2, random_state=9)
    x = x * np.array([1.0, 10.0, 0.1, 100.0])
    mask = rng.uniform(size=x.shape) < 0.15
    mask[7, :] = True  # one row with nothing present
    x[mask] = np.nan
    out["missing"] = (as_float32(x), ["m0", "m1", "m2", "m3"])
    return out


def standardize(x, p):
    s = StandardScaler().fit(x)
    return s.transform(x), None, {"mean": s.mean_, "scale": s.scale_}


def minmax(x, p):
    s = MinMaxScaler(feature_range=(p.get("feature_range_min", 0.0), p.get("feature_range_max", 1.0))).fit(x)
    return s.transform(x), None, {"data_min": s.data_min_, "data_max": s.data_max_}


def maxabs(x, p):
    s = MaxAbsScaler().fit(x)
    return s.transform(x), None, {"max_abs": s.max_abs_, "scale": s.scale_}


def robust(x, p):
    s = RobustScaler(quantile_range=(p.get("quantile_range_min", 25.0), p.get("quantile_range_max", 75.0))).fit(x)
    return s.transform(x), None, {"center": s.center_, "scale": s.scale_}


def pca(x, p):
    n = p["n_components"]
    s = PCA(n_components=int(n) if n >= 1 else float(n), svd_solver="full").fit(x)
    names = ["pc%d" % (i + 1) for i in range(s.n_components_)]
    return s.transform(x), names, {"explained_variance_ratio": s.explained_variance_ratio_,
                                   "explained_variance": s.explained_variance_}


def impute(x, p):
    s = SimpleImputer(strategy=p.get("strategy", "mean")).fit(x)
    return s.transform(x), None, {"statistics": s.statistics_}


def drop_constant(x, p, names):
    s = VarianceThreshold(threshold=0.0).fit(x)
    kept = list(s.get_feature_names_out(names))
    return s.transform(x), kept, {"dropped": [n for n in names if n not in kept]}


STEPS = {"standardize": standardize, "minmax": minmax, "maxabs": maxabs, "robust": robust, "pca": pca,
         "impute": impute, "drop_constant": drop_constant}

# (case, dataset, step, params)
CASES = [
    ("blobs_standardize", "blobs", "standardize", {}),
    ("blobs_minmax", "blobs", "minmax", {}),
    ("blobs_robust", "blobs", "robust", {}),
    ("blobs_pca2", "blobs", "pca", {"n_components": 2}),
    ("iris_standardize", "iris", "standardize", {}),
    ("iris_minmax_m1_2", "iris", "minmax", {"feature_range_min": -1.0, "feature_range_max": 2.0}),
    ("iris_maxabs", "iris", "maxabs", {}),
    ("iris_robust_10_90", "iris", "robust", {"quantile_range_min": 10.0, "quantile_range_max": 90.0}),
    ("iris_pca2", "iris", "pca", {"n_components": 2}),
    ("iris_pca4", "iris", "pca", {"n_components": 4}),
    ("iris_drop_constant", "iris", "drop_constant", {}),
    ("wine_pca3", "wine", "pca", {"n_components": 3}),
    ("wine_scaled_pca_0.8", "wine_scaled", "pca", {"n_components": 0.8}),
    ("constant_standardize", "constant", "standardize", {}),
    ("constant_minmax", "constant", "minmax", {}),
    ("constant_maxabs", "constant", "maxabs", {}),
    ("constant_robust", "constant", "robust", {}),
    ("constant_pca2", "constant", "pca", {"n_components": 2}),
    ("constant_drop_constant", "constant", "drop_constant", {}),
    ("missing_impute_mean", "missing", "impute", {"strategy": "mean"}),
    ("missing_impute_median", "missing", "impute", {"strategy": "median"}),
]


def run(step, x, names, params):
    if step == "drop_constant":
        return drop_constant(x, params, names)
    return STEPS[step](x.copy(), params)


def fmt(v):
    return "%.10g" % v


def write_table(path, names, x, writer):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names)
        for row in x:
            w.writerow([writer(v) for v in row])


def float32_text(v):
    # unique=True on a float32 scalar: the shortest decimal that round-trips that float32.
    return "NaN" if np.isnan(v) else np.format_float_positional(np.float32(v), unique=True, trim="-")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--any-version", action="store_true", help="run on another scikit-learn version")
    args = p.parse_args()
    if sklearn.__version__ != SKLEARN_VERSION and not args.any_version:
        sys.exit("expected scikit-learn %s (Debian python3-sklearn, /usr/bin/python3); got %s"
                 % (SKLEARN_VERSION, sklearn.__version__))
    os.makedirs(OUT, exist_ok=True)
    data = datasets()
    for name, (x, names) in data.items():
        assert np.array_equal(x, as_float32(x), equal_nan=True), name
        write_table(os.path.join(OUT, name + ".data.csv"), names, x, float32_text)
    summaries = []
    with open(os.path.join(OUT, "cases.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "dataset", "step", "params"])
        for case, ds, step, params in CASES:
            x, names = data[ds]
            before = x.copy()
            out, out_names, summary = run(step, x, names, params)
            assert np.array_equal(x, before, equal_nan=True), case  # scikit-learn left the input alone
            assert np.all(np.isfinite(out)), case
            write_table(os.path.join(OUT, case + ".expected.csv"), out_names or names, out, fmt)
            w.writerow([case, ds, step, ";".join("%s=%s" % kv for kv in params.items())])
            for key, values in summary.items():
                text = [v if isinstance(v, str) else "%.17g" % v for v in values]
                summaries.append([case, key, ";".join(text)])
    with open(os.path.join(OUT, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case", "key", "values"])
        w.writerows(summaries)
    print("wrote %d cases to %s (scikit-learn %s, numpy %s, scipy %s)"
          % (len(CASES), os.path.normpath(OUT), sklearn.__version__, np.__version__, scipy.__version__))


if __name__ == "__main__":
    main()
