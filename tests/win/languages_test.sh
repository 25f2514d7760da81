#!/usr/bin/env bash
# wutray-cli speaks the user's display language (Wine takes it from LANG):
# the text of res/lang/<xx>.rc, dates in the user's format, English for a
# language wutray has no file for; --json stays the same in every language.
# Usage: languages_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/winenv.sh"
. "$here/expect.sh"

winenv_new "$B"
trap winenv_end EXIT
winenv_fake_usosvc "$B" demand
winenv_healthy "$B"
winenv_results 1 2
OUT=$WINENV_DIR/out
# A string of a language file, as the program would show it.
rc_string() { python3 "$here/../lang_strings.py" "$here/../../res/lang/$1.rc" "$2"; } # file ID
cli() { LANG=$1 wine "$B/wutray-cli.exe" "${@:2}" 2>/dev/null | tr -d '\r' >"$OUT"; }

# Each language: the status line, the help's first line, and the day of the
# last successful search (yesterday, from the registry) in the locale's format.
# Wine's locale data writes some days unpadded (14.1.2020 in German): either counts.
yesterday=$(date -u -d yesterday +%s)
for row in "en C.UTF-8 %m/%d/%Y" "de de_DE.UTF-8 %d.%m.%Y" "fr fr_FR.UTF-8 %d/%m/%Y" "es es_ES.UTF-8 %d/%m/%Y"; do
  set -- $row
  lang=$1 locale=$2 padded=$(date -u -d "@$yesterday" "+$3") bare=$(date -u -d "@$yesterday" "+${3//%/%-}")
  cli "$locale" status
  head=$(rc_string "$lang" IDS_CLI_STATUS_HEAD) ok_word=$(rc_string "$lang" IDS_STATE_NAME_OK)
  expect_eq "$lang: status line" "${head/\%s/$ok_word}" "$(head -1 "$OUT")"
  last=$(rc_string "$lang" IDS_REASON_LAST_SEARCH)
  if grep -qF -e "${last/\%s/$padded}" -e "${last/\%s/$bare}" "$OUT"; then ok; else
    bad "$lang: the last search's day as the locale writes it (${last/\%s/$padded}) in: $(cat "$OUT")"; fi
  cli "$locale" --help
  usage=$(rc_string "$lang" IDS_CLI_USAGE)
  expect_eq "$lang: help" "$usage" "$(cat "$OUT")"
  cli "$locale" status --json
  expect_eq "$lang: JSON keeps its words" ok "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' "$OUT")"
  expect_eq "$lang: JSON keeps ISO 8601" True "$(python3 -c 'import json,re,sys; print(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", json.load(open(sys.argv[1]))["evaluated_at"]) is not None)' "$OUT")"
done
# Italian, which wutray has no file for, is English (regional variants such
# as de-AT are table-tested in tests/core/test_lang.c: only the three locales
# scripts/deps.sh makes exist here).
cli it_IT.UTF-8 --help
expect_eq "it: English" "$(rc_string en IDS_CLI_USAGE)" "$(cat "$OUT")"
cli de_DE.UTF-8 status
expect_has "de: not English" "$(head -1 "$OUT")" "$(rc_string de IDS_STATE_NAME_OK)"

echo "languages_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
