#!/usr/bin/env bash
# wutray-cli.exe under Wine against Wine's real service manager, in a fresh
# prefix: status levels, JSON and exit codes; restart order, failures and
# exit codes; usage errors. Usage: cli_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
. "$(dirname "$0")/winenv.sh"
. "$(dirname "$0")/expect.sh"

winenv_new "$B"
trap winenv_end EXIT
OUT=$WINENV_DIR/out ERR=$WINENV_DIR/err
cli() { wine "$B/wutray-cli.exe" "$@" >"$OUT" 2>"$ERR"; echo $?; }
svc() { wine "$B/svctool.exe" "$@" >/dev/null; }
json() { # python expression over j (the parsed JSON in $OUT)
  python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($1)" "$OUT" 2>&1
}
order_log() { tr -d '\r' <"$WINENV_DIR/order.log" | paste -sd, -; }
# The events a command wrote: Wine's event log is a stub that traces each
# ReportEventW (handle, type, category, event ID, ...) and its strings.
events_of() {
  WINEDEBUG=fixme+advapi,trace+eventlog,warn+eventlog,err+eventlog wine "$B/wutray-cli.exe" "$@" 2>&1 >/dev/null |
    tr -d '\r' | grep -E 'ReportEventW'
}

# 1. Windows 10 without the Update Orchestrator: critical.
rc=$(cli status --json)
expect_eq "status, no UsoSvc: exit" 2 "$rc"
expect_eq "status, no UsoSvc: level" critical "$(json 'j["level"]')"
expect_eq "status, no UsoSvc: reason" UsoSvc_missing "$(json 'j["reasons"][0]["code"]')"
expect_eq "status, no UsoSvc: state" missing "$(json '[s["state"] for s in j["services"] if s["name"]=="UsoSvc"][0]')"
expect_eq "status: evaluated_at is ISO 8601 UTC" True \
  "$(json '__import__("re").fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", j["evaluated_at"]) is not None')"

# 2. With a (fake) UsoSvc, both stopped: normal for the services. But
#    Wine's update agent is a stub and nothing records a search: unknown,
#    naming the signal that is missing.
winenv_fake_usosvc "$B" demand
rc=$(cli status --json)
expect_eq "no outcome known: exit" 3 "$rc"
expect_eq "no outcome known: state" unknown "$(json 'j["state"]')"
expect_eq "no outcome known: reason" outcome_unknown "$(json 'j["reasons"][0]["code"]')"
expect_has "no outcome known: says which" "$(json 'j["reasons"][0]["message"]')" "Windows Update Agent"
expect_eq "no outcome known: agent" unavailable "$(json 'j["outcome"]["agent"]')"
expect_eq "no outcome known: last search" unavailable "$(json 'j["outcome"]["last_search"]')"
expect_eq "no outcome known: patches" unavailable "$(json 'j["outcome"]["last_patch"]')"
expect_eq "no outcome known: the logs (a stub in Wine)" "False False" \
  "$(json 'str(j["outcome"]["sources"]["system_log"])+" "+str(j["outcome"]["sources"]["operational_log"])')"
expect_has "no outcome known: patches unknown, said" "$(json '[r["message"] for r in j["reasons"] if r["code"]=="patch_unknown"][0]')" \
  "neither the update history nor the System log"
expect_eq "the test prefix is a supported Windows" "supported Windows 11 25H2" \
  "$(json '[r["code"]+" "+r["subject"] for r in j["reasons"] if r["code"]=="supported"][0]')"
expect_eq "network cost (Wine answers: unrestricted)" False "$(json 'j["outcome"]["metered"]')"

# A healthy PC, replayed through the stand-ins (the newest cumulative update
# installed 10 days ago), and a search yesterday on record: OK.
winenv_healthy "$B"
winenv_results 1 2
rc=$(cli status --json)
expect_eq "status, idle: exit" 0 "$rc"
expect_eq "status, idle: level" ok "$(json 'j["level"]')"
expect_eq "status, idle: state" ok "$(json 'j["state"]')"
expect_eq "status, idle: only facts as reasons" "supported:ok,last_search:ok,last_patch:ok" \
  "$(json '",".join(r["code"]+":"+r["level"] for r in j["reasons"])')"
