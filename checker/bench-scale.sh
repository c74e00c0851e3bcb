#!/usr/bin/env bash
# Scale benchmark of the engines on generated specs (io.gangproof.bench.ScaleBench).
#   checker/bench-scale.sh                      global gang-strict, 100, 1,000 and 10,000 tasks
#   checker/bench-scale.sh partitioned 100 1000 other placement and sizes
# Builds in the reactor without installing anything into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl checker -am test-compile >/dev/null
mvn -q -o -pl checker dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="checker/target/classes:checker/target/test-classes"
for m in spec-language scheduler analysis solver-backend explorer; do cp="$cp:$m/target/classes"; done
exec java -Xmx3g -cp "$cp:$(cat checker/target/bench.classpath)" io.gangproof.bench.ScaleBench "$@"
