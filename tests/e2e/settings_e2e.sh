#!/usr/bin/env bash
# End to end: the Settings dialog and the About box of the real tray, in a
# Wine desktop under Xvfb, driven by keyboard from the menu on: a threshold
# changed lands in HKCU and changes the tray's state without a restart; an
# entry out of range is refused and not written; a value set by policy is
# locked; the snooze, alerts and sign-in rows work; About shows the version
# and closes with Enter. The menu itself is opened with a right click (Wine's
# taskbar has no keyboard way into the notification area).
# Usage: settings_e2e.sh BUILD_DIR [SCREENSHOT_DIR]  (settings.png, about.png)
# The PC searched for updates 5 days ago: OK with the 7-day default.
SEARCH_DAYS=5
. "$(dirname "$0")/settings_setup.sh"
VERSION=$(sed -n 's/^#define WUTRAY_VERSION_STR "\(.*\)"/\1/p' "$B/generated/version.h")
USER_KEY='HKCU\Software\wutray'
RUN='Software\Microsoft\Windows\CurrentVersion\Run'

# A REG_DWORD of the user's (decimal), or "none".
user_value() {
  local v
  v=$(timeout 20 wine reg query "$USER_KEY" /v "$1" 2>/dev/null | tr -d '\r' | awk -v n="$1" '$1 == n && $2 == "REG_DWORD" {print $3}')
  if [ -n "$v" ]; then printf '%d\n' "$v"; else echo none; fi
}
user_value_is() { [ "$(user_value "$1")" = "$2" ]; }
run_value() { timeout 20 wine reg query "HKCU\\$RUN" /v wutray 2>/dev/null | tr -d '\r' | sed -n 's/^ *wutray *REG_SZ *//p'; }

settings_id() { window_id '^wutray settings$'; }
settings_shown() { [ -n "$(settings_id)" ]; }
no_settings() { ! settings_shown; }
about_id() { window_id '^About wutray$'; }
about_shown() { [ -n "$(about_id)" ]; }
no_about() { ! about_shown; }
keys() { window_key "$(settings_id)" "$@"; } # to the Settings dialog
# The dialog's controls (desktop.sh's peek): a field in the last peek, or in a new one.
ctl_was() { [ "$(ctl "$1" "$2")" = "$3" ]; } # in the last peek
ctl_is() { peek "$B" 'wutray settings'; ctl_was "$@"; }
ctl_has() { peek "$B" 'wutray settings'; case "$(ctl "$1" 6)" in *"$2"*) return 0 ;; *) return 1 ;; esac; }

desktop_start_tray "$B"
check "the tray starts, OK" wait_for 300 tray_state_is "ok wuauserv=stopped UsoSvc=stopped state=ok"

# 1. Settings... from the menu, by its access key.
check "menu opens" open_menu
choose n
check "Settings... opens the dialog" wait_for 50 settings_shown
peek "$B" 'wutray settings'
check "the dialog is in front (foreground)" [ "$(ctl foreground 2)" = 1 ]
check "the thresholds show what applies: 7 days" [ "$(ctl 212 6)" = 7 ]
check "a policy value is shown: 60" [ "$(ctl 216 6)" = 60 ]
check "the policy's edit is disabled" [ "$(ctl 216 3)" = 0 ]
check "its label is disabled too" [ "$(ctl 215 3)" = 0 ]
check "\"Set by your organisation\" beside it" [ "$(ctl 218 6)" = "Set by your organisation" ]
check "and visible" [ "$(ctl 218 4)" = 1 ]
check "the user's own thresholds are enabled" [ "$(ctl 212 3)$(ctl 220 3)$(ctl 224 3)" = 111 ]
check "no other lock note" [ -z "$(ctl 214 6)$(ctl 222 6)$(ctl 226 6)$(ctl 202 6)$(ctl 232 6)" ]
# Screen readers name an edit or a list by the label before it in tab order:
# each has one, with an access key.
unlabelled=$(peek_unlabelled)
check "each edit and list follows its label (none without: '$unlabelled')" [ -z "$unlabelled" ]
# Every check box and button has an access key, and no key is used twice.
keyless=$(peek_keyless)
check "every visible check box and button has an access key (without: '$keyless')" [ -z "$keyless" ]
dups=$(peek_dup_keys)
check "no access key used twice (twice: '$dups')" [ -z "$dups" ]
# German runs about 30% longer than English: every text must still fit.
tight=$(peek_tight)
check "every text fits with 30% more (tight: '$tight')" [ -z "$tight" ]
if [ -n "$SHOTS" ]; then
  sleep 0.5
  shot
  window_shot "$(settings_id)" "$SHOTS/settings.png"
fi

# 2. A second Settings... brings the open dialog to the front, no second one.
check "menu opens again" open_menu
choose n
sleep 1
n=$(xdotool search --onlyvisible --name '^wutray settings$' 2>/dev/null | wc -l)
check "still one Settings dialog (got $n)" [ "$n" -eq 1 ]
check "it is in front again" wait_for 30 ctl_is foreground 2 1

