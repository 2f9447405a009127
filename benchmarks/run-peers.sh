#!/usr/bin/env bash
# Runs ClusterLab side by side with its JVM peers (ELKI 0.8, Smile 6.3, Tribuo 4.3, Commons Math 3.6) in ONE JVM on
# the same seeded data: k-means per Lloyd iteration ((median T(20) - median T(1)) / 19; 200,000 x 32 k=64,
# 1,000,000 x 2 k=16, 50,000 x 256 k=256), DBSCAN (100,000 x 2 and 20,000 x 32) and HDBSCAN* (50,000 x 4), plus a
# small HDBSCAN* correctness side check (core distances and labels against ELKI and Tribuo), and k-medoids
# (section kmedoids: FasterPAM from BUILD on 20,000 x 8, k=10, against ELKI's FasterPAM; whole fit timed, both
# losses recomputed in double and compared).
#
# Usage: benchmarks/run-peers.sh [--rebuild] [--build-only] [BUDGET_SECONDS [SECTIONS]]
#   SECTIONS: comma list of check,kmeans,density,kmedoids (default all); BUDGET_SECONDS (default 900) makes later rows
#   report "skipped (time budget)" instead of overrunning. A row whose T(20) would exceed 60 s is skipped.
#   The peers are GPL/AGPL: they are built only under the Maven profile 'peers' (module benchmarks/peers) and never
#   ship. PEERS_JAVA_OPTS adds JVM options: -Dpeers.kmeansCases=2,3 (only those k-means cases),
#   -Dpeers.skip=PREFIX,... (leave out implementations by name prefix), -Dpeers.scale=0.02 (smoke test). Finds a JDK 25 or newer as run-kernels.sh does. Results: benchmarks/peers/target/peers-results.txt.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/peers/target/peers.jar"
out="$here/peers/target/peers-results.txt"

rebuild=false
build_only=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    --build-only) build_only=true ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    *) args+=("$arg") ;;
  esac
done

# The same JDK discovery as the clusterlab launcher ($JAVA_HOME, the java on the PATH, the usual folders).
# shellcheck source=../dist/src/main/bin/find-java.sh
. "$root/dist/src/main/bin/find-java.sh"
jdk="$(clusterlab_find_java 25)" || exit 1
java="$jdk/bin/java"
echo "JDK: $jdk ($("$java" -version 2>&1 | head -n 1))"

stale=""
if [[ -f "$jar" && -f "$here/peers/target/classpath.txt" ]]; then
  stale="$(find "$root/api/src/main" "$root/engine-simd/src/main" "$root/plugins/kmeans/src/main" \
    "$root/plugins/density/src/main" "$root/plugins/kmedoids/src/main" "$here/peers/src/main" "$here/peers/pom.xml" "$root/pom.xml" \
    -newer "$jar" -print -quit 2>/dev/null || true)"
fi
if $rebuild || [[ ! -f "$jar" || ! -f "$here/peers/target/classpath.txt" ]] || [[ -n "$stale" ]]; then
  echo "Building $jar${stale:+ ($stale is newer)} ..."
  (cd "$root" && ./mvnw -B -ntp -q -DskipTests install -pl api,engine-simd,plugins,plugins/kmeans,plugins/density,plugins/kmedoids -am \
    && ./mvnw -B -ntp -q -Ppeers -pl benchmarks/peers package)
fi
if $build_only; then
  exit 0
fi

cp="$jar:$(cat "$here/peers/target/classpath.txt")"
# PEERS_JAVA_OPTS: extra JVM options, e.g. "-Dpeers.kmeansCases=3 -Dpeers.skip=Tribuo,Smile KMeans.fit".
# shellcheck disable=SC2086
"$java" --add-modules jdk.incubator.vector -Xmx8g -Xss16m ${PEERS_JAVA_OPTS:-} -cp "$cp" dev.clusterlab.benchmarks.peers.PeersBenchmark "${args[@]}" \
  2> >(grep -v 'Using incubator modules' >&2) | tee "$out"
