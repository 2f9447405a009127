#!/usr/bin/python3
"""Data generation and scikit-learn timing for benchmarks/density-vs-sklearn.sh.

    density_sklearn.py generate NAME N D OUTDIR        writes OUTDIR/NAME.csv (header x1..xD, float32
                                                       values printed so that they round-trip) and
                                                       OUTDIR/NAME.npy
    density_sklearn.py neighbours NPY EPS              prints the average eps-neighbourhood size (the
                                                       point itself included), by sklearn's KDTree
    density_sklearn.py time NPY EPS MIN_SAMPLES REPEATS
                                                       prints one JSON line: median and all fit times of
                                                       DBSCAN(eps, min_samples, algorithm='auto',
                                                       n_jobs=2) after one warm-up fit
    density_sklearn.py peak NPY EPS MIN_SAMPLES        one fit in this (fresh) process; prints one JSON
                                                       line with the peak resident set size in MB
                                                       (getrusage ru_maxrss) and the RSS before the fit

Data: 10 Gaussian blobs of standard deviation 1 around centres drawn uniformly from [-10, 10]^D (as
sklearn's make_blobs defaults), equal expected sizes, from numpy's default_rng(seed 7 + N + D);
float32, so both sides see exactly the same numbers.
"""
import json
import resource
import sys
import time

import numpy as np


def generate(name, n, d, outdir):
    rng = np.random.default_rng(7 + n + d)
    centres = rng.uniform(-10.0, 10.0, size=(10, d))
    which = rng.integers(0, 10, size=n)
    x = (centres[which] + rng.standard_normal(size=(n, d))).astype(np.float32)
    np.save("%s/%s.npy" % (outdir, name), x)
    with open("%s/%s.csv" % (outdir, name), "w") as f:
        f.write(",".join("x%d" % (j + 1) for j in range(d)) + "\n")
        np.savetxt(f, x, fmt="%.9g", delimiter=",")


def neighbours(npy, eps):
    from sklearn.neighbors import KDTree
    x = np.load(npy).astype(np.float64)
    counts = KDTree(x).query_radius(x, r=eps, count_only=True)
    print("%.1f" % counts.mean())


def dbscan(eps, min_samples):
    from sklearn.cluster import DBSCAN
    return DBSCAN(eps=eps, min_samples=min_samples, algorithm="auto", n_jobs=2)


def time_fits(npy, eps, min_samples, repeats):
    from threadpoolctl import threadpool_limits
    x = np.load(npy)
    with threadpool_limits(limits=2):
        def fit():
            t0 = time.perf_counter()
            labels = dbscan(eps, min_samples).fit(x).labels_
            return time.perf_counter() - t0, int(labels.max()) + 1, int((labels < 0).sum())
        fit()  # warm-up
        runs = [fit() for _ in range(repeats)]
    print(json.dumps({"seconds": float(np.median([r[0] for r in runs])), "seconds_all": [r[0] for r in runs],
                      "clusters": runs[0][1], "noise": runs[0][2]}))


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def peak(npy, eps, min_samples):
    from threadpoolctl import threadpool_limits
    x = np.load(npy)
    before = rss_mb()
    with threadpool_limits(limits=2):
        dbscan(eps, min_samples).fit(x)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
    print(json.dumps({"peak_mb": peak_mb, "before_fit_mb": before}))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    elif cmd == "neighbours":
        neighbours(sys.argv[2], float(sys.argv[3]))
    elif cmd == "time":
        time_fits(sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif cmd == "peak":
        peak(sys.argv[2], float(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(__doc__)
