#!/usr/bin/env bash
# Spectral clustering, ClusterLab vs scikit-learn, on the same machine in one run (issue 14).
#
# Hypothesis: ClusterLab's spectral clustering is at least 5x faster than scikit-learn 1.2.1's
# SpectralClustering on 2 threads for both of the issue's cases: 20,000 x 8 blobs with affinity
# nearest_neighbors (n_neighbors 10: the engine's kd-tree kNN, a sparse CSR graph, thick-restart
# Lanczos; scikit-learn: kneighbors_graph, ARPACK in shift-invert mode with a sparse LU) and 5,000 x 8
# blobs with rbf (gamma 0.1, about 1 / (2 d sd^2) for these blobs: ClusterLab's packed float triangle of
# exp(-gamma d^2), 50 MB, and Lanczos on it; scikit-learn: the n x n float64 kernel, 200 MB, and ARPACK
# shift-invert with a dense LU). Both with k = 10 and assign_labels kmeans (n_init 10).
#
# Method: density_sklearn.py's seeded float32 blobs (10 Gaussian blobs, sd 1, centres in [-10, 10]^8;
# CSV for ClusterLab, .npy for scikit-learn). ClusterLab: median fit time over REPEATS fits in one process
# (`clusterlab cluster --repeat`, JSON "seconds", data loading excluded, the first fit JIT-cold), and the
# peak resident set size of a fresh process fitting once (/usr/bin/time -v, the JVM included).
# scikit-learn: one fit in a fresh process (threadpoolctl limits BLAS to 2 threads), its time and peak RSS
# (getrusage, the interpreter included). The table gives both, the speed-up and the memory ratio.
#
# Usage: benchmarks/spectral-vs-sklearn.sh [REPEATS=3]     (about 1 minute on 2 cores)
# Environment: NN_N / RBF_N = the two sizes (default 20000 / 5000; small values check the script);
# WORK=dir for the generated data (default: a temporary folder, removed at the end);
# CLUSTERLAB=the launcher to time (default: ./clusterlab of this checkout); CLUSTERLAB_PLUGINS as for it.
# Needs: /usr/bin/python3 with python3-sklearn and python3-threadpoolctl, and /usr/bin/time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
threads=2
nn_n="${NN_N:-20000}"
rbf_n="${RBF_N:-5000}"
py=/usr/bin/python3
gen="$root/benchmarks/scripts/density_sklearn.py"

if ! "$py" -c 'import sklearn, threadpoolctl' 2>/dev/null; then
  echo "installing python3-sklearn (Debian) ..." >&2
  apt-get update -qq >&2 && apt-get install -y -qq python3-sklearn python3-threadpoolctl >&2
fi
if [ ! -x /usr/bin/time ]; then
  echo "installing time (Debian) ..." >&2
  apt-get update -qq >&2 && apt-get install -y -qq time >&2
fi
clusterlab="${CLUSTERLAB:-$root/clusterlab}"
"$clusterlab" env >/dev/null   # builds the distribution on first use

work="${WORK:-$(mktemp -d)}"
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
data() { # name n
  [ -f "$work/$1.npy" ] || { echo "generating $1: $2 x 8 ..." >&2; "$py" "$gen" generate "$1" "$2" 8 "$work"; }
}
json_field() { "$py" -c 'import json,sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])[sys.argv[1]])' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
cl_time() { # name params... ; prints median seconds
  local name=$1; shift
  "$clusterlab" cluster --algorithm spectral --input "$work/$name.csv" "$@" --threads "$threads" --repeat "$repeats" \
    --metrics none --format json 2>/dev/null | tail -n 1 | json_field seconds
}
cl_peak() { # name params... ; prints "seconds peak_mb clusters" of one fit in a fresh process
  local name=$1; shift
  local out
  out=$(/usr/bin/time -v -o "$work/time.txt" "$clusterlab" cluster --algorithm spectral --input "$work/$name.csv" "$@" \
    --threads "$threads" --repeat 1 --metrics none --format json 2>/dev/null | tail -n 1)
  echo "$(echo "$out" | json_field seconds) $(peak_mb "$work/time.txt") $(echo "$out" | json_field clusters)"
}
sk_time() { # npy affinity ; one JSON line: seconds, peak_mb, clusters
  "$py" - "$1" "$2" <<'PY'
import json, resource, sys, time, warnings
import numpy as np
from sklearn.cluster import SpectralClustering
from threadpoolctl import threadpool_limits
warnings.filterwarnings("ignore")  # "Graph is not fully connected": reported by both, not timed
x = np.load(sys.argv[1])
with threadpool_limits(limits=2):
    t0 = time.perf_counter()
    labels = SpectralClustering(n_clusters=10, affinity=sys.argv[2], gamma=0.1, n_neighbors=10,
                                assign_labels="kmeans", n_init=10, random_state=0, n_jobs=2).fit(x).labels_
    seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
print(json.dumps({"seconds": seconds, "peak_mb": peak, "clusters": int(labels.max()) + 1}))
PY
}

data "nn$nn_n" "$nn_n"
data "rbf$rbf_n" "$rbf_n"
echo
echo "Spectral clustering, blobs x 8, k = 10, assign_labels kmeans, $threads threads: ClusterLab median of $repeats fits,"
echo "scikit-learn 1.2.1 one fit; peak RSS of a fresh process fitting once"
printf '| %-28s | %12s | %10s | %8s | %13s | %10s | %11s |\n' case "ClusterLab s" "sklearn s" "speed-up" "ClusterLab MB" "sklearn MB" "memory x"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "------------------------------" "-------------:" "-----------:" "---------:" "--------------:" "-----------:" "------------:"
for c in "nn$nn_n|nearest_neighbors|--param affinity=nearest_neighbors --param n_neighbors=10" \
         "rbf$rbf_n|rbf|--param affinity=rbf --param gamma=0.1"; do
  IFS='|' read -r name affinity extra <<<"$c"
  [ "$affinity" = rbf ] && label="rbf (gamma 0.1), n = ${name#rbf}"
  [ "$affinity" = nearest_neighbors ] && label="nearest_neighbors, n = ${name#nn}"
  echo "timing $label (ClusterLab) ..." >&2
  # shellcheck disable=SC2086
  s=$(cl_time "$name" --param k=10 $extra)
  # shellcheck disable=SC2086
  read -r _ mb found <<<"$(cl_peak "$name" --param k=10 $extra)"
  echo "timing $label (scikit-learn) ..." >&2
  skr=$(sk_time "$work/$name.npy" "$affinity")
  "$py" - "$label" "$s" "$mb" "$skr" <<'PY'
import json, sys
label, s, mb, skr = sys.argv[1:]
r = json.loads(skr)
print("| %-28s | %12.3f | %10.3f | %7.1fx | %13s | %10.0f | %10.1fx |" % (label, float(s), r["seconds"],
      r["seconds"] / float(s), mb, r["peak_mb"], r["peak_mb"] / float(mb)))
PY
done
