#!/usr/bin/python3
"""scikit-learn timing for benchmarks/hierarchical-vs-sklearn.sh.

    hierarchical_sklearn.py time NPY LINKAGE K       one JSON line: the fit time of
                                                     AgglomerativeClustering(n_clusters=K, linkage=LINKAGE)
                                                     in this fresh process (one fit: at 20,000 points a
                                                     warm-up would double a minute-long run), its peak
                                                     resident set size in MB (getrusage ru_maxrss, the
                                                     interpreter included), clusters found;
                                                     LINKAGE ward_knnN: structured ward with
                                                     connectivity=kneighbors_graph(x, N), the graph's
                                                     construction timed with the fit
The data are density_sklearn.py's blobs (float32, read from its .npy).
"""
import json
import resource
import sys
import time

import numpy as np


def main():
    if sys.argv[1] != "time":
        sys.exit(__doc__)
    npy, linkage, k = sys.argv[2], sys.argv[3], int(sys.argv[4])
    from sklearn.cluster import AgglomerativeClustering
    from threadpoolctl import threadpool_limits
    x = np.load(npy)
    with threadpool_limits(limits=2):
        t0 = time.perf_counter()
        if linkage.startswith("ward_knn"):
            from sklearn.neighbors import kneighbors_graph
            graph = kneighbors_graph(x, int(linkage[len("ward_knn"):]), include_self=False)
            model = AgglomerativeClustering(n_clusters=k, linkage="ward", connectivity=graph)
        else:
            model = AgglomerativeClustering(n_clusters=k, linkage=linkage)
        labels = model.fit(x).labels_
        seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "clusters": int(labels.max()) + 1}))


if __name__ == "__main__":
    main()
