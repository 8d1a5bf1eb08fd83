#!/usr/bin/env bash
# Builds target/nodepoint.jar when it is missing or older than any source file, then runs it.
# Without arguments it serves on port 8080 with the data folder ./data; any arguments are passed
# to the JAR instead (for example: ./run.sh init --data ./data --admin-password '...').
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
exec java -jar "$jar" "$@"
