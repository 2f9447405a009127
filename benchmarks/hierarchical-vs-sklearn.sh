#!/usr/bin/env bash
# Hierarchical clustering, ClusterLab vs scikit-learn, on the same machine in one run (issue 13).
#
# Hypothesis: on blobs 20,000 x 8 (k = 10) ClusterLab's ward (nearest-neighbour chain on centroids, SIMD
# across clusters, O(n d) memory) is at least 10x faster than scikit-learn's with at least 10x less peak
# memory (scikit-learn holds n^2/2 doubles, 1.6 GB, twice); single linkage (the engine's minimum spanning
# tree) at least 10x faster; complete and average (Müllner's generic algorithm on a tiled float matrix,
# half of scikit-learn's bytes) at least 3x faster. Beyond what scikit-learn can do on this machine:
# ward, single and Genie on 200,000 x 8 complete with -Xmx2g.
#
# Method: density_sklearn.py's seeded float32 blobs (10 Gaussian blobs, sd 1, centres in [-10, 10]^8;
# CSV for ClusterLab, .npy for scikit-learn). ClusterLab: median fit time over REPEATS fits in one process
# (`clusterlab cluster --repeat`, JSON "seconds", data loading excluded, the first fit JIT-cold), and the
# peak resident set size of a fresh process fitting once (/usr/bin/time -v, the JVM included).
# scikit-learn 1.2.1: one fit in a fresh process (a warm-up would double minute-long runs), its time and
# peak RSS (getrusage, the interpreter included): scripts/hierarchical_sklearn.py. Both on 2 threads.
# ward_knn10: structured ward on the 10-nearest-neighbour graph (scikit-learn: kneighbors_graph timed
# with the fit). Complexity rows: ClusterLab's median time at 10k, 20k and 40k points (ward, single, genie; complete
# and average up to 20k, whose matrix at 40k needs 3.2 GB).
#
# Usage: benchmarks/hierarchical-vs-sklearn.sh [REPEATS=3]     (about 10 minutes on 2 cores)
# Needs: /usr/bin/python3 with python3-sklearn, and /usr/bin/time (installed with apt-get when missing).
# Environment: WORK=dir for the generated data (default: a temporary folder, removed at the end);
# CLUSTERLAB=the launcher to time (default: ./clusterlab of this checkout).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
threads=2
py=/usr/bin/python3
gen="$root/benchmarks/scripts/density_sklearn.py"
sk="$root/benchmarks/scripts/hierarchical_sklearn.py"

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
cl_time() { # name algorithm params... ; prints median seconds
  local name=$1 alg=$2; shift 2
  "$clusterlab" cluster --algorithm "$alg" --input "$work/$name.csv" "$@" --threads "$threads" --repeat "$repeats" \
    --metrics none --format json 2>/dev/null | tail -n 1 | json_field seconds
}
cl_peak() { # name algorithm params... ; prints "seconds peak_mb clusters" of one fit in a fresh process
  local name=$1 alg=$2; shift 2
  local out
  out=$(/usr/bin/time -v -o "$work/time.txt" "$clusterlab" cluster --algorithm "$alg" --input "$work/$name.csv" "$@" \
    --threads "$threads" --repeat 1 --metrics none --format json 2>/dev/null | tail -n 1)
  echo "$(echo "$out" | json_field seconds) $(peak_mb "$work/time.txt") $(echo "$out" | json_field clusters)"
}

data b20k 20000
echo
echo "Blobs 20,000 x 8, k = 10, $threads threads: ClusterLab median of $repeats fits, scikit-learn one fit; peak RSS of a fresh process fitting once"
printf '| %-10s | %12s | %10s | %8s | %13s | %10s | %11s |\n' linkage "ClusterLab s" "sklearn s" "speed-up" "ClusterLab MB" "sklearn MB" "memory x"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "------------" "-------------:" "-----------:" "---------:" "--------------:" "-----------:" "------------:"
for linkage in ward complete average single ward_knn10; do
  echo "timing $linkage (ClusterLab) ..." >&2
  params=(--param k=10 --param linkage=${linkage%_knn*})
  [ "$linkage" = ward_knn10 ] && params+=(--param connectivity.n_neighbors=10)
  s=$(cl_time b20k agglomerative "${params[@]}")
  read -r _ mb found <<<"$(cl_peak b20k agglomerative "${params[@]}")"
  echo "timing $linkage (scikit-learn) ..." >&2
  skr=$("$py" "$sk" time "$work/b20k.npy" "$linkage" 10)
  "$py" - "$linkage" "$s" "$mb" "$skr" <<'PY'
import json, sys
linkage, s, mb, skr = sys.argv[1:]
r = json.loads(skr)
print("| %-10s | %12.3f | %10.3f | %7.1fx | %13s | %10.0f | %10.1fx |" % (linkage, float(s), r["seconds"], r["seconds"] / float(s),
      mb, r["peak_mb"], r["peak_mb"] / float(mb)))
PY
done

echo
echo "Blobs 200,000 x 8, k = 10, CLUSTERLAB_OPTS=-Xmx2g, one fit in a fresh process (scikit-learn would need 160 GB for ward's matrix)"
data b200k 200000
printf '| %-9s | %10s | %10s | %8s |\n' algorithm seconds "peak MB" clusters
printf '|%s|%s|%s|%s|\n' "-----------" "-----------:" "-----------:" "---------:"
for a in "ward|agglomerative|--param linkage=ward" "single|agglomerative|--param linkage=single" "genie|genie|"; do
  IFS='|' read -r label alg extra <<<"$a"
  echo "timing $label at 200,000 ..." >&2
  # shellcheck disable=SC2086
  read -r s mb found <<<"$(CLUSTERLAB_OPTS=-Xmx2g cl_peak b200k "$alg" --param k=10 $extra)"
  printf '| %-9s | %10.1f | %10s | %8s |\n' "$label" "$s" "$mb" "$found"
done

echo
echo "Complexity: ClusterLab median fit seconds (of $repeats) by n, blobs x 8, k = 10"
data b10k 10000
data b40k 40000
printf '| %-9s | %8s | %8s | %8s | %14s |\n' algorithm 10k 20k 40k "40k / 20k"
printf '|%s|%s|%s|%s|%s|\n' "-----------" "---------:" "---------:" "---------:" "---------------:"
for a in "ward|agglomerative|--param linkage=ward" "single|agglomerative|--param linkage=single" "genie|genie|" \
         "complete|agglomerative|--param linkage=complete" "average|agglomerative|--param linkage=average" \
         "centroid|agglomerative|--param linkage=centroid"; do
  IFS='|' read -r label alg extra <<<"$a"
  row=()
  for name in b10k b20k b40k; do
    if [ "$name" = b40k ] && { [ "$label" = complete ] || [ "$label" = average ]; }; then row+=("n/a"); continue; fi
    echo "timing $label on $name ..." >&2
    # shellcheck disable=SC2086
    row+=("$(cl_time "$name" "$alg" --param k=10 $extra)")
  done
  "$py" - "$label" "${row[@]}" <<'PY'
import sys
label, *t = sys.argv[1:]
f = lambda v: "%.3f" % float(v) if v != "n/a" else v
ratio = "%.1fx" % (float(t[2]) / float(t[1])) if t[2] != "n/a" else "n/a"
print("| %-9s | %8s | %8s | %8s | %14s |" % (label, f(t[0]), f(t[1]), f(t[2]), ratio))
PY
done
