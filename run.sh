#!/usr/bin/env bash
# Builds target/nodepoint.jar when it is missing or older than any source file, then runs it
# with a 512 MB heap limit (set JAVA_OPTS to change the JVM options).
# Without arguments it serves on port 8080 with the data folder ./data. Any arguments are passed
# to the JAR instead, for example: ./run.sh init --data ./data --admin-password '...'.
#
# The first `serve` after a build records the classes it loaded into a class data sharing archive
# (target/nodepoint.jsa) when it stops; later starts map that archive and serve their first response
# about a third sooner. Set NODEPOINT_CDS=off to run without it.
set -euo pipefail
cd "$(dirname "$0")"

jar=target/nodepoint.jar
archive=target/nodepoint.jsa
if [[ ! -f "$jar" ]] || [[ -n "$(find pom.xml src templates static -newer "$jar" -print -quit)" ]]; then
  echo "Building $jar ..." >&2
  mvn -B -ntp -q package -DskipTests
fi

if [[ $# -eq 0 ]]; then
  set -- serve --data ./data
fi

# The archive is only valid for the JAR it was recorded with, so a newer JAR replaces it.
class_sharing=()
if [[ "${NODEPOINT_CDS:-on}" != "off" && "$1" == "serve" ]]; then
  if [[ -f "$archive" && "$archive" -nt "$jar" ]]; then
    class_sharing=(-XX:SharedArchiveFile="$archive" '-Xlog:cds*=off')
  else
    rm -f "$archive"
    class_sharing=(-XX:ArchiveClassesAtExit="$archive" '-Xlog:cds*=off')
  fi
fi

# JAVA_OPTS replaces the default heap limit; without one the JVM may take a quarter of the memory.
# Java 17 encodes the environment of the commands it starts in the default charset, which is ASCII
# under the C locale; UTF-8 lets plugin values such as ticket titles reach commands intact.
# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose.
exec java ${JAVA_OPTS:--Xmx512m} -Dfile.encoding=UTF-8 "${class_sharing[@]}" -jar "$jar" "$@"
