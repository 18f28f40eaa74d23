#!/usr/bin/env bash
# bench/run.sh — builds Release and prints, from a single run on this machine, the figures of issue 7:
#   1. check + score of 100,000 generated tables (≈2M indicators): seconds, tables/s, peak memory;
#      and the same corpus through `jixiao check DIR --json` (files on disk, streaming, all cores);
#   2. reading the same 1,000 generated .xlsx files with Jixiao, SheetJS and exceljs (Node), and the ratios;
#   3. writing xlsx + docx for 1,000 tables;
#   4. the web API on a real PostgreSQL holding 100,000 documents: p50/p95/p99 and requests/s of the document
#      list, document view and aggregation endpoints under wrk on loopback, and a full-region aggregation.
# A part whose code is not on this branch yet (xlsx writer/reader, web app, aggregation endpoint) is skipped
# with a message saying so. Every figure is printed next to the load average at the time it was taken.
#
# Usage: bench/run.sh [--quick] [--micro] [--no-web] [--no-cli]
#   --quick   20,000 tables, 10,000 CLI files, 10,000 web documents (a few minutes)
#   --micro   also run the BenchmarkDotNet suites (indicator language, checks, readers; ~5 minutes)
# Environment: BENCH_WORK (default /tmp/jixiao-bench: corpora, PostgreSQL cluster, web data), BENCH_SEED (1),
#   BENCH_TABLES, BENCH_CLI_FILES, BENCH_XLSX_FILES, BENCH_WRITE_TABLES, BENCH_WEB_DOCS, BENCH_WEB_PORT (5097),
#   BENCH_PG_PORT (55437), BENCH_WRK_SECONDS (20), BENCH_WRK_WARMUP (10: unmeasured seconds per web endpoint).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work="${BENCH_WORK:-/tmp/jixiao-bench}"
seed="${BENCH_SEED:-1}"
tables="${BENCH_TABLES:-100000}"
cli_files="${BENCH_CLI_FILES:-100000}"
xlsx_files="${BENCH_XLSX_FILES:-1000}"
write_tables="${BENCH_WRITE_TABLES:-1000}"
web_docs="${BENCH_WEB_DOCS:-100000}"
web_port="${BENCH_WEB_PORT:-5097}"
pg_port="${BENCH_PG_PORT:-55437}"
wrk_seconds="${BENCH_WRK_SECONDS:-20}"
micro=0 web=1 cli=1
for a in "$@"; do
  case "$a" in
    --quick) tables="${BENCH_TABLES:-20000}"; cli_files="${BENCH_CLI_FILES:-10000}"; web_docs="${BENCH_WEB_DOCS:-10000}" ;;
    --micro) micro=1 ;;
    --no-web) web=0 ;;
    --no-cli) cli=0 ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
bin="$work/bin"
timefile="$work/time.txt"

