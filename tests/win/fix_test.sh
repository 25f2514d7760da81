#!/usr/bin/env bash
# `wutray-cli fix` under Wine for each kind of state: fixed (a failing
# cumulative update: the services restarted, in order; a disabled service:
# re-enabled to Manual), nothing to do (a healthy PC: nothing touched), not
# fixable (out of support, a missing service: nothing touched, the next step
# said), state unknown (the agent refused the session) and a fix that fails
# (a service that does not start). Each with its exit code, --json and the
# event it writes. Usage: fix_test.sh BUILD_DIR
#
# Not run here: "needs administrator" (exit 2). Wine's service manager grants
# every access whatever a service's security descriptor says (checked with
# SetServiceObjectSecurity denying SERVICE_START: StartService still
# succeeds), so a refusal cannot be produced; tests/core/test_fix.c covers the
# mapping from the refused restart to exit 2.
set -u
B=$(cd "$1" && pwd)
. "$(dirname "$0")/winenv.sh"
. "$(dirname "$0")/expect.sh"

winenv_new "$B"
trap winenv_end EXIT
OUT=$WINENV_DIR/out ERR=$WINENV_DIR/err
svc() { wine "$B/svctool.exe" "$@" >/dev/null; }
json() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($1)" "$OUT" 2>&1; }
order_log() { [ -f "$WINENV_DIR/order.log" ] && tr -d '\r' <"$WINENV_DIR/order.log" | paste -sd, -; }
# Runs `wutray-cli fix ARGS` once; stdout in $OUT, stderr (with Wine's trace
# of each ReportEventW: its stub event log) in $ERR; the exit code in $rc.
fix() {
  rm -f "$WINENV_DIR/order.log"
  WINEDEBUG=fixme+advapi,trace+eventlog,warn+eventlog,err+eventlog wine "$B/wutray-cli.exe" fix "$@" >"$OUT" 2>"$ERR"
  rc=$?
}
events() { tr -d '\r' <"$ERR" | grep -E 'ReportEventW'; }

winenv_fake_usosvc "$B" demand
LOG=$(winpath "$WINENV_DIR/order.log")
FAKE=$(winpath "$B/fakesvc.exe")
svc binpath wuauserv "$FAKE" wuauserv --stop-ms 50 --log "$LOG"
svc binpath UsoSvc "$FAKE" UsoSvc --stop-ms 50 --log "$LOG"

# 1. A cumulative update failing for three weeks: the services restarted.
winenv_pc "$B" failing fail_weeks=3 patch_days=40 defender_daily=1
winenv_results 1 2
fix
expect_eq "failing: exit" 0 "$rc"
expect_has "failing: the state said first" "$(cat "$OUT")" "Windows Update: Failing"
expect_has "failing: what it does" "$(cat "$OUT")" "Restarting the update services, the one safe step for this state."
expect_has "failing: done" "$(cat "$OUT")" "The update services were restarted."
expect_eq "failing: both started, in order" "start wuauserv,start UsoSvc" "$(order_log)"
expect_has "failing: an information event 110" "$(events)" ",0x0004,0x0000,0x0000006e,"
fix --json
expect_eq "failing --json: exit" 0 "$rc"
expect_eq "failing --json: result" fixed "$(json 'j["result"]')"
expect_eq "failing --json: state acted on" failing "$(json 'j["state"]')"
expect_eq "failing --json: action" restart "$(json 'j["action"]')"
expect_eq "failing --json: why" True "$(json '"patch_failing" in j["reasons"]')"
expect_eq "failing --json: the restart's steps" "stop:UsoSvc,stop:wuauserv,start:wuauserv,start:UsoSvc" \
  "$(json '",".join(s["action"]+":"+s["service"] for s in j["restart"]["steps"])')"
expect_eq "failing --json: the restart's order, recorded" "stop UsoSvc,stop wuauserv,start wuauserv,start UsoSvc" \
  "$(order_log)"
svc stop UsoSvc && svc wait UsoSvc stopped 5000
svc stop wuauserv && svc wait wuauserv stopped 5000

