#!/usr/bin/env bash
# DLL planting: wutray loads no DLL from its own folder or the current one.
# Copies of wutray.exe and wutray-cli.exe sit in a folder with a planted DLL
# (tests/fixtures/planted.c, which leaves a marker when loaded) under the
# names of DLLs a program might load by name; the CLI, the tray and the
# elevated instance (what a UAC prompt would run) are started from there,
# also with that folder as the current one. No marker may appear. The
# control: a program linked to wevtapi.dll the ordinary way (as wutray was)
# does load the planted copy. Usage: planting_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
. "$(dirname "$0")/winenv.sh"
. "$(dirname "$0")/expect.sh"
. "$(dirname "$0")/../e2e/desktop.sh"

desktop_start_xvfb # before the prefix: Wine's desktop takes the display it starts with
winenv_new "$B"
trap 'winenv_end; desktop_stop_xvfb' EXIT
winenv_fake_usosvc "$B" demand
D=$WINENV_DIR/app M=$WINENV_DIR/markers
mkdir -p "$D" "$M"
cp "$B/wutray.exe" "$B/wutray-cli.exe" "$B/plantprobe.exe" "$D/"
names="wevtapi slc wuapi version uxtheme dwmapi cryptbase propsys netapi32 winhttp userenv profapi wtsapi32"
for n in $names; do cp "$B/planted.dll" "$D/$n.dll"; done
export PLANTED_MARKERS
PLANTED_MARKERS=$(winpath "$M")
markers() { ls "$M" | tr '\n' ' ' | sed 's/ $//'; }

# The control: an ordinary import of wevtapi.dll takes the planted one.
(cd "$D" && wine ./plantprobe.exe) >/dev/null 2>&1
expect_eq "control: a program linked to wevtapi loads the planted copy" "wevtapi.dll.loaded" "$(markers)"
rm -f "$M"/*

(cd "$D" && wine ./wutray-cli.exe status) >/dev/null 2>&1
expect_eq "wutray-cli status from its folder: nothing planted loaded" "" "$(markers)"
(cd "$D" && wine ./wutray-cli.exe status --json) >/dev/null 2>&1
(cd "$D" && wine ./wutray-cli.exe fix) >/dev/null 2>&1
expect_eq "wutray-cli status --json and fix: nothing planted loaded" "" "$(markers)"
(cd "$D" && wine ./wutray.exe --elevated restart-services) >/dev/null 2>&1
expect_eq "the elevated instance (restart): nothing planted loaded" "" "$(markers)"
(cd "$D" && wine ./wutray.exe --elevated bogus-verb) >/dev/null 2>&1
expect_eq "the elevated instance (refused verb): nothing planted loaded" "" "$(markers)"
# The tray itself (a window needs an X display), past its first slow read (10 s after the start: the
# agent, both update logs, licensing), with Wine's trace of each DLL load.
(cd "$D" && WINEDEBUG=+loaddll timeout 25 wine ./wutray.exe) >/dev/null 2>"$WINENV_DIR/loaddll.log"
expect_eq "the tray: nothing planted loaded" "" "$(markers)"
expect_eq "the tray: it did load the event log API, from System32" 1 \
  "$(grep -ciE 'Loaded L"C:[\\]+windows[\\]+system32[\\]+wevtapi\.dll"' "$WINENV_DIR/loaddll.log" | sed 's/^[2-9][0-9]*$/1/')"
wineserver -k 2>/dev/null

echo "planting_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
