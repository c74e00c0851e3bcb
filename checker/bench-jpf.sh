#!/usr/bin/env bash
# Java PathFinder vs the explorer on the same model, property by property (docs/semantics.md §13).
#   checker/bench-jpf.sh [spec[:horizon] ...]   (JPF from JPF_HOME or shared/tools/jpf-core beside the checkout)
# Builds in the reactor (spec-language, scheduler, analysis, solver-backend, explorer, checker) without installing anything into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -pl checker -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="checker/target/test-classes:checker/target/classes:explorer/target/test-classes:explorer/target/classes:solver-backend/target/classes:analysis/target/classes:scheduler/target/classes:spec-language/target/classes:spec-language/target/test-classes:$(cat checker/target/bench.classpath)"
exec java -cp "$cp" io.gangproof.model.JpfBench "$@"
