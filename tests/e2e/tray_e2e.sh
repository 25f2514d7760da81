#!/usr/bin/env bash
# End to end: the real tray icon in a Wine desktop under Xvfb, driven with
# xdotool as a person would. Screenshots go to docs/screenshots/.
# Usage: tray_e2e.sh BUILD_DIR [SCREENSHOT_DIR]
set -u
B=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
SHOTS=${2:-$here/../../docs/screenshots}
mkdir -p "$SHOTS"
. "$here/../win/winenv.sh"
. "$here/desktop.sh"

e2e_start "$B"

winenv_fake_usosvc "$B" demand
# A stand-in for the Settings app's ms-settings: handler, which records the URI.
URILOG=$WINENV_DIR/uri.log
wine reg add 'HKCR\ms-settings' /v 'URL Protocol' /d '' /f >/dev/null 2>&1
wine reg add 'HKCR\ms-settings\shell\open\command' /ve /d \
  "\"$(winpath "$B/urilog.exe")\" \"$(winpath "$URILOG")\" \"%1\"" /f >/dev/null 2>&1
svc() { wine "$B/svctool.exe" "$@" >/dev/null 2>&1; }
uri_opened() { [ -f "$URILOG" ] && tr -d '\r' <"$URILOG" | grep -qx "$1"; }

TRAY_RE=$(tray_re "$B")
# The details window (a task dialog), and a screenshot of just it.
details_id() { window_id '^wutray: details$'; }
details_shown() { [ -n "$(details_id)" ]; }
# A balloon is a light box above the icon; the desktop there is dark blue.
# Takes a screenshot; the mean brightness of a strip of the balloon's rows
# in the screen's left half, which only a balloon with a long line reaches
# (the failing update's; the stalled balloon's is short).
balloon_brightness() { shot; convert "$SHOT" -crop 300x40+100+$((H - 80)) +repage -colorspace Gray -format '%[fx:int(mean*100)]' info:; }
balloon_present() { [ "$(balloon_brightness)" -ge 60 ]; }
no_details() { ! details_shown; }
# A key to the details window; nothing (and no wait) when it is not there.
details_key() { window_key "$(details_id)" "$1"; }
details_shot() { window_shot "$(details_id)" "$1"; }
# A healthy PC replayed through the update-agent and event-log stand-ins (the
# newest cumulative update installed 10 days ago), that searched for updates
# yesterday (the registry's record, which the stalls below change).
winenv_healthy "$B"
winenv_results 1 2
# Wine's taskbar is light: the tray is told so, and draws its glyph dark
# (icons_e2e.sh switches to dark and back).
taskbar_light 1

# 1. Start: the icon appears, green, because idle stopped services are normal.
# Wine's event log is a stub that traces what is written: kept in tray.log.
export TRAY_WINEDEBUG=fixme+advapi,trace+eventlog,warn+eventlog,err+eventlog
desktop_start_tray "$B"
# Events written so far with this type and ID (hex, e.g. 0x0001 and 0x00000066).
events_logged() { tr -d '\r' <"$WINENV_DIR/tray.log" | grep -c "ReportEventW ([0-9A-Fa-f]*,$1,0x0000,$2,"; }
event_logged() { [ "$(events_logged "$1" "$2")" -ge "${3:-1}" ]; }
check "icon appears and shows OK (a green badge)" wait_for 300 icon_is green
check "the icon is wutray's glyph, dark on the light taskbar" icon_glyph_dark

# 2. A second start in the same session leaves quietly; still one icon owner.
timeout 30 wine "$B/wutray.exe"
rc=$?
check "second instance exits with 0 (got $rc)" [ "$rc" -eq 0 ]
n=$(pgrep -fxc "$TRAY_RE")
check "one wutray process after a second start (got $n)" [ "$n" -eq 1 ]

# 2b. A service started and stopped behind its back: the notification brings
#     the change at once (the safety poll is 5 minutes away).
check "state line: both stopped" wait_for 50 tray_state_is "ok wuauserv=stopped UsoSvc=stopped state=ok"
svc start wuauserv
check "an external start is seen without a poll" wait_for 30 tray_state_is "ok wuauserv=running UsoSvc=stopped state=ok"
svc stop wuauserv
check "an external stop is seen without a poll" wait_for 30 tray_state_is "ok wuauserv=stopped UsoSvc=stopped state=ok"