expect_eq "status, idle: the search date's source" registry "$(json 'j["outcome"]["last_search_source"]')"
expect_eq "status, idle: search date" "$(date -u -d '1 day ago' +%F)" "$(json 'j["outcome"]["last_search"][:10]')"
expect_eq "status, idle: services" "wuauserv:stopped:manual,UsoSvc:stopped:manual" \
  "$(json '",".join(s["name"]+":"+s["state"]+":"+s["start_type"] for s in j["services"])')"

# 2b. Registry signals, set in the prefix's real registry.
reg() { wine reg "$@" >/dev/null 2>&1; }
AU='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update'
POL='HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate'
UX='HKLM\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings'
# The reasons' codes, without the informational dates of the last search and install.
codes() { json '",".join(r["code"]+":"+r["level"] for r in j["reasons"] if r["code"] not in ("last_search", "last_patch", "supported"))'; }
reg add "$AU\RebootRequired" /f
rc=$(cli status --json)
expect_eq "reboot required (just now): exit" 0 "$rc"
expect_eq "reboot required: reason" "reboot_required:ok" "$(codes)"
expect_eq "reboot required: signal" True "$(json 'j["signals"]["reboot_required"]')"
reg add "$POL\AU" /v NoAutoUpdate /t REG_DWORD /d 1 /f
rc=$(cli status --json)
expect_eq "NoAutoUpdate policy: exit" 1 "$rc"
expect_eq "NoAutoUpdate policy: reasons" "policy_no_auto_update:warning,reboot_required:ok" "$(codes)"
expect_eq "NoAutoUpdate policy: signal" "['NoAutoUpdate']" "$(json 'j["signals"]["policy_blocks"]')"
expect_has "NoAutoUpdate policy: says why" "$(json 'j["reasons"][0]["message"]')" "NoAutoUpdate = 1"
reg add "$POL\AU" /v NoAutoUpdate /t REG_DWORD /d 0 /f
reg add "$POL\AU" /v UseWUServer /t REG_DWORD /d 1 /f
reg add "$UX" /v PauseUpdatesExpiryTime /t REG_SZ /d 2099-01-01T00:00:00Z /f
reg delete "$AU\RebootRequired" /f
rc=$(cli status --json)
expect_eq "paused and managed: exit" 0 "$rc"
expect_eq "paused and managed: reasons" "updates_paused:ok,managed:ok" "$(codes)"
expect_eq "paused: until" "2099-01-01T00:00:00Z" "$(json 'j["signals"]["paused_until"]')"
expect_eq "paused: message (JSON keeps ISO days)" "Updates are paused until 2099-01-01." "$(json 'j["reasons"][0]["message"]')"
reg add "$UX" /v PauseUpdatesExpiryTime /t REG_SZ /d "not a date" /f
reg delete "$POL\AU" /v UseWUServer /f
rc=$(cli status --json)
expect_eq "a malformed pause date is not a pause: exit" 0 "$rc"
expect_eq "a malformed pause date is not a pause: reasons" "" "$(codes)"
reg delete "$UX" /v PauseUpdatesExpiryTime /f

# 2c. Updates that stall: no successful search for more than 7 days, or no
#     installation for more than 30: critical (exit 2), unless paused or managed.
winenv_results 9 2
rc=$(cli status --json)
expect_eq "stalled search: exit" 2 "$rc"
expect_eq "stalled search: state" stalled "$(json 'j["state"]')"
expect_eq "stalled search: reasons" "stalled_search:critical" "$(codes)"
expect_eq "stalled search: message" "Windows has not searched for updates successfully since $(date -u -d '9 days ago' +%F)." \
  "$(json 'j["reasons"][0]["message"]')"
