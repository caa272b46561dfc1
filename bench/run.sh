#!/usr/bin/env bash
# Runs every benchmark once and writes bench/results.md: the machine, then each figure beside its target and the limit
# measured in the same run. Usage: bench/run.sh [SUBSCRIBERS] [VERSIONS] (defaults 1000000 subscribers, also run at a
# tenth of that, and 1000 versions for the bulk ingest). Takes about 30 minutes on 2 cores (medium BenchmarkDotNet jobs: short ones swing 2× here). Needs the .NET SDK and Node.js
# (`npm ci` first: Azurite comes from node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."
subscribers="${1:-1000000}"
versions="${2:-1000}"
out=bench/results.md
# BENCH_LOGS=DIR writes the results again from an earlier run's logs (the path it printed) without running anything.
logs=${BENCH_LOGS:-$(mktemp -d)}
if [ -z "${BENCH_LOGS:-}" ]; then

dotnet build -c Release bench/Pcc.Benchmarks bench/Pcc.IngestLatency bench/Pcc.BulkIngest bench/Pcc.DigestLoad bench/Pcc.WorkerStartup bench/Pcc.HostileMemory >/dev/null 2>&1 || {
  for p in Pcc.Benchmarks Pcc.IngestLatency Pcc.BulkIngest Pcc.DigestLoad Pcc.WorkerStartup Pcc.HostileMemory; do dotnet build -c Release "bench/$p" >/dev/null; done; }
dotnet build -c Release src/Pcc.Functions >/dev/null

run() { local name=$1; shift; echo "== $name" >&2; "$@" > "$logs/$name.txt" 2>&1 || echo "(exit $?)" >> "$logs/$name.txt"; }
run readers   dotnet run -c Release --no-build --project bench/Pcc.Benchmarks -- --filter '*ReadingBenchmarks*' --job medium --exporters markdown
run layouts   dotnet run -c Release --no-build --project bench/Pcc.Benchmarks -- --filter '*PdfLayoutBenchmarks*' --job medium --exporters markdown
run related   dotnet run -c Release --no-build --project bench/Pcc.Benchmarks -- --filter '*RelatedBenchmarks*' --job medium --exporters markdown
run ingest    dotnet run -c Release --no-build --project bench/Pcc.IngestLatency -- 30 10
run bulk      dotnet run -c Release --no-build --project bench/Pcc.BulkIngest -- "$versions"
run digests10 dotnet run -c Release --no-build --project bench/Pcc.DigestLoad -- "$((subscribers / 10))" 4
run digests   dotnet run -c Release --no-build --project bench/Pcc.DigestLoad -- "$subscribers" 4
# Three in ten also follow case studies one by one: nearly an audience each, which is what bounds the planner's open batches.
run digestsfollow dotnet run -c Release --no-build --project bench/Pcc.DigestLoad -- "$((subscribers / 50))" 4 30
run startup   dotnet run -c Release --no-build --project bench/Pcc.WorkerStartup -- 10
run memory    dotnet run -c Release --no-build --project bench/Pcc.HostileMemory
cut -d' ' -f1-3 /proc/loadavg > "$logs/load.txt"
fi

