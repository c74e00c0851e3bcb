#!/usr/bin/env bash
# SMT violation search vs the explorer on the same specs and horizon (docs/smt.md, "Benchmarks").
#   checker/bench-smt.sh [horizon=10] [random-specs=20] [seed=2026] [repetitions=5]
# Builds in the reactor (spec-language, scheduler, analysis, solver-backend, checker) without installing anything into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -pl checker -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="checker/target/test-classes:checker/target/classes:solver-backend/target/classes:analysis/target/classes:scheduler/target/classes:spec-language/target/classes:spec-language/target/test-classes:$(cat checker/target/bench.classpath)"
exec java -cp "$cp" io.gangproof.check.SmtSearchBench "$@"
