#!/usr/bin/env bash
# Affinity Propagation, ClusterLab vs scikit-learn, on the same machine in one run (issue 14).
#
# Hypothesis: on blobs 5,000 x 16 ClusterLab is at least 5x faster than scikit-learn with at most half
# its peak memory: ClusterLab keeps three n x n float32 matrices (12 n^2 bytes) and updates them in two
# parallel row passes per iteration; scikit-learn keeps four float64 ones (32 n^2 bytes) and makes about
# fifteen numpy passes per iteration on one core.
#
# Method: density_sklearn.py's seeded float32 blobs (10 Gaussian blobs, sd 1, centres in [-10, 10]^16;
# CSV for ClusterLab, .npy for scikit-learn). Both fit with the median preference (scikit-learn's default)
# at damping 0.5 and 0.9, so the two settings run different numbers of iterations; each side prints the
# iterations it ran (both stop by the same rule, at most 200). ClusterLab: median fit time over REPEATS
# fits in one process (`clusterlab cluster --repeat`, JSON "seconds", data loading excluded) and the peak
# resident set size of a fresh process fitting once (/usr/bin/time -v, the JVM included). scikit-learn
# 1.2.1: one fit in a fresh process, its time and peak RSS (getrusage, the interpreter included):
# scripts/affinity_sklearn.py. Both on 2 threads. Also at 2,500 x 16, for the n^2 scaling, and at
# 5,000 x 48, where ClusterLab keeps the similarity matrix (more than 32 features: 12 n^2 bytes) instead of
# remaking its rows on every pass (8 n^2 bytes).
#
# Usage: benchmarks/affinity-vs-sklearn.sh [REPEATS=3]     (about 10 minutes on 2 cores)
# Needs: /usr/bin/python3 with python3-sklearn, and /usr/bin/time (installed with apt-get when missing).
# Environment: WORK=dir for the generated data (default: a temporary folder, removed at the end);
# CLUSTERLAB=the launcher to time (default: ./clusterlab of this checkout); SIZES (default "5000x16 2500x16 5000x48").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
threads=2
py=/usr/bin/python3
gen="$root/benchmarks/scripts/density_sklearn.py"
sk="$root/benchmarks/scripts/affinity_sklearn.py"

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
json_field() { "$py" -c 'import json,sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])[sys.argv[1]])' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }

echo
echo "Affinity Propagation on blobs (median preference), $threads threads: ClusterLab median of $repeats fits, scikit-learn one fit; peak RSS of a fresh process fitting once"
printf '| %-8s | %-7s | %12s | %10s | %8s | %13s | %10s | %9s | %-16s |\n' n damping "ClusterLab s" "sklearn s" "speed-up" "ClusterLab MB" "sklearn MB" "memory x" "iterations CL/sk"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "----------:" "---------:" "-------------:" "-----------:" "---------:" "--------------:" "-----------:" "----------:" "------------------"
for size in ${SIZES:-5000x16 2500x16 5000x48}; do
  n=${size%x*}
  d=${size#*x}
  name="b${n}x${d}"
  [ -f "$work/$name.npy" ] || { echo "generating $name ..." >&2; "$py" "$gen" generate "$name" "$n" "$d" "$work"; }
  for damping in 0.5 0.9; do
    [ "$d" = 16 ] || [ "$damping" = 0.9 ] || continue
    heap=""
    echo "timing $size damping=$damping (ClusterLab) ..." >&2
    args=(cluster --algorithm affinity_propagation --input "$work/$name.csv" --param damping=$damping --threads "$threads"
          --metrics none --format json)
    s=$(CLUSTERLAB_OPTS="$heap" "$clusterlab" "${args[@]}" --repeat "$repeats" 2>/dev/null | tail -n 1 | json_field seconds)
    out=$(CLUSTERLAB_OPTS="$heap" /usr/bin/time -v -o "$work/time.txt" "$clusterlab" "${args[@]}" --repeat 1 2>/dev/null | tail -n 1)
    mb=$(peak_mb "$work/time.txt")
    it=$(echo "$out" | json_field iterations)
    echo "timing n=$n damping=$damping (scikit-learn) ..." >&2
    skr=$("$py" "$sk" time "$work/$name.npy" "$damping")
    "$py" - "$size" "$damping" "$s" "$mb" "$it" "$skr" <<'PY'
import json, sys
n, damping, s, mb, it, skr = sys.argv[1:]
r = json.loads(skr)
print("| %8s | %7s | %12.3f | %10.3f | %7.1fx | %13s | %10.0f | %8.1fx | %-16s |" % (n, damping, float(s), r["seconds"],
      r["seconds"] / float(s), mb, r["peak_mb"], r["peak_mb"] / float(mb), "%s / %d" % (it, r["iterations"])))
PY
  done
done
