#!/usr/bin/env bash
# The texts the programs carry are the texts of res/lang/, every one of them:
# the string tables are compressed at build time (scripts/strpack.c), and
# strdump (the programs' own loader, src/win/strings.c) reads back every
# string of each language under Wine, compared with its file. Also that the
# packing is what keeps wutray.exe small: no UTF-16 string table is left in it.
# Usage: strings_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
. "$here/winenv.sh"
. "$here/expect.sh"

winenv_new "$B"
trap winenv_end EXIT

for file in "$here"/../../res/lang/*.rc; do
  name=$(basename "$file" .rc)
  lang=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); from lang_strings import read_rc
p, s = read_rc(sys.argv[2])[2]; print("%04x" % (s << 10 | p))' "$here/.." "$file")
  wine "$B/strdump.exe" "$lang" >"$WINENV_DIR/dump-$name" 2>/dev/null
  result=$(python3 - "$here/.." "$file" "$WINENV_DIR/dump-$name" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from lang_strings import ids, read_rc
strings = read_rc(sys.argv[2])[0]
number = ids(sys.argv[1] + "/..")
shown = {}
for line in open(sys.argv[3], encoding="utf-8", newline="\n"):
    id_, text = line.rstrip("\n").split("\t", 1)
    shown[int(id_)] = text.replace("\\\\", "\0").replace("\\n", "\n").replace("\\r", "\r").replace("\0", "\\")
wrong = [n for n, t in strings.items() if shown.get(number[n]) != t]
extra = set(shown) - {number[n] for n in strings}
print(len(strings), len(wrong), len(extra), (wrong + [""])[0])
PY
)
  read -r total wrong extra first <<<"$result"
  if [ "${total:-0}" -gt 250 ] && [ "$wrong" = 0 ] && [ "$extra" = 0 ]; then ok; else
    bad "$name ($lang): $wrong of ${total:-?} strings differ from the file (first: $first), $extra not in it"; fi
done

# No UTF-16 string table (RT_STRING) is left in the shipped programs, and their
# packed tables are there, one per language.
for exe in wutray wutray-cli; do
  types=$(python3 "$here/pe_resources.py" "$B/$exe.exe")
  expect_eq "$exe.exe: no RT_STRING" "" "$(grep -x 'STRING.*' <<<"$types")"
  expect_eq "$exe.exe: a packed table per language" "$(ls "$here"/../../res/lang/*.rc | wc -l)" \
    "$(grep -c '^RCDATA WUTRAY_STRINGS ' <<<"$types")"
done

echo "strings_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
