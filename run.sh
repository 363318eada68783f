#!/usr/bin/env bash
# Runs the whole platform on its embedded default (Kafka and MongoDB in-process, nothing to install but a JDK):
#   ./run.sh                      builds what changed (tests skipped), then starts everything; Ctrl-C stops it
#   ./run.sh --data-dir=/path     keeps the data somewhere else than ./data
# Ports and other settings: see README.md ("Running it").
set -euo pipefail
cd "$(dirname "$0")"

infra/scripts/build-if-changed.sh
jar=$(ls infra/launcher/target/launcher-*-exec.jar | head -1)
# the launcher's JVM holds the embedded Kafka broker and Mongo server: a bounded heap (benchmarks/README.md)
exec java -Xms128m -Xmx1g -jar "$jar" "$@"
