#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test tier:
#   native  core unit tests with ASan/UBSan (ctest, build/native)
#   fuzz    libFuzzer over the core's parsers, 20 s a target (tests/fuzz/run.sh, build/fuzz)
#   wine    adapters and the CLI under Wine against its service manager (ctest, build/win)
#   e2e     the real tray icon under Xvfb, driven with xdotool; each state's icon
#           (tests/e2e/icons_e2e.sh), the Settings window and About (settings_e2e.sh,
#           settings_lang_e2e.sh)
#   soak    the tray made to check 500 times and restart 30 times, its handles,
#           GDI/USER objects, threads and memory flat (tests/e2e/soak.sh)
# Ends with one line: "tests: N passed, M failed" (ctest tests, fuzz targets, each e2e script).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/deps.sh || exit 1
scripts/build.sh || { echo "tests: 0 passed, 1 failed (build)"; exit 1; }

passed=0 failed=0
# Adds the counts of a ctest log ("... N tests failed out of M") to the totals;
# a log without that line (ctest did not get to run) counts as one failure.
count_ctest() {
  local line total bad
  line=$(grep -E 'tests failed out of [0-9]+' "$1" | tail -1)
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
  bad=$(sed -E 's/.*, ([0-9]+) tests failed.*/\1/' <<<"$line")
  passed=$((passed + total - bad))
  failed=$((failed + bad))
}

# Adds the counts of a log's closing "WORD: N passed, M failed" line; a log
# without it counts as one failure.
count_closing() {
  local line
  line=$(grep -E "^$2: [0-9]+ passed, [0-9]+ failed$" "$1" | tail -1)
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  passed=$((passed + $(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")))
}

echo "== native: core unit tests (ASan/UBSan)"
ctest --test-dir build/native --output-on-failure 2>&1 | tee build/native-tests.log
count_ctest build/native-tests.log

echo "== fuzz: libFuzzer over the core's parsers and validators (20 s a target)"
bash tests/fuzz/run.sh 20 2>&1 | tee build/fuzz-tests.log
count_closing build/fuzz-tests.log fuzz

echo "== wine: Windows adapters and CLI under Wine"
(
  . tests/win/winenv.sh
  winenv_new "$root/build/win"
  trap winenv_end EXIT
  ctest --test-dir build/win --output-on-failure --timeout 600
) 2>&1 | tee build/win-tests.log
count_ctest build/win-tests.log

echo "== e2e: the tray under Xvfb (screenshots in build/screenshots)"
# Every tests/e2e/*_e2e.sh, each one test. Bounded: a wait that never ends must
# fail the run, not hold it (tray_e2e takes ~5 minutes, the others 1 to 3).
for e2e in tests/e2e/*_e2e.sh; do
  echo "-- $e2e"
  if timeout 1800 bash "$e2e" build/win build/screenshots; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $e2e"
  fi
done

echo "== soak: the tray under Xvfb, 500 checks and 30 restarts, its resources sampled (docs/soak.md)"
timeout 900 bash tests/e2e/soak.sh build/win 2>&1 | tee build/soak.log
count_closing build/soak.log soak

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
