#!/usr/bin/env bash
# The Settings window in each language of res/lang/ but English (German,
# French, Spanish; Wine takes the display language from LANG): opened from
# the menu by that language's access key, it shows that language's texts (its
# title, "Set by your organisation" beside a policy's value), every text fits
# its control, each edit and list follows its label, and no access key is
# used twice.
# Usage: settings_lang_e2e.sh BUILD_DIR [SCREENSHOT_DIR]  (settings-de.png)
SEARCH_DAYS=1
. "$(dirname "$0")/settings_setup.sh"

# A string of res/lang/LANG.rc, and the access key of a menu item's.
text_of() { sed -n "s/^ *$2 \"\\(.*\\)\"\$/\\1/p" "$here/../../res/lang/$1.rc" | head -1; }
key_of() { text_of "$1" "$2" | sed -n 's/.*&\(.\).*/\1/p' | tr '[:upper:]' '[:lower:]'; }
tray_gone() { [ -z "$(tray_pid)" ]; }
desktop_gone() { ! kill -0 "$DESKTOP_PID" 2>/dev/null; }

for rc in "$here"/../../res/lang/*.rc; do
  lang=$(basename "$rc" .rc)
  [ "$lang" = en ] && continue # settings_e2e.sh
  locale=$(locale -a | grep -ix "${lang}_[A-Z]*\\.utf8" | head -1)
  if [ -z "$locale" ]; then
    bad "$lang: a ${lang}_*.UTF-8 locale exists (scripts/deps.sh makes it)"
    continue
  fi
  export LANG=$locale
  title=$(text_of "$lang" IDS_SET_TITLE)
  desktop_start_tray "$B"
  check "$lang: the tray starts" wait_for 300 eval '[ -n "$(tray_state)" ]'
  check "$lang: the menu opens" open_menu
  choose "$(key_of "$lang" IDS_MENU_WUTRAY_SETTINGS)"
  check "$lang: its Settings item opens \"$title\"" wait_for 50 eval '[ -n "$(window_id "^$title\$")" ]'
  peek "$B" "$title" 0 # a translation as it is: it must fit
  check "$lang: the policy's note in $lang ($(ctl 218 6))" [ "$(ctl 218 6)" = "$(text_of "$lang" IDS_SET_LOCKED)" ]
  check "$lang: the stalled-search label in $lang" [ "$(ctl 211 6)" = "$(text_of "$lang" IDS_SET_STALLED_SEARCH)" ]
  check "$lang: each edit and list follows its label (without: '$(peek_unlabelled)')" [ -z "$(peek_unlabelled)" ]
  check "$lang: every check box and button has an access key (without: '$(peek_keyless)')" [ -z "$(peek_keyless)" ]
  check "$lang: no access key twice (twice: '$(peek_dup_keys)')" [ -z "$(peek_dup_keys)" ]
  check "$lang: every text fits its control (tight: '$(peek_tight)')" [ -z "$(peek_tight)" ]
  if [ -n "$SHOTS" ] && [ "$lang" = de ]; then
    sleep 0.5
    shot
    window_shot "$(window_id "^$title\$")" "$SHOTS/settings-de.png"
  fi
  window_key "$(window_id "^$title\$")" Escape
  check "$lang: Esc closes it" wait_for 50 eval '[ -z "$(window_id "^$title\$")" ]'
  check "$lang: the menu opens to exit" open_menu
  choose "$(key_of "$lang" IDS_MENU_EXIT)"
  check "$lang: the tray exits" wait_for 300 tray_gone
  wait_for 100 desktop_gone # the next language gets a desktop of its own
done

echo "settings_lang_e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
