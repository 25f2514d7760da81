#!/usr/bin/env bash
# Detection latency, side by side with a floor measured in the same run, as ratios.
#   bash bench/detect_bench.sh [N]      (default 200 changes)
# The tray runs in a Wine desktop under Xvfb, in a fresh prefix, with UsoSvc a
# fake service with zero pending times. bench/detect.c, run in the same desktop,
# starts and stops UsoSvc N times and times, from the same t0 (right before the
# StartServiceW / ControlService call), its own NotifyServiceStatusChangeW
# callback (the floor) and wutray's state line showing the new state (the
# product). Prints a table and writes it with the run's context to
# docs/detect-benchmark.md. Every wine call runs under `timeout`; ends with "bench: done".
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
[[ $N =~ ^[1-9][0-9]{0,3}$ ]] || { echo "usage: bash bench/detect_bench.sh [N 1-9999]" >&2; exit 64; }
TIMEOUT_MS=5000 GAP_MS=100 SVC=UsoSvc
# Its own folder under build/bench: neither a rebuild of build/win nor the
# restart benchmark (which copies into build/bench) can swap binaries mid-run.
OUT=$PWD/build/bench/detect
. bench/desktop_env.sh

# 1. Build; run copies.
bench_build "$OUT" detect "-ladvapi32 -luser32" wutray fakesvc svctool sleeper traypoke

# 2. Every wine call under `timeout` (bench/desktop_env.sh); the long-lived
#    ones (keep-alive, desktop) get the whole run's budget.
BUDGET=$((300 + N * (2 * TIMEOUT_MS + GAP_MS + 1000) / 1000))
bench_env_new "$OUT"
WP=$WINENV_DIR
svc() { wine "$OUT/svctool.exe" "$@" 2>>"$WP/svctool.err" | tr -d '\r'; }

# 3. The fake UsoSvc (zero pending times), then the tray in its desktop.
svc create $SVC demand "$(winpath "$OUT/fakesvc.exe")" $SVC && [ "$(svc state $SVC)" = stopped ] ||
  { echo "bench: could not install the fake $SVC" >&2; exit 1; }
desktop_start_tray "$OUT"
tray_state() { timeout 10 xwininfo -root -tree 2>/dev/null | grep -o '"[a-z]* wuauserv=[a-z_]* UsoSvc=[a-z_]* state=[a-z_]*"' | head -1 | tr -d '"'; }
tray_up() { [[ "$(tray_state)" == *" $SVC=stopped"* ]]; }
wait_for 300 tray_up || { echo "bench: no state line from the tray within 30 s (got '$(tray_state)')" >&2; exit 1; }
echo "bench: tray up: $(tray_state)"
sleep 1 # the tray starts watching right after its first check

# 4. The measurement, in the tray's desktop (detect.exe switches to it itself).
echo "bench: $N changes of $SVC"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
WT=$BUDGET wine "$OUT/detect.exe" "$N" $SVC $TIMEOUT_MS $GAP_MS >"$OUT/detect.raw" 2>"$OUT/detect.err"
rc=$?
tr -d '\r' <"$OUT/detect.raw" >"$OUT/detect.csv"
[ -s "$OUT/detect.err" ] && sed 's/^/bench: detect: /' "$OUT/detect.err" | head -20 >&2
[ $rc = 0 ] || { echo "bench: detect.exe failed (exit $rc)" >&2; exit 1; }
echo "bench: tray after the run: $(tray_state)"

