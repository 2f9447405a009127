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
# Second table, whole fits (issue 20): both sides start from the same k-means++ centres (scikit-learn's
# kmeans_plusplus, random_state 0, written as CSV and given to ClusterLab as init_centroids) and run to
# convergence with scikit-learn's defaults (tol 1e-4 of the mean feature variance, max_iter 300); ClusterLab
# with algorithm=auto, scikit-learn with its default (lloyd in 1.2.1); median of REPEATS fits each, with
# the iterations both took (the same start and tolerance rule should give the same count).
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

clusterlab_full() { # csv k init.csv -> JSON line: whole fit from the given centres, auto, default tol
  local out
  if ! out=$("$root/clusterlab" cluster --algorithm kmeans --input "$1" --param k="$2" --param init_centroids="$3" \
      --param algorithm=auto --threads "$threads" --repeat "$repeats" --metrics none --format json 2>>"$work/clusterlab.log"); then
    echo "clusterlab failed on $1 (whole fit):" >&2; tail -n 5 "$work/clusterlab.log" >&2; exit 1
  fi
  echo "$out" | tail -n 1
}

rows=()
full=()
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
  [ -f "$work/$name.init.csv" ] || "$py" "$helper" init "$work/$name.npy" "$k" "$work/$name.init.csv"
  clfull=$(clusterlab_full "$work/$name.csv" "$k" "$work/$name.init.csv")
  skfull=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$py" "$helper" full "$work/$name.npy" "$work/$name.init.csv" "$repeats")
  echo "  clusterlab full $clfull" >&2; echo "  sklearn    full $skfull" >&2
  full+=("$n x $d, k=$k|$(echo "$clfull" | json_field seconds)|$(echo "$clfull" | json_field iterations)|$(echo "$skfull" | json_field seconds)|$(echo "$skfull" | json_field iterations)")
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

echo
echo "k-means whole fit to convergence from the same initial centres (tol 1e-4, max_iter 300), $threads threads, median of $repeats"
printf '| %-22s | %14s | %10s | %14s | %10s | %10s |\n' "case" "ClusterLab s" "iterations" "scikit-learn s" "iterations" "speed-up"
printf '|%s|%s|%s|%s|%s|%s|\n' "------------------------" "---------------:" "-----------:" "---------------:" "-----------:" "-----------:"
for r in "${full[@]}"; do
  IFS='|' read -r label cs ci ss si <<<"$r"
  "$py" - "$label" "$cs" "$ci" "$ss" "$si" <<'PY'
import sys
label, cs, ci, ss, si = sys.argv[1], float(sys.argv[2]), sys.argv[3], float(sys.argv[4]), sys.argv[5]
print("| %-22s | %14.4f | %10s | %14.4f | %10s | %10s |" % (label, cs, ci, ss, si, "%.2fx" % (ss / cs)))
PY
done
