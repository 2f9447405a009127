#!/usr/bin/env bash
# Mean Shift, ClusterLab vs scikit-learn, on the same machine in one run (issue 14).
#
# Hypothesis: on blobs 100,000 x 2 (10 blobs, sd 1) with bandwidth 1, ClusterLab's mean_shift is at least
# 5x faster than scikit-learn's MeanShift, with bin_seeding (a few hundred seeds) and without (every point
# a seed), both on 2 threads, with the same clusters.
#
# Method: density_sklearn.py's seeded float32 blobs (10 Gaussian blobs, sd 1, centres in [-10, 10]^2;
# CSV for ClusterLab, .npy for scikit-learn); the same explicit bandwidth on both sides (BANDWIDTH, default
# 1.0; scikit-learn's estimate_bandwidth is quadratic and would dominate both). ClusterLab: median fit time
# over REPEATS fits in one process (`clusterlab cluster --repeat`, JSON "seconds", data loading excluded,
# the first fit JIT-cold), and the peak resident set size of a fresh process fitting once (/usr/bin/time -v,
# the JVM included). scikit-learn 1.2.1: one fit in a fresh process (without bin seeding it takes minutes),
# MeanShift(n_jobs=2), its time, the peak RSS of the main process and of its largest joblib worker
# (scripts/meanshift_sklearn.py); the memory ratio compares ClusterLab's one process with the sum of
# scikit-learn's main process and its two workers (2 x the largest).
#
# Usage: benchmarks/meanshift-vs-sklearn.sh [REPEATS=3] [N=100000]   (about 10 minutes on 2 cores at 100,000)
# Needs: /usr/bin/python3 with python3-sklearn, and /usr/bin/time (installed with apt-get when missing).
# Environment: WORK=dir for the generated data (default: a temporary folder, removed at the end);
# CLUSTERLAB=the launcher to time (default: ./clusterlab of this checkout); BANDWIDTH (default 1.0).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
n="${2:-100000}"
bandwidth="${BANDWIDTH:-1.0}"
threads=2
py=/usr/bin/python3
gen="$root/benchmarks/scripts/density_sklearn.py"
sk="$root/benchmarks/scripts/meanshift_sklearn.py"

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
name="blobs${n}x2"
[ -f "$work/$name.npy" ] || { echo "generating $name: $n x 2 ..." >&2; "$py" "$gen" generate "$name" "$n" 2 "$work"; }

json_field() { "$py" -c 'import json,sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])[sys.argv[1]])' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
cl_time() { # params... ; prints median seconds
  "$clusterlab" cluster --algorithm mean_shift --input "$work/$name.csv" "$@" --threads "$threads" --repeat "$repeats" \
    --metrics none --format json 2>/dev/null | tail -n 1 | json_field seconds
}
cl_peak() { # params... ; prints "seconds peak_mb clusters" of one fit in a fresh process
  local out
  out=$(/usr/bin/time -v -o "$work/time.txt" "$clusterlab" cluster --algorithm mean_shift --input "$work/$name.csv" "$@" \
    --threads "$threads" --repeat 1 --metrics none --format json 2>/dev/null | tail -n 1)
  echo "$(echo "$out" | json_field seconds) $(peak_mb "$work/time.txt") $(echo "$out" | json_field clusters)"
}

echo
echo "Mean Shift, blobs $n x 2, bandwidth $bandwidth, $threads threads: ClusterLab median of $repeats fits, scikit-learn one fit;"
echo "peak RSS of a fresh process fitting once (scikit-learn: main process + 2 workers)"
printf '| %-11s | %12s | %10s | %8s | %13s | %16s | %9s | %8s |\n' bin_seeding "ClusterLab s" "sklearn s" "speed-up" \
  "ClusterLab MB" "sklearn MB" "memory x" clusters
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "-------------" "-------------:" "-----------:" "---------:" "--------------:" \
  "-----------------:" "----------:" "---------:"
for bin in true false; do
  echo "timing bin_seeding=$bin (ClusterLab) ..." >&2
  params=(--param "bandwidth=$bandwidth" --param "bin_seeding=$bin")
  s=$(cl_time "${params[@]}")
  read -r _ mb found <<<"$(cl_peak "${params[@]}")"
  echo "timing bin_seeding=$bin (scikit-learn) ..." >&2
  skr=$("$py" "$sk" time "$work/$name.npy" "$bandwidth" "$bin")
  "$py" - "$bin" "$s" "$mb" "$found" "$skr" <<'PY'
import json, sys
bin_, s, mb, found, skr = sys.argv[1:]
r = json.loads(skr)
sk_mb = r["peak_mb"] + 2 * r["workers_peak_mb"]
print("| %-11s | %12.3f | %10.3f | %7.1fx | %13s | %16s | %8.1fx | %8s |" % (bin_, float(s), r["seconds"],
      r["seconds"] / float(s), mb, "%.0f + 2 x %.0f" % (r["peak_mb"], r["workers_peak_mb"]), sk_mb / float(mb),
      "%s / %d" % (found, r["clusters"])))
PY
done
