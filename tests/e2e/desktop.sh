# Sourced by the end-to-end tests and scripts/run-app.sh: a Wine desktop with a
# taskbar under Xvfb (or on $DISPLAY), screenshots, the tray icon's colour,
# its menu and windows. Needs winenv.sh sourced first (for WINENV_DIR and
# winpath); the tests count with tests/win/expect.sh.
W=1024 H=768
IX=$((W - 17)) IY=$((H - 10)) # a point inside the tray icon (bottom right)

# Polls a command until it succeeds or the time (in tenths of a second) runs out.
wait_for() { local tenths=$1; shift; for ((i = 0; i < tenths; i++)); do "$@" && return 0; sleep 0.1; done; return 1; }

desktop_start_xvfb() {
  local n
  for n in $(seq 90 99); do [ -e /tmp/.X$n-lock ] || { DISPLAY=:$n; break; }; done
  export DISPLAY
  Xvfb "$DISPLAY" -screen 0 ${W}x${H}x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  wait_for 50 xdpyinfo >/dev/null 2>&1
}

desktop_stop_xvfb() { [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null; XVFB_PID=; }

# Xvfb and a fresh Wine prefix for BUILD_DIR, both gone when the script exits.
desktop_session() {
  desktop_start_xvfb
  winenv_new "$1"
  trap desktop_end_session EXIT
}
desktop_end_session() {
  wineserver -k 2>/dev/null
  winenv_end
  desktop_stop_xvfb
}

# A Wine desktop with a taskbar, running wutray.exe from BUILD_DIR; its output
# goes to $WINENV_DIR/tray.log (TRAY_WINEDEBUG=+service etc. for Wine traces).
desktop_start_tray() {
  WINEDEBUG=${TRAY_WINEDEBUG:--all} wine explorer /desktop=shell,${W}x${H} "$(winpath "$1/wutray.exe")" >"${WINENV_DIR:-/tmp}/tray.log" 2>&1 &
  DESKTOP_PID=$!
}

# This run's wutray.exe process: its command line is exactly its Windows path
# (explorer's also ends with it; another run's has another path).
#   TRAY_RE=$(tray_re BUILD_DIR); tray_pid
tray_re() { winpath "$1/wutray.exe" | sed 's/[\\.]/\\&/g'; }
tray_pid() { pgrep -fx "$TRAY_RE" | head -1; }
# The state line that wutray keeps in its hidden window's title.
tray_state() { timeout 20 xwininfo -root -tree | grep -o '"[a-z]* wuauserv=[a-z_]* UsoSvc=[a-z_]* state=[a-z_]*"' | head -1 | tr -d '"'; }
tray_state_is() { [ "$(tray_state)" = "$1" ]; }

shot() { SHOT=${WINENV_DIR:-/tmp}/shot.png; import -window root "$SHOT" 2>/dev/null; }
# The bottom right corner of the last shot, 440 px wide unless given.
crop_corner() { local w=${2:-440}; convert "$SHOT" -crop ${w}x300+$((W - w))+$((H - 300)) +repage -strip "$1"; }

# The colour of the tray icon: the most common saturated colour in the
# notification area's corner: green, amber, red, blue, grey or none.
icon_color() {
  shot
  convert "$SHOT" -crop 64x24+$((W - 64))+$((H - 24)) +repage txt:- 2>/dev/null | awk -F'[(,)]' '
    NR > 1 { r = $3; g = $4; b = $5 # "x,y: (r,g,b...)"
      if (r > 170 && g < 90 && b < 90) c["red"]++
      else if (g > 120 && r < 90 && b < 110) c["green"]++
      else if (b > 150 && r < 60) c["blue"]++
      else if (r > 200 && g > 130 && b < 60) c["amber"]++
      else if (r > 100 && r < 140 && r == g && g == b) c["grey"]++ }
    END { best = "none"; n = 8; for (k in c) if (c[k] > n) { best = k; n = c[k] }; print best }'
}
icon_is() { [ "$(icon_color)" = "$1" ]; }
icon_shown() { ! icon_is none; }

# The popup menu: a visible X window of wutray.exe larger than a tooltip
# (closed menus stay around unmapped, so only visible ones count) and without
# a title (the Settings dialog has one).
menu_id() {
  local id WIDTH HEIGHT
  for id in $(xdotool search --onlyvisible --class wutray.exe 2>/dev/null); do
    [ -z "$(xdotool getwindowname "$id" 2>/dev/null)" ] || continue
    eval "$(xdotool getwindowgeometry --shell "$id")"
    if [ "$WIDTH" -gt 150 ] && [ "$HEIGHT" -gt 80 ]; then echo "$id"; return; fi
  done
}
menu_shown() { [ -n "$(menu_id)" ]; }
no_menu() { ! menu_shown; }
open_menu() {
  wait_for 50 no_menu
  xdotool mousemove $IX $IY click 3
  wait_for 50 menu_shown
}
choose() { # mnemonic key of a menu item
  local m
  m=$(menu_id)
  [ -n "$m" ] && timeout 20 xdotool windowfocus --sync "$m" key "$1"
}

# A visible window by its title (an extended regular expression), and keys
# (xdotool's names) sent to it; nothing, and no wait, when it is not there.
window_id() { xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1; }
window_key() { local id=$1; shift; [ -n "$id" ] && timeout 20 xdotool windowfocus --sync "$id" key "$@"; }
# The last shot cropped to window ID, into FILE.
window_shot() {
  local geom
  # Never `xwininfo -id ""`: without an id it waits for a click, forever.
  [ -n "$1" ] || { echo "no window to take a picture of"; return 1; }
  geom=$(timeout 20 xwininfo -id "$1" | awk '/Absolute upper-left X/{x=$NF}/Absolute upper-left Y/{y=$NF}/Width:/{w=$NF}/Height:/{h=$NF}END{print w"x"h"+"x"+"y}')
  convert "$SHOT" -crop "$geom" +repage -strip "$2"
}

# Minutes until the saved snooze ends, or "none" (wine reg cannot show a
# QWORD; regedit exports it).
snooze_left() {
  local out=$WINENV_DIR/snooze.reg bytes
  rm -f "$out"
  wine regedit /E "$(winpath "$out")" 'HKEY_CURRENT_USER\Software\wutray' >/dev/null 2>&1
  bytes=$(iconv -f utf-16 -t utf-8 "$out" 2>/dev/null | tr -d '\r' | sed -n 's/^"SnoozeUntil"=hex(b)://p')
  [ -z "$bytes" ] && { echo none; return; }
  python3 -c 'import sys,time; b=bytes(int(x,16) for x in sys.argv[1].split(",")); print(int((int.from_bytes(b,"little")/1000-time.time())//60))' "$bytes"
}
# The saved snooze ends in about MINUTES (within two).
snooze_about() { local m; m=$(snooze_left); [ "$m" != none ] && [ "$m" -ge $(($1 - 2)) ] && [ "$m" -le "$1" ]; }
