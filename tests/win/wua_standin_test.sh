#!/usr/bin/env bash
# The real update-agent adapter (src/win/wua.c) against the wuapi stand-in
# (tests/standins/wuapi), in a fresh prefix: scenario folders written here
# (history.csv, pending.csv, agent.ini as README.md there describes them) go
# in through tests/standins/use.sh, and updates_dump.exe --agent prints what
# wua.c read. Usage: wua_standin_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/winenv.sh"
. "$(dirname "$0")/expect.sh"

[ -f "$B/updates_dump.exe" ] || { echo "wua_standin_test: $B/updates_dump.exe is missing"; exit 1; }
winenv_new "$B"
trap winenv_end EXIT
OUT=$WINENV_DIR/out
TAB=$(printf '\t')

use() { # scenario folder
  bash "$ROOT/tests/standins/use.sh" "$1" "$B" >/dev/null 2>"$WINENV_DIR/use.err" ||
    bad "use.sh $1: $(cat "$WINENV_DIR/use.err")"
}
dump() { wine "$B/updates_dump.exe" --agent 2>/dev/null | tr -d '\r' >"$OUT"; }
# A key=value of the first line (the agent) or the second (which sources answered).
agent() { sed -n 1p "$OUT" | tr '\t' '\n' | sed -n "s/^$1=//p"; }
sources() { sed -n 2p "$OUT" | tr '\t' '\n' | sed -n "s/^$1=//p"; }
# Records of one source; fields: source what time hresult count revision
# downloaded update_id service_id kb severity categories title.
records() { grep "^$1$TAB" "$OUT"; }
field() { # source N column
  records "$1" | sed -n "$2p" | cut -f"$3"
}
count() { records "$1" | wc -l | tr -d ' '; }
scenario() { mkdir -p "$WINENV_DIR/$1"; echo "$WINENV_DIR/$1"; }
# After the first scenario, the others take turns in one folder that use.sh
# points at once: the stand-in reads the folder at every call (and each
# use.sh costs seconds).
LIVE=$WINENV_DIR/live
next() { rm -rf "$LIVE"; mkdir -p "$LIVE"; echo "$LIVE"; }

# 0. Wine's own wuapi (a stub): nothing is known.
dump
expect_eq "Wine's stub: agent available" 0 "$(agent available)"
expect_eq "Wine's stub: history read" 0 "$(sources history)"
expect_eq "Wine's stub: search read" 0 "$(sources pending)"
expect_eq "Wine's stub: no records" 0 "$(sed -n 2p "$OUT" | tr '\t' '\n' | sed -n 's/^n=//p')"

# 1. A full scenario: the agent's dates, a history with each kind of entry
#    (columns in another order than Windows', quoted fields with commas,
#    quotes and a line break), and two updates waiting.
S=$(scenario full)
cat >"$S/agent.ini" <<'EOF'
[agent]
; what IAutomaticUpdatesResults says
LastSearchSuccessDate=2026-11-30T08:01:12Z
LastInstallationSuccessDate=2026-11-29T10:00:00Z
RebootRequired=1
EOF
cat >"$S/history.csv" <<'EOF'
#TYPE System.__ComObject#{c2bfb780-4539-4132-ab8c-0a8772013ab6}
"Title","Operation","ResultCode","HResult","Date","UpdateID","RevisionNumber","ServiceID","ClientApplicationID","Categories"
"2026-11 x64 tabanlı sistemler için Windows 10 Version 22H2 Toplu Güncelleştirmesi (KB5046613)","1","2","0","2026-11-12T03:14:15Z","{ABCDEF01-2345-6789-ABCD-EF0123456789}","201","9482F4B4-E343-43B6-B170-9A65BC822C77","UpdateOrchestrator","Güvenlik Güncelleştirmeleri;Windows 10, version 1903 and later"
"Windows 10 Version 22H2 için Güncelleştirme (KB5001716)","Installation","Failed","-2146498270","2026-11-11 02:00:00","11111111-2222-3333-4444-555555555555","1","7971f918-a847-4430-9279-4a52d1efe18d","Update;
Orchestrator","Güncelleştirmeler"
"Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.421.1.0) - Current Channel (Broad)","1","Aborted","0x8024000B","2026-11-10T23:59:59Z","22222222-2222-3333-4444-555555555555","200","9482f4b4-e343-43b6-b170-9a65bc822c77","","Definition Updates"
"Removed ""the"" driver","Uninstallation","2","0","2026-11-09T12:00:00Z","33333333-2222-3333-4444-555555555555","3","9482f4b4-e343-43b6-b170-9a65bc822c77","",""
"With errors","uoInstallation","SucceededWithErrors","0","2026-11-08T12:00:00Z","44444444-2222-3333-4444-555555555555","1","855e8a7c-ecb4-4ca3-b045-1dfa50104289","","0fa1201d-4330-4fa8-8ae9-b877473b6441"
"Still running","1","1","0","2026-11-07T12:00:00Z","55555555-2222-3333-4444-555555555555","1","9482f4b4-e343-43b6-b170-9a65bc822c77","","Updates"
EOF
cat >"$S/pending.csv" <<'EOF'
Title,UpdateID,KBArticleIDs,LastDeploymentChangeTime,MsrcSeverity,Categories,IsDownloaded
"2026-12 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5048652)",AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE,5048652;5048239,2026-12-10T18:00:00Z,Critical,Security Updates;Windows 10,True
Some driver,bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee,,2026-11-02T00:00:00Z,,Drivers,False
EOF
use "$S"
dump
expect_eq "agent available" 1 "$(agent available)"
expect_eq "last search" 2026-11-30T08:01:12Z "$(agent last_search)"
expect_eq "last install" 2026-11-29T10:00:00Z "$(agent last_install)"
expect_eq "reboot known" 1 "$(agent reboot_known)"
expect_eq "reboot required" 1 "$(agent reboot)"
expect_eq "not refused" 0 "$(agent access_denied)"
expect_eq "history read" 1 "$(sources history)"
expect_eq "search read" 1 "$(sources pending)"
expect_eq "history entries" 6 "$(count history)"
expect_eq "entries in order, each kind" "installed,install_failed,install_failed,other,installed,other" \
  "$(records history | cut -f2 | paste -sd, -)"
