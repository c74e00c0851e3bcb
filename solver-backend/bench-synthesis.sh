#!/usr/bin/env bash
# Synthesis vs the partition heuristic on seeded random 20-task / 8-TPU inputs (docs/smt.md, "Synthesis").
#   solver-backend/bench-synthesis.sh [sets=20] [seed=2026] [timeout-seconds=60] [fp|edf] [min-load=0.1] [max-load=0.5]
# Builds in the reactor (spec-language, analysis, solver-backend) without installing anything into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -pl solver-backend -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="solver-backend/target/test-classes:solver-backend/target/classes:analysis/target/classes:spec-language/target/classes:spec-language/target/test-classes:$(cat solver-backend/target/bench.classpath)"
exec java -cp "$cp" io.gangproof.smt.synthesis.SynthesisBench "$@"
