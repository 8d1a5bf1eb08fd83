#!/usr/bin/env bash
# Builds target/nodepoint.jar when it is missing or older than any source file, then runs it
# with a 512 MB heap limit (set JAVA_OPTS to change the JVM options).
# Without arguments it serves on port 8080 with the data folder ./data. Any arguments are passed
# to the JAR instead, for example: ./run.sh init --data ./data --admin-password '...'.
set -euo pipefail
cd "$(dirname "$0")"

jar=target/nodepoint.jar
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml src templates static -newer "$jar" -print -quit)" ]]; then
  echo "Building $jar ..." >&2
  mvn -B -ntp -q package -DskipTests
fi

if [[ $# -eq 0 ]]; then
  set -- serve --data ./data
fi
# JAVA_OPTS replaces the default heap limit; without one the JVM may take a quarter of the memory.
# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose.
exec java ${JAVA_OPTS:--Xmx512m} -jar "$jar" "$@"