expect_eq "succeeded: date" 2026-11-12T03:14:15Z "$(field history 1 3)"
expect_eq "succeeded: hresult" 0x00000000 "$(field history 1 4)"
expect_eq "succeeded: revision" 201 "$(field history 1 6)"
expect_eq "succeeded: UpdateID lower case, no braces" abcdef01-2345-6789-abcd-ef0123456789 "$(field history 1 8)"
expect_eq "succeeded: ServiceID" 9482f4b4-e343-43b6-b170-9a65bc822c77 "$(field history 1 9)"
expect_eq "history: kb left to the core" "" "$(field history 1 10)"
expect_eq "succeeded: categories joined (a comma inside one)" \
  "Güvenlik Güncelleştirmeleri;Windows 10, version 1903 and later" "$(field history 1 12)"
expect_eq "succeeded: Turkish title as UTF-8" \
  "2026-11 x64 tabanlı sistemler için Windows 10 Version 22H2 Toplu Güncelleştirmesi (KB5046613)" \
  "$(field history 1 13)"
expect_eq "failed: negative decimal HResult" 0x800F0922 "$(field history 2 4)"
expect_eq "failed: 'YYYY-MM-DD hh:mm:ss' date" 2026-11-11T02:00:00Z "$(field history 2 3)"
expect_eq "failed: title after a quoted line break" "Windows 10 Version 22H2 için Güncelleştirme (KB5001716)" \
  "$(field history 2 13)"
expect_eq "failed: category after it" "Güncelleştirmeler" "$(field history 2 12)"
expect_eq "aborted: hex HResult" 0x8024000B "$(field history 3 4)"
expect_eq "aborted: date" 2026-11-10T23:59:59Z "$(field history 3 3)"
expect_eq "uninstalled: quotes in the title" 'Removed "the" driver' "$(field history 4 13)"
expect_eq "uninstalled: no categories" "" "$(field history 4 12)"
expect_eq "with errors: a category given by its GUID" 0fa1201d-4330-4fa8-8ae9-b877473b6441 "$(field history 5 12)"
expect_eq "with errors: Store service" 855e8a7c-ecb4-4ca3-b045-1dfa50104289 "$(field history 5 9)"
expect_eq "waiting updates" 2 "$(count search)"
expect_eq "waiting: what" "pending,pending" "$(records search | cut -f2 | paste -sd, -)"
expect_eq "waiting: KBs" "5048652;5048239" "$(field search 1 10)"
expect_eq "waiting: deployment date" 2026-12-10T18:00:00Z "$(field search 1 3)"
expect_eq "waiting: severity" Critical "$(field search 1 11)"
expect_eq "waiting: downloaded" 1 "$(field search 1 7)"
expect_eq "waiting: UpdateID" aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee "$(field search 1 8)"
expect_eq "waiting: categories" "Security Updates;Windows 10" "$(field search 1 12)"
expect_eq "waiting: title" "2026-12 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5048652)" \
  "$(field search 1 13)"
expect_eq "waiting 2: no severity (a NULL BSTR)" "" "$(field search 2 11)"
expect_eq "waiting 2: no KB" "" "$(field search 2 10)"
expect_eq "waiting 2: not downloaded" 0 "$(field search 2 7)"

