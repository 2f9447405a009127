#!/usr/bin/env bash
# Checks the two JIT pitfalls of PERFORMANCE.md on every vector kernel benchmark:
#   1. zero allocation per call: JMH -prof gc, gc.alloc.rate.norm must stay below max(256 B, 16 KB / ops per
#      second) per operation (JMH's own per-iteration bookkeeping divided by the operations; a kernel that
#      boxes vectors shows kilobytes to megabytes);
#   2. no vector method that fails to inline in C2: a C2-only run (-XX:-TieredCompilation, so every
#      inlining decision printed is C2's) with PrintInlining for the engine's methods; any "failed to
#      inline" of a jdk.incubator.vector / VectorSupport method or of VectorKernels::sum, ::cosineOfSums or
#      VectorMinkowski::power (which take a vector) fails the check, except calls on throwing paths and call sites never reached.
# Usage: benchmarks/check-jit.sh [--rebuild]      Exit status 0 when both checks pass.
# NeighborIndexBenchmark is held to the same bound: a range or kNN call reuses its query buffers (a stack, a
# neighbour buffer, a heap), kept per thread and per index (QueryScratch), since the api has no scratch argument.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/target/jit-check"
mkdir -p "$out"
# Reuse run-kernels.sh's JDK discovery and jar build (it exits after building with --build-only).
"$here/run-kernels.sh" --build-only "$@"
java="$(cat "$here/target/kernel-results/java-path")"
jar="$here/target/benchmarks.jar"
LIMIT_BYTES=256
status=0

benches='AssignmentBenchmark|PairwiseBenchmark|DistanceKindsBenchmark|DistanceKernelBenchmark'
common=(-p impl=vector -f 1 -wi 3 -w 1s -i 1 -r 1s)

echo "== allocation (JMH -prof gc), vector kernels"
"$java" -jar "$jar" "$benches|NeighborIndexBenchmark" "${common[@]}" -p threads=1 -prof gc -rf csv -rff "$out/gc.csv" > "$out/gc.log" 2>&1
# JMH's own bookkeeping allocates a few KB per measured iteration (1 s here), spread over the operations of
# that iteration: allow max(LIMIT_BYTES, 16 KB / (ops per second)). A kernel that boxes vectors allocates
# per row or per step: kilobytes to megabytes per operation, far above either bound.
declare -A opsps
while IFS= read -r line; do
  opsps["$(echo "$line" | cut -d, -f1 | tr -d '"'),$(echo "$line" | cut -d, -f8- | tr -d '"')"]="$(echo "$line" | cut -d, -f5 | tr -d '"')"
done < <(grep -v 'gc\.' "$out/gc.csv" | tail -n +2)
while IFS= read -r line; do
  name="$(echo "$line" | cut -d, -f1 | tr -d '"')"
  score="$(echo "$line" | cut -d, -f5 | tr -d '"')"
  params="$(echo "$line" | cut -d, -f8- | tr -d '"')"
  ops="${opsps["${name%%:*},$params"]:-1000000}"
  allowed="$(awk -v o="$ops" -v l="$LIMIT_BYTES" 'BEGIN{a = 16384 / o; if (a < l) a = l; printf "%.0f", a}')"
  verdict=ok
  if awk -v s="$score" -v l="$allowed" 'BEGIN{exit !(s > l)}'; then
    verdict=FAIL
    status=1
  fi
  printf '%-6s %10.1f B/op (allowed %6s)  %s [%s]\n' "$verdict" "$score" "$allowed" "${name#dev.clusterlab.benchmarks.}" "$params"
done < <(grep 'gc.alloc.rate.norm' "$out/gc.csv")

echo "== inlining (C2 only, PrintInlining for dev.clusterlab.engine.*)"
"$java" -jar "$jar" "$benches" "${common[@]}" -p threads=1 \
  -jvmArgsAppend "--add-modules jdk.incubator.vector -XX:-TieredCompilation -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=quiet -XX:CompileCommand=PrintInlining,dev.clusterlab.engine.*::*" \
  > "$out/inlining.log" 2>&1
grep 'failed to inline' "$out/inlining.log" \
  | grep -E 'jdk\.incubator\.vector\.|jdk\.internal\.vm\.vector\.|VectorKernels::(sum|sumSequential|cosineOfSums) |VectorMinkowski::power ' \
  | grep -vE '::(badElementBits|checkFailed|illegalOperation|badOp|computeSpecies|checkIndex|outOfBounds)|call site not reached|late inline succeeded' \
  | sed 's/^ *//' | sort | uniq -c > "$out/inlining-failures.txt" || true
if [[ -s "$out/inlining-failures.txt" ]]; then
  echo "FAIL: vector methods that C2 did not inline into engine kernels:"
  cat "$out/inlining-failures.txt"
  status=1
else
  echo "ok: no vector method failed to inline in C2 compilations of the engine ($(grep -c 'inline' "$out/inlining.log") inlining lines read)"
fi
grep 'failed to inline' "$out/inlining.log" | grep 'dev\.clusterlab\.engine\.' | sed 's/^ *//' | sort | uniq -c \
  | sed 's/^/  (info, not vector methods) /' || true
exit $status
