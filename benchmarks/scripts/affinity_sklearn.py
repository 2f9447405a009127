#!/usr/bin/python3
"""scikit-learn timing for benchmarks/affinity-vs-sklearn.sh.

    affinity_sklearn.py time NPY DAMPING     one JSON line: the fit time of AffinityPropagation(damping=DAMPING,
                                             random_state=0) in this fresh process (one fit), its peak resident
                                             set size in MB (getrusage ru_maxrss, the interpreter included),
                                             clusters found and iterations run
The data are density_sklearn.py's blobs (float32, read from its .npy; scikit-learn works in float64).
"""
import json
import resource
import sys
import time
import warnings

import numpy as np


def main():
    if sys.argv[1] != "time":
        sys.exit(__doc__)
    npy, damping = sys.argv[2], float(sys.argv[3])
    from sklearn.cluster import AffinityPropagation
    from threadpoolctl import threadpool_limits
    x = np.load(npy)
    with threadpool_limits(limits=2), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        model = AffinityPropagation(damping=damping, random_state=0).fit(x)
        seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "clusters": len(model.cluster_centers_indices_),
                      "iterations": int(model.n_iter_)}))


if __name__ == "__main__":
    main()
