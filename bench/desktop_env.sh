# Sourced by the benchmarks that run programs in a Wine desktop under Xvfb
# (detect_bench.sh, footprint_bench.sh), from the repository's top folder.
# Every wine call runs under `timeout`, also those inside winenv.sh and
# desktop.sh; the long-lived ones (the keep-alive, the desktop) get BUDGET
# seconds, the others WT (default 120).
#   . bench/desktop_env.sh; bench_build OUT HELPER "LIBS" PROGRAM...; BUDGET=S; bench_env_new OUT
# bench_build builds the programs and bench/HELPER.c (into OUT/HELPER.exe, with
# LIBS) and copies the PROGRAMs named into OUT; bench_env_new makes a fresh
# prefix with its own Xvfb, both ended on exit.
for b in wine wineboot wineserver winepath; do eval "${b^^}_BIN=\$(type -P $b)"; done
wine() { local t=${WT:-120}; case "$1" in *sleeper.exe | explorer) t=$BUDGET ;; esac; timeout -k 5 "$t" "$WINE_BIN" "$@"; }
wineboot() { timeout -k 5 300 "$WINEBOOT_BIN" "$@"; }
wineserver() { timeout -k 5 60 "$WINESERVER_BIN" "$@"; }
winepath() { timeout -k 5 60 "$WINEPATH_BIN" "$@"; }
. tests/win/winenv.sh
. tests/e2e/desktop.sh

bench_build() {
  local out=$1 helper=$2 libs=$3 f
  shift 3
  mkdir -p "$out"
  echo "bench: building"
  scripts/build.sh win >"$out/build.log" 2>&1 || { tail -20 "$out/build.log"; echo "bench: build failed" >&2; exit 1; }
  # shellcheck disable=SC2086 # LIBS are words
  x86_64-w64-mingw32-gcc -std=c11 -O2 -Wall -Wextra -municode -static -o "$out/$helper.exe" "bench/$helper.c" $libs ||
    { echo "bench: $helper build failed" >&2; exit 1; }
  for f in "$@"; do cp "build/win/$f.exe" "$out/" || exit 1; done
}

# The revision measured, for the report: the commit, and what was not committed.
bench_rev() {
  local chg prod
  chg=$(git --no-optional-locks status --porcelain 2>/dev/null | cut -c4-)
  prod=$(grep -E '^(src|res|cmake)/|^CMakeLists' <<<"$chg" | tr '\n' ' ')
  echo "$(git --no-optional-locks rev-parse --short HEAD 2>/dev/null)${chg:+, tree dirty: $(grep -c . <<<"$chg") uncommitted paths, ${prod:+product sources among them (built into this run): ${prod% }}${prod:-none in src, res, cmake or CMakeLists.txt}}"
}

bench_cleanup() {
  [ -n "${DESKTOP_PID:-}" ] && kill "$DESKTOP_PID" 2>/dev/null
  [ -n "${WINENV_DIR:-}" ] && wineserver -k 2>/dev/null # only the prefix made here
  winenv_end
  desktop_stop_xvfb
}

bench_env_new() {
  trap bench_cleanup EXIT
  desktop_start_xvfb || { echo "bench: Xvfb did not start" >&2; exit 1; }
  echo "bench: Xvfb on $DISPLAY, preparing a fresh prefix"
  winenv_new "$1"
}
