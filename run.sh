#!/usr/bin/env bash
# Runs the whole platform on its embedded default (Kafka and MongoDB in-process, nothing to install but a JDK):
#   ./run.sh                      builds what changed (tests skipped), then starts everything; Ctrl-C stops it
#   ./run.sh --data-dir=/path     keeps the data somewhere else than ./data
# Ports and other settings: see README.md ("Running it").
set -euo pipefail
cd "$(dirname "$0")"

launcher_jar() { ls infra/launcher/target/launcher-*-exec.jar 2>/dev/null | head -1 || true; }

jar=$(launcher_jar)
if [ -z "$jar" ] || [ -n "$(find . \( -path ./data -o -path '*/target' -o -path '*/node_modules' \) -prune -o \
      \( -path '*/src/*' -o -name pom.xml -o -path './web/*' \) -type f -newer "$jar" -print -quit)" ]; then
  echo "dangjian: building (tests skipped; ./mvnw verify runs them)…"
  ./mvnw -B -q -DskipTests package
  jar=$(launcher_jar)
fi
# the launcher's JVM holds the embedded Kafka broker and Mongo server: a bounded heap (benchmarks/README.md)
exec java -Xms128m -Xmx1g -jar "$jar" "$@"
