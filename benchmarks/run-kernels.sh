#!/usr/bin/env bash
# Runs the kernel benchmark suite (FMA peak probe, distance kernels of every kind, centroid assignment
# with its variants and on 2 threads, pairwise blocks, neighbour index; scalar vs vector), then the
# same-JVM assignment targets (SameJvmPeak), in about 10 minutes, and prints one table: ops/s, GFLOP/s,
# % of the FMA peak measured in the same run, vector/scalar ratio, allocation per operation, time per
# item (ns/pair, us/query), and the same-JVM % of peak and 2-vs-1-thread ratio.
#
# Usage: benchmarks/run-kernels.sh [--rebuild] [--build-only]
#   Finds a JDK 25 or newer: $JAVA_HOME if it is one, else the JDK homes under /usr/lib/jvm, /usr/java,
#   /opt/java, ~/.sdkman/candidates/java and ~/.jdks (read from each `release` file; the oldest >= 25 wins).
#   Builds benchmarks/target/benchmarks.jar when it is missing or older than the sources (or with --rebuild).
#   Results: benchmarks/target/kernel-results/*.csv and table.txt.
# Short runs (1 fork, 2-4 warm-up and 3-4 measured iterations; about 4 minutes): good for ratios measured in one run, not for
# absolute numbers on a shared machine. For a careful run use the JMH defaults of each class.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
results="$here/target/kernel-results"

rebuild=false
build_only=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    --build-only) build_only=true ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

# The same JDK discovery as the clusterlab launcher ($JAVA_HOME, the java on the PATH, the usual folders).
# shellcheck source=../dist/src/main/bin/find-java.sh
. "$root/dist/src/main/bin/find-java.sh"
jdk="$(clusterlab_find_java 25)" || exit 1
java="$jdk/bin/java"
echo "JDK: $jdk ($("$java" -version 2>&1 | head -n 1))"

stale=""
if [[ -f "$jar" ]]; then
  stale="$(find "$root/api/src/main" "$root/engine-simd/src/main" "$here/src/main" "$root/pom.xml" "$here/pom.xml" \
    "$root/engine-simd/pom.xml" "$root/api/pom.xml" -newer "$jar" -print -quit 2>/dev/null || true)"
fi
if $rebuild || [[ ! -f "$jar" ]] || [[ -n "$stale" ]]; then
  echo "Building $jar${stale:+ ($stale is newer)} ..."
  (cd "$root" && ./mvnw -q -B -ntp -DskipTests package -pl benchmarks -am)
fi

mkdir -p "$results"
echo "$java" > "$results/java-path"
if $build_only; then
  exit 0
fi
rm -f "$results"/*.csv
jmh() { # $1 = result name, rest = JMH arguments
  local name="$1"; shift
  echo "== $name"
  "$java" -jar "$jar" "$@" -rf csv -rff "$results/$name.csv"
}

start=$SECONDS
# The probe runs first and last: the spread of the two shows how much the machine's speed moved.
# Its third second is often slow (a recompilation), hence four warm-up iterations.
jmh 1-probe 'FmaPeakProbe' -f 1 -wi 4 -w 1s -i 3 -r 1s
jmh 2-distance 'DistanceKernelBenchmark' -f 1 -wi 3 -w 1s -i 3 -r 1s -prof gc
jmh 3-kinds 'DistanceKindsBenchmark' -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc
jmh 4-assignment 'AssignmentBenchmark' -f 1 -wi 2 -w 2s -i 3 -r 2s -p threads=1 -prof gc
jmh 5-assignment-2t 'AssignmentBenchmark.assign$' -f 1 -wi 2 -w 2s -i 3 -r 2s -p impl=vector -p threads=2
jmh 6-pairwise 'PairwiseBenchmark' -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc
jmh 7-neighbours 'NeighborIndexBenchmark' -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc
jmh 8-probe 'FmaPeakProbe' -f 1 -wi 4 -w 1s -i 3 -r 1s
# The issue's assignment targets, measured in one JVM: probe and kernel interleaved, 1 and 2 threads.
echo "== 9-same-jvm (FMA probe and assignment interleaved in one JVM)"
"$java" --add-modules jdk.incubator.vector -cp "$jar" dev.clusterlab.benchmarks.SameJvmPeak 5 32 128 \
  2> >(grep -v 'Using incubator modules' >&2) | tee "$results/same-jvm.txt"
echo "Suite took $((SECONDS - start)) s."
echo

{
  "$java" --add-modules jdk.incubator.vector "$here/scripts/KernelReport.java" "$results"/*.csv \
    2> >(grep -v 'Using incubator modules' >&2)
  echo
  echo "Same-JVM assignment targets (SameJvmPeak, per-round medians):"
  grep '^RESULT' "$results/same-jvm.txt"
} | tee "$results/table.txt"
