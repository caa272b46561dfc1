#!/usr/bin/env bash
# Runs .ci/run on fresh clones of a commit, one after another, while another build of the solution loads both cores,
# and stops at the first failure: the check that the test suite passes every time on a busy machine, not most times.
# Usage: bench/soak.sh [RUNS] [COMMIT]  (defaults 5 and HEAD). Needs what .ci/run needs; `../shared` beside the checkout.
# Prints one line per run: its exit code, its time in seconds and the load average when it ended.
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
commit=$(git rev-parse "${2:-HEAD}")
work=$(mktemp -d)
trap 'touch "$work/done"; wait' EXIT

# The load: the whole solution rebuilt from scratch, over and over, in a clone of its own.
git clone -q . "$work/load" && (cd "$work/load" && git checkout -q "$commit" && dotnet restore PccFunctions.sln >/dev/null 2>&1
  while [ ! -f "$work/done" ]; do dotnet build PccFunctions.sln --no-incremental --no-restore >/dev/null 2>&1; done) &

for i in $(seq 1 "$runs"); do
  mkdir -p "$work/run$i" && git clone -q . "$work/run$i/main" && git -C "$work/run$i/main" checkout -q "$commit"
  ln -s "$(cd .. && pwd)/shared" "$work/run$i/shared"
  start=$(date +%s)
  (cd "$work/run$i/main" && ./.ci/run) > "$work/run$i.log" 2>&1; rc=$?
  echo "run $i of $runs ($commit): exit $rc, $(( $(date +%s) - start )) s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$rc" -ne 0 ]; then echo "log: $work/run$i.log"; exit "$rc"; fi
done
exit 0