# Thresholds from the settings: a user's 10 days makes 9 days fine; a policy
# value out of range, or a value of the wrong type, is ignored and said so on
# stderr (the JSON on stdout stays clean).
reg add 'HKCU\Software\wutray' /v StalledSearchDays /t REG_DWORD /d 10 /f
rc=$(cli status --json)
expect_eq "StalledSearchDays=10 (user): 9 days is not stalled" 0 "$rc"
expect_eq "and nothing on stderr" "" "$(cat "$ERR")"
reg add 'HKLM\SOFTWARE\Policies\wutray' /v StalledSearchDays /t REG_DWORD /d 500 /f
reg add 'HKCU\Software\wutray' /v Alerts /t REG_SZ /d yes /f
rc=$(cli status --json)
expect_eq "a policy value out of range is ignored (the user's 10 stays): exit" 0 "$rc"
expect_eq "it is said on stderr" \
  "wutray-cli: The setting StalledSearchDays = 500 in HKLM\SOFTWARE\Policies\wutray is outside 1 to 90 and is ignored." \
  "$(tr -d '\r' <"$ERR" | grep StalledSearchDays)"
expect_eq "a value of the wrong type is said too" \
  "wutray-cli: The setting Alerts in HKCU\Software\wutray is not a REG_DWORD and is ignored." \
  "$(tr -d '\r' <"$ERR" | grep Alerts)"
expect_eq "stdout is still JSON" stalled_search_ok "$(json '"stalled_search_ok"')"
reg delete 'HKLM\SOFTWARE\Policies\wutray' /f
reg delete 'HKCU\Software\wutray' /f
rc=$(cli status)
expect_eq "stalled, text: exit" 2 "$rc"
expect_has "stalled, text" "$(cat "$OUT")" "Windows Update: Stalled"
winenv_results 1 2
winenv_healthy "$B" 50
rc=$(cli status --json)
expect_eq "no security update for 50 days: exit" 2 "$rc"
expect_eq "no security update for 50 days: reasons" "patch_stalled:critical" "$(codes)"
expect_eq "no security update for 50 days: Defender, installed daily, is only a fact" True \
  "$(json 'j["outcome"]["kinds"]["defender"]["installed"][:10] in ("'"$(date -u +%F)"'", "'"$(date -u -d '1 day ago' +%F)"'")')"
winenv_healthy "$B"
winenv_results 9 2
reg add "$UX" /v PauseUpdatesExpiryTime /t REG_SZ /d 2099-01-01T00:00:00Z /f
rc=$(cli status --json)
expect_eq "stalled but paused: exit" 0 "$rc"
expect_eq "stalled but paused: state" paused "$(json 'j["state"]')"
reg add "$UX" /v PauseUpdatesExpiryTime /t REG_SZ /d "$(date -u -d '3 days ago' +%FT%TZ)" /f
rc=$(cli status --json)
expect_eq "a pause that ended 3 days ago is not held against it: exit" 0 "$rc"
reg delete "$UX" /v PauseUpdatesExpiryTime /f
reg add "$POL\AU" /v UseWUServer /t REG_DWORD /d 1 /f
rc=$(cli status --json)
expect_eq "stalled but managed: exit" 0 "$rc"
expect_eq "stalled but managed: state" managed "$(json 'j["state"]')"
reg delete "$POL\AU" /v UseWUServer /f
winenv_results 1 2

# 3. Windows Update disabled: critical at once, in JSON and in words.
svc start-type wuauserv disabled
rc=$(cli status --json)
expect_eq "status, disabled: exit" 2 "$rc"
expect_eq "status, disabled: level" critical "$(json 'j["level"]')"
expect_eq "status, disabled: reason" wuauserv_disabled "$(json 'j["reasons"][0]["code"]')"
expect_eq "status, disabled: state" disabled "$(json 'j["services"][0]["state"]')"
rc=$(cli status)
expect_eq "status text, disabled: exit" 2 "$rc"
expect_has "status text, disabled" "$(cat "$OUT")" "Windows Update: Broken"
expect_has "status text, disabled" "$(cat "$OUT")" "The Windows Update service is disabled"

