#!/usr/bin/env bash
# Wall time of `gangproof check` on every bundled spec, on case-studies/specs/ as a whole, and
# of a bare JVM start: the median of RUNS runs after one warm-up (which also fills the model
# cache and, after a build, the launcher's class-data archive). The machine's load average is
# printed before and after: on a shared machine, quote medians and the load beside them.
#
#   checker/bench-check.sh [RUNS]      (default 5)
set -euo pipefail

root="$(cd -P "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-5}"
gangproof="$root/gangproof"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$gangproof" --version >/dev/null # builds the jar and its archive if needed, outside the figures

# median wall seconds of "$@" over $runs runs, after one warm-up
median() {
  "$@" >/dev/null 2>&1 || true
  local times=() start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.2f", m / 1000 }'
}

row() {
  local label="$1"
  shift
  printf '%-48s %8s s\n' "$label" "$(median "$@")"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; median of $runs runs, wall seconds"
row "JVM start (java -Xshare:auto -version)" java -Xshare:auto -version
row "gangproof --version" "$gangproof" --version
for spec in "$root"/case-studies/specs/*.gang; do
  row "check $(basename "$spec")" "$gangproof" check --out "$out" "$spec"
done
row "check case-studies/specs/ (one JVM)" "$gangproof" check --out "$out" "$root/case-studies/specs/"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
