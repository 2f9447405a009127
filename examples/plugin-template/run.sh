#!/usr/bin/env bash
# Builds this plugin and copies its jar into a plugins folder:
#   ./run.sh [PLUGINS_DIR]      (default: the user plugins folder every clusterlab command loads,
#                                $CLUSTERLAB_USER_PLUGINS or ~/.clusterlab/plugins)
# 1. finds a JDK 25 (find-java.sh: $JAVA_HOME, the java on the PATH, the usual install folders) and runs
#    Maven on it, so Maven on an older default java is no obstacle;
# 2. installs ClusterLab's artifacts into the local Maven repository when they are missing, or older than the
#    sources of the ClusterLab checkout: the one this folder sits in (examples/plugin-template), or the one
#    $CLUSTERLAB_SOURCE names once the template is copied elsewhere;
# 3. runs the tests and builds the jar (./mvnw package; MAVEN_ARGS=-o builds offline);
# 4. copies target/ARTIFACT-VERSION.jar into PLUGINS_DIR.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
dest="${1:-${CLUSTERLAB_USER_PLUGINS:-$HOME/.clusterlab/plugins}}"

# shellcheck source=find-java.sh
. "$here/find-java.sh"
JAVA_HOME=$(clusterlab_find_java 25)
export JAVA_HOME

pom_value() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$here/pom.xml" | head -n 1; }
version=$(pom_value clusterlab.version)
repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
parent="$repo/dev/clusterlab/clusterlab-plugins/$version/clusterlab-plugins-$version.pom"
api="$repo/dev/clusterlab/clusterlab-api/$version/clusterlab-api-$version-tests.jar"

src="${CLUSTERLAB_SOURCE:-}"
if [ -z "$src" ] && [ -f "$here/../../plugins/pom.xml" ] && [ -x "$here/../../mvnw" ]; then
  src="$(cd "$here/../.." && pwd)"
fi
if [ -n "$src" ]; then
  # Touched after each install: Maven leaves an unchanged jar's time alone, so the jar's own time cannot say
  # whether the sources are newer than what was installed.
  stamp="$src/target/artifacts-installed.stamp"
  if [ ! -f "$parent" ] || [ ! -f "$api" ] || [ ! -f "$stamp" ] \
      || [ -n "$(find "$src" -path "$src/examples" -prune -o -path '*/src/main/*' -newer "$stamp" -print -quit)" ]; then
    echo "plugin template: installing ClusterLab $version from $src into $repo (once; again after its sources change)..." >&2
    # -DskipITs too: failsafe would run the distribution's tests, this script's among them.
    (cd "$src" && ./mvnw -B -ntp -q install -DskipTests -DskipITs) >&2
    mkdir -p "$src/target"
    touch "$stamp"
  fi
elif [ ! -f "$parent" ] || [ ! -f "$api" ]; then
  echo "plugin template: ClusterLab $version is not in $repo. Install it from a ClusterLab checkout first:" >&2
  echo "  (cd CHECKOUT && ./mvnw install -DskipTests -DskipITs), or run CLUSTERLAB_SOURCE=CHECKOUT $0" >&2
  exit 2
fi

(cd "$here" && ./mvnw -B -ntp -q package) >&2 # stdout: only the jar's path
jars=("$here"/target/*.jar)
if [ "${#jars[@]}" -ne 1 ] || [ ! -f "${jars[0]}" ]; then
  echo "plugin template: expected one jar in $here/target; found: ${jars[*]}" >&2
  exit 1
fi
mkdir -p "$dest"
cp "${jars[0]}" "$dest/"
echo "$dest/$(basename "${jars[0]}")"
