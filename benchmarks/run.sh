#!/usr/bin/env bash
# The organisation service benchmark (not part of the tests). From the repository root:
#   benchmarks/run.sh                                   8 clients, 3000 commands a phase, store at 100k and 1M events
#   benchmarks/run.sh --clients=4 --commands=1000 --store-sizes=100000
# Writes benchmarks/results/<date>-<commit>.md. Takes ~10 minutes with the 1M prefill on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl benchmarks -am -DskipTests package
exec java -Xmx3g -jar benchmarks/target/benchmarks-*-exec.jar "$@"
