#!/bin/sh
# The symbolic engine's bench (docs/symbolic.md §11): builds the test classes, then runs
# io.gangproof.model.SymbolicBench. Options go to the JVM, e.g.
#   explorer/bench-symbolic.sh -Drepeats=3 -Dlimit.seconds=10 -Drescale=coral-dynamic,coral-quad-strict
# Run from the repository root. Never installs anything: module classes come from target/.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile -pl checker -am
mvn -B -q -o dependency:build-classpath -pl checker -am -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
# Third-party jars only: the project's own modules are taken from their target/ directories.
deps=$(tr ':' '\n' < checker/target/bench-classpath.txt | grep -v '/io/gangproof/' | paste -sd: -)
mods=""
for m in checker spec-language scheduler analysis solver-backend explorer; do
  mods="$mods:$m/target/classes"
done
exec nice -n 10 java -Xmx2g "$@" -cp "checker/target/test-classes$mods:spec-language/target/test-classes:$deps" \
  io.gangproof.model.SymbolicBench
