#!/usr/bin/env bash
# Density-based clustering, ClusterLab vs scikit-learn, on the same machine in one run (issue 6).
#
# Hypothesis: ClusterLab's DBSCAN (an exact grid for Euclidean d <= 3, tiled scans over compact blocks
# where the engine's index would scan, streamed range queries otherwise; no neighbour list kept) is faster
# than scikit-learn's on 100,000 x 2 and 20,000 x 32 blobs, at least 2x on issue 20's two cases (20,000 x 32,
# eps 6, min_samples 10; 100,000 x 2, eps 0.12, min_samples 20), also when eps is so large that the average
# point has over 1,000 neighbours, and its peak memory barely grows there, where scikit-learn's (which
# materialises every neighbourhood) grows several-fold; an eps that makes every point a neighbour of every
# other on 200,000 x 2 (scikit-learn would need 4e10 neighbour entries: ClusterLab only) takes seconds;
# DBSCAN on 1,000,000 x 2 completes with -Xmx2g; HDBSCAN* on 50,000 x 4 runs in at most a third of ELKI's
# 22.4 s on this machine (scikit-learn 1.2 has no HDBSCAN, so that row is ClusterLab only).
#
# Method: seeded float32 blobs (numpy; CSV for ClusterLab, .npy for scikit-learn; see
# scripts/density_sklearn.py), eps chosen for 20-50 neighbours on average (the point included), as
# scikit-learn's kd-tree timing setups do, and min_samples 5 (issue 20's cases: their own eps and
# min_samples). Seconds: median fit time over REPEATS fits
# in one process (ClusterLab: `clusterlab cluster --repeat`, JSON "seconds", data loading excluded, the
# first fit JIT-cold; scikit-learn: after one warm-up fit), both on 2 threads. Peak memory, the same way
# on both sides: a fresh process that loads the data and fits once, its peak resident set size
# (ClusterLab: `clusterlab cluster --repeat 1` under /usr/bin/time -v, "Maximum resident set size", the
# JVM included; scikit-learn: getrusage ru_maxrss, the interpreter included). The machine may be shared:
# each row also gives the 1-minute load average (uptime) just before each side's timing.
#
# Usage: benchmarks/density-vs-sklearn.sh [REPEATS=3]      (about 5 minutes on 2 cores)
# Needs: /usr/bin/python3 with python3-sklearn, and /usr/bin/time (installed with apt-get when missing).
# Environment: WORK=dir for the generated data (default: a temporary folder, removed at the end);
# CLUSTERLAB=the launcher to time (default: ./clusterlab of this checkout); CLUSTERLAB_PLUGINS as for
# clusterlab itself.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
threads=2
py=/usr/bin/python3
helper="$root/benchmarks/scripts/density_sklearn.py"

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

# label | algorithm | data name n d | eps (dbscan) | min_samples (dbscan) | JVM options | scikit-learn too?
cases=(
  "DBSCAN 100k x 2|dbscan|b2 100000 2|0.1|5||yes"
  "DBSCAN 20k x 32|dbscan|b32 20000 32|5.8|5||yes"
  "DBSCAN 20k x 32, eps 6, ms 10|dbscan|b32 20000 32|6|10||yes"
  "DBSCAN 100k x 2, eps .12, ms 20|dbscan|b2 100000 2|0.12|20||yes"
  "DBSCAN 100k x 2, large eps|dbscan|b2 100000 2|0.7|5||yes"
  "DBSCAN 200k x 2, eps 100 (all)|dbscan|b2a 200000 2|100|5||no"
  "HDBSCAN 50k x 4|hdbscan|b4 50000 4||||no"
  "DBSCAN 1M x 2, -Xmx2g|dbscan|b2m 1000000 2|0.03|5|-Xmx2g|yes"
)

