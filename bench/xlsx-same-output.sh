#!/usr/bin/env bash
# bench/xlsx-same-output.sh — proves a change to the xlsx readers leaves their output byte for byte as it was:
# `jixiao check --json` and `jixiao import` of the working tree and of BASE_REF (default: main) on the same files:
#   - the seeds exported to xlsx (`jixiao export SEED --to xlsx`),
#   - every workbook the xlsx tests build (written by TestWorkbookFilesTests with JIXIAO_XLSX_CORPUS set),
#   - XLSX_SAME_COUNT generated tables (default 300, jixiao-gen seed 11).
# The files are made once (cached in XLSX_SAME_WORK, default /tmp/jixiao-xlsx-same) and both CLIs read the same
# files: generated xlsx differ in bytes from run to run (packaging Guids and times), not in content.
# Prints "same output on N files" and exits 0, or shows the first differences and exits 1.
#
# Usage: bench/xlsx-same-output.sh [BASE_REF]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
base_ref="${1:-main}"
work="${XLSX_SAME_WORK:-/tmp/jixiao-xlsx-same}"
count="${XLSX_SAME_COUNT:-300}"
base_commit=$(git -C "$root" rev-parse --verify "$base_ref^{commit}") || { echo "unknown ref $base_ref" >&2; exit 2; }
mkdir -p "$work"

build() { # project output-dir source-root
  dotnet build "$3/$1" -c Release -o "$2" -nologo -v quiet > "$2.log" 2>&1 || { cat "$2.log"; echo "build of $3/$1 failed" >&2; exit 2; }
}

# The base CLI, built from a clean export of BASE_REF (cached per commit).
base_cli="$work/base-$base_commit"
if [ ! -f "$base_cli/jixiao.dll" ]; then
  rm -rf "$work/base-src" && mkdir -p "$work/base-src"
  git -C "$root" archive "$base_commit" | tar -x -C "$work/base-src"
  build src/Jixiao.Cli "$base_cli" "$work/base-src"
fi
new_cli="$work/new-cli"
build src/Jixiao.Cli "$new_cli" "$root"

corpus="$work/corpus"
if [ ! -f "$corpus/.complete" ]; then
  rm -rf "$corpus" && mkdir -p "$corpus/seeds" "$corpus/tests" "$corpus/gen"
  for s in "$root"/testdata/seeds/*.txt; do
    dotnet "$new_cli/jixiao.dll" export "$s" --to xlsx --out "$corpus/seeds" > /dev/null 2>&1 || { echo "export of $s failed" >&2; exit 2; }
  done
  JIXIAO_XLSX_CORPUS="$corpus/tests" dotnet test "$root/tests/Jixiao.Documents.Tests" --filter "FullyQualifiedName~TestWorkbookFilesTests" \
    -nologo -v quiet > "$work/tests-corpus.log" 2>&1 || { cat "$work/tests-corpus.log"; exit 2; }
  build bench/Jixiao.Bench.Gen "$work/gen" "$root"
  dotnet "$work/gen/jixiao-gen.dll" "$corpus/gen" --count "$count" --seed 11 --format xlsx > "$work/gen.log" 2>&1 || { cat "$work/gen.log"; exit 2; }
  touch "$corpus/.complete"
fi

run() { # cli out-dir
  local cli="$1" out="$2"
  rm -rf "$out" && mkdir -p "$out"
  for set in seeds tests gen; do
    (cd "$corpus" && dotnet "$cli/jixiao.dll" check --json "$set" > "$out/check-$set.json" 2> "$out/check-$set.err"; echo "exit $?" >> "$out/check-$set.err")
    (cd "$corpus" && dotnet "$cli/jixiao.dll" check "$set" > "$out/check-$set.txt" 2>/dev/null)
  done
  # import stops at the first unreadable file: one call per file for the small sets, one for all generated files.
  for f in "$corpus"/seeds/*.xlsx "$corpus"/tests/*.xlsx; do
    local name; name="$(basename "$(dirname "$f")")-$(basename "$f")"
    (cd "$corpus" && dotnet "$cli/jixiao.dll" import "${f#"$corpus"/}" > "$out/import-$name.json" 2> "$out/import-$name.err"; echo "exit $?" >> "$out/import-$name.err")
  done
  (cd "$corpus" && dotnet "$cli/jixiao.dll" import gen/*.xlsx > "$out/import-gen.json" 2> "$out/import-gen.err"; echo "exit $?" >> "$out/import-gen.err")
}
run "$base_cli" "$work/out-base"
run "$new_cli" "$work/out-new"

files=$(find "$corpus" -name '*.xlsx' | wc -l)
if diff -r "$work/out-base" "$work/out-new" > "$work/diff.txt"; then
  echo "same output on $files files ($(du -sh "$work/out-new" | cut -f1) of output): base $base_ref ($(git -C "$root" rev-parse --short "$base_commit")), working tree $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo ' + uncommitted changes')"
else
  head -40 "$work/diff.txt"
  echo "DIFFERENT output (full diff: $work/diff.txt)"
  exit 1
fi