# 2b'. Another program of the same user posts the tray's result messages
#      with bogus pointers and its old job numbers as thread messages (restart,
#      re-enable, check, quit): the tray neither crashes nor restarts anything,
#      and still watches.
check "forged messages: the tray still answers" wine "$B/traypoke.exe" forge
check "forged messages: still one wutray process" [ "$(pgrep -fxc "$TRAY_RE")" -eq 1 ]
check "forged messages: nothing was restarted" tray_state_is "ok wuauserv=stopped UsoSvc=stopped state=ok"
svc start wuauserv
check "forged messages: the watch still sees a start" wait_for 30 tray_state_is "ok wuauserv=running UsoSvc=stopped state=ok"
svc stop wuauserv
check "forged messages: and a stop" wait_for 30 tray_state_is "ok wuauserv=stopped UsoSvc=stopped state=ok"

# 2c. A policy that turns updating off, set in the registry: the tray shows it
#     at once (registry notification), and clears it when the value goes.
POL='HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU'
wine reg add "$POL" /v NoAutoUpdate /t REG_DWORD /d 1 /f >/dev/null 2>&1
check "a blocking policy turns the icon amber without a poll" wait_for 30 icon_is amber
wine reg delete "$POL" /v NoAutoUpdate /f >/dev/null 2>&1
check "and green again when it is removed" wait_for 30 icon_is green

# 2d. Updates stall: the last successful search is 9 days old. The registry
#     notification brings it (after the tray has asked the update agent,
#     10 s after its start): red, and the tooltip says since when.
winenv_results 9 2
check "stalled: the badge turns red without a poll" wait_for 200 icon_is red
check "stalled: state line" wait_for 30 tray_state_is "critical wuauserv=stopped UsoSvc=stopped state=stalled"
winenv_results 9 2 # written again: a second check that agrees
check "stalled: an error event (102) in the Application log" wait_for 50 event_logged 0x0001 0x00000066
check "stalled: the event names the state" grep -q 'L"Windows Update: Stalled"' "$WINENV_DIR/tray.log"
xdotool mousemove $IX $IY
sleep 1.5
shot
crop_corner "$SHOTS/stalled-tooltip.png"
winenv_results 1 2
check "a recent search: green again" wait_for 50 icon_is green
winenv_results 1 2
check "and an information event (100) says so" wait_for 50 event_logged 0x0004 0x00000064
xdotool mousemove $((W / 2)) $((H / 2))

# 2e. A cumulative update that has failed three times while Defender installs
#     every day, replayed through the stand-ins; "Check now" asks the agent
#     and the logs again: red, the tooltip and the details name the update.
winenv_pc "$B" failing fail_weeks=3 defender_daily=1 patch_days=40
check "menu opens for Check now" open_menu
choose c
check "failing: icon turns red" wait_for 200 icon_is red
check "failing: state line" wait_for 30 tray_state_is "critical wuauserv=stopped UsoSvc=stopped state=failing"
xdotool mousemove $IX $IY
sleep 1.5
shot
crop_corner "$SHOTS/failing-tooltip.png" 640
xdotool mousemove $((W / 2)) $((H / 2))
check "menu opens for the failing details" open_menu
choose d
check "failing details: the window opens" wait_for 50 details_shown
sleep 0.5
shot
details_shot "$SHOTS/details-failing.png"
details_key Return
check "failing details: Enter closes it" wait_for 50 no_details
# A balloon waits for a second check that agrees (one check alone never
# alerts): a service that starts and stops brings two. (Whether one had come
# already, from the poll or a notification, depends on timing: not checked.)
xdotool mousemove $((W / 2)) $((H / 2))
svc start wuauserv
check "failing: the start seen" wait_for 30 tray_state_is "critical wuauserv=running UsoSvc=stopped state=failing"
svc stop wuauserv
check "failing: the stop seen" wait_for 30 tray_state_is "critical wuauserv=stopped UsoSvc=stopped state=failing"
sleep 2.5 # balloons are drawn about 2 s after the call
check "failing: the balloon is shown (its long line reaches the left half: not an earlier, shorter one)" balloon_present
crop_corner "$SHOTS/failing-balloon.png" 1024
winenv_healthy "$B"
check "menu opens for Check now again" open_menu
choose c
check "the update installed: green again" wait_for 200 icon_is green

