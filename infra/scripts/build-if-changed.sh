#!/usr/bin/env bash
# Builds every module (tests skipped) when a source, a POM or a web file is newer than the launcher's jar, or when a
# jar named on the command line is missing; otherwise builds nothing. ./run.sh and the platform benchmark start from
# it: a build that changed nothing still writes new jars, and a new jar gets new class-data archives (docs/decisions.md).
#   infra/scripts/build-if-changed.sh [required-jar-glob...]
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(ls infra/launcher/target/launcher-*-exec.jar 2>/dev/null | head -1 || true)
missing=""
for required in "$@"; do
  # shellcheck disable=SC2086 # the argument is a glob
  ls $required >/dev/null 2>&1 || missing="$required"
done
if [ -z "$jar" ] || [ -n "$missing" ] || [ -n "$(find . \( -path ./data -o -path '*/target' -o -path '*/node_modules' \) -prune -o \
      \( -path '*/src/*' -o -name pom.xml -o -path './web/*' \) -type f -newer "$jar" -print -quit)" ]; then
  echo "dangjian: building (tests skipped; ./mvnw verify runs them)…"
  ./mvnw -B -q -DskipTests package
fi
