#!/usr/bin/env bash
# Soak: the real tray (wutray.exe) in a Wine desktop under its own Xvfb, made
# to check again and again and to restart the (fake) services again and again,
# while its handles, GDI and USER objects, private memory and threads are
# sampled. Those must be flat after the warm-up. Figures and method: docs/soak.md.
# Usage: soak.sh BUILD_DIR [--long] [--checks N] [--restarts N] [--rounds N] [--table FILE]
#   default: 500 checks and 30 restarts (CI, about a minute); --long: 10000 and 1000
#   --rounds: how many samples after the warm-up (checks and restarts are
#   spread evenly over them); --table: also write the sample table to FILE
set -u
B=$(cd "$1" && pwd)
shift
here=$(cd "$(dirname "$0")" && pwd)
CHECKS=500 RESTARTS=30 ROUNDS=5 TABLE=
while [ $# -gt 0 ]; do
  case $1 in
  --long) CHECKS=10000 RESTARTS=1000 ROUNDS=20 ;;
  --checks) CHECKS=$2; shift ;;
  --restarts) RESTARTS=$2; shift ;;
  --rounds) ROUNDS=$2; shift ;;
  --table) TABLE=$2; shift ;;
  *) echo "soak: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done
# Warm-up, not counted: caches, the first slow read (10 s after the start),
# the event log's and the balloon's first use, heap growth to its working size.
WARM_CHECKS=200 WARM_RESTARTS=10
# Flat means: the last sample within this of the warm-up's (docs/soak.md says why).
TOL_HANDLES=20 TOL_GDI=5 TOL_USER=5 TOL_THREADS=0 TOL_PRIVATE_KB=512 TOL_RSS_ANON_KB=2048
# Memory only, per restart: Wine's own cost. Wine 8's NotifyServiceStatusChangeW
# keeps about 330 bytes per notification delivered (a 30-line program that
# only registers and toggles a service grows 655 bytes per stop and start,
# 0 without the notifications); a restart brings the tray's watch and its
# waits about eight of them (2.6 KB measured). Checks get no allowance.
WINE_KB_PER_RESTART=3 WINE_RSS_KB_PER_RESTART=4

. "$here/../win/winenv.sh"
. "$here/desktop.sh"

e2e_start "$B"
t_start=$(date +%s)

svc() { wine "$B/svctool.exe" "$@" >/dev/null 2>&1; }
# The fake services (tests/fixtures/fakesvc.c) as UsoSvc and in place of
# wuauserv, both logging their starts and stops, both running.
LOG=$WINENV_DIR/fake.log
WLOG=$(winpath "$LOG")
winenv_fake_usosvc "$B" demand --log "$WLOG"
svc binpath wuauserv "$(winpath "$B/fakesvc.exe")" wuauserv --log "$WLOG"
running() { # NAME: started, and running (a second try if the first start is lost)
  local try
  for try in 1 2 3; do
    svc start "$1"
    svc wait "$1" running 5000 && return 0
  done
  return 1
}
check "set-up: wuauserv (fake) running" running wuauserv
check "set-up: UsoSvc (fake) running" running UsoSvc
# A healthy PC (as in tray_e2e.sh), so the tray shows OK throughout.
winenv_healthy "$B"
winenv_results 1 2

# The meter itself: a process that leaks on cue is seen to leak.
out=$(wine "$B/procstat.exe" selftest)
rc=$?
check "the meter moves (${out//$'\r'/})" [ "$rc" -eq 0 ]
# The tray's service-manager calls are traced: traypoke counts its checks
# there (each reads both services' configuration).
export TRAY_WINEDEBUG=+pid,trace+service
desktop_start_tray "$B"
TRACE=$WINENV_DIR/tray.log
WTRACE=$(winpath "$TRACE")
TRAY_RE=$(tray_re "$B")
OK_LINE="ok wuauserv=running UsoSvc=running state=ok"
check "the tray starts and shows OK" wait_for 300 tray_state_is "$OK_LINE"
sleep 11 # past the first slow read (the update agent, 10 s after the start)

# One sample: procstat's line (Windows' view) and the Linux process's.
# Fields: what iterations had run, then threads handles gdi user private_kb
# rss_anon_kb fds.
SAMPLES=$WINENV_DIR/samples
: >"$SAMPLES"
sample() { # label checks restarts
  local line lpid anon fds
  line=$(wine "$B/procstat.exe" window | tr -d '\r')
  lpid=$(tray_pid)
  anon=$(awk '/^RssAnon:/{print $2}' "/proc/$lpid/status" 2>/dev/null)
  fds=$(ls "/proc/$lpid/fd" 2>/dev/null | wc -l)
  VIA=$(sed -n 's/.*via=\([^ ]*\).*/\1/p' <<<"$line")
  field() { sed -n "s/.*\<$1=\([0-9]*\).*/\1/p" <<<"$line"; }
  echo "$1 $2 $3 $(field threads) $(field handles) $(field gdi) $(field user) $(field private_kb) ${anon:-?} $fds" >>"$SAMPLES"
}