# 5. The table, on stdout and (with the run's context) in docs/detect-benchmark.md.
export LOAD="$LOAD_BEFORE before the measurement, $(cut -d' ' -f1-3 /proc/loadavg) after"
export N TIMEOUT_MS GAP_MS SVC OUT CMDLINE="bash bench/detect_bench.sh${1:+ $1}" WHEN=$(date -u)
export WINEVER=$(timeout 30 "$WINE_BIN" --version 2>/dev/null) CPUS=$(nproc) CPU=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
export REV=$(bench_rev)
python3 - <<'PY' || { echo "bench: report failed" >&2; exit 1; }
import os, math, csv, statistics as st
E = os.environ; O = E["OUT"]; TO = int(E["TIMEOUT_MS"]); INF = float("inf")
lines = [l for l in open(O + "/detect.csv") if l.strip()]
rows = list(csv.DictReader(l for l in lines if not l.startswith("#")))
notes = " ".join(l[2:].strip() for l in lines if l.startswith("#"))
ms = lambda r, k: int(r[k]) / 1000 if int(r[k]) >= 0 else INF  # a miss counts as +inf
p95 = lambda v: sorted(v)[math.ceil(0.95 * len(v)) - 1]
f = lambda x: "miss" if x == INF else f"{x:.1f}"
def stats(sel, k):
    v = [ms(r, k) for r in sel]
    return dict(med=st.median(v), p95=p95(v), max=max(v), miss=sum(x == INF for x in v), n=len(v))