# 3. A threshold by keyboard: Alt+S (its label's key) selects the entry, 3,
#    Tab. It lands in HKCU and the tray judges with it at once: the search 5
#    days ago is now stalled (red), with no restart of wutray.
keys alt+s 3 Tab
check "StalledSearchDays = 3 in HKCU" wait_for 50 user_value_is StalledSearchDays 3
check "the tray takes it at once: stalled" wait_for 300 tray_state_is "critical wuauserv=stopped UsoSvc=stopped state=stalled"
check "the icon turns red" wait_for 50 icon_is red

# 4. Out of range (500 > 90): refused beside the entry, not written.
keys alt+s 5 0 0 Tab
check "500 is refused with the range beside it" wait_for 30 ctl_is 214 6 "Not saved: enter 1 to 90"
check "and not written: still 3" user_value_is StalledSearchDays 3
check "the refused text stays to be corrected" ctl_was 212 6 500
keys alt+s 7 Tab
check "7 is saved" wait_for 50 user_value_is StalledSearchDays 7
check "the note goes" wait_for 30 ctl_is 214 6 ""
check "the tray takes it: OK again" wait_for 300 tray_state_is "ok wuauserv=stopped UsoSvc=stopped state=ok"

# 5. The policy's row cannot be changed: its key (Alt+U) does not reach the
#    disabled entry, and what is typed then goes elsewhere or nowhere. Esc
#    closes without saving what was being typed.
keys alt+u 9 9
check "the locked entry still shows 60" ctl_is 216 6 60
keys Escape
check "Esc closes the dialog" wait_for 50 no_settings
check "nothing written for the locked setting" user_value_is PatchAgeDays none
check "nor the text Esc left unsaved" user_value_is RebootOverdueHours none
check "the policy's value is untouched" eval "timeout 20 wine reg query 'HKLM\\SOFTWARE\\Policies\\wutray' /v PatchAgeDays /reg:64 2>/dev/null | grep -q 0x3c"

# 6. Alerts, snooze and Resume from the dialog (Enter = Close at the end).
check "menu opens for Settings again" open_menu
choose n
check "the dialog opens again" wait_for 50 settings_shown
keys alt+a
check "Alt+A clears Alerts: 0 in HKCU" wait_for 50 user_value_is Alerts 0
check "with alerts off, snoozing is greyed" wait_for 30 ctl_is 205 3 0
keys alt+a
check "Alt+A again: Alerts = 1" wait_for 50 user_value_is Alerts 1
check "and snoozing is back" wait_for 30 ctl_is 205 3 1
# An up-down's arrow key (Up in the entry) saves once the steps pause,
# without leaving the entry.
keys alt+w Up
check "Up in the restart entry: RebootOverdueHours = 25" wait_for 50 user_value_is RebootOverdueHours 25
keys Down
check "Down: 24" wait_for 50 user_value_is RebootOverdueHours 24
keys alt+n Down alt+z # "a day", then Snooze
check "snoozed for a day (about 1440 minutes left)" wait_for 50 snooze_about 1440
check "the dialog says until when" wait_for 30 ctl_has 206 "Alerts are snoozed until "
check "with Resume" ctl_was 207 4 1
check "and the snooze choices gone" ctl_was 205 4 0
keys alt+r
check "Resume ends the snooze" wait_for 50 eval '[ "$(snooze_left)" = none ]'
check "the choices are back" wait_for 30 ctl_is 205 4 1

# 7. Start at sign-in: the user's Run value, the quoted path of the running
#    exe; cleared again. With the MSI's start for every user, a line says so
#    and no second start is added.
keys alt+t
want="\"$(winpath "$B/wutray.exe")\""
check "Alt+T writes the Run value (quoted path)" wait_for 50 eval '[ "$(run_value)" = "$want" ]'
keys alt+t
check "Alt+T again removes it" wait_for 50 eval '[ -z "$(run_value)" ]'
wine reg add "HKLM\\$RUN" /v wutray /d '"C:\Program Files\wutray\wutray.exe"' /f /reg:64 >/dev/null 2>&1
check "menu opens (the dialog looks again when brought to the front)" open_menu
choose n
check "with the MSI's start: the line says so" wait_for 30 ctl_is 234 4 1
check "it reads: already starts for every user" ctl_has 234 "already starts for every user of this PC"
check "the box is greyed" ctl_was 233 3 0
keys alt+t
sleep 1
check "no second start is added" [ -z "$(run_value)" ]
keys Return
check "Enter (Close) closes the dialog" wait_for 50 no_settings

# 8. About, from the menu by its key; Enter closes it.
check "menu opens for About" open_menu
choose b
check "About opens" wait_for 50 about_shown
peek "$B" 'About wutray'
check "About shows the version (wutray $VERSION)" grep -q "	wutray $VERSION\$" <<<"$PEEK"
check "what it watches" grep -q "Update Orchestrator (UsoSvc)" <<<"$PEEK"
check "where its events go" grep -q 'Application event log, source "wutray"' <<<"$PEEK"
check "the licence, honestly not chosen" grep -q "Licence: not chosen yet" <<<"$PEEK"
if [ -n "$SHOTS" ]; then
  sleep 0.5
  shot
  window_shot "$(about_id)" "$SHOTS/about.png"
fi
window_key "$(about_id)" Return
check "Enter closes About" wait_for 50 no_about
check "the tray still runs" [ -n "$(tray_pid)" ]

echo "settings_e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
