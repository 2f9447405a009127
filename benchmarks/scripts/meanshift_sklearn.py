#!/usr/bin/python3
"""scikit-learn timing for benchmarks/meanshift-vs-sklearn.sh.

    meanshift_sklearn.py time NPY BANDWIDTH BIN_SEEDING    one JSON line: the fit time of
                                                           MeanShift(bandwidth=BANDWIDTH,
                                                           bin_seeding=BIN_SEEDING (true/false),
                                                           n_jobs=2) in this fresh process (one fit:
                                                           without bin seeding it takes minutes), its
                                                           peak resident set size in MB (getrusage
                                                           ru_maxrss of this process, the interpreter
                                                           included), the largest peak of its joblib
                                                           worker processes (they hill-climb the seeds;
                                                           RUSAGE_CHILDREN once they have exited), the
                                                           clusters found and n_iter_
The data are density_sklearn.py's blobs (float32, read from its .npy).
"""
import json
import resource
import sys
import time

import numpy as np


def main():
    if len(sys.argv) != 5 or sys.argv[1] != "time":
        sys.exit(__doc__)
    npy, bandwidth, bin_seeding = sys.argv[2], float(sys.argv[3]), sys.argv[4] == "true"
    from sklearn.cluster import MeanShift
    from threadpoolctl import threadpool_limits
    x = np.load(npy)
    with threadpool_limits(limits=2):
        t0 = time.perf_counter()
        model = MeanShift(bandwidth=bandwidth, bin_seeding=bin_seeding, n_jobs=2).fit(x)
        seconds = time.perf_counter() - t0
    try:
        from joblib.externals.loky import get_reusable_executor
        get_reusable_executor().shutdown(wait=True)
    except ImportError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "workers_peak_mb": workers,
                      "clusters": int(model.cluster_centers_.shape[0]), "n_iter": int(model.n_iter_)}))


if __name__ == "__main__":
    main()
