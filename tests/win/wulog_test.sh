#!/usr/bin/env bash
# The event log adapter (src/win/wulog.c) under Wine, reading scenario
# folders through the wevtapi stand-in (tests/standins/wevtapi): both
# channels, what/source/time/hresult/count/GUIDs/titles, newest first, the
# System log's other providers and IDs left out, missing channels, UTF-16
# files, entities, the 512 and 1536 bounds; before the stand-in, Wine's own stub.
# Also the stand-in's own contract where the adapter relies on it (a small
# program compiled here). Usage: wulog_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/winenv.sh"
. "$(dirname "$0")/expect.sh"

winenv_new "$B"
trap winenv_end EXIT
W=$WINENV_DIR OUT=$WINENV_DIR/out

# use.sh wants all the stand-ins it installs, or it builds them (the whole
# tree, when BUILD_DIR has no build.ninja). One that is not built yet is
# replaced by Wine's own DLL of that name (a PE file), in this run's temp dir only.
STANDINS=$B
wanted=$(sed -n 's/^for dll in \(.*\); do cp .*/\1/p' "$ROOT/tests/standins/use.sh")
[ -f "$B/standins/wevtapi.dll" ] || bad "no $B/standins/wevtapi.dll (build the target standin_wevtapi)"
for dll in ${wanted:-wuapi wevtapi}; do
  [ -f "$B/standins/$dll.dll" ] && continue
  STANDINS=$W/build
  mkdir -p "$STANDINS/standins"
  cp "$B"/standins/*.dll "$STANDINS/standins/" 2>/dev/null
  wine_dll=$(ls /usr/lib/*/wine/x86_64-windows/$dll.dll /usr/lib/wine/x86_64-windows/$dll.dll 2>/dev/null | head -1)
  [ -n "$wine_dll" ] && cp "$wine_dll" "$STANDINS/standins/$dll.dll"
  echo "NOTE: no $dll stand-in built; Wine's own $dll.dll takes its place" >&2
done
use() { # scenario folder
  local rc
  bash "$ROOT/tests/standins/use.sh" "$1" "$STANDINS" >"$W/use.log" 2>&1; rc=$?
  expect_eq "use.sh $(basename "$1")" 0 "$rc"
  [ "$rc" -eq 0 ] || sed 's/^/  use.sh: /' "$W/use.log" >&2
}
dump() { wine "$B/updates_dump.exe" --log 2>"$W/err" | tr -d '\r' >"$OUT"; }
flags() { sed -n 's/^read\thistory=[01]\tsystem=\([01]\)\toperational=\([01]\).*\tn=\([0-9]*\)$/system=\1 operational=\2 n=\3/p' "$OUT"; }
# The records without the columns events never fill (downloaded, kb, severity, categories).
records() { awk -F'\t' '$1 == "system" || $1 == "operational" { print $1, $2, $3, $4, $5, $6, $8, $9, "[" $10 "]", $13 }' "$OUT"; }
record() { records | sed -n "${1}p"; }

NS="xmlns='http://schemas.microsoft.com/win/2004/08/events/event'"
WUC="<Provider Name='Microsoft-Windows-WindowsUpdateClient' Guid='{945A8954-C147-4ACD-923F-40C45405A658}'/>"
OPC=Microsoft-Windows-WindowsUpdateClient/Operational
WU_SVC='{9482F4B4-E343-43B6-B170-9A65BC822C77}' wu_svc=9482f4b4-e343-43b6-b170-9a65bc822c77
TR_TITLE='2024-10 x64 Tabanlı Sistemler için Windows 10 Version 22H2 Toplu Güncelleştirmesi (KB5044273)'
# One event as `wevtutil qe /f:xml` prints it: ev CHANNEL PROVIDER_XML ID TIME [DATA_XML]
# (ID may be a whole <EventID Qualifiers=...> element.)
ev() {
  local id="<EventID>$3</EventID>"
  case $3 in '<'*) id=$3 ;; esac
  printf "<Event %s><System>%s%s<Version>1</Version><Level>4</Level><Task>1</Task>" "$NS" "$2" "$id"
  printf "<Opcode>13</Opcode><Keywords>0x8000000000000018</Keywords><TimeCreated SystemTime='%s'/>" "$4"
  printf "<EventRecordID>%s</EventRecordID><Correlation/><Execution ProcessID='1234' ThreadID='5678'/>" "$RANDOM"
  printf "<Channel>%s</Channel><Computer>DESKTOP-TR</Computer><Security UserID='S-1-5-18'/></System>" "$1"
  printf "<EventData>%s</EventData></Event>" "${5:-}"
}

