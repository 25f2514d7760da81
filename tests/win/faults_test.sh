#!/usr/bin/env bash
# The fault matrix of issue 11, under Wine against the fake services: what
# the user or the administrator sees for each fault (exit code, JSON, the
# services' states afterwards, the event log, the tray's state line), and
# that nothing is left half-done. docs/security.md has the table.
#   1. a service that exits right after it started
#   2. a service disabled in the middle of a restart
#   4. the clock jumping a day back and forward (CLI, then the tray)
#   5. the session ending during a restart (the tray)
#   6. registry values fuzzed in the prefix
# (3, a service deleted while watched, goes with the watcher's own tests.)
# The clock is moved for one program at a time with libfaketime
# (LD_PRELOAD; Wine reads the time through the C library), the monotonic
# clock left alone, as when a user or a time server sets the date.
# Usage: faults_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/winenv.sh"
. "$here/../e2e/desktop.sh"
. "$here/expect.sh" # after desktop.sh: its quiet ok/bad, not the e2e tally's
FAKETIME_LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1)
[ -n "$FAKETIME_LIB" ] || bad "libfaketime is not installed (scripts/deps.sh installs it): the clock cases cannot move the clock"

section() { echo "-- ${SECONDS} s: $*"; }
winenv_new "$B"
trap e2e_end EXIT
OUT=$WINENV_DIR/out ERR=$WINENV_DIR/err CLOCK=$WINENV_DIR/clock
LOG=$(winpath "$WINENV_DIR/order.log")
FAKE=$(winpath "$B/fakesvc.exe")
echo "+0" >"$CLOCK"
svc() { wine "$B/svctool.exe" "$@" >/dev/null 2>&1; }
state_of() { wine "$B/svctool.exe" state "$1" 2>/dev/null | tr -d '\r'; }
json() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($1)" "$OUT" 2>&1; }
order_log() { [ -f "$WINENV_DIR/order.log" ] && tr -d '\r' <"$WINENV_DIR/order.log" | paste -sd, -; }
# Runs wutray-cli with the clock moved by $CLOCK ("+1d", "-1d", "+0");
# stdout in $OUT, stderr with the traced event log in $ERR, exit code in $rc.
cli() {
  rm -f "$WINENV_DIR/order.log"
  LD_PRELOAD=$FAKETIME_LIB FAKETIME_TIMESTAMP_FILE=$CLOCK FAKETIME_DONT_FAKE_MONOTONIC=1 \
    WINEDEBUG=fixme+advapi,trace+eventlog,warn+eventlog,err+eventlog wine "$B/wutray-cli.exe" "$@" >"$OUT" 2>"$ERR"
  rc=$?
}
events() { tr -d '\r' <"$ERR" | grep -E 'ReportEventW \('; }
# Every string in the JSON is printable text of a sane length (no stack
# bytes, no control characters, no value copied through unbounded).
json_clean() {
  python3 - "$OUT" <<'EOF'
import json, sys
def walk(v):
    if isinstance(v, str):
        if len(v) > 600 or not v.replace("\n", "").isprintable() or "\ufffd" in v: raise SystemExit("bad string: %r" % v[:80])
    elif isinstance(v, dict): [walk(x) for x in v.values()]
    elif isinstance(v, list): [walk(x) for x in v]
walk(json.load(open(sys.argv[1])))
print("clean")
EOF
}
# Imports REGEDIT4 lines (after the header) into the prefix's registry.
regfile() { printf 'REGEDIT4\n\n%s\n' "$1" >"$WINENV_DIR/in.reg"; wine regedit /S "$(winpath "$WINENV_DIR/in.reg")" >/dev/null 2>&1; }
AU='HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update'
POL='HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate'
UX='HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings'
# What the fuzzing below writes, removed (one regedit run).
FUZZED="[-HKEY_CURRENT_USER\\Software\\wutray]
[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\wutray]
[-$POL]
[-$UX]"
# A UTC time N seconds from now, as the Results values write it.
at() { date -u -d "@$(($(date +%s) + $1))" '+%Y-%m-%d %H:%M:%S'; }

winenv_fake_usosvc "$B" demand
winenv_healthy "$B"
winenv_results 1 2