json_field() { "$py" -c 'import json,sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])[sys.argv[1]])' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
load1() { awk '{ print $1 }' /proc/loadavg; }

rows=()
for c in "${cases[@]}"; do
  IFS='|' read -r label algorithm data eps ms opts sk <<<"$c"
  read -r name n d <<<"$data"
  [ -f "$work/$name.npy" ] || { echo "generating $name: $n x $d ..." >&2; "$py" "$helper" generate "$name" "$n" "$d" "$work"; }
  params=()
  neighbours="-"
  if [ "$algorithm" = dbscan ]; then
    params=(--param eps="$eps" --param min_samples="$ms")
    neighbours=$("$py" "$helper" neighbours "$work/$name.npy" "$eps")
  fi
  echo "timing $label (ClusterLab) ..." >&2
  cl_load=$(load1)
  cl=$(CLUSTERLAB_OPTS="$opts" "$clusterlab" cluster --algorithm "$algorithm" --input "$work/$name.csv" \
        "${params[@]}" --threads "$threads" --repeat "$repeats" --metrics none --format json 2>/dev/null | tail -n 1)
  echo "  $cl" >&2
  CLUSTERLAB_OPTS="$opts" /usr/bin/time -v -o "$work/time.txt" "$clusterlab" cluster --algorithm "$algorithm" \
    --input "$work/$name.csv" "${params[@]}" --threads "$threads" --repeat 1 --metrics none --format json >/dev/null 2>&1
  cl_s=$(echo "$cl" | json_field seconds)
  cl_mb=$(peak_mb "$work/time.txt")
  cl_found="$(echo "$cl" | json_field clusters)/$(echo "$cl" | json_field noise)"
  sk_s="n/a"; sk_mb="n/a"; sk_found="n/a"; sk_load="-"
  if [ "$sk" = yes ]; then
    echo "timing $label (scikit-learn) ..." >&2
    sk_load=$(load1)
    skr=$("$py" "$helper" time "$work/$name.npy" "$eps" "$ms" "$repeats")
    skp=$("$py" "$helper" peak "$work/$name.npy" "$eps" "$ms")
    echo "  $skr" >&2; echo "  $skp" >&2
    sk_s=$(echo "$skr" | json_field seconds)
    sk_mb=$(echo "$skp" | json_field peak_mb)
    sk_found="$(echo "$skr" | json_field clusters)/$(echo "$skr" | json_field noise)"
  fi
  rows+=("$label|$neighbours|$cl_s|$sk_s|$cl_mb|$sk_mb|$cl_found|$sk_found|$cl_load/$sk_load")
done

echo
echo "Density-based clustering, median fit seconds over $repeats fits, $threads threads; peak RSS of a process fitting once"
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) CPUs"
printf '| %-31s | %9s | %13s | %12s | %19s | %13s | %13s | %15s | %11s |\n' "case" "avg nbrs" "ClusterLab s" \
  "sklearn s" "speed-up (sk / CL)" "ClusterLab MB" "sklearn MB" "clusters/noise" "load CL/sk"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "---------------------------------" "----------:" "--------------:" "-------------:" \
  "--------------------:" "--------------:" "--------------:" "----------------:" "------------:"
for r in "${rows[@]}"; do
  IFS='|' read -r label nb cs ss cm sm cf sf load <<<"$r"
  "$py" - "$label" "$nb" "$cs" "$ss" "$cm" "$sm" "$cf" "$sf" "$load" <<'PY'
import sys
label, nb, cs, ss, cm, sm, cf, sf, load = sys.argv[1:]
ratio = "%.2fx" % (float(ss) / float(cs)) if ss != "n/a" else "n/a"
ss = "%.3f" % float(ss) if ss != "n/a" else ss
sm = "%.0f" % float(sm) if sm != "n/a" else sm
found = cf if sf in ("n/a", cf) else "%s (sk %s)" % (cf, sf)
print("| %-31s | %9s | %13.3f | %12s | %19s | %13s | %13s | %15s | %11s |" % (label, nb, float(cs), ss, ratio, cm, sm, found, load))
PY
done
echo
echo "HDBSCAN reference: ELKI 0.8 measured 22.4 s on this machine (issue 6); scikit-learn 1.2 has no HDBSCAN."
