#!/usr/bin/env bash
# k-means on 10,000,000 x 32 floats (1.28 GB of data) under -Xmx4g (issue 5's memory target).
#
# Runs a generated experiment (blobs, 64 centres, k=64, 10 Lloyd iterations, Calinski-Harabasz, the
# report) through the `clusterlab` launcher with CLUSTERLAB_OPTS=-Xmx4g and prints the wall time and
# the process's peak resident memory (GNU time). A run that needed more heap fails with exit code 1
# and an OutOfMemoryError in its run record.
#
# Usage: benchmarks/kmeans-10m-memory.sh            (about a minute on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/clusterlab" env >/dev/null   # builds the distribution on first use
cat > "$work/big.yaml" <<'YAML'
name: kmeans-10m
seed: 0
datasets:
  - generator: blobs
    name: blobs10m
    n: 10000000
    d: 32
    centers: 64
algorithms:
  - id: kmeans
    params:
      k: 64
      max_iter: 10
metrics: [calinski_harabasz]
YAML
status=0
CLUSTERLAB_OPTS="-Xmx4g" /usr/bin/time -v "$root/clusterlab" run "$work/big.yaml" --output "$work/out" \
  2> "$work/time.log" || status=$?
grep -E 'Elapsed|Maximum resident' "$work/time.log" | sed 's/^[[:space:]]*//'
grep -E 'OutOfMemory|error' "$work/time.log" || true
exit $status
