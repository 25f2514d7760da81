# Sourced by the end-to-end test and scripts/run-app.sh: a Wine desktop with a
# taskbar under Xvfb (or on $DISPLAY), screenshots, and the tray icon's colour.
# Needs winenv.sh sourced first (for WINENV_DIR and winpath).
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

# The end of a test with a desktop: Wine's processes, the prefix, the X server.
desktop_end() {
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
