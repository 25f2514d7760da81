#!/usr/bin/env bash
# Footprint, side by side with the smallest tray program in the same run, as ratios.
#   bash bench/footprint_bench.sh [ROUNDS]      (default 10 start-to-icon rounds)
# wutray.exe and the floor, tests/fixtures/mintray.c (a hidden window, one icon,
# a one-item menu), run in one Wine desktop under Xvfb in a fresh prefix:
#  1. start to icon, ROUNDS times each, interleaved (bench/footprint.c: from
#     CreateProcessW to one icon more in the notification area), each closed after;
#  2. idle, both running at once, twice: in a prefix without UsoSvc (Wine's own, a
#     missing service) and with a fake UsoSvc installed: anonymous memory (RssAnon)
#     and threads after 20 s, CPU ticks and voluntary context switches over the
#     30 s after that; where the extra anonymous memory sits (smaps, by mapping);
#  3. the exe sizes as built (Release: stripped).
# Prints the tables and writes them with the run's context into docs/benchmarks.md,
# below the line that restart_bench.sh keeps. Every wine call runs under `timeout`;
# ends with "bench: done".
set -uo pipefail
cd "$(dirname "$0")/.."
R=${1:-10}
[[ $R =~ ^[1-9][0-9]?$ ]] || { echo "usage: bash bench/footprint_bench.sh [ROUNDS 1-99]" >&2; exit 64; }
EARLY_S=5 IDLE_FIRST_S=20 IDLE_WINDOW_S=30
OUT=$PWD/build/bench/footprint
. bench/desktop_env.sh
bench_build "$OUT" footprint "-luser32 -lpsapi" wutray mintray fakesvc svctool sleeper procstat
BUDGET=$((600 + R * 60))
bench_env_new "$OUT"
WP=$WINENV_DIR
# To a file, not a pipe: a program it starts inherits its output and would hold a pipe open.
fp() { wine "$OUT/footprint.exe" "$@" >"$WP/fp.out" 2>>"$WP/footprint.err"; tr -d '\r' <"$WP/fp.out"; }
svc() { wine "$OUT/svctool.exe" "$@" >/dev/null 2>>"$WP/svctool.err"; }
# The desktop, kept by a program with no window of its own.
wine explorer /desktop=shell,${W}x${H} "$(winpath "$OUT/sleeper.exe")" >/dev/null 2>&1 &
DESKTOP_PID=$!
taskbar_up() { [ "$(fp icons)" -ge 0 ] 2>/dev/null; }
wait_for 300 taskbar_up ||
  { echo "bench: no taskbar in the desktop" >&2; exit 1; }
WUTRAY=$(winpath "$OUT/wutray.exe") MINTRAY=$(winpath "$OUT/mintray.exe")
# The Linux process of a Wine program: its command line is its Windows path.
lpid() { pgrep -fx "$(sed 's/[\\.]/\\&/g' <<<"$1")" | head -1; }
field() { sed -n "s/.*\<$1=\([-0-9]*\).*/\1/p" <<<"$2"; }

# 1. Start to icon.
echo "bench: start to icon, $R rounds"
: >"$OUT/icon.tsv"
for ((r = 1; r <= R; r++)); do
  order="product floor"
  [ $((r % 2)) = 0 ] && order="floor product"
  for who in $order; do
    exe=$MINTRAY
    [ $who = product ] && exe=$WUTRAY
    line=$(fp icon "$exe" 30000)
    pid=$(field pid "$line")
    [ -n "$pid" ] && closed=$(fp close "$pid") || closed=closed=none
    printf '%s\t%s\t%s\t%s\n' "$r" "$who" "$(field icon_us "$line")" "${closed#closed=}" >>"$OUT/icon.tsv"
  done
  sleep 1
done

