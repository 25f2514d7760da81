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

# The colour of the tray icon's badge: the most common saturated colour in
# the notification area's corner: green, amber, red, blue, grey, slate or none.
icon_color() {
  shot
  convert "$SHOT" -crop 64x24+$((W - 64))+$((H - 24)) +repage txt:- 2>/dev/null | awk -F'[(,)]' '
    NR > 1 { r = $3; g = $4; b = $5 # "x,y: (r,g,b...)"
      if (r > 170 && g < 90 && b < 90) c["red"]++
      else if (g > 120 && r < 90 && b < 110) c["green"]++
      else if (b > 150 && r < 60) c["blue"]++
      else if (r > 200 && g > 130 && b < 60) c["amber"]++
      else if (r > 100 && r < 140 && r == g && g == b) c["grey"]++
      else if (r > 75 && r < 105 && g > 100 && g < 125 && b > 115 && b < 150) c["slate"]++ }
    END { best = "none"; n = 8; for (k in c) if (c[k] > n) { best = k; n = c[k] }; print best }'
}
icon_is() { [ "$(icon_color)" = "$1" ]; }
icon_shown() { ! icon_is none; }
# The tray icon's 16 px cell (with 2 px of taskbar around it) from the last shot.
icon_crop() { convert "$SHOT" -crop 20x20+$((W - 20))+$((H - 20)) +repage -strip "$1"; }
# wutray's glyph, dark on a light taskbar: at least 30 near-black pixels in
# the icon's cell (Wine's taskbar and the badges have none).
icon_glyph_dark() {
  shot
  [ "$(convert "$SHOT" -crop 20x20+$((W - 20))+$((H - 20)) +repage txt:- 2>/dev/null |
    awk -F'[(,)]' 'NR > 1 && $3 < 60 && $4 < 60 && $5 < 60 { n++ } END { print n + 0 }')" -ge 30 ]
}
# Pixels that differ between two icon crops (more than a little).
icon_diff() { compare -metric AE -fuzz 12% "$1" "$2" null: 2>&1 | cut -d' ' -f1 | cut -d. -f1; }
# The taskbar's theme as Windows keeps it (1: light, 0: dark; the tray reads
# it on WM_SETTINGCHANGE). Wine's own taskbar is always light.
taskbar_light() {
  wine reg add 'HKCU\Software\Microsoft\Windows\CurrentVersion\Themes\Personalize' /v SystemUsesLightTheme \
    /t REG_DWORD /d "$1" /f >/dev/null 2>&1
}

# The popup menu: a visible X window of wutray.exe larger than a tooltip
# (closed menus stay around unmapped, so only visible ones count) and without
# a title (the Settings window has one).
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

# The controls of the window titled TITLE as tests/fixtures/dlgpeek.exe of
# BUILD_DIR reads them (ID, class, enabled, visible, fits PERCENT longer, by
# default 30, text), into PEEK; a control's field (2 class, 3 enabled,
# 4 visible, 5 fits, 6 text).
#   peek BUILD_DIR TITLE [PERCENT]
peek() { PEEK=$(timeout 20 wine "$1/dlgpeek.exe" ${3:+--longer "$3"} "$2" 2>/dev/null | tr -d '\r'); }
ctl() { awk -F'\t' -v id="$1" -v f="$2" '$1 == id {print $f; exit}' <<<"$PEEK"; }
# What a screen reader and the keyboard need of the last peek, as the IDs
# or texts that lack it (empty: none): edits and lists whose label (with an
# access key) is not right before them in tab order; visible check boxes and
# buttons without an access key; access keys used twice; and texts that
# would not fit (as peek measured them).
peek_unlabelled() { awk -F'\t' '($2 == "Edit" || $2 == "ComboBox") && !(prev ~ /^Static\t.*&/) {print $1} {prev = $2 "\t" $6}' <<<"$PEEK"; }
peek_keyless() { awk -F'\t' '$4 == 1 && ($2 == "Button/check" || $2 == "Button/push") && $6 !~ /&/ {print $6}' <<<"$PEEK"; }
peek_dup_keys() { awk -F'\t' '$4 == 1 && match($6, /&[^&]/) {print tolower(substr($6, RSTART + 1, 1))}' <<<"$PEEK" | sort | uniq -d | tr '\n' ' '; }
peek_tight() { awk -F'\t' '$5 == "tight" {print $1 ": " $6}' <<<"$PEEK"; }

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

# The end-to-end tests' tally: each check counts, the script ends with
# `echo "NAME: $passed passed, $failed failed"`.
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
# Xvfb and a fresh prefix for BUILD_DIR's programs, both gone (with every
# Wine process of the prefix) when the script exits.
e2e_start() { desktop_start_xvfb; winenv_new "$1"; trap e2e_end EXIT; }
e2e_end() { wineserver -k 2>/dev/null; winenv_end; desktop_stop_xvfb; }