# 2. A healthy PC: nothing to do, nothing touched, no event.
winenv_healthy "$B"
fix
expect_eq "healthy: exit" 0 "$rc"
expect_has "healthy: said" "$(cat "$OUT")" "Nothing to fix."
expect_eq "healthy: no service touched" "" "$(order_log)"
expect_eq "healthy: no event" "" "$(events)"
fix --json
expect_eq "healthy --json: result" nothing_to_do "$(json 'j["result"]')"
expect_eq "healthy --json: no action" None "$(json 'j["action"]')"
expect_eq "healthy --json: no restart" None "$(json 'j["restart"]')"

# 3. Windows Update disabled: re-enabled to Manual, not started.
svc start-type wuauserv disabled
fix --json
expect_eq "disabled: exit" 0 "$rc"
expect_eq "disabled: result" fixed "$(json 'j["result"]')"
expect_eq "disabled: action" reenable "$(json 'j["action"]')"
expect_eq "disabled: state acted on" broken "$(json 'j["state"]')"
expect_eq "disabled: set to manual" manual "$(wine "$B/wutray-cli.exe" status --json 2>/dev/null |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["services"][0]["start_type"])')"
expect_eq "disabled: nothing started" "" "$(order_log)"
expect_has "disabled: an information event 112 (re-enabled)" "$(events)" "0x00000070,"

# 4. Windows 10 22H2 without ESU: not fixable, nothing touched, the next step said.
winenv_pc "$B" eos build=19045 ubr=6456 display=22H2
winenv_results 1 2
fix
expect_eq "unsupported: exit" 4 "$rc"
expect_has "unsupported: the next step" "$(cat "$OUT")" "or enrol in Extended Security Updates"
expect_eq "unsupported: no service touched" "" "$(order_log)"
expect_eq "unsupported: no event" "" "$(events)"
fix --json
expect_eq "unsupported --json: result" not_fixable "$(json 'j["result"]')"
expect_eq "unsupported --json: state" unsupported "$(json 'j["state"]')"
expect_eq "unsupported --json: exit_code" 4 "$(json 'j["exit_code"]')"

# 5. The agent refuses the session (as over WinRM or SSH): state unknown, nothing done.
winenv_pc "$B" refused patch_days=10 agent_refused=1
fix --json
expect_eq "agent refused: exit" 3 "$rc"
expect_eq "agent refused: result" unknown "$(json 'j["result"]')"
expect_eq "agent refused: why" True "$(json '"agent_refused" in j["reasons"]')"
expect_eq "agent refused: no service touched" "" "$(order_log)"
wine "$B/wutray-cli.exe" status >"$OUT" 2>/dev/null
expect_eq "agent refused: status exits 3" 3 "$?"
expect_has "agent refused: status says so, with the hint" "$(cat "$OUT")" \
  "The Windows Update Agent refused this session (remote or non-interactive): run wutray-cli locally, or as SYSTEM from your management tool."

# 6. The fix fails: the Update Orchestrator does not start. Exit 1, said on
#    stderr, an error event.
winenv_pc "$B" failing2 fail_weeks=3 patch_days=40
winenv_results 1 2
svc binpath UsoSvc "$FAKE" UsoSvc --fail-start --log "$LOG"
fix
expect_eq "start failure: exit" 1 "$rc"
expect_has "start failure: names it" "$(cat "$ERR")" "The Update Orchestrator service could not be started"
expect_has "start failure: an error event 111" "$(events)" ",0x0001,0x0000,0x0000006f,"
svc stop wuauserv && svc wait wuauserv stopped 5000

# 7. UsoSvc missing: not fixable (wutray installs no services), nothing touched.
svc delete UsoSvc
winenv_healthy "$B"
winenv_results 1 2
fix --json
expect_eq "missing: exit" 4 "$rc"
expect_eq "missing: result" not_fixable "$(json 'j["result"]')"
expect_has "missing: the next step" "$(json 'j["message"]')" "DISM /Online /Cleanup-Image /RestoreHealth"
expect_eq "missing: no service touched" "" "$(order_log)"

echo "fix_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