# A round: N checks, then M restarts, each paced by traypoke; the counts it
# reports are added up, and the fakes' log and the state line are checked.
done_checks=0 done_restarts=0 lost=0
round() { # checks restarts
  local out
  if [ "$1" -gt 0 ]; then
    out=$(wine "$B/traypoke.exe" checks "$1" "$WTRACE" | tr -d '\r')
    echo "  $out"
    n=$(sed -n 's/.* \([0-9]*\) answered.*/\1/p' <<<"$out")
    [ "${n:-0}" -eq "$1" ] || { lost=$((lost + $1 - ${n:-0})); bad "checks: $out"; }
    done_checks=$((done_checks + ${n:-0}))
  fi
  if [ "$2" -gt 0 ]; then
    out=$(wine "$B/traypoke.exe" restarts "$2" "$WLOG" "$WTRACE" | tr -d '\r')
    echo "  $out"
    n=$(sed -n 's/.* \([0-9]*\) done.*/\1/p' <<<"$out")
    [ "${n:-0}" -eq "$2" ] || { lost=$((lost + $2 - ${n:-0})); bad "restarts: $out"; }
    done_restarts=$((done_restarts + ${n:-0}))
  fi
}

echo "warm-up: $WARM_CHECKS checks, $WARM_RESTARTS restarts"
round "$WARM_CHECKS" "$WARM_RESTARTS"
check "warm-up: the tray shows OK" wait_for 100 tray_state_is "$OK_LINE"
warm_checks=$done_checks warm_restarts=$done_restarts
done_checks=0 done_restarts=0
sample warm-up 0 0
t_soak=$(date +%s)

for ((r = 1; r <= ROUNDS; r++)); do
  c=$((CHECKS * r / ROUNDS - CHECKS * (r - 1) / ROUNDS))
  s=$((RESTARTS * r / ROUNDS - RESTARTS * (r - 1) / ROUNDS))
  echo "round $r/$ROUNDS: $c checks, $s restarts"
  round "$c" "$s"
  sample "$r" "$done_checks" "$done_restarts"
done
t_end=$(date +%s)

check "checks: $done_checks of $CHECKS answered" [ "$done_checks" -eq "$CHECKS" ]
check "restarts: $done_restarts of $RESTARTS done" [ "$done_restarts" -eq "$RESTARTS" ]
# Every restart in the fakes' log, in order: UsoSvc stops first and starts
# last (one start each at the set-up, before the first restart).
order=$(tr -d '\r' <"$LOG" | tail -n +3 | paste -sd, | sed 's/stop UsoSvc,stop wuauserv,start wuauserv,start UsoSvc/R/g' | tr -d 'R,')
n_logged=$(tr -d '\r' <"$LOG" | grep -cx 'start UsoSvc')
log_ok() { [ -z "$order" ] && [ $((n_logged - 1)) -eq $((warm_restarts + done_restarts)) ]; }
check "the fakes' log: $((n_logged - 1)) restarts, each in order (left over: '${order:0:80}')" log_ok
check "the tray still shows OK" tray_state_is "$OK_LINE"
check "still one wutray process" [ "$(pgrep -fxc "$TRAY_RE")" -eq 1 ]

# The table, and flatness: the last sample against the warm-up's.
{
  echo "sample checks restarts threads handles gdi user private_kb rss_anon_kb fds"
  cat "$SAMPLES"
} | column -t | tee "${TABLE:-/dev/null}"
echo "sources (handles, gdi, user, private_kb): $VIA"
read -r _ _ _ w_thr w_han w_gdi w_usr w_prv w_anon w_fds <<<"$(head -1 "$SAMPLES")"
read -r _ _ _ l_thr l_han l_gdi l_usr l_prv l_anon l_fds <<<"$(tail -1 "$SAMPLES")"
flat() { # name warm last tolerance
  local d=$(($3 - $2))
  check "flat: $1 $2 -> $3 (change $d, allowed ±$4)" [ "${d#-}" -le "$4" ]
}
flat threads "$w_thr" "$l_thr" "$TOL_THREADS"
flat handles "$w_han" "$l_han" "$TOL_HANDLES"
flat "gdi objects" "$w_gdi" "$l_gdi" "$TOL_GDI"
flat "user objects" "$w_usr" "$l_usr" "$TOL_USER"
flat "private KB" "$w_prv" "$l_prv" $((TOL_PRIVATE_KB + WINE_KB_PER_RESTART * done_restarts))
flat "RssAnon KB" "$w_anon" "$l_anon" $((TOL_RSS_ANON_KB + WINE_RSS_KB_PER_RESTART * done_restarts))
[ "$done_restarts" -gt 0 ] && echo "memory per restart (with its share of checks): private $(((l_prv - w_prv) * 1024 / done_restarts)) B, RssAnon $(((l_anon - w_anon) * 1024 / done_restarts)) B"
flat "file descriptors" "$w_fds" "$l_fds" "$TOL_HANDLES"

echo "soak: warm-up $warm_checks checks, $warm_restarts restarts; then $done_checks checks, $done_restarts restarts in $((t_end - t_soak)) s; $((t_end - t_start)) s in all"
echo "soak: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