section "6 registry fuzz"
# ---- 6. Registry values fuzzed: wrong types, huge strings, impossible dates.
#      Expected: no crash, JSON that parses and holds only text, each value
#      ignored as documented (a date that is not one is no date; a policy is
#      only a REG_DWORD of 1), and each setting refused said on stderr.
big=$(head -c 70000 /dev/zero | tr '\0' '9')
regfile "[$UX]
\"PauseUpdatesExpiryTime\"=dword:00000001
[$POL\\AU]
\"UseWUServer\"=\"1\"
\"NoAutoUpdate\"=hex(b):01,00,00,00,00,00,00,00
[$POL]
\"DisableWindowsUpdateAccess\"=hex:01,00,00,00
\"DoNotConnectToWindowsUpdateInternetLocations\"=hex(7):31,00,00,00,00,00
[$AU]
\"RebootRequired\"=dword:00000001
[HKEY_CURRENT_USER\\Software\\wutray]
\"StalledSearchDays\"=\"7\"
\"PollMinutes\"=hex(b):05,00,00,00,00,00,00,00
\"Alerts\"=hex(7):31,00,00,00,00,00
\"IncludeBits\"=hex:01,00,00,00
\"SnoozeUntil\"=\"tomorrow\""
cli status --json
expect_eq "registry, wrong types: exit (a healthy PC)" 0 "$rc"
expect_eq "registry, wrong types: the JSON is clean" clean "$(json_clean)"
expect_eq "registry, wrong types: no pause, not managed, no policy, no restart pending" \
  "None False [] False" "$(json 'str(j["signals"]["paused_until"])+" "+str(j["signals"]["managed"])+" "+str(j["signals"]["policy_blocks"])+" "+str(j["signals"]["reboot_required"])')"
expect_eq "registry, wrong types: each setting refused is said on stderr" 4 \
  "$(tr -d '\r' <"$ERR" | grep -c 'is not a REG_DWORD and is ignored')"
regfile "$FUZZED
[$UX]
\"PauseUpdatesExpiryTime\"=\"$big\"
[$AU\\Results\\Install]
\"LastSuccessTime\"=\"$(at -86400)$big\"
[$POL\\AU]
\"UseWUServer\"=\"$big\"
[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\wutray]
\"StalledSearchDays\"=\"$big\""
cli status --json
expect_eq "registry, 70,000-character strings: exit" 0 "$rc"
expect_eq "registry, 70,000-character strings: the JSON is clean" clean "$(json_clean)"
expect_eq "registry, 70,000-character strings: no pause, not managed" "None False" \
  "$(json 'str(j["signals"]["paused_until"])+" "+str(j["signals"]["managed"])')"
expect_eq "registry, 70,000-character strings: the policy's value refused, on one line" 1 \
  "$(tr -d '\r' <"$ERR" | grep -c 'StalledSearchDays in HKLM.SOFTWARE.Policies.wutray is not a REG_DWORD')"
expect_eq "registry, 70,000-character strings: stderr stays short" 1 "$([ "$(wc -c <"$ERR")" -lt 4000 ] && echo 1)"
# Dates that cannot be (a leap second at the end of 9999, Feb 29 of a common
# year, hour 24, a time zone, a bare day): each ignored, none shown.
regfile "$FUZZED
[$UX]
\"PauseUpdatesExpiryTime\"=\"9999-12-31T23:59:60Z\"
[$AU\\Results\\Install]
\"LastSuccessTime\"=\"2026-02-29 12:00:00\""
cli status --json
expect_eq "impossible dates (9999-12-31T23:59:60Z, 2026-02-29): not paused, exit 0" "0 None ok" \
  "$rc $(json 'str(j["signals"]["paused_until"])+" "+j["state"]')"
expect_eq "impossible dates: the JSON is clean" clean "$(json_clean)"
regfile "[$UX]
\"PauseUpdatesExpiryTime\"=\"2099-01-01T24:00:00+01:00\"
[$AU\\Results\\Detect]
\"LastSuccessTime\"=\"2026-02-30 10:00:00\""
cli status --json
expect_eq "impossible dates (hour 24 with a zone, Feb 30): no pause, the search not known (exit 3)" \
  "3 None unknown None" "$rc $(json 'str(j["signals"]["paused_until"])+" "+j["state"]+" "+str(j["outcome"]["last_search_source"])')"
expect_eq "impossible search date: the JSON is clean" clean "$(json_clean)"