t = ["| changes | n | floor median / p95 / max ms | product median / p95 / max ms | misses floor / product "
     "| ratio median | ratio p95 | product − floor, paired median / p95 ms |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
res = {}
for label, sel in (("all", rows), ("starts", [r for r in rows if r["change"] == "start"]),
                   ("stops", [r for r in rows if r["change"] == "stop"])):
    if not sel: continue
    a, b = stats(sel, "floor_us"), stats(sel, "product_us"); res[label] = (a, b)
    d = [ms(r, "product_us") - ms(r, "floor_us") for r in sel if INF not in (ms(r, "product_us"), ms(r, "floor_us"))]
    t.append(f"| {label} | {a['n']} | {f(a['med'])} / {f(a['p95'])} / {f(a['max'])} | {f(b['med'])} / {f(b['p95'])} / {f(b['max'])} "
             f"| {a['miss']} / {b['miss']} | {b['med'] / a['med']:.2f} | {b['p95'] / a['p95']:.2f} "
             f"| {f(st.median(d)) if d else '-'} / {f(p95(d)) if d else '-'} |")
table = "\n".join(t)
paired = {}
for label, sel in (("all", rows), ("starts", [r for r in rows if r["change"] == "start"]),
                   ("stops", [r for r in rows if r["change"] == "stop"])):
    d = [INF if INF in (ms(r, "product_us"), ms(r, "floor_us")) else ms(r, "product_us") - ms(r, "floor_us")
         for r in sel]  # a miss of either counts as +inf
    paired[label] = (st.median(d), p95(d)) if d else (INF, INF)
p = res["all"][1]["p95"]
call = st.median(int(r["call_us"]) / 1000 for r in rows if r["change"] == "start")
pend = sum(r["via_pending"] == "1" for r in rows)
pm, pp = paired["all"]
verdict = f"**{'met' if pp <= 5 else 'MISSED'}**: paired p95 {f(pp)} ms (starts {f(paired['starts'][1])}, stops {f(paired['stops'][1])}), median {f(pm)} ms"
sf, sp = res["starts"][0]["p95"], res["starts"][1]["p95"]
summary = (f"Goal (issue 11: the tray's path over a bare notification, paired p95 of 5 ms or less, all changes): {verdict}.\n"
           f"The product's own p95 is {f(p)} ms: starts are Wine launching the service (product p95 {f(sp)} ms, their "
           f"floor's {f(sf)} ms; StartServiceW itself returned after a median {call:.1f} ms). Starts where the tray "
           f"showed {E['SVC']}=start_pending before running: {pend}. Run remarks: {notes}.")
print(table + "\n\n" + summary)
val = lambda k: notes.split(k + "=")[-1].split()[0] if k + "=" in notes else "?"
poll, reread = val("mean_poll_period_us"), val("reread_both_ms")
open("docs/detect-benchmark.md", "w").write(f"""# Detection-latency benchmark

Produced by `{E["CMDLINE"]}` on {E["WHEN"]}; {E["WINEVER"]}; {E["CPUS"]} cores, {E["CPU"]};
wutray at {E["REV"]}; load average (1, 5, 15 min) {E["LOAD"]}. Written by the script; nothing here was edited by hand.

**Set-up.** A fresh Wine prefix (Windows 10), Xvfb, `wutray.exe` in a Wine desktop (`explorer /desktop=shell`),
{E["SVC"]} a fake service (`tests/fixtures/fakesvc.c`, demand start, zero pending times), wuauserv Wine's own, stopped.
`bench/detect.c` runs in the same desktop and alternately starts and stops {E["SVC"]}, {E["N"]} changes (the first a start).
**Method.** Before each change, {E["SVC"]} must be settled in the other state and wutray's state line (its hidden
window's title) must show it. detect.exe then registers its own `NotifyServiceStatusChangeW` (mask: the target
state), takes **t0 = QueryPerformanceCounter right before `StartServiceW` / `ControlService(STOP)`**, the same t0 for both:
- **floor**: t0 to its own notification callback (an APC; the time is taken inside it; delivered in `SleepEx(1, TRUE)`, which an APC ends at once);
- **product**: t0 to the first `GetWindowTextW` of wutray's window containing `{E["SVC"]}=running` / `{E["SVC"]}=stopped`,
  polled once, then after every `SleepEx(1, TRUE)` (1 ms sleeps, not a busy loop; measured mean poll period {poll} µs):
  **resolution about 1 ms**, product times are late by up to one poll period (half on average), the floor's are not.

Each change is bounded by {TO} ms (a timeout is a miss; misses count as +∞ in the percentiles), then {E["GAP_MS"]} ms to settle.
p95 is nearest-rank. "ratio" divides the product's statistic by the floor's; "paired" is per change, product − floor.

{table}

{summary}

## What it means

- The floor is one bare notification. The product's path to its state line: wutray's own notification (the same
  mechanism, registered on its service thread, for any state but the current one) runs as an APC there; the thread
  puts the state the notification brought into its last check, in place of that one service, and tells the window
  (`WM_APP_SNAPSHOT`), whose thread evaluates it and calls `SetWindowTextW` (before touching the icon). A settled
  state costs no call to the service manager on the way. A pending one (start pending, stop pending: wutray hears
  of it first) is read again on the handle wutray keeps, every 2 ms for up to 50 ms, and shown only if it lasts:
  under Wine that read waits while the start or stop is under way, so it mostly answers with the settled state,
  and the window gets that one reading alone. Only after telling the window does the thread register for the next
  change and read the start type. Up to 2788b46 the path also held two more thread hops (through the window and
  back), a re-registration and a re-read of both services with fresh service-manager handles (that sequence, timed
  by detect.exe after the run: a mean **{reread} ms** here).
- "Starts where the tray showed ...start_pending" counts the starts whose pending state lasted past those 50 ms.
- Starts are dominated by Wine launching the service process (`StartServiceW` alone returns after tens of ms even
  with zero pending time); no watcher can beat that. For stops the floor is a few ms, so the product's fixed
  overhead shows as a large ratio but few milliseconds.
- For comparison, **arithmetic, not a measurement**: a 60 s poll sees a change on average 30 s after it (uniform phase),
  at worst 60 s; the current 5-minute safety poll alone would average 150 s. Everything here was seen within
  milliseconds, so it came from notifications.
- What is left of the path is two thread wake-ups (the service thread's, then the window's) and detect.exe's poll
  (about one poll period); on this shared 2-core machine a wake-up waits for a core while other work runs, which is
  what the tail (p95) follows: compare the load average in the header between runs.
- Limits: Wine 8 under Xvfb with a fake service, not Windows Update on Windows; a shared 2-core machine (medians and
  p95 move by several ms between runs); detect.exe's 1 ms polling adds one wineserver request per millisecond
  (another process's title is read from wineserver, no message reaches wutray's thread) and runs beside the tray.
""")
PY
echo "bench: wrote docs/detect-benchmark.md"
echo "bench: done"