# 1. Wine's own wevtapi: EvtQuery fails, nothing is read, and the adapter
#    does not reach Wine's unimplemented EvtCreateRenderContext (a crash).
dump
expect_eq "Wine's stub: flags" "system=0 operational=0 n=0" "$(flags)"

# 2. Both channels, two files each way, out of order.
S=$W/main
mkdir -p "$S/events"
{
  printf '\xef\xbb\xbf' # a BOM, as PowerShell's Out-File -Encoding utf8 writes
  ev System "$WUC" 43 2024-10-09T03:10:01.5000000Z \
    "<Data Name='updateTitle'>$TR_TITLE</Data><Data Name='updateGuid'>{8F5E1A2B-1234-4ABC-9DEF-0123456789AB}</Data><Data Name='updateRevisionNumber'>201</Data><Data Name='serviceGuid'>$WU_SVC</Data>"
  ev System "<Provider Name='Service Control Manager' Guid='{555908d1-a6d7-4695-8e1e-26931d2012f4}' EventSourceName='Service Control Manager'/>" \
    "<EventID Qualifiers='16384'>7036</EventID>" 2024-10-09T03:11:00.0000000Z \
    "<Data Name='param1'>Windows Update</Data><Data Name='param2'>running</Data>"
  ev System "$WUC" "<EventID Qualifiers='0'>19</EventID>" 2024-10-09T03:12:40.1234567Z \
    "<Data Name='updateTitle'>$TR_TITLE</Data><Data Name='updateGuid'>{8F5E1A2B-1234-4ABC-9DEF-0123456789AB}</Data><Data Name='updateRevisionNumber'>201</Data><Data Name='serviceGuid'>$WU_SVC</Data>"
  ev System "$WUC" 21 2024-10-09T03:12:41.0000000Z "<Data Name='updateTitle'>restart required</Data>"
} >"$S/events/system-1.xml"
# Pretty-printed, double quotes, entities; the oldest event last.
cat >"$S/events/system-2.xml" <<EOF
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-WindowsUpdateClient" Guid="{945A8954-C147-4ACD-923F-40C45405A658}" />
    <EventID>20</EventID>
    <TimeCreated SystemTime="2024-10-10T08:00:00.0000000Z" />
    <Channel>System</Channel>
  </System>
  <EventData>
    <Data Name="errorCode">0x80070643</Data>
    <Data Name="updateTitle">Tom &amp; Jerry &lt;x&gt; &quot;q&quot; &apos;a&apos; &#252;&#xE9;&#x1F600; (KB890830)</Data>
    <Data Name="updateGuid">{0A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9}</Data>
    <Data Name="updateRevisionNumber">3</Data>
    <Data Name="serviceGuid">{7971F918-A847-4430-9279-4A52D1EFE18D}</Data>
  </EventData>
</Event>
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-WindowsUpdateClient" />
    <EventID>44</EventID>
    <TimeCreated SystemTime="2024-10-09T03:00:00.0000000Z" />
    <Channel>System</Channel>
  </System>
  <EventData>
    <Data Name="updateTitle">9NZKPSTSNW4P-Microsoft.XboxGamingOverlay</Data>
    <Data Name="updateGuid">{11111111-2222-3333-4444-555555555555}</Data>
    <Data Name="updateRevisionNumber">1</Data>
    <Data Name="serviceGuid">{855E8A7C-ECB4-4CA3-B045-1DFA50104289}</Data>
  </EventData>