section "2 disabled mid-restart"
# ---- 2. A service disabled in the middle of a restart: Windows Update is
#      disabled while the Update Orchestrator stops. Expected: it is not
#      started (never re-enabled behind the admin's back), exit 3, the
#      message says so; the Update Orchestrator, stopped by the restart, is
#      started again; an error event.
regfile "$FUZZED
[$AU\\Results\\Detect]
\"LastSuccessTime\"=\"$(at -86400)\""
svc binpath wuauserv "$FAKE" wuauserv --stop-ms 300 --log "$LOG"
svc binpath UsoSvc "$FAKE" UsoSvc --stop-ms 1500 --log "$LOG"
svc start wuauserv && svc wait wuauserv running 5000
svc start UsoSvc && svc wait UsoSvc running 5000
rm -f "$WINENV_DIR/order.log"
WINEDEBUG=fixme+advapi,trace+eventlog wine "$B/wutray-cli.exe" restart --json >"$OUT" 2>"$ERR" &
cli_pid=$!
svc wait UsoSvc stop_pending 5000
svc start-type wuauserv disabled
wait $cli_pid
rc=$?
expect_eq "disabled mid-restart: exit" 3 "$rc"
expect_eq "disabled mid-restart: result" "disabled wuauserv" "$(json 'j["result"]+" "+j["service"]')"
expect_eq "disabled mid-restart: message" \
  "The Windows Update service is disabled, so it was not started. Re-enable it first." "$(json 'j["message"]')"
expect_eq "disabled mid-restart: what the fakes did" "stop UsoSvc,stop wuauserv,start UsoSvc" "$(tr -d '\r' <"$WINENV_DIR/order.log" | paste -sd, -)"
expect_eq "disabled mid-restart: afterwards wuauserv stopped, UsoSvc running" "stopped running" \
  "$(state_of wuauserv) $(state_of UsoSvc)"
expect_has "disabled mid-restart: an error event 111" "$(events)" ",0x0001,0x0000,0x0000006f,"
svc start-type wuauserv demand

section "4 clock, CLI"
# ---- 4. The clock a day back and forward (the command line). A search 6.5
#      days ago: stalled a day later by the clock, fine a day earlier; a
#      search that is in the future by the clock (it was set back) is
#      neither stalled nor a negative age.
regfile "[$AU\\Results\\Detect]
\"LastSuccessTime\"=\"$(at -561600)\""
echo "+1d" >"$CLOCK"
cli status --json
expect_eq "clock +1 day: evaluated a day ahead" "$(date -u -d '+1 day' +%F)" "$(json 'j["evaluated_at"][:10]')"
expect_eq "clock +1 day: a search 6.5 days ago is 7.5 days old: stalled, exit 2" "2 stalled" "$rc $(json 'j["state"]')"
echo "-1d" >"$CLOCK"
cli status --json
expect_eq "clock -1 day: the same search is 5.5 days old: ok, exit 0" "0 ok" "$rc $(json 'j["state"]')"
regfile "[$AU\\Results\\Detect]
\"LastSuccessTime\"=\"$(at -3600)\""
cli status --json
expect_eq "clock -1 day: a search 23 hours in the future: ok, exit 0" "0 ok" "$rc $(json 'j["state"]')"
expect_eq "clock -1 day: its date as recorded" "$(date -u -d '-1 hour' +%F)" "$(json 'j["outcome"]["last_search"][:10]')"
cli status
expect_has "clock -1 day: the text names the date (the user's format, en-US)" "$(cat "$OUT")" \
  "Last successful search for updates: $(date -d '-1 hour' +%-m/%-d/%Y)."
# A clock set back three days: the same search is dated days ahead. wutray
# cannot tell whether updates stall, so it says Unknown (exit 3), never OK.
echo "-3d" >"$CLOCK"
cli status --json
expect_eq "clock -3 days: a search dated 3 days ahead: unknown, exit 3" "3 unknown clock_behind" \
  "$rc $(json 'j["state"]') $(json '[r["code"] for r in j["reasons"] if r["code"]=="clock_behind"][0]')"
echo "+0" >"$CLOCK"

section "1 exits after start"
# ---- 1. A service that exits right after it started (its process ends once
#      it reported RUNNING). Expected: the restart failed (exit 1), naming
#      it and its exit code; not started again; Windows Update left running;
#      an error event. Wine's service manager still says RUNNING for it with
#      a dead process, so wineserver is restarted afterwards.
svc binpath UsoSvc "$FAKE" UsoSvc --exit-after-start --log "$LOG"
cli restart --json
expect_eq "exits after start: exit" 1 "$rc"
expect_eq "exits after start: result" "exited UsoSvc" "$(json 'j["result"]+" "+j["service"]')"
expect_eq "exits after start: message" \
  "The Update Orchestrator service started, then stopped again at once (exit code 3): it was not started again. Its own log or the System event log may say why." \
  "$(json 'j["message"]')"
