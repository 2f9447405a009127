#!/usr/bin/env bash
# Builds and runs the library example: installs ClusterLab's artifacts into the local Maven
# repository first if they are missing (or older than the sources of this checkout), then prints one
# line per algorithm, "ALGORITHM ari=0.xxxx".
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mvn="$root/mvnw"
version=$(sed -n 's:.*<clusterlab.version>\(.*\)</clusterlab.version>.*:\1:p' "$here/pom.xml")
repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
jar="$repo/dev/clusterlab/clusterlab-host/$version/clusterlab-host-$version.jar"
# The stamp is touched after each install: Maven leaves an unchanged jar's time alone, so the jar's own
# time cannot say whether the sources are newer than what was installed.
stamp="$here/target/installed.stamp"
if [ ! -f "$jar" ] || [ ! -f "$stamp" ] \
    || [ -n "$(find "$root" -path "$root/examples" -prune -o -path '*/src/main/*' -newer "$stamp" -print -quit)" ]; then
  echo "library example: installing ClusterLab $version into $repo (first run only)..." >&2
  # -DskipITs too: failsafe runs the distribution's tests otherwise, this script among them.
  (cd "$root" && "$mvn" -B -ntp -q install -DskipTests -DskipITs) >&2
  mkdir -p "$here/target"
  touch "$stamp"
fi
"$mvn" -B -ntp -q -f "$here/pom.xml" package >&2
# shellcheck source=../../dist/src/main/bin/find-java.sh
. "$root/dist/src/main/bin/find-java.sh"
java_home=$(clusterlab_find_java 25)
exec "$java_home/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" example.LibraryExample
