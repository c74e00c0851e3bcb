#!/usr/bin/env bash
# Runs the JMH benchmarks of the reference scheduler on one core.
#   scheduler/bench.sh                          all protocols, -prof gc
#   scheduler/bench.sh -p protocol=GANG_STRICT  any further JMH options
# Builds in the reactor (spec-language + scheduler) without installing anything into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl spec-language,scheduler test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="scheduler/target/test-classes:scheduler/target/classes:spec-language/target/classes:$(cat scheduler/target/bench.classpath)"
exec taskset -c 0 java -cp "$cp" org.openjdk.jmh.Main SchedulerBenchmark -prof gc "$@"
