#!/usr/bin/env bash
# ClusterLab on Spark: data-mode k-means per Lloyd iteration against Spark MLlib's KMeans, and grid mode
# against the local runner, side by side on the same machine in one run (issue 18).
#
# Hypotheses: (1) one Lloyd iteration of data-mode k-means (the engine's fused SIMD assign-and-accumulate
# kernel on cached float blocks, partial sums combined in partition order) is at least 3x faster than
# MLlib's on the same cached data and the same initial centres, in one Spark session on local[2];
# (2) a 48-run experiment grid (examples/spark.yaml) run as Spark tasks on local[2] takes at most 1.3x
# the local runner's wall time.
#
# Method: (1) SparkVsMllib (spark/src/test/java/.../bench) generates 1,000,000 x 32 seeded blobs (64
# overlapping centres) in a cached DataFrame; ours reads it into cached float blocks, MLlib gets the same
# rows as a cached RDD of dense vectors (its RDD API is the one that takes initial centres; ml.KMeans
# converts a DataFrame to the same). Both start from the first 64 rows, tolerance 0, after an untimed
# warm-up; seconds per iteration = (T(20) - T(1)) / 19, best of REPEATS. (2) the distribution's
# 'clusterlab run examples/spark.yaml' with and without '--spark local[2]', wall time of the whole
# command (JVM and Spark start-up included) and, for Spark, the time from the first to the last run line.
#
# Usage: benchmarks/spark-vs-mllib.sh [REPEATS=2]      (a few minutes on 2 cores)
# Needs: the modules installed (./mvnw -B -ntp install -DskipTests) and the distribution with lib/spark
# (./mvnw -B -ntp -pl dist package -DskipTests). The last line is ratio=X (MLlib s/iter over ours).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-2}"
cd "$root"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load: $(uptime | sed 's/.*load average: //')"

# --- grid mode: the local runner against Spark local[2], same file ---
cli="$root/dist/target/clusterlab/bin/clusterlab"
[ -x "$cli" ] && [ -d "$root/dist/target/clusterlab/lib/spark" ] || {
  echo "build the distribution first: ./mvnw -B -ntp -pl dist package -DskipTests" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$(date +%s.%N)
"$cli" run examples/spark.yaml --output "$work/local" --quiet > /dev/null
local_s=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
"$cli" run examples/spark.yaml --output "$work/spark" --spark 'local[2]' > /dev/null 2> "$work/spark.log"
spark_s=$(echo "$(date +%s.%N) - $start" | bc)
runs=$(($(wc -l < "$work/spark/results.jsonl")))
printf 'grid: %d runs; local runner %.1f s, Spark local[2] %.1f s (wall, JVM and Spark start-up included), ratio %.2f\n' \
  "$runs" "$local_s" "$spark_s" "$(echo "$spark_s / $local_s" | bc -l)"

# --- data mode: per-iteration k-means against MLlib in one Spark session ---
[ -d spark/target/test-classes/dev/clusterlab/spark/bench ] || ./mvnw -B -ntp -q -pl spark test-compile
./mvnw -B -ntp -o -q -pl spark dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" > /dev/null
java="$(. dist/src/main/bin/find-java.sh && clusterlab_find_java 25)/bin/java"
# Spark's JVM flags, from the spark module's pom (the one list the tests use too).
flags=$(sed -n '/<spark.jvm.args>/,/<\/spark.jvm.args>/p' spark/pom.xml | sed 's/<[^>]*>//g' | tr -s ' \n' ' ')
# shellcheck disable=SC2086
"$java" $flags -Xmx6g -cp "spark/target/test-classes:spark/target/classes:$(cat "$work/cp.txt")" \
  dev.clusterlab.spark.bench.SparkVsMllib 1000000 32 64 20 "$repeats" 'local[2]' 2> "$work/bench.log" | tee "$work/bench.out"
echo "load after: $(uptime | sed 's/.*load average: //')"
tail -1 "$work/bench.out"
