#!/usr/bin/env bash
# k-means per Lloyd iteration, ClusterLab vs scikit-learn, on the same machine in one run (issue 5).
#
# Hypothesis: ClusterLab's fused, register-tiled assignment kernel makes one Lloyd iteration several
# times faster than scikit-learn's on the same 2 threads (targets: 4x at 200,000 x 32, k=64; 3x at
# 1,000,000 x 2, k=16; 2x at 50,000 x 256, k=256).
#
# Method: for each case the same seeded float32 data (numpy, written as CSV for ClusterLab and .npy for
# scikit-learn) is clustered with k-means++ then exactly 20 and exactly 1 Lloyd iteration (tol 0,
# n_init 1); each side is timed warm over REPEATS fits in one process and reports the median fit time
# (data loading excluded; ClusterLab's JSON "seconds" is fit time only). Seconds per iteration =
# (median T20 - median T1) / 19, which cancels initialisation and fixed costs.
#
# Usage: benchmarks/kmeans-vs-sklearn.sh [REPEATS=5]      (a few minutes on 2 cores)
# Needs: /usr/bin/python3 with python3-sklearn (installed with apt-get when missing).
# Environment: WORK=dir for the generated data (default: a temporary folder, removed at the end);
#              ONLY=d32 (or d2, d256; comma-separated) to run some cases only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-5}"
threads=2
py=/usr/bin/python3
helper="$root/benchmarks/scripts/kmeans_sklearn.py"

if ! "$py" -c 'import sklearn, threadpoolctl' 2>/dev/null; then
  echo "installing python3-sklearn (Debian) ..." >&2
  apt-get update -qq >&2 && apt-get install -y -qq python3-sklearn python3-threadpoolctl >&2
fi
"$root/clusterlab" env >/dev/null   # builds the distribution on first use

work="${WORK:-$(mktemp -d)}"
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

cases=("d32 200000 32 64" "d2 1000000 2 16" "d256 50000 256 256")

json_field() { "$py" -c 'import json,sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])[sys.argv[1]])' "$1"; }

clusterlab_fit() { # csv k max_iter -> JSON line; stderr goes to $work/clusterlab.log
  local out
  if ! out=$("$root/clusterlab" cluster --algorithm kmeans --input "$1" --param k="$2" --param max_iter="$3" \
      --param tol=0 --param n_init=1 --param algorithm=lloyd --threads "$threads" --repeat "$repeats" \
      --metrics none --format json 2>>"$work/clusterlab.log"); then
    echo "clusterlab failed on $1 (k=$2, max_iter=$3):" >&2; tail -n 5 "$work/clusterlab.log" >&2; exit 1
  fi
  echo "$out" | tail -n 1
}

sklearn_fit() { # npy k max_iter -> JSON line; OpenBLAS overrides unset for this command only
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" "$helper" time "$1" "$2" "$3" "$repeats"
}

rows=()
for c in "${cases[@]}"; do
  if [ -n "${ONLY:-}" ] && [[ ",${ONLY}," != *",${c%% *},"* ]]; then continue; fi
  read -r name n d k <<<"$c"
  [ -f "$work/$name.npy" ] || { echo "generating $name: $n x $d, k=$k ..." >&2; "$py" "$helper" generate "$name" "$n" "$d" "$k" "$work"; }
  echo "timing $name ..." >&2
  cl20=$(clusterlab_fit "$work/$name.csv" "$k" 20); cl1=$(clusterlab_fit "$work/$name.csv" "$k" 1)
  sk20=$(sklearn_fit "$work/$name.npy" "$k" 20); sk1=$(sklearn_fit "$work/$name.npy" "$k" 1)
  echo "  clusterlab T20 $cl20" >&2; echo "  clusterlab T1  $cl1" >&2
  echo "  sklearn    T20 $sk20" >&2; echo "  sklearn    T1  $sk1" >&2
  for j in "$cl20" "$sk20"; do
    it=$(echo "$j" | json_field iterations)
    [ "$it" = 20 ] || echo "  warning: a 20-iteration fit stopped after $it iterations (converged)" >&2
  done
  rows+=("$n x $d, k=$k|$(echo "$cl20" | json_field seconds)|$(echo "$cl1" | json_field seconds)|$(echo "$sk20" | json_field seconds)|$(echo "$sk1" | json_field seconds)")
done

echo
echo "k-means seconds per Lloyd iteration, (median T20 - median T1) / 19, $threads threads, $repeats repeats"
printf '| %-22s | %12s | %12s | %20s |\n' "case" "ClusterLab" "scikit-learn" "speed-up (sklearn/CL)"
printf '|%s|%s|%s|%s|\n' "------------------------" "-------------:" "-------------:" "---------------------:"
for r in "${rows[@]}"; do
  IFS='|' read -r label c20 c1 s20 s1 <<<"$r"
  "$py" - "$label" "$c20" "$c1" "$s20" "$s1" <<'PY'
import sys
label, c20, c1, s20, s1 = sys.argv[1], *map(float, sys.argv[2:])
cl, sk = (c20 - c1) / 19, (s20 - s1) / 19
print("| %-22s | %12.4f | %12.4f | %20s |" % (label, cl, sk, "%.2fx" % (sk / cl) if cl > 0 else "n/a"))
PY
done
