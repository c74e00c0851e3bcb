#!/usr/bin/env bash
# The long fuzz run of the spec loader (issue #15): Jazzer's driver on SpecFuzzTarget for MINUTES
# minutes (default 30) on one core, seeded with the bundled specs. Every crash is written to the
# smoke test's inputs folder, where the suite replays it as a regression input; inputs over 2 s
# go to target/fuzz-slow. Run from spec-language/ after `mvn -pl spec-language -am test-compile`.
set -euo pipefail
cd "$(dirname "$0")"
minutes="${1:-30}"
kept=src/test/resources/io/gangproof/spec/fuzz/SpecFuzzTestInputs/smoke
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz.classpath >/dev/null
rm -rf target/fuzz-seeds && mkdir -p target/fuzz-seeds target/fuzz-corpus "$kept"
find ../case-studies/specs src/test/resources/valid -name '*.gang' | while read -r f; do
  cp "$f" "target/fuzz-seeds/$(echo "$f" | tr '/.' '__').gang"
done
exec java -Xmx1g -Dgangproof.fuzz.slowDir=target/fuzz-slow \
  -cp "target/test-classes:target/classes:$(cat target/fuzz.classpath)" \
  com.code_intelligence.jazzer.Jazzer --target_class=io.gangproof.spec.fuzz.SpecFuzzTarget \
  --instrumentation_includes='io.gangproof.spec.**' --keep_going=1000 \
  -max_total_time=$((minutes * 60)) -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$kept/" target/fuzz-corpus target/fuzz-seeds