section() { printf '\n== %s\n' "$1"; }
load() { printf 'load %s' "$(cut -d' ' -f1-3 /proc/loadavg)"; }
maxrss_mb() { awk -F: '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$timefile"; }
wall_s() { awk '/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$timefile"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'; }
need_time() { [ -x /usr/bin/time ] || { [ "$(id -u)" = 0 ] && apt-get install -y -qq time >/dev/null 2>&1; }; }

section "machine"
echo "cpu      $(lscpu | awk -F: '/Model name/ { gsub(/^ +/, "", $2); print $2; exit }'), $(nproc) cores"
echo "memory   $(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')"
echo "dotnet   $(dotnet --version)   node $(node --version 2>/dev/null || echo '—')   $(uname -sr)"
echo "$(load) at start (this machine is shared: compare figures with the load printed beside them)"

section "build (Release)"
need_time
for p in bench/Jixiao.Benchmarks:bench bench/Jixiao.Bench.Gen:gen src/Jixiao.Cli:cli; do
  proj="${p%%:*}"; out="${p##*:}"
  dotnet build "$root/$proj" -c Release -o "$bin/$out" -nologo -v quiet > "$work/build-$out.log" 2>&1 || { cat "$work/build-$out.log"; echo "build of $proj failed"; exit 1; }
done
echo "built into $bin"
gen() { dotnet "$bin/gen/jixiao-gen.dll" "$@"; }

# ---------------------------------------------------------------------------------------------- 1. check + score
section "1. check + score of $tables generated tables (in memory, all cores; generation not timed)"
echo "$(load)"
/usr/bin/time -v -o "$timefile" dotnet "$bin/bench/jixiao-bench.dll" throughput --tables "$tables" --seed "$seed" | sed 's/^/   /'
echo "   max RSS           $(maxrss_mb) MB (whole process, /usr/bin/time)   target: 100,000 tables < 1 s on 2 cores, < 300 MB"

if [ "$cli" = 1 ]; then
  corpus="$work/corpus-json-s$seed-n$cli_files"
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    gen "$corpus" --count "$cli_files" --seed "$seed" --format json 2>&1 | tail -1 | sed 's/^/   /'
    touch "$corpus/.complete"
  fi
  section "1b. jixiao check DIR --json over $cli_files canonical JSON files (read + check + score + stream output)"
  echo "$(load)   $(du -sh "$corpus" | cut -f1) on disk"
  /usr/bin/time -v -o "$timefile" dotnet "$bin/cli/jixiao.dll" check --json "$corpus" > "$work/check.json" 2>"$work/check.err"
  rc=$?
  w=$(wall_s)
  echo "   exit $rc, $(wc -c < "$work/check.json") bytes of JSON, $w s wall → $(awk -v n="$cli_files" -v s="$w" 'BEGIN { printf "%.0f", n / s }') files/s, max RSS $(maxrss_mb) MB"
fi

# ---------------------------------------------------------------------------------------------- 2. xlsx reading
section "2. reading $xlsx_files generated .xlsx files: Jixiao vs SheetJS vs exceljs"
xdir="$work/xlsx-s$seed-n$xlsx_files"
if [ ! -f "$xdir/.complete" ]; then
  rm -rf "$xdir"
  gen "$xdir" --count "$xlsx_files" --seed "$seed" --format xlsx > "$work/gen-xlsx.log" 2>&1
  grc=$?
  if [ $grc = 0 ]; then touch "$xdir/.complete"; fi
else grc=0; fi
if [ "$grc" != 0 ]; then
  echo "   SKIP: xlsx cannot be generated on this branch yet ($(tail -1 "$work/gen-xlsx.log")). The xlsx writer comes with branch 'writers'."
else
  echo "$(load)"
  jx=$(dotnet "$bin/bench/jixiao-bench.dll" read-xlsx "$xdir"); jrc=$?
  echo "   $jx"
  if [ $jrc != 0 ]; then
    echo "   SKIP: Jixiao's xlsx reader is not on this branch yet."
  else
    if [ ! -d "$root/bench/node/node_modules" ]; then (cd "$root/bench/node" && npm ci --no-audit --no-fund --silent); fi
    sj=$(node "$root/bench/node/read-xlsx.mjs" sheetjs "$xdir"); echo "   $sj"
    ej=$(node "$root/bench/node/read-xlsx.mjs" exceljs "$xdir"); echo "   $ej"
    js=$(sed 's/.*seconds=//' <<<"$jx"); ss=$(sed 's/.*seconds=//' <<<"$sj"); es=$(sed 's/.*seconds=//' <<<"$ej")
    echo "   ratio: SheetJS/Jixiao $(ratio "$ss" "$js")×, exceljs/Jixiao $(ratio "$es" "$js")×   target: ≥ 3× both"
    cpu() { sed -n 's/.* cpu=\([0-9.]*\) .*/\1/p' <<<"$1"; }
    echo "   by CPU time (less sensitive to the load): SheetJS/Jixiao $(ratio "$(cpu "$sj")" "$(cpu "$jx")")×, exceljs/Jixiao $(ratio "$(cpu "$ej")" "$(cpu "$jx")")×"
  fi
fi

# ---------------------------------------------------------------------------------------------- 3. writing
section "3. writing xlsx + docx for $write_tables tables"
echo "$(load)"
dotnet "$bin/bench/jixiao-bench.dll" write --tables "$write_tables" --seed "$seed" | sed 's/^/   /'
[ "${PIPESTATUS[0]}" = 0 ] && echo "   target: < 20 ms per table (xlsx + docx)"

# ---------------------------------------------------------------------------------------------- 4. web + PostgreSQL
section "4. web API on PostgreSQL with $web_docs documents (wrk on loopback)"
if [ "$web" = 0 ]; then
  echo "   SKIP: --no-web"
elif [ ! -f "$root/src/Jixiao.Web/Jixiao.Web.csproj" ]; then
  echo "   SKIP: the web project (src/Jixiao.Web) is not on this branch yet; it comes with branch 'web'."
else
  "$root/bench/web.sh" "$work" "$bin" "$seed" "$web_docs" "$web_port" "$pg_port" "$wrk_seconds" 2>&1 | sed 's/^/   /'
fi

# ---------------------------------------------------------------------------------------------- micro-benchmarks
if [ "$micro" = 1 ]; then
  section "micro-benchmarks (BenchmarkDotNet, in process)"
  echo "$(load)"
  (cd "$work" && dotnet "$bin/bench/jixiao-bench.dll" --filter '*' --artifacts "$work/bdn" 2>&1 | grep -E '^\|' )
fi
echo
echo "$(load) at the end"
