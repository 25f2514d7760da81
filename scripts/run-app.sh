#!/usr/bin/env bash
# Installs what is missing, builds, prepares a fresh Wine prefix (Windows 10
# 22H2 with consumer ESU, a recorded update history) with a fake Update
# Orchestrator (UsoSvc), and starts the tray in
# a Wine desktop against Wine's service manager.
#   With $DISPLAY set: the desktop opens there; use the tray icon at the
#   bottom right, choose Exit to end.
#   Without: it runs under Xvfb, opens the icon's menu, saves a screenshot,
#   prints where it is and exits (--keep leaves it running until Ctrl+C).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
keep=0
[ "${1:-}" = "--keep" ] && keep=1

scripts/deps.sh
scripts/build.sh win
B=$root/build/win
. tests/win/winenv.sh
. tests/e2e/desktop.sh

headless=0
if [ -z "${DISPLAY:-}" ]; then
  headless=1
  desktop_start_xvfb
fi
winenv_new "$B"
finish() {
  wineserver -k 2>/dev/null || true
  winenv_end
  desktop_stop_xvfb
}
trap finish EXIT
winenv_fake_usosvc "$B" demand
# Wine's update agent and event log are stubs: the update events recorded on a
# real PC are replayed through the stand-ins (tests/standins), moved so the
# newest was yesterday, on a Windows 10 22H2 enrolled in consumer ESU
# (winenv_recorded_healthy in tests/win/winenv.sh), and a search yesterday is
# recorded where Windows 7/8.1 keep it.
winenv_recorded_healthy "$B"
winenv_results 1 2
echo "run-app: Wine prefix $WINEPREFIX (Windows 10 22H2 Pro with consumer ESU, fake UsoSvc, the System log of a real PC (tests/scenarios/recorded-win10-1803-store-failed) moved to end yesterday, last search 1 day ago; removed at the end)"
desktop_start_tray "$B"

if [ "$headless" -eq 0 ]; then
  echo "run-app: wutray is in the Wine desktop's notification area on $DISPLAY; choose Exit in its menu to end."
  echo "run-app: meanwhile, in another shell: WINEPREFIX=$WINEPREFIX wine $B/wutray-cli.exe status"
  wait "$DESKTOP_PID" || true
  exit 0
fi

wait_for 300 icon_shown || { echo "run-app: the tray icon did not appear" >&2; exit 1; }
xdotool mousemove $IX $IY click 3
sleep 1
xdotool mousemove $((W - 120)) $((H - 110)) # above "Snooze alerts", whose submenu opens on hover
sleep 0.5
shot
mkdir -p build
out=$root/build/run-app.png
cp "$SHOT" "$out"
echo "run-app: the tray is running under Xvfb ($DISPLAY); screenshot of its menu: $out"
if [ "$keep" -eq 1 ]; then
  echo "run-app: --keep: running until Ctrl+C"
  wait "$DESKTOP_PID" || true
fi