expect_eq "exits after start: started once, not again" "stop UsoSvc,start wuauserv,start UsoSvc" "$(order_log)"
expect_eq "exits after start: Windows Update running" running "$(state_of wuauserv)"
expect_has "exits after start: an error event 111" "$(events)" ",0x0001,0x0000,0x0000006f,"
# Wine has lost the service's process: a fresh wineserver, the same prefix.
kill "$WINENV_KEEPALIVE" 2>/dev/null
wineserver -k 2>/dev/null
wineserver -w 2>/dev/null
wine "$B/sleeper.exe" >/dev/null 2>&1 &
WINENV_KEEPALIVE=$!
expect_eq "after wineserver's restart: both stopped" "stopped stopped" "$(state_of wuauserv) $(state_of UsoSvc)"

section "the tray"
# ---- The tray, under Xvfb, its clock moved by $CLOCK.
desktop_start_xvfb
svc binpath UsoSvc "$FAKE" UsoSvc --stop-ms 4000 --log "$LOG"
svc binpath wuauserv "$FAKE" wuauserv --start-ms 6000 --log "$LOG"
TRAY_RE=$(tray_re "$B")
LD_PRELOAD=$FAKETIME_LIB FAKETIME_TIMESTAMP_FILE=$CLOCK FAKETIME_NO_CACHE=1 FAKETIME_DONT_FAKE_MONOTONIC=1 \
  TRAY_WINEDEBUG=fixme+graphics,fixme+advapi,trace+eventlog,warn+eventlog,err+eventlog,trace+systray,trace+tooltips \
  desktop_start_tray "$B"
TRAY_LOG=$WINENV_DIR/tray.log
expect_eq "tray: up, both stopped" 0 "$(wait_for 300 tray_state_is "ok wuauserv=stopped UsoSvc=stopped state=ok"; echo $?)"
check_twice() { wine "$B/traypoke.exe" check-twice; }

section "4a pending"
# 4a. A service starting (for 6 s) when the clock jumps a day ahead: still
#     "starting", not "stuck" (pending time is measured on the monotonic clock).
svc start wuauserv
expect_eq "pending: seen starting" 0 "$(wait_for 30 tray_state_is "ok wuauserv=start_pending UsoSvc=stopped state=working"; echo $?)"
echo "+1d" >"$CLOCK"
check_twice
expect_eq "pending, clock +1 day: not stuck" "ok wuauserv=start_pending UsoSvc=stopped state=working" "$(tray_state)"
expect_eq "pending: then running" 0 "$(wait_for 100 tray_state_is "ok wuauserv=running UsoSvc=stopped state=ok"; echo $?)"

section "4b balloons"
# 4b. The clock going back and forth a day around a search 6.5 days old:
#     stalled, fine, stalled, fine, stalled. One balloon for the incident;
#     an event for each confirmed change of state, no more.
balloons() { grep -c 'TOOLTIPS_SetTitleT .*title = ' "$TRAY_LOG"; }
stalled_events() { tr -d '\r' <"$TRAY_LOG" | grep -c 'ReportEventW ([0-9A-Fa-f]*,0x0001,0x0000,0x00000066,'; }
STALLED="critical wuauserv=running UsoSvc=stopped state=stalled" FINE="ok wuauserv=running UsoSvc=stopped state=ok"
b0=$(balloons) e0=$(stalled_events)
echo "+1d" >"$CLOCK"
regfile "[$AU\\Results\\Detect]
\"LastSuccessTime\"=\"$(at -561600)\""
# Searches are judged once the slow read is in (10 s after the start).
expect_eq "clock +1d: stalled" 0 "$(wait_for 300 tray_state_is "$STALLED"; echo $?)"
for c in +1d -1d +1d; do
  echo "$c" >"$CLOCK"
  check_twice
  expect_eq "clock $c around a search 6.5 days old: state line" "$([ "$c" = +1d ] && echo "$STALLED" || echo "$FINE")" \
    "$(tray_state)"