</Event>
EOF
{
  ev "$OPC" "$WUC" 26 2024-10-08T10:00:00.0000000Z "<Data Name='updateCount'>0</Data><Data Name='serviceGuid'>$WU_SVC</Data>"
  ev "$OPC" "$WUC" 25 2024-10-08T11:00:00.0000000Z "<Data Name='errorCode'>0x8024402C</Data>"
  ev "$OPC" "$WUC" 19 2024-10-08T11:30:00.0000000Z "<Data Name='updateTitle'>not asked for here</Data>"
  ev "$OPC" "$WUC" 26 2024-10-09T02:00:00.0000000Z "<Data Name='updateCount'>3</Data><Data Name='serviceGuid'>$WU_SVC</Data>"
} >"$S/events/operational-a.xml"
{
  # errorCode as a signed decimal: the stand-in still renders HexInt32.
  ev "$OPC" "$WUC" 31 2024-10-09T02:30:00.0000000Z "<Data Name='errorCode'>-2145107924</Data><Data Name='updateTitle'>$TR_TITLE</Data>"
  ev "$OPC" "$WUC" 41 2024-10-09T02:45:00.0000000Z "<Data Name='updateTitle'>$TR_TITLE</Data><Data Name='updateGuid'>{8F5E1A2B-1234-4ABC-9DEF-0123456789AB}</Data><Data Name='updateRevisionNumber'>201</Data>"
} >"$S/events/operational-b.xml"
# As python-evtx's evtx_dump.py writes an .evtx file: a declaration, an
# <Events> root, "..." quoting, a space in SystemTime, no Z.
cat >"$S/events/recorded.xml" <<EOF
<?xml version="1.1" encoding="utf-8" standalone="yes" ?>
<Events>
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-WindowsUpdateClient" Guid="{945a8954-c147-4acd-923f-40c45405a658}"></Provider>
<EventID Qualifiers="">26</EventID>
<TimeCreated SystemTime="2024-10-08 12:00:00.500000"></TimeCreated>
<EventRecordID>777</EventRecordID>
<Channel>Microsoft-Windows-WindowsUpdateClient/Operational</Channel>
</System>
<EventData><Data Name="updateCount">7</Data>
<Data Name="serviceGuid">$WU_SVC</Data>
</EventData>
</Event>
</Events>
EOF
use "$S"
dump
expect_eq "main: flags" "system=1 operational=1 n=10" "$(flags)"
expect_eq "main: 1st (System, newest: 20)" \
  "system install_failed 2024-10-10T08:00:00Z 0x80070643 0 3 0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9 7971f918-a847-4430-9279-4a52d1efe18d [] Tom & Jerry <x> \"q\" 'a' üé😀 (KB890830)" \
  "$(record 1)"
expect_eq "main: 2nd (19, Turkish title in UTF-8)" \
  "system installed 2024-10-09T03:12:40Z 0x00000000 0 201 8f5e1a2b-1234-4abc-9def-0123456789ab $wu_svc [] $TR_TITLE" \
  "$(record 2)"
expect_eq "main: 3rd (43)" \
  "system other 2024-10-09T03:10:01Z 0x00000000 0 201 8f5e1a2b-1234-4abc-9def-0123456789ab $wu_svc [] $TR_TITLE" \
  "$(record 3)"
expect_eq "main: 4th (44, oldest)" \
  "system other 2024-10-09T03:00:00Z 0x00000000 0 1 11111111-2222-3333-4444-555555555555 855e8a7c-ecb4-4ca3-b045-1dfa50104289 [] 9NZKPSTSNW4P-Microsoft.XboxGamingOverlay" \
  "$(record 4)"
expect_eq "main: Operational newest first" \
  "operational other 2024-10-09T02:45:00Z 0x00000000 0 201 8f5e1a2b-1234-4abc-9def-0123456789ab  [] $TR_TITLE|operational download_failed 2024-10-09T02:30:00Z 0x8024402C 0 0   [] $TR_TITLE|operational search_done 2024-10-09T02:00:00Z 0x00000000 3 0  $wu_svc [] |operational search_done 2024-10-08T12:00:00Z 0x00000000 7 0  $wu_svc [] |operational search_failed 2024-10-08T11:00:00Z 0x8024402C 0 0   [] |operational search_done 2024-10-08T10:00:00Z 0x00000000 0 0  $wu_svc [] " \
  "$(records | sed -n '5,$p' | paste -sd'|')"
expect_eq "main: System's other providers and IDs (7036, 21) left out" 0 \
  "$(records | grep -c -e 'restart required' -e 'running' -e 'not asked for here')"
expect_eq "main: kb left to the core" 0 "$(awk -F'\t' '($1 == "system" || $1 == "operational") && $10 != ""' "$OUT" | wc -l)"