# 4. Restart with Windows Update disabled: not started, not re-enabled; exit 3.
rc=$(cli restart)
expect_eq "restart, disabled: exit" 3 "$rc"
expect_has "restart, disabled: message" "$(cat "$ERR")" "The Windows Update service is disabled, so it was not started"
svc wait wuauserv stopped 1000 && ok || bad "restart, disabled: wuauserv was started"
expect_eq "restart, disabled: start type unchanged" 2 "$(cli status >/dev/null; cli status --json)"

# 5. The order of a full restart, recorded by the fakes.
svc start-type wuauserv demand
svc stop UsoSvc && svc wait UsoSvc stopped 5000 # step 4 restarted it
LOG=$(winpath "$WINENV_DIR/order.log")
FAKE=$(winpath "$B/fakesvc.exe")
svc binpath wuauserv "$FAKE" wuauserv --stop-ms 150 --log "$LOG"
svc binpath UsoSvc "$FAKE" UsoSvc --stop-ms 150 --log "$LOG"
svc start wuauserv && svc wait wuauserv running 5000
svc start UsoSvc && svc wait UsoSvc running 5000
rm -f "$WINENV_DIR/order.log"
rc=$(cli restart)
expect_eq "restart: exit" 0 "$rc"
expect_eq "restart: order" "stop UsoSvc,stop wuauserv,start wuauserv,start UsoSvc" "$(order_log)"
expect_has "restart: summary" "$(cat "$OUT")" "The update services were restarted."
expect_has "restart: step timing" "$(cat "$OUT")" "The Update Orchestrator service stopped: "
rc=$(cli status --json)
expect_eq "after restart: both running" "running,running" "$(json '",".join(s["state"] for s in j["services"])')"
rc=$(cli restart --json)
expect_eq "restart --json: exit" 0 "$rc"
expect_eq "restart --json: result" done "$(json 'j["result"]')"
expect_eq "restart --json: steps" "stop:UsoSvc:stopped,stop:wuauserv:stopped,start:wuauserv:running,start:UsoSvc:running" \
  "$(json '",".join(s["action"]+":"+s["service"]+":"+s["state"] for s in j["steps"])')"
expect_eq "restart --json: timings" True "$(json 'all(s["elapsed_ms"] >= 150 for s in j["steps"][:2])')"
ev=$(events_of restart)
expect_has "restart: an information event 110 in the Application log" "$ev" ",0x0004,0x0000,0x0000006e,"
expect_has "restart: the event's text" "$ev" 'L"The update services were restarted."'
ev=$(events_of status)
expect_eq "status writes no event" "" "$ev"

# 5b. The IncludeBits setting (HKCU\Software\wutray): BITS, running, is
#     restarted too, after wuauserv stops and before it starts again. A
#     Group Policy value of 0 wins over the user's 1.
svc binpath BITS "$FAKE" BITS --log "$LOG"
svc start BITS && svc wait BITS running 5000
reg add 'HKCU\Software\wutray' /v IncludeBits /t REG_DWORD /d 1 /f
rm -f "$WINENV_DIR/order.log"
rc=$(cli restart --json)
expect_eq "restart with BITS: exit" 0 "$rc"
expect_eq "restart with BITS: order" "stop UsoSvc,stop wuauserv,stop BITS,start BITS,start wuauserv,start UsoSvc" "$(order_log)"
expect_eq "restart with BITS: steps" "stop:BITS:stopped,start:BITS:running" \
  "$(json '",".join(s["action"]+":"+s["service"]+":"+s["state"] for s in j["steps"] if s["service"]=="BITS")')"
rc=$(cli restart)
expect_has "restart with BITS: its name in words" "$(cat "$OUT")" "The Background Intelligent Transfer Service (BITS) started: "
reg add 'HKLM\SOFTWARE\Policies\wutray' /v IncludeBits /t REG_DWORD /d 0 /f
rm -f "$WINENV_DIR/order.log"
rc=$(cli restart)
expect_eq "policy IncludeBits=0 wins: order" "stop UsoSvc,stop wuauserv,start wuauserv,start UsoSvc" "$(order_log)"
reg delete 'HKLM\SOFTWARE\Policies\wutray' /f
reg delete 'HKCU\Software\wutray' /f

