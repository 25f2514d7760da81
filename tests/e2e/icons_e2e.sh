#!/usr/bin/env bash
# End to end: the tray icon of each state, as a person sees it in the
# notification area of a Wine desktop under Xvfb. Drives every state it can
# (fake services, registry values, the update-agent stand-ins), crops the
# icon from a screenshot per state and checks that each differs from every
# other (and that states sharing a badge look the same); then turns the
# taskbar dark and light again with the broadcast Windows sends, and checks
# the icon follows without a restart of the tray.
# Usage: icons_e2e.sh BUILD_DIR [SHOTS_DIR]
# With SHOTS_DIR (e.g. docs/screenshots) the icons go to SHOTS_DIR/icons/<state>.png.
set -u
B=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
SHOTS=${2:+$2/icons}
. "$here/../win/winenv.sh"
. "$here/desktop.sh"

e2e_start "$B"
CROPS=$WINENV_DIR/icons
mkdir -p "$CROPS"

# UsoSvc takes 4 s to start: long enough to see Working.
winenv_fake_usosvc "$B" demand --start-ms 4000
svc() { wine "$B/svctool.exe" "$@" >/dev/null 2>&1; }
poke() { wine "$B/traypoke.exe" "$@" >/dev/null 2>&1; }
state_is() { [ "${1:-}" = "$(tray_state | sed -n 's/.* state=//p')" ]; }
AU='HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU'
UX='HKLM\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings'
# Wine's taskbar is light: so is the theme the tray is told of, until the dark run.
taskbar_light 1
winenv_healthy "$B"
winenv_results 1 2

# The icon of a state, once the tray's state line says it: cropped to
# $CROPS/NAME.png (and kept in SHOTS), its badge's colour checked.
capture() { # NAME STATE COLOUR
  check "$1: the state line says $2" wait_for 300 state_is "$2"
  sleep 1 # the shell draws the new icon
  shot
  icon_crop "$CROPS/$1.png"
  [ -n "$SHOTS" ] && cp "$CROPS/$1.png" "$SHOTS/$1.png"
  check "$1: the badge is $3" icon_is "$3"
  check "$1: the glyph is there" icon_glyph_dark
}
check_now() { open_menu && choose c; }

[ -n "$SHOTS" ] && mkdir -p "$SHOTS"
TRAY_RE=$(tray_re "$B")
desktop_start_tray "$B"
check "the icon appears" wait_for 300 icon_shown
pid=$(tray_pid)

capture ok ok green

svc start UsoSvc & # pending for 4 s
starting=$!
capture working working blue
wait "$starting"

wine reg add "$AU" /v NoAutoUpdate /t REG_DWORD /d 1 /f >/dev/null 2>&1
capture attention attention amber
wine reg delete "$AU" /v NoAutoUpdate /f >/dev/null 2>&1
svc stop UsoSvc

wine reg add "$UX" /v PauseUpdatesExpiryTime /t REG_SZ /d 2099-01-01T00:00:00Z /f >/dev/null 2>&1
poke check
capture paused paused slate
wine reg delete "$UX" /v PauseUpdatesExpiryTime /f >/dev/null 2>&1
wine reg add "$AU" /v UseWUServer /t REG_DWORD /d 1 /f >/dev/null 2>&1
poke check
capture managed managed slate
wine reg delete "$AU" /v UseWUServer /f >/dev/null 2>&1
poke check
check "back to OK" wait_for 100 state_is ok

# The tray asks the update agent 10 s after it starts; by now it has.
winenv_results 9 2
capture stalled stalled red
winenv_pc "$B" failing fail_weeks=3 defender_daily=1 patch_days=40
winenv_results 1 2
check_now
capture failing failing red

winenv_pc "$B" eos build=19045 ubr=6456 display=22H2
check_now
capture unsupported unsupported red

winenv_healthy "$B"
winenv_results "" ""
check_now
capture unknown unknown grey

winenv_results 1 2
check_now
check "healthy again" wait_for 300 state_is ok
# A restart in progress shows Working (UsoSvc's start takes 4 s).
check "menu opens for Restart" open_menu
choose r
sleep 2
shot
icon_crop "$CROPS/restarting.png"
[ -n "$SHOTS" ] && cp "$CROPS/restarting.png" "$SHOTS/restarting.png"
check "restarting: the badge is blue" icon_is blue
check "after the restart: OK, both running" wait_for 300 tray_state_is "ok wuauserv=running UsoSvc=running state=ok"
svc stop wuauserv
svc stop UsoSvc

svc start-type wuauserv disabled
poke check
capture broken broken red

# Each icon differs from every other; states that share a badge look alike.
names=(ok working attention paused stalled unsupported unknown broken)
for ((i = 0; i < ${#names[@]}; i++)); do
  for ((j = i + 1; j < ${#names[@]}; j++)); do
    a=${names[i]} b=${names[j]}
    n=$(icon_diff "$CROPS/$a.png" "$CROPS/$b.png")
    check "$a and $b differ ($n pixels)" [ "${n:-0}" -ge 8 ]
  done
done
for pair in "stalled failing" "paused managed" "working restarting"; do
  set -- $pair
  n=$(icon_diff "$CROPS/$1.png" "$CROPS/$2.png")
  check "$1 and $2 share their badge ($n pixels differ)" [ "${n:-99}" -le 2 ]
done

# The dark taskbar: the setting and Windows' broadcast; the glyph turns
# white (on Wine's light taskbar it all but vanishes), the badge stays red.
taskbar_light 0
check "ImmersiveColorSet broadcast delivered" poke setting-change ImmersiveColorSet
dark_switched() { shot; icon_crop "$CROPS/broken-dark.png"; [ "$(icon_diff "$CROPS/broken.png" "$CROPS/broken-dark.png")" -ge 20 ]; }
check "dark taskbar: the icon changed" wait_for 50 dark_switched
check "dark taskbar: no dark glyph any more" eval '! icon_glyph_dark'
check "dark taskbar: the badge is still red" icon_is red
[ -n "$SHOTS" ] && cp "$CROPS/broken-dark.png" "$SHOTS/broken-dark.png"
taskbar_light 1
check "and back: broadcast delivered" poke setting-change ImmersiveColorSet
light_again() { shot; icon_crop "$CROPS/broken-light.png"; [ "$(icon_diff "$CROPS/broken.png" "$CROPS/broken-light.png")" -le 2 ]; }
check "light taskbar again: the icon is as before" wait_for 50 light_again
check "the same tray process throughout" [ "$(tray_pid)" = "$pid" ]

echo "icons_e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