done
sleep 3 # a balloon is drawn 2 s after it is asked for
expect_eq "clock jumps: one balloon for the stall, not one per jump" 1 "$(($(balloons) - b0))"
expect_eq "clock jumps: an error event (102) each time the stall is confirmed" 2 "$(($(stalled_events) - e0))"

section "4c snooze"
# 4c. Snoozed for an hour, then the clock goes back a day: the snooze ends an
#     hour from then (saved so), not 25 hours later.
echo "+0" >"$CLOCK"
regfile "[$AU\\Results\\Detect]
\"LastSuccessTime\"=\"$(at -86400)\""
# The saved snooze (REG_QWORD, ms since 1970), from an export of the key.
snooze_until() {
  rm -f "$WINENV_DIR/snooze.reg"
  wine regedit /E "$(winpath "$WINENV_DIR/snooze.reg")" 'HKEY_CURRENT_USER\Software\wutray' >/dev/null 2>&1
  python3 - "$WINENV_DIR/snooze.reg" <<'EOF'
import re, sys
try: d = open(sys.argv[1], "rb").read()
except OSError: sys.exit()
t = d.decode("utf-16") if d[:2] == b"\xff\xfe" else d.decode("latin-1")
m = re.search(r'"SnoozeUntil"=hex\(b\):([0-9a-f,]+)', t)
if m: print(int("".join(reversed(m.group(1).split(","))), 16))
EOF
}
snoozed() { [ -n "$(snooze_until)" ]; }
wine "$B/traypoke.exe" choose ah
wait_for 50 snoozed
s1=$(snooze_until)
expect_eq "snooze: an hour from now" 1 "$(( ${s1:-0} / 1000 - $(date +%s) > 3500 && ${s1:-0} / 1000 - $(date +%s) <= 3600 ))"
echo "-1d" >"$CLOCK"
check_twice
s2=$(snooze_until)
expect_eq "snooze, clock -1 day: ends an hour from the new time (-24 h saved)" 1 \
  "$(( ${s2:-0} / 1000 - $(date -d '-1 day' +%s) > 3500 && ${s2:-0} / 1000 - $(date -d '-1 day' +%s) <= 3600 ))"
echo "+0" >"$CLOCK"

section "5 session end"
# ---- 5. The session ends while a restart runs (Windows' messages, sent as
#      Windows sends them; Wine has no real sign-out). Expected: the tray
#      says why the sign-out waits, goes no further, starts again what it
#      had stopped, logs it, removes its icon and exits, within the bound.
svc start UsoSvc && svc wait UsoSvc running 5000
rm -f "$WINENV_DIR/order.log"
deletes0=$(grep -c 'Shell_NotifyIconW dwMessage = 2,' "$TRAY_LOG")
wine "$B/traypoke.exe" choose r
svc wait UsoSvc stop_pending 5000
wine "$B/traypoke.exe" endsession >"$OUT"
end=$(tr -d '\r' <"$OUT")
expect_has "session end: WM_QUERYENDSESSION answered yes" "$end" "query=1"
ms=${end##*end_ms=}
expect_eq "session end: WM_ENDSESSION returned within 20 s (${ms:-none} ms)" 1 "$([ -n "$ms" ] && [ "$ms" -lt 20000 ] && echo 1)"
expect_eq "session end: the tray has exited" 0 "$(wait_for 30 test -z "$(tray_pid)"; echo $?)"
expect_eq "session end: its icon removed" 1 "$(($(grep -c 'Shell_NotifyIconW dwMessage = 2,' "$TRAY_LOG") - deletes0))"
expect_eq "session end: the Update Orchestrator started again, Windows Update never stopped" \
  "stop UsoSvc,start UsoSvc" "$(order_log)"
expect_eq "session end: both running" "running running" "$(state_of wuauserv) $(state_of UsoSvc)"
expect_has "session end: Windows was told why it waits" "$(tr -d '\r' <"$TRAY_LOG")" \
  'ShutdownBlockReasonCreate (' 
expect_has "session end: a warning event (113) says so" "$(tr -d '\r' <"$TRAY_LOG" | grep -A3 'ReportEventW ([0-9A-Fa-f]*,0x0002,0x0000,0x00000071,')" \
  "The restart was broken off because the session is ending"
expect_eq "session end: no crash" "" "$(grep -E 'Unhandled exception|err:seh|wine: Unhandled' "$TRAY_LOG")"

echo "faults_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
