#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers and the indicator language: SharpFuzz instruments the assemblies, Debian's
# afl++ drives them out of process. Default: 1,000,000 executions per target (-E), about 10–20 minutes each here.
#   bench/fuzz/run.sh [readers|indicators|all] [EXECS]
# Findings land in bench/fuzz/out/<target>/default/crashes (a crash = an exception other than UnreadableFileException,
# or a hang over the timeout). Replay one: dotnet bench/fuzz/out/bin/Jixiao.Fuzz.dll readers < FILE
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${1:-all}"
execs="${2:-1000000}"
out="$here/out"
bin="$out/bin"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v afl-fuzz >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends afl++ >/dev/null
  else echo "缺少 afl-fuzz：请以 root 运行，或 apt-get install afl++"; exit 2; fi
fi
cd "$root"
dotnet tool restore >/dev/null
rm -rf "$bin"
dotnet build bench/fuzz/Jixiao.Fuzz/Jixiao.Fuzz.csproj -c Release -o "$bin" -nologo -v quiet -clp:ErrorsOnly
# Instrument our assemblies and the third-party parsers they hand files to (a fresh build each time: a second
# instrumentation of the same file is refused).
for dll in Jixiao.Core.dll Jixiao.Documents.dll UglyToad.PdfPig.dll UglyToad.PdfPig.Core.dll UglyToad.PdfPig.Tokenization.dll UglyToad.PdfPig.Tokens.dll; do
  [ -f "$bin/$dll" ] && dotnet sharpfuzz "$bin/$dll" >/dev/null
done

# Seed corpus: small slices of the seed texts, a tiny xlsx, a tiny PDF, indicator values.
dotnet "$bin/Jixiao.Fuzz.dll" corpus "$out/corpus" "$root/testdata/seeds"

export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
run() { # name
  local name="$1"
  mkdir -p "$out/$name"
  echo "== $name: $execs 次执行 =="
  afl-fuzz -i "$out/corpus/$name" -o "$out/$name" -t 10000 -m none -E "$execs" -- dotnet "$bin/Jixiao.Fuzz.dll" "$name" \
    > "$out/$name.log" 2>&1 || true
  local stats="$out/$name/default/fuzzer_stats"
  if [ -f "$stats" ]; then
    grep -E '^(execs_done|execs_per_sec|run_time|corpus_count|saved_crashes|saved_hangs|bitmap_cvg)' "$stats"
  else
    tail -20 "$out/$name.log"; exit 1
  fi
}
case "$target" in
  readers) run readers ;;
  indicators) run indicators ;;
  all) run readers; run indicators ;;
  *) echo "用法：$0 [readers|indicators|all] [EXECS]"; exit 2 ;;
esac
crashes=$(find "$out" -path '*/crashes/id:*' 2>/dev/null | wc -l)
echo "崩溃：$crashes"
[ "$crashes" -eq 0 ]