# 2f. Snooze is a submenu, by keyboard: "Snooze alerts" > "For an hour"
#     keeps balloons back for an hour (saved, so a restart of wutray keeps
#     it); "Resume alerts", enabled only while snoozed, ends it.
check "menu opens for Snooze" open_menu
choose a
sleep 0.5
xdotool key h # to the submenu the key opened (the menu loop has the keyboard)
check "snooze for an hour: saved, about 60 minutes left" wait_for 30 snooze_about 60
check "snooze: the menu closed" wait_for 30 no_menu
check "menu opens for Resume" open_menu
choose a
sleep 0.5
xdotool key r
check "resume: the snooze is gone" wait_for 30 eval '[ "$(snooze_left)" = none ]'
check "resume: the menu closed" wait_for 30 no_menu
check "resume: the tray still runs" wait_for 30 tray_state_is "ok wuauserv=stopped UsoSvc=stopped state=ok"

# 3. Right-click: the menu appears where it was not before.
shot; cp "$SHOT" "$WINENV_DIR/before.png"
check "right-click opens the menu" open_menu
xdotool mousemove $((W - 120)) $((H - 110)) # onto the menu, above "Snooze alerts" (hovering it opens its submenu): hides the tooltip, highlights an item
sleep 0.5
shot
diff_px=$(compare -metric AE -crop 220x120+$((W - 230))+$((H - 140)) "$WINENV_DIR/before.png" "$SHOT" null: 2>&1 | cut -d' ' -f1)
check "the menu is drawn (changed pixels: $diff_px)" [ "${diff_px%.*}" -gt 2000 ]
crop_corner "$SHOTS/menu.png"

# 4. Windows Update gets disabled; "Check now" shows it without waiting for the poll.
svc start-type wuauserv disabled
choose c
check "Check now: icon turns red for a disabled service" wait_for 100 icon_is red
xdotool mousemove $IX $IY
sleep 1.5
shot
crop_corner "$SHOTS/broken-tooltip.png"

# 5. The troubleshooter entry opens Windows' page through its handler.
check "menu opens again" open_menu
choose t
check "troubleshooter: ms-settings:troubleshoot was opened" \
  wait_for 100 uri_opened 'ms-settings:troubleshoot'
check "menu opens for settings" open_menu
choose s
check "settings: ms-settings:windowsupdate was opened" \
  wait_for 100 uri_opened 'ms-settings:windowsupdate'

# 6. Re-enabled from the menu (the item shows only now), then restarted from
#    the menu: both services end up running, icon green.
# The details window lists every signal (opened from the menu, closed with
# Enter on its Close button: Wine's task dialog ignores Esc).
check "menu opens for details" open_menu
choose d
check "details: the window opens" wait_for 50 details_shown
sleep 0.5
shot
details_shot "$SHOTS/details.png"
details_key Return
check "details: Enter closes it" wait_for 50 no_details
# A left click on the red icon does what fits: re-enable (the bold menu item).
xdotool mousemove $IX $IY click 1
check "click on the icon: re-enabled, icon green again" wait_for 100 icon_is green
start_type=$(wine "$B/wutray-cli.exe" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["services"][0]["start_type"])')
check "re-enable: wuauserv is set to manual (got $start_type)" [ "$start_type" = manual ]
check "menu opens for restart" open_menu
choose r
check "restart: icon green again" wait_for 200 icon_is green
wait_for 100 svc wait wuauserv running 100
check "restart: wuauserv running" [ "$(wine "$B/svctool.exe" state wuauserv | tr -d '\r')" = running ]
check "restart: UsoSvc running" [ "$(wine "$B/svctool.exe" state UsoSvc | tr -d '\r')" = running ]
xdotool mousemove $((W / 2)) $((H / 2)) # away from the icon: no tooltip over the balloon
sleep 2.5 # balloons are drawn about 2 s after the call
shot
crop_corner "$SHOTS/restart-balloon.png"

# 7. Explorer restarts, right after the restart's balloon: the icon is lost,
#    and comes back on the "TaskbarCreated" broadcast (traypoke plays the new
#    shell, and fails if wutray's window stops answering).
wine "$B/traypoke.exe" drop-icon
check "a shell that lost the icon shows none" wait_for 50 icon_is none
check "TaskbarCreated delivered" wine "$B/traypoke.exe" taskbar-created
check "TaskbarCreated: the icon is back, still green" wait_for 50 icon_is green

# 8. Exit: the process ends and the icon goes with it.
pid=$(tray_pid)
check "menu opens for exit" open_menu
choose x
gone() { ! kill -0 "$pid" 2>/dev/null; }
check "exit: wutray.exe has ended" wait_for 50 gone
check "exit: the icon is gone" icon_is none

echo "tray_e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