# 6. The Update Orchestrator fails to start: exit 1, one line naming it;
#    Windows Update, which was running, is running again.
svc stop UsoSvc && svc wait UsoSvc stopped 5000
svc binpath UsoSvc "$FAKE" UsoSvc --fail-start
rc=$(cli restart)
expect_eq "restart, start failure: exit" 1 "$rc"
expect_eq "restart, start failure: one line" 1 "$(grep -c . "$ERR")"
expect_has "restart, start failure: names it" "$(cat "$ERR")" "The Update Orchestrator service could not be started"
svc wait wuauserv running 1000 && ok || bad "restart, start failure: wuauserv not left running"
ev=$(events_of restart)
expect_has "restart, start failure: an error event 111" "$ev" ",0x0001,0x0000,0x0000006f,"
expect_has "restart, start failure: the event says why" "$ev" "The Update Orchestrator service could not be started"

# 6a. The Update Orchestrator ignores the stop: after its wait hint (10 s at
#     least) the restart ends, naming it and its state; Windows Update, never
#     stopped, is still running.
svc binpath UsoSvc "$FAKE" UsoSvc --ignore-stop # it is stopped: its start failed in 6
svc start UsoSvc && svc wait UsoSvc running 5000
rc=$(cli restart --json)
expect_eq "restart, ignored stop: exit" 1 "$rc"
expect_eq "restart, ignored stop: result" timeout "$(json 'j["result"]')"
expect_eq "restart, ignored stop: names it" UsoSvc "$(json 'j["service"]')"
expect_has "restart, ignored stop: message" "$(json 'j["message"]')" "The Update Orchestrator service did not stop in time; it is running"
svc wait wuauserv running 1000 && ok || bad "restart, ignored stop: wuauserv no longer running"
# (UsoSvc stays running, ignoring stops, until the prefix goes.)

# 6b. A service that hangs while starting: a one-shot status watches it for
#     its wait hint (1 s here) and, with no progress, calls it stuck.
svc stop wuauserv && svc wait wuauserv stopped 5000
svc binpath wuauserv "$FAKE" wuauserv --hang-start
svc start wuauserv
rc=$(cli status --json)
expect_eq "status, hung start: exit" 2 "$rc"
expect_eq "status, hung start: reason" wuauserv_stuck_starting "$(json 'j["reasons"][0]["code"]')"
expect_eq "status, hung start: state" start_pending "$(json 'j["services"][0]["state"]')"

# 7. Usage errors: exit 64, a message on stderr, nothing done, nothing on stdout.
for args in "bogus" "status --bogus" "status --json --json" "restart --json --json" "--version --json" "--json"; do
  # shellcheck disable=SC2086
  rc=$(cli $args)
  expect_eq "usage '$args': exit" 64 "$rc"
  expect_eq "usage '$args': stdout empty" "" "$(cat "$OUT")"
  expect_has "usage '$args': usage on stderr" "$(cat "$ERR")" "Usage: wutray-cli"
done
rc=$(cli)
expect_eq "no arguments: exit" 64 "$rc"
expect_has "no arguments: message" "$(cat "$ERR")" "a command is required"
rc=$(cli "$(printf 'x%.0s' $(seq 1 200))")
expect_eq "overlong argument: exit" 64 "$rc"
rc=$(cli --help)
expect_eq "--help: exit" 0 "$rc"
expect_has "--help: usage" "$(cat "$OUT")" "Exit code: 0 OK, 1 warning, 2 critical, 3 unknown"
rc=$(cli --version)
want=$(sed -n 's/^project(wutray VERSION \([0-9.]*\).*/\1/p' "$(dirname "$0")/../../CMakeLists.txt")
expect_eq "--version: exit" 0 "$rc"
expect_eq "--version: text" "wutray-cli $want" "$(tr -d '\r' <"$OUT")"

echo "cli_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
