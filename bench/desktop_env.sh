# Sourced by the benchmarks that run programs in a Wine desktop under Xvfb
# (detect_bench.sh, footprint_bench.sh), from the repository's top folder.
# Every wine call runs under `timeout`, also those inside winenv.sh and
# desktop.sh; the long-lived ones (the keep-alive, the desktop) get BUDGET
# seconds, the others WT (default 120).
#   BUDGET=S; . bench/desktop_env.sh; bench_env_new BUILD_DIR
# bench_env_new makes a fresh prefix with its own Xvfb; both end on exit.
for b in wine wineboot wineserver winepath; do eval "${b^^}_BIN=\$(type -P $b)"; done
wine() { local t=${WT:-120}; case "$1" in *sleeper.exe | explorer) t=$BUDGET ;; esac; timeout -k 5 "$t" "$WINE_BIN" "$@"; }
wineboot() { timeout -k 5 300 "$WINEBOOT_BIN" "$@"; }
wineserver() { timeout -k 5 60 "$WINESERVER_BIN" "$@"; }
winepath() { timeout -k 5 60 "$WINEPATH_BIN" "$@"; }
. tests/win/winenv.sh
. tests/e2e/desktop.sh

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
