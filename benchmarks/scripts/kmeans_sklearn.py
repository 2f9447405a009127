#!/usr/bin/python3
"""Data generation and scikit-learn timing for benchmarks/kmeans-vs-sklearn.sh.

    kmeans_sklearn.py generate NAME N D K OUTDIR   writes OUTDIR/NAME.csv (header x1..xD, float32 values
                                                   printed so that they round-trip) and OUTDIR/NAME.npy
    kmeans_sklearn.py time NPY K MAX_ITER REPEATS   prints one JSON line: the median, all fit times and
                                                   n_iter_ of KMeans(algorithm='lloyd', init='k-means++',
                                                   n_init=1, tol=0, max_iter=MAX_ITER, random_state=0)
                                                   on 2 threads (threadpoolctl), after one warm-up fit
    kmeans_sklearn.py init NPY K OUT.csv            writes K initial centres (scikit-learn's
                                                   kmeans_plusplus, random_state=0) as CSV, so that both
                                                   sides' whole fits start from the same centres
    kmeans_sklearn.py full NPY INIT.csv REPEATS     whole fit to convergence: KMeans(init=those centres,
                                                   n_init=1, default tol 1e-4 and max_iter 300, default
                                                   algorithm 'lloyd'); same JSON line as 'time'

Data: K heavily overlapping Gaussian blobs (standard deviation 1.5 D^(1/4) around centres drawn from
N(0, 1)^D, so that the overlap is similar in every dimension),
with numpy's default_rng(seed 42 + N + D + K); float32, so both sides see exactly the same numbers.
The overlap keeps labels changing for more than 20 iterations: well-separated blobs converge (no label
changes) within a few iterations even with tol=0, and both libraries then stop early.
"""
import json
import sys
import time

import numpy as np


def generate(name, n, d, k, outdir):
    rng = np.random.default_rng(42 + n + d + k)
    centres = rng.standard_normal(size=(k, d))
    which = rng.integers(0, k, size=n)
    x = (centres[which] + 1.5 * d ** 0.25 * rng.standard_normal(size=(n, d))).astype(np.float32)
    np.save("%s/%s.npy" % (outdir, name), x)
    with open("%s/%s.csv" % (outdir, name), "w") as f:
        f.write(",".join("x%d" % (j + 1) for j in range(d)) + "\n")
        np.savetxt(f, x, fmt="%.9g", delimiter=",")


def time_fits(npy, k, max_iter, repeats):
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_info, threadpool_limits
    x = np.load(npy)
    with threadpool_limits(limits=2):
        def fit():
            km = KMeans(n_clusters=k, init="k-means++", n_init=1, tol=0.0, max_iter=max_iter,
                        algorithm="lloyd", random_state=0)
            t0 = time.perf_counter()
            km.fit(x)
            return time.perf_counter() - t0, km.n_iter_
        fit()  # warm-up
        runs = [fit() for _ in range(repeats)]
        pools = [(p["internal_api"], p.get("architecture"), p["num_threads"]) for p in threadpool_info()]
    seconds = sorted(r[0] for r in runs)
    print(json.dumps({"seconds": float(np.median(seconds)), "seconds_all": [r[0] for r in runs],
                      "iterations": int(runs[0][1]), "threadpools": pools}))


def write_init(npy, k, out):
    from sklearn.cluster import kmeans_plusplus
    x = np.load(npy)
    centres, _ = kmeans_plusplus(x, n_clusters=k, random_state=0)
    np.savetxt(out, centres.astype(np.float32), fmt="%.9g", delimiter=",")


def time_full(npy, init_csv, repeats):
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_limits
    x = np.load(npy)
    init = np.loadtxt(init_csv, delimiter=",", dtype=np.float32, ndmin=2)
    with threadpool_limits(limits=2):
        def fit():
            km = KMeans(n_clusters=init.shape[0], init=init, n_init=1)
            t0 = time.perf_counter()
            km.fit(x)
            return time.perf_counter() - t0, km.n_iter_, km.inertia_
        fit()  # warm-up
        runs = [fit() for _ in range(repeats)]
    seconds = sorted(r[0] for r in runs)
    print(json.dumps({"seconds": float(np.median(seconds)), "seconds_all": [r[0] for r in runs],
                      "iterations": int(runs[0][1]), "inertia": float(runs[0][2])}))


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    elif sys.argv[1] == "time":
        time_fits(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif sys.argv[1] == "init":
        write_init(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "full":
        time_full(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(__doc__)
