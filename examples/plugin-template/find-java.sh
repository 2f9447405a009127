# Sourced by the clusterlab launchers: finds a JDK of at least a given major version.
# Order: $JAVA_HOME, then the JDK of `java` on the PATH, then the usual install folders
# (Linux packages, SDKMAN!, IntelliJ's ~/.jdks, /opt, macOS). No path is ever written into a file.

# Prints the major version of the JDK in folder $1, or nothing.
clusterlab_jdk_major() {
  local home=$1 v=""
  [ -x "$home/bin/java" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release" | head -n 1)
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  printf '%s' "$v"
}

# Prints the home of the newest JDK >= $1, preferring $JAVA_HOME when it qualifies; returns 1 if none.
clusterlab_find_java() {
  local want=$1 best="" best_v=0 c v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(clusterlab_jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$want" ]; then printf '%s\n' "$JAVA_HOME"; return 0; fi
  fi
  local candidates=()
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/* /usr/java/* /usr/local/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    v=$(clusterlab_jdk_major "$c")
    if [ -n "$v" ] && [ "$v" -ge "$want" ] && [ "$v" -gt "$best_v" ]; then best=$c; best_v=$v; fi
  done
  if [ -n "$best" ]; then printf '%s\n' "$best"; return 0; fi
  echo "clusterlab: no JDK $want or newer found (looked at \$JAVA_HOME, the java on the PATH, /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks)." >&2
  echo "clusterlab: install one (for example Debian's openjdk-$want-jdk or Eclipse Temurin $want) or point JAVA_HOME at it." >&2
  return 1
}