# 3. UTF-16LE with a BOM (Windows PowerShell 5's default); no Operational
#    events anywhere, so that channel does not exist.
S=$W/utf16
mkdir -p "$S/events"
{
  printf '\xff\xfe'
  ev System "$WUC" 19 2024-11-12T18:30:05.9990000Z \
    "<Data Name='updateTitle'>$TR_TITLE</Data><Data Name='updateGuid'>{8F5E1A2B-1234-4ABC-9DEF-0123456789AB}</Data><Data Name='updateRevisionNumber'>202</Data><Data Name='serviceGuid'>$WU_SVC</Data>" |
    iconv -f UTF-8 -t UTF-16LE
  # A title longer than a record holds (150 x U+011F, 300 bytes in UTF-8).
  ev System "$WUC" 43 2024-11-12T18:00:00.0000000Z "<Data Name='updateTitle'>$(printf 'ğ%.0s' $(seq 150))</Data>" |
    iconv -f UTF-8 -t UTF-16LE
} >"$S/events/System.xml"
use "$S"
dump
expect_eq "UTF-16: flags (no Operational channel)" "system=1 operational=0 n=2" "$(flags)"
expect_eq "UTF-16: the record" \
  "system installed 2024-11-12T18:30:05Z 0x00000000 0 202 8f5e1a2b-1234-4abc-9def-0123456789ab $wu_svc [] $TR_TITLE" \
  "$(record 1)"
expect_eq "UTF-16: a long title cut on a character boundary (95 x U+011F, 190 bytes)" \
  "system other 2024-11-12T18:00:00Z 0x00000000 0 0   [] $(printf 'ğ%.0s' $(seq 95))" "$(record 2)"

# 4. 600 Operational events: the 512 newest are read; a System log with
#    other providers only is read and gives nothing.
S=$W/many
mkdir -p "$S/events"
for i in $(seq 0 599); do # hourly from 2024-10-01 (bash's own strftime: no fork per event)
  TZ=UTC printf -v t '%(%Y-%m-%dT%H:%M:%S)T.0000000Z' $((1727740800 + i * 3600))
  ev "$OPC" "$WUC" 26 "$t" "<Data Name='updateCount'>$i</Data><Data Name='serviceGuid'>$WU_SVC</Data>"
done >"$S/events/operational.xml"
ev System "<Provider Name='Microsoft-Windows-Kernel-General'/>" 12 2024-10-01T00:00:00.0000000Z >"$S/events/system.xml"
use "$S"
start=$(date +%s%N)
dump
ms=$((($(date +%s%N) - start) / 1000000))
expect_eq "600 events: flags" "system=1 operational=1 n=512" "$(flags)"
expect_eq "600 events: newest first, 599 down to 88" "599 598 88" \
  "$(records | awk '{ print $5 }' | sed -n '1p;2p;512p' | paste -sd' ')"
expect_eq "600 events: the newest's time" "$(date -u -d "@$((1727740800 + 599 * 3600))" +%Y-%m-%dT%H:%M:%SZ)" "$(record 1 | cut -d' ' -f3)"
expect_eq "600 events: within the budget (${ms} ms)" 1 "$((ms < 6000))"

# 4b. 1700 System events (a Defender update is three of them, several times a
#     day): the 1536 newest are read, more than the 45 days the patch rules
#     look back at such a PC.
S=$W/many-system
mkdir -p "$S/events"
for i in $(seq 0 1699); do
  TZ=UTC printf -v t '%(%Y-%m-%dT%H:%M:%S)T.0000000Z' $((1727740800 + i * 3600))
  ev System "$WUC" 19 "$t" "<Data Name='updateTitle'>KB2267602 $i</Data><Data Name='serviceGuid'>$WU_SVC</Data>"
done >"$S/events/system.xml"
use "$S"
dump
expect_eq "1700 System events: flags" "system=1 operational=0 n=1536" "$(flags)"
expect_eq "1700 System events: the oldest kept is the 1536th newest" "KB2267602 164" "$(awk -F'\t' '$1 == "system" && ++n == 1536 { print $13 }' "$OUT")"

# 5. No events folder: neither channel exists.
S=$W/empty
mkdir -p "$S"
use "$S"
dump
expect_eq "no events folder: flags" "system=0 operational=0 n=0" "$(flags)"

# 6. The stand-in's contract where the adapter (and Windows) rely on it:
#    invalid queries and paths fail, the forward direction, the buffer protocol.
if command -v x86_64-w64-mingw32-gcc >/dev/null; then
  cat >"$W/probe.c" <<'EOF'
