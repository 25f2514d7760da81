#!/usr/bin/env bash
# End to end in German: the tray under Xvfb in a Wine desktop whose display
# language is German (Wine takes it from LANG). The menu, the tooltip and a
# balloon show the text of res/lang/de.rc, its dates in the German format; a
# screenshot of each is kept. Wine draws menus and the balloon from the texts
# its menu and tooltip code receive, which its traces record: the checks read
# those, the screenshots show them.
# Usage: lang_e2e.sh BUILD_DIR [SCREENSHOT_DIR]
set -u
B=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
SHOTS=${2:-$here/../../docs/screenshots}
mkdir -p "$SHOTS"
. "$here/../win/winenv.sh"
. "$here/desktop.sh"

e2e_start "$B"
export LANG=de_DE.UTF-8
if ! locale -a | grep -qix 'de_DE.utf8'; then
  bad "the de_DE.UTF-8 locale exists (scripts/deps.sh makes it)"
  echo "lang_e2e: $passed passed, $failed failed"; exit 1
fi

# A German string of res/lang/de.rc as Wine's traces write it (debugstr_w:
# non-ASCII as \xxxx), cut at its first placeholder unless told the part.
de_text() { python3 "$here/../lang_strings.py" --trace "${2:-0}" "$here/../../res/lang/de.rc" "$1"; } # ID [part]
LOG=$WINENV_DIR/tray.log
traced() { tr -d '\r' <"$LOG" | grep -aF -- "$1" >/dev/null; }
svc() { wine "$B/svctool.exe" "$@" >/dev/null 2>&1; }

# A PC whose last successful search was 20 days ago: "Stalled", with a balloon
# once a second check agrees.
winenv_fake_usosvc "$B" demand
winenv_healthy "$B"
winenv_results 20 2
export TRAY_WINEDEBUG=trace+tooltips,trace+menu
desktop_start_tray "$B"
check "the icon appears" wait_for 300 icon_shown
stalled() { case "$(tray_state)" in *" state=stalled") true ;; *) false ;; esac; }
check "the state: stalled" wait_for 100 stalled
svc start wuauserv
svc stop wuauserv
day=$(date -u -d "@$(($(date +%s) - 20 * 86400))" +%d.%m.%Y)
bare=$(date -u -d "@$(($(date +%s) - 20 * 86400))" +%-d.%-m.%Y)
stalled_a=$(de_text IDS_REASON_STALLED_SEARCH 0) stalled_b=$(de_text IDS_REASON_STALLED_SEARCH 1)
balloon_traced() { traced "add text L\"$stalled_a$day$stalled_b\"" || traced "add text L\"$stalled_a$bare$stalled_b\""; }
check "the balloon says, in German, since when Windows has not searched ($stalled_a$day$stalled_b)" wait_for 300 balloon_traced
sleep 1; shot; crop_corner "$SHOTS/german-balloon.png" 600

# The tooltip: the German state name first.
xdotool mousemove $IX $IY
tip="L\"$(de_text IDS_TIP_FORMAT)$(de_text IDS_STATE_NAME_STALLED)"
check "the tooltip names the state in German ($tip)" wait_for 100 traced "$tip"

# The menu, opened as a person would: every item in German, none in English.
xdotool mousemove $IX $IY click 3
sleep 2
for id in IDS_MENU_DETAILS IDS_MENU_RESTART IDS_MENU_TROUBLESHOOT IDS_MENU_SETTINGS IDS_MENU_CHECK \
  IDS_MENU_SNOOZE IDS_MENU_SNOOZE_HOUR IDS_MENU_RESUME_ALERTS IDS_MENU_WUTRAY_SETTINGS IDS_MENU_ABOUT IDS_MENU_EXIT; do
  t=$(de_text $id)
  check "menu item $id in German ($t)" wait_for 30 traced "Text=L\"$t\""
done
check "the status line in German" traced "Text=L\"$(de_text IDS_MENU_STATUS)$(de_text IDS_STATE_NAME_STALLED)\""
check "no English menu item" bash -c "! tr -d '\r' <'$LOG' | grep -aq 'Text=L\"E&xit\"'"
shot; crop_corner "$SHOTS/german-menu.png" 600
xdotool key Escape

echo "lang_e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
