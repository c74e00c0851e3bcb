#!/bin/sh
# The symbolic engine's bench (docs/symbolic.md §11): builds the test classes, then runs
# io.gangproof.model.SymbolicBench. Options go to the JVM, e.g.
#   explorer/bench-symbolic.sh -Drepeats=3 -Dlimit.seconds=10 -Drescale=coral-dynamic,coral-quad-strict
# Run from the repository root. Never installs anything: module classes come from target/.
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile -pl explorer -am
mvn -B -q -o dependency:build-classpath -pl explorer -am -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
# Third-party jars only: the project's own modules are taken from their target/ directories.
deps=$(tr ':' '\n' < explorer/target/bench-classpath.txt | grep -v '/io/gangproof/' | paste -sd: -)
mods=""
for m in spec-language scheduler explorer; do
  mods="$mods:$m/target/classes"
done
exec nice -n 10 java -Xmx2g "$@" -cp "explorer/target/test-classes$mods:spec-language/target/test-classes:$deps" \
  io.gangproof.model.SymbolicBench