#include <windows.h>
#include <winevt.h>
#include <stdio.h>

static void query_error(const char *what, const wchar_t *path, const wchar_t *q)
{
    EVT_HANDLE h = EvtQuery(NULL, path, q, EvtQueryChannelPath);
    printf("%s=%s:%lu\n", what, h ? "opened" : "null", h ? 0ul : GetLastError());
    if (h) EvtClose(h);
}

int main(void)
{
    const wchar_t *bad_path[] = {L"Event/System/Level"};
    const wchar_t *paths[] = {L"Event/System/EventID", L"Event/EventData/Data[@Name=\"updateTitle\"]",
                              L"Event/EventData/Data[@Name='nothere']"};
    EVT_HANDLE q, ctx, ev[8];
    DWORD got = 0, used = 0, count = 0;
    static EVT_VARIANT buf[256];

    query_error("unparseable", L"System", L"*[System[Level=4]]");
    query_error("garbage", L"System", L"garbage");
    query_error("no_channel", L"Nope/Operational", L"*");
    query_error("case", L"system", L"*[System[EventID=19]]");
    ctx = EvtCreateRenderContext(1, bad_path, EvtRenderContextValues);
    printf("bad_path=%s:%lu\n", ctx ? "ctx" : "null", ctx ? 0ul : GetLastError());
    ctx = EvtCreateRenderContext(3, paths, EvtRenderContextValues);
    q = EvtQuery(NULL, L"System", L"*[System[Provider[@Name=\"microsoft-windows-windowsupdateclient\"]]]",
                 EvtQueryChannelPath | EvtQueryForwardDirection);
    if (!ctx || !q) return 1;
    printf("forward=");
    while (EvtNext(q, 2, ev, 1000, 0, &got)) {
        for (DWORD i = 0; i < got; i++) {
            if (!EvtRender(ctx, ev[i], EvtRenderEventValues, 0, NULL, &used, &count))
                printf("%s", GetLastError() == ERROR_INSUFFICIENT_BUFFER && used > 3 * sizeof(EVT_VARIANT) ? "" : "E");
            if (EvtRender(ctx, ev[i], EvtRenderEventValues, used, buf, &used, &count))
                printf("%u/%lu/%lu/%lu,", buf[0].UInt16Val, count, buf[1].Type, buf[2].Type);
            EvtClose(ev[i]);
        }
    }
    printf("\nend=%lu\n", GetLastError());
    printf("close_twice=%d\n", EvtClose(q) && !EvtClose(NULL) && GetLastError() == ERROR_INVALID_HANDLE);
    EvtClose(ctx);
    return 0;
}
EOF
  if x86_64-w64-mingw32-gcc -O1 -o "$W/probe.exe" "$W/probe.c" -lwevtapi 2>"$W/probe.err"; then
    use "$W/main"
    wine "$W/probe.exe" 2>"$W/err" | tr -d '\r' >"$OUT"
    probe() { sed -n "s/^$1=//p" "$OUT"; }
    expect_eq "stand-in: an unparseable query fails" "null:15001" "$(probe unparseable)"
    expect_eq "stand-in: a garbage query fails" "null:15001" "$(probe garbage)"
    expect_eq "stand-in: an unknown channel" "null:15007" "$(probe no_channel)"
    expect_eq "stand-in: channel names ignore case" "opened:0" "$(probe case)"
    expect_eq "stand-in: an unsupported value path" "null:87" "$(probe bad_path)"
    # ID / values / type of updateTitle (1 String) / of an absent Data (0 Null), oldest first.
    expect_eq "stand-in: forward, provider without case, render protocol" \
      "44/3/1/0,43/3/1/0,19/3/1/0,21/3/1/0,20/3/1/0," "$(probe forward)"
    expect_eq "stand-in: ERROR_NO_MORE_ITEMS at the end" 259 "$(probe end)"
    expect_eq "stand-in: EvtClose of a query, of NULL" 1 "$(probe close_twice)"
  else
    bad "probe did not compile: $(head -3 "$W/probe.err")"
  fi
else
  echo "NOTE: no x86_64-w64-mingw32-gcc; the stand-in's contract checks are skipped" >&2
fi

echo "wulog_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
