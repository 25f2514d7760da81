#!/usr/bin/env bash
# Builds the MSI: wixl (msitools) from installer/wutray.wxs, then msibuild sets
# what wixl cannot express: the Start menu shortcut's component condition
# (NOSTARTMENU=1 leaves it out) and NOSTARTMENU among SecureCustomProperties
# (so an elevated install on Windows takes it from the command line).
# Used by cmake/windows.cmake and tests/win/msi_test.sh.
# Usage: make-msi.sh VERSION BIN_DIR OUT.msi   (BIN_DIR holds both programs)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
version=$1 bin=$(realpath "$2") out=$(realpath -m "$3")
# wixl takes relative paths only, so it runs from the source folder.
cd "$src"
wixl -a x64 -D Version="$version" -D BinDir="$(realpath --relative-to=. "$bin")" -D SrcDir=. \
  -o "$out" installer/wutray.wxs
secure=$(msiinfo export "$out" Property | tr -d '\r' | awk -F'\t' '$1 == "SecureCustomProperties" {print $2}')
[ -n "$secure" ] || { echo "make-msi: no SecureCustomProperties in $out (MajorUpgrade writes it)" >&2; exit 1; }
msibuild "$out" \
  -q "UPDATE \`Component\` SET \`Condition\` = 'NOSTARTMENU <> 1' WHERE \`Component\` = 'StartMenu'" \
  -q "UPDATE \`Property\` SET \`Value\` = '$secure;NOSTARTMENU' WHERE \`Property\` = 'SecureCustomProperties'"