# A hand-written "## Findings" section (what a missed target means) is kept across runs; re-read it against the new figures.
findings=$(sed -n '/^## Findings/,$p' "$out" 2>/dev/null || true)
field() { grep -oE "(^| )$2=[^ ]*" "$logs/$1.txt" | tail -1 | cut -d= -f2; }
{
  echo "# Benchmark results"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo
  echo "## Machine"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores available"
  echo "- Memory: $(free -g | awk '/Mem:/ {print $2}') GiB; OS: $(. /etc/os-release && echo "$PRETTY_NAME"); .NET SDK $(dotnet --version)"
  echo "- Load average when the run ended: $(cat "$logs/load.txt" 2>/dev/null || echo "not recorded") (other builds share these cores: figures are noisy when it is above the core count)"
  echo
  echo "## Reading (BenchmarkDotNet, medium job) — targets: the seed text ≤ 0.5 ms and ≤ 300 KB allocated (limit: DecodeTextBytes)"
  echo
  grep -E '^\|' "$logs/readers.txt" || { echo '```'; tail -20 "$logs/readers.txt"; echo '```'; }
  echo
  echo "## PDF renderings of the seed (BenchmarkDotNet, medium job) — target: ParsePdf (into case studies) ≤ 2× PdfPig's own open-and-decode (DecodeGlyphs, Ratio)"
  echo
  grep -E '^\|' "$logs/layouts.txt" || { echo '```'; tail -20 "$logs/layouts.txt"; echo '```'; }
  echo
  echo '```'; grep -E "^pdf renderings against" "$logs/layouts.txt" | sed 's/ \([a-z0-9_]*_decode_ms=\)/\n  \1/g' || true; echo '```'
  echo
  echo "## Related case studies, every list of the seed's 20 recomputed (BenchmarkDotNet, medium job): part of each ingest that changes the catalogue"
  echo
  grep -E '^\|' "$logs/related.txt" || { echo '```'; tail -20 "$logs/related.txt"; echo '```'; }
  echo
  echo "## Ingest through the worker — targets: ≤ 30 ms p50 per ingest (limit: one 100-op transaction, from the raw rate); upload → queryable ≤ 0.5 s p50, idle scans unchanged"
  echo
  echo '```'; grep -E 'handler|queryable|raw rate|scan|counted' "$logs/ingest.txt" || tail -20 "$logs/ingest.txt"; echo '```'
  echo
  echo "## Bulk ingest, $versions versions through the ingest service — target ≥ 70 % of Azurite's raw rate; requests per version (29 write requests before batching)"
  echo
  echo "| entity writes/s during the ingests | Azurite raw rate, 100-op same-partition transactions (entities/s) | ratio |"
  echo "|---|---|---|"
  echo "| $(field bulk bulk_writes_per_s) | $(field bulk raw_per_s) | $(field bulk ratio_pct) % |"
  echo
  echo '```'; grep -E '^(bulk ingest:|entity writes|azurite raw|time per ingest|the last ingest|  )' "$logs/bulk.txt" || tail -20 "$logs/bulk.txt"; echo '```'
  echo
  echo "## Digests over 7 themes, 4 sender processes, through the SendGrid fake — targets at 1,000,000: ≤ 60 s end to end, planner ≤ 300 MB, each sender ≤ 200 MB"
  echo
  echo "Each figure from its own process (peak resident set, VmHWM); the fake runs in the coordinating process."
  echo
  echo "| subscribers | plan (s) | total wall (s) | sent | batches | planner peak (MiB) | largest sender peak (MiB) | planner CPU (s) | senders' CPU (s) | fake alone (recipients/s) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  for d in digests10 digests digestsfollow; do
    echo "| $(field $d subscribers)$([ $d = digestsfollow ] && echo ', 30 % also following case studies') | $(field $d plan_s) | $(field $d total_s) | $(field $d sent) | $(field $d batches) | $(field $d planner_peak_mib) | $(field $d sender_peak_mib) | $(field $d planner_cpu_s) | $(field $d sender_cpu_s) | $(field $d fake_raw_recipients_per_s) |"
  done
  echo
  echo "## Worker cold start, the published (ReadyToRun) package under the local host — target ≤ 500 ms median of 10"
  echo
  echo '```'; grep -E 'median|phase|cpu' "$logs/startup.txt" || tail -20 "$logs/startup.txt"; echo '```'
  echo
  echo "## Worker memory, hostile documents and the seed's renderings, 4 at once — target ≤ 400 MB peak; limit: the 512 MB Flex instance"
  echo
  echo '```'; grep -E 'documents|peak' "$logs/memory.txt" | grep -v '_mib=' || tail -20 "$logs/memory.txt"; echo '```'
  if [ -n "$findings" ]; then echo; echo "$findings"; fi
} > "$out"
echo "wrote $out (logs in $logs)" >&2