# 2. Paging: 250 entries come through pages of 100, all of them, in order.
#    No agent.ini and no pending.csv here: those parts are unavailable.
S=$(next)
{
  echo 'Date,Operation,ResultCode,HResult,Title,UpdateID,ServiceID'
  for i in $(seq 1 250); do
    printf '2026-10-%02dT12:00:00Z,1,2,0,Update %d,%08d-0000-0000-0000-000000000000,%s\n' \
      $((i % 28 + 1)) "$i" "$i" 9482f4b4-e343-43b6-b170-9a65bc822c77
  done
} >"$S/history.csv"
use "$S"
dump
expect_eq "paging: history read" 1 "$(sources history)"
expect_eq "paging: all 250" 250 "$(count history)"
expect_eq "paging: in order" "$(seq -f 'Update %g' 1 250 | paste -sd, -)" "$(records history | cut -f13 | paste -sd, -)"
expect_eq "paging: 150th entry's UpdateID" 00000150-0000-0000-0000-000000000000 "$(field history 150 8)"
expect_eq "no agent.ini: agent unavailable" 0 "$(agent available)"
expect_eq "no agent.ini: reboot unknown" 0 "$(agent reboot_known)"
expect_eq "no pending.csv: search not read" 0 "$(sources pending)"

# 3. The bound: of 1200 entries, the newest 1000.
S=$(next)
{
  echo 'Date,Operation,ResultCode,HResult,Title'
  for i in $(seq 1 1200); do echo "2026-10-01T12:00:00Z,1,4,-2145124324,Update $i"; done
} >"$S/history.csv"
dump
expect_eq "bound: history read" 1 "$(sources history)"
expect_eq "bound: 1000 of 1200" 1000 "$(count history)"
expect_eq "bound: the first (newest) kept" "Update 1,Update 1000" \
  "$(records history | sed -n '1p;1000p' | cut -f13 | paste -sd, -)"
expect_eq "bound: failed, 0x8024001C" install_failed:0x8024001C "$(field history 1000 2):$(field history 1000 4)"

# 4. No history.csv: the history is unavailable, the rest still answers.
#    An agent.ini without dates and without RebootRequired.
S=$(next)
printf 'RebootRequired=0\n' >"$S/agent.ini"
printf 'Title,UpdateID,KBArticleIDs,LastDeploymentChangeTime,MsrcSeverity,Categories,IsDownloaded\n' >"$S/pending.csv"
printf 'One,cccccccc-bbbb-cccc-dddd-eeeeeeeeeeee,KB890830,2026-11-20T00:00:00Z,Important,Update Rollups,False\n' \
  >>"$S/pending.csv"
dump
expect_eq "no history.csv: history not read" 0 "$(sources history)"
expect_eq "no history.csv: no history records" 0 "$(count history)"
expect_eq "no history.csv: search read" 1 "$(sources pending)"
expect_eq "no history.csv: the update waiting, KB digits only" "pending:890830:Important" \
  "$(field search 1 2):$(field search 1 10):$(field search 1 11)"
expect_eq "no history.csv: agent available" 1 "$(agent available)"
expect_eq "dates not in agent.ini: unknown" "-,-" "$(agent last_search),$(agent last_install)"
expect_eq "RebootRequired=0" "1,0" "$(agent reboot_known),$(agent reboot)"

# 5. An empty history (the header only) is read, with nothing in it; a
#    UTF-16LE file with a BOM (as Windows PowerShell 5 writes) reads the same.
S=$(next)
printf 'Date,Operation,ResultCode,HResult,Title\r\n' >"$S/history.csv"
{ printf '\xff\xfe'; printf 'Title,UpdateID,IsDownloaded\r\nGüncelleştirme ı,dddddddd-bbbb-cccc-dddd-eeeeeeeeeeee,True\r\n' |
  iconv -f UTF-8 -t UTF-16LE; } >"$S/pending.csv"
dump
expect_eq "empty history: read" 1 "$(sources history)"
expect_eq "empty history: no records" 0 "$(count history)"
expect_eq "UTF-16LE pending.csv: title" "Güncelleştirme ı" "$(field search 1 13)"
expect_eq "UTF-16LE pending.csv: downloaded" 1 "$(field search 1 7)"

# 6. The agent refuses the session (as over WinRM or SSH): E_ACCESSDENIED.
S=$(next)
printf 'LastSearchSuccessDate=2026-11-30T08:01:12Z\nHistoryHResult=0x80070005\nSearchHResult=0x80070005\n' >"$S/agent.ini"
cp "$WINENV_DIR/full/history.csv" "$WINENV_DIR/full/pending.csv" "$S/"
dump
expect_eq "denied: history not read" 0 "$(sources history)"
expect_eq "denied: search not read" 0 "$(sources pending)"
expect_eq "denied: said" 1 "$(agent access_denied)"
expect_eq "denied: no records" 0 "$(sed -n 2p "$OUT" | tr '\t' '\n' | sed -n 's/^n=//p')"

echo "wua_standin_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
