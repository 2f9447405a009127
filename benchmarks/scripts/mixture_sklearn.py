#!/usr/bin/python3
"""scikit-learn timing for benchmarks/mixture-vs-sklearn.sh.

    mixture_sklearn.py time NPY COVARIANCE_TYPE K REPEATS
        prints one JSON line: the per-iteration time of GaussianMixture(K, covariance_type, tol=0,
        init_params='random_from_data', random_state=0) on NPY, as (T(max_iter=21) - T(max_iter=1)) / 20
        with T the median of REPEATS fits (after one warm-up fit), so the initialisation and the final
        E-step cancel; tol=0 makes every iteration run. Threads: OMP/OPENBLAS_NUM_THREADS from the caller.

Data: benchmarks/scripts/density_sklearn.py generate (float32 Gaussian blobs, read here as float64 so that
scikit-learn computes in double as ClusterLab does).
"""
import json
import statistics
import sys
import time
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture


def fit_seconds(x, cov, k, max_iter):
    gm = GaussianMixture(n_components=k, covariance_type=cov, tol=0.0, max_iter=max_iter,
                         init_params="random_from_data", random_state=0)
    start = time.perf_counter()
    gm.fit(x)
    return time.perf_counter() - start


def main():
    if len(sys.argv) != 6 or sys.argv[1] != "time":
        sys.exit(__doc__)
    x = np.load(sys.argv[2]).astype(np.float64)
    cov, k, repeats = sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    warnings.simplefilter("ignore", ConvergenceWarning)
    fit_seconds(x, cov, k, 1)
    one = statistics.median(fit_seconds(x, cov, k, 1) for _ in range(repeats))
    many = statistics.median(fit_seconds(x, cov, k, 21) for _ in range(repeats))
    print(json.dumps({"covariance_type": cov, "k": k, "per_iteration_ms": (many - one) / 20 * 1000,
                      "fit_1_s": one, "fit_21_s": many}))


if __name__ == "__main__":
    main()
