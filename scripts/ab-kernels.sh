#!/usr/bin/env bash
# Hand-run A/B of a kernel harness between two checkouts on this noisy 2-vCPU host: runs the
# harness of both at the same time, one pinned to each core (taskset), then again with the cores
# swapped, so that both versions always see the same load. Single-threaded figures, not the
# two-thread ones of the harness run alone.
#
#   git worktree add /tmp/old <rev> && (cd /tmp/old && mvn -q -o -pl prover test-compile)
#   mvn -q -o -pl prover test-compile
#   scripts/ab-kernels.sh /tmp/old dev.verity.prover.msm.MsmThroughput 20
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/scripts/env.sh"
if [ $# -lt 2 ]; then
  echo "usage: $0 <other checkout> <harness class> [args...]" >&2
  exit 2
fi
other="$(cd "$1" && pwd)"
shift
run() {
  (cd "$1" && taskset -c "$2" java --add-modules jdk.incubator.vector \
      -cp prover/target/classes:prover/target/test-classes "${@:3}" 2>&1 | grep -v "^WARNING" |
      sed "s|^|cpu$2: |")
}
out="$(mktemp -d)"
for cores in "0 1" "1 0"; do
  set -- $cores "${@}"
  a=$1 b=$2
  shift 2
  run "$other" "$a" "$@" > "$out/a" &
  run "$here" "$b" "$@" > "$out/b" &
  wait
  sed "s|^|$other |" "$out/a"
  sed "s|^|$here |" "$out/b"
done
rm -rf "$out"
