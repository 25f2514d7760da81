#!/usr/bin/env bash
# Usage: run.sh [SECONDS_PER_TARGET [TARGET...]]
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.c) into build/fuzz and runs
# each (or the TARGETs named, e.g. "dates json") for SECONDS_PER_TARGET
# (default 20) over a copy of its seed corpus
# (tests/fuzz/corpus/<target>/; new inputs go to the copy, never to the
# committed corpus). One line per target, then "fuzz: N passed, M failed".
# A failing target leaves its input in build/fuzz/artifacts/<target>/.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
shift $(($# > 0 ? 1 : 0))
out=build/fuzz
src=tests/fuzz

mkdir -p "$out"
if ! { cmake -S "$src" -B "$out" -G Ninja -DCMAKE_C_COMPILER=clang && cmake --build "$out"; } >"$out/build.log" 2>&1; then
  cat "$out/build.log"
  echo "fuzz: build failed (log above)"
  echo "fuzz: 0 passed, 1 failed"
  exit 1
fi

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for file in "$src"/fuzz_*.c; do names+=("$(basename "$file" .c | sed 's/^fuzz_//')"); done
fi

passed=0 failed=0
for name in "${names[@]}"; do
  target=fuzz_$name
  work=$out/work/$name
  rm -rf "$work" "$out/artifacts/$name"
  mkdir -p "$work/corpus" "$out/artifacts/$name"
  cp "$src/corpus/$name"/* "$work/corpus/" 2>/dev/null
  "$out/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/$name/" "$work/corpus" >"$work/log" 2>&1
  rc=$?
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$work/log" | tail -1)
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    echo "fuzz $name: passed, ${runs:-0} runs in ${seconds} s, corpus $(ls "$src/corpus/$name" | wc -l) -> $(ls "$work/corpus" | wc -l)"
  else
    failed=$((failed + 1))
    echo "fuzz $name: FAILED (exit $rc), input in $out/artifacts/$name/; end of its log:"
    grep -E 'FUZZ_CHECK|ERROR|SUMMARY|runtime error' "$work/log" | head -5 | sed 's/^/  /'
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
