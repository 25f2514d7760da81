#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test tier:
#   native  core unit tests with ASan/UBSan (ctest, build/native)
#   fuzz    libFuzzer over the core's parsers, 20 s a target (tests/fuzz/run.sh, build/fuzz)
#   wine    adapters and the CLI under Wine against its service manager (ctest, build/win)
#   e2e     the real tray icon under Xvfb, driven with xdotool; its Settings window and About
#   soak    the tray made to check 500 times and restart 30 times, its handles,
#           GDI/USER objects, threads and memory flat (tests/e2e/soak.sh)
# Ends with one line: "tests: N passed, M failed" (ctest tests, fuzz targets and the e2e run).
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
# Bounded: a wait that never ends must fail the run, not hold it (a normal run takes ~5 minutes).
if timeout 1800 bash tests/e2e/tray_e2e.sh build/win build/screenshots; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo "== e2e: the Settings window and About, by keyboard under Xvfb"
timeout 600 bash tests/e2e/settings_e2e.sh build/win 2>&1 | tee build/settings-e2e.log
count_closing build/settings-e2e.log settings_e2e

echo "== soak: the tray under Xvfb, 500 checks and 30 restarts, its resources sampled (docs/soak.md)"
timeout 900 bash tests/e2e/soak.sh build/win 2>&1 | tee build/soak.log
count_closing build/soak.log soak

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
