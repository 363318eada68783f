#!/usr/bin/env bash
# The organisation service benchmark (not part of the tests). From the repository root:
#   benchmarks/run.sh                                   in-process: 8 clients, 3000 commands a phase, store at 100k and 1M events
#   benchmarks/run.sh --clients=4 --commands=1000 --store-sizes=100000
#   benchmarks/run.sh --mode=platform                   the platform as users run it (launcher jar, gateway, kill -9, replay)
#   benchmarks/run.sh --mode=platform --clients=4 --commands=200 --recovery-store-size=100000 --profile
#   benchmarks/run.sh --mode=embedded-store [--iterations=100] [--prefill=5000]   the embedded Mongo server's writes alone
#     (JAVA_TOOL_OPTIONS=-Ddangjian.embedded.h2.page-split-size=16384 compares another setting; prints one line)
# Writes benchmarks/results/<date>-<commit>.md (in-process, ~10 minutes with the 1M prefill on 2 cores) or
# benchmarks/results/<date>-<commit>-platform.md (platform, 5–6 minutes). See benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " == *" --mode=platform "* ]]; then
  # the platform mode starts the launcher jar, which starts the other applications' jars: build them all when anything
  # changed, as ./run.sh does (an unchanged build keeps the jars and their class-data archives)
  infra/scripts/build-if-changed.sh 'benchmarks/target/benchmarks-*-exec.jar'
else
  ./mvnw -B -q -pl benchmarks -am -DskipTests package
fi
exec java -Xmx3g -jar benchmarks/target/benchmarks-*-exec.jar "$@"