# 2. Idle, both at once; one sample line per contender and scenario:
#    scenario who rss_anon_kb win_threads linux_tasks ticks vcs ivcs (ticks/vcs/ivcs: the window's deltas)
rss_anon() { awk '/^RssAnon:/{print $2}' "/proc/$1/status" 2>/dev/null; }
sums() { # LINUX_PID: ticks voluntary involuntary, summed over its threads
  local p=$1 t v i
  t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null)
  v=$(cat /proc/"$p"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/{s += $2} END {print s + 0}')
  i=$(cat /proc/"$p"/task/*/status 2>/dev/null | awk '/^nonvoluntary_ctxt_switches/{s += $2} END {print s + 0}')
  echo "${t:-0} $v $i"
}
# Each mapping with anonymous pages: start end kB name ([anon]: no file; Wine
# loads PE images into such memory, footprint.exe modules tells which is which).
smaps_vmas() {
  awk '/^[0-9a-f]+-[0-9a-f]+ /{split($1, a, "-"); n = ($6 == "" ? "[anon]" : $6); sub(/.*\//, "", n)}
       /^Anonymous:/{if ($2 > 0) print a[1] "\t" a[2] "\t" $2 "\t" n}' "/proc/$1/smaps" 2>/dev/null
}
: >"$OUT/idle.tsv"
: >"$OUT/smaps.tsv"
: >"$OUT/modules.tsv"
idle() { # scenario
  local -A lin win early first
  local who anon thr tasks t0 v0 i0 t1 v1 i1
  echo "bench: idle, $1"
  win[product]=$(field pid "$(fp icon "$WUTRAY" 30000)")
  win[floor]=$(field pid "$(fp icon "$MINTRAY" 30000)")
  lin[product]=$(lpid "$WUTRAY") lin[floor]=$(lpid "$MINTRAY")
  [ -n "${lin[product]}" ] && [ -n "${lin[floor]}" ] ||
    { echo "bench: idle, $1: a Linux process not found (${lin[product]}/${lin[floor]})" >&2; return 1; }
  # Only the kernel's figures while idle: asking a Wine process about its
  # memory from Windows (VirtualQueryEx) makes its own threads answer.
  sleep "$EARLY_S"
  for who in product floor; do early[$who]=$(rss_anon "${lin[$who]}"); done
  sleep $((IDLE_FIRST_S - EARLY_S))
  for who in product floor; do
    first[$who]="$(rss_anon "${lin[$who]}") $(ls "/proc/${lin[$who]}/task" | wc -l) $(sums "${lin[$who]}")"
    smaps_vmas "${lin[$who]}" | sed "s/^/$1\t$who\t/" >>"$OUT/smaps.tsv"
  done
  sleep "$IDLE_WINDOW_S"
  for who in product floor; do
    read -r anon tasks t0 v0 i0 <<<"${first[$who]}"
    read -r t1 v1 i1 <<<"$(sums "${lin[$who]}")"
    thr=$(field threads "$(wine "$OUT/procstat.exe" "${win[$who]}" | tr -d '\r')")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$who" "$anon" "$thr" "$tasks" $((t1 - t0)) $((v1 - v0)) \
      $((i1 - i0)) "${early[$who]}" >>"$OUT/idle.tsv"
    fp modules "${win[$who]}" | tr ' ' '\t' | sed "s/^/$1\t$who\t/" >>"$OUT/modules.tsv"
  done
  fp close "${win[product]}" >/dev/null
  fp close "${win[floor]}" >/dev/null
  sleep 1
}
idle "no UsoSvc" || exit 1
svc create UsoSvc demand "$(winpath "$OUT/fakesvc.exe")" UsoSvc || { echo "bench: could not install the fake UsoSvc" >&2; exit 1; }
idle "UsoSvc (fake, stopped)" || exit 1

# What one more thread costs a Wine process: a program with 0 and with 4 threads that only sleep.
: >"$OUT/threads.tsv"
for n in 0 4; do
  wine "$OUT/footprint.exe" threads $n >"$WP/threads.out" 2>&1 &
  wait_for 100 grep -q ready "$WP/threads.out"
  sleep 1
  p=$(pgrep -fx "$(sed 's/[.]/\\&/g' <<<"$OUT/footprint.exe") threads $n" | head -1) # the Wine process itself
  printf '%s\t%s\t%s\n' $n "$(rss_anon "$p")" "$(ls "/proc/$p/task" 2>/dev/null | wc -l)" >>"$OUT/threads.tsv"
  kill "$p" 2>/dev/null
done

# 3. The report.
export R OUT EARLY_S IDLE_FIRST_S IDLE_WINDOW_S CMDLINE="bash bench/footprint_bench.sh${1:+ $1}" WHEN=$(date -u)
export SIZES="$(stat -c '%n %s' build/win/wutray.exe build/win/mintray.exe build/win/wutray-cli.exe | sed 's#build/win/##')"
export WINEVER=$(timeout 30 "$WINE_BIN" --version 2>/dev/null) CPUS=$(nproc) CPU=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
export HZ=$(getconf CLK_TCK)
export REV=$(bench_rev)
python3 bench/footprint_report.py || { echo "bench: report failed" >&2; exit 1; }
echo "bench: wrote docs/benchmarks.md"
echo "bench: done"
