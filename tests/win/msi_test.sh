#!/usr/bin/env bash
# The MSI under Wine's msiexec, in a fresh prefix: a quiet install puts both
# programs in Program Files\wutray, a Start menu shortcut and the start at
# logon and the event source in place, and the installed CLI runs; ADDLOCAL=Main leaves out the
# start at logon; a newer version replaces the old one (one entry in Programs
# and Features); an older one is refused; uninstalling removes it all.
# Usage: msi_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/winenv.sh"
. "$(dirname "$0")/expect.sh"
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

[ -f "$B/wutray.msi" ] || { echo "msi_test: $B/wutray.msi was not built"; echo "msi_test: 0 passed, 1 failed"; exit 1; }
VERSION=$(msiinfo export "$B/wutray.msi" Property | tr -d '\r' | awk -F'\t' '$1 == "ProductVersion" {print $2}')
winenv_new "$B"
trap winenv_end EXIT
DIR="$WINEPREFIX/drive_c/Program Files/wutray"
# The Start menu shortcut: Windows puts a per-machine one under ProgramData;
# Wine 8's msiexec puts it in the installing user's Start menu.
shortcut() { find "$WINEPREFIX/drive_c/ProgramData" "$WINEPREFIX/drive_c/users" -path '*Start Menu/Programs/wutray.lnk' 2>/dev/null | head -1; }
has_shortcut() { [ -n "$(shortcut)" ]; }
no_shortcut() { [ -z "$(shortcut)" ]; }
RUN='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run'
UNINST='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall'
msi() { wine msiexec "$@" >/dev/null 2>&1; echo $?; }
run_value() { wine reg query "$RUN" /v wutray 2>/dev/null | tr -d '\r' | awk '/wutray/ {sub(/.*REG_SZ[ \t]+/, ""); print}'; }
# Versions of wutray in Programs and Features (the Uninstall entries named wutray).
versions() {
  local k
  for k in $(wine reg query "$UNINST" 2>/dev/null | tr -d '\r' | grep -o '{[0-9A-F-]*}'); do
    wine reg query "$UNINST\\$k" /v DisplayName 2>/dev/null | tr -d '\r' | grep -q 'REG_SZ[[:space:]]*wutray$' || continue
    wine reg query "$UNINST\\$k" /v DisplayVersion 2>/dev/null | tr -d '\r' | awk '/DisplayVersion/ {print $NF}'
  done | paste -sd, -
}
event_source() {
  wine reg query 'HKLM\SYSTEM\CurrentControlSet\Services\EventLog\Application\wutray' /v EventMessageFile 2>/dev/null |
    tr -d '\r' | awk '/EventMessageFile/ {sub(/.*REG_[A-Z_]*SZ[ \t]+/, ""); print}'
}
other_msi() { # VERSION OUT: the same package at another version (wixl wants relative paths)
  (cd "$SRC" && wixl -a x64 -D Version="$1" -D BinDir="$(realpath --relative-to=. "$B")" -D SrcDir=. \
    -o "$2" installer/wutray.wxs 2>/dev/null)
}

# 1. A quiet install.
expect_eq "install: exit" 0 "$(msi /i "$(winpath "$B/wutray.msi")" /qn)"
check "install: wutray.exe in Program Files\\wutray" [ -f "$DIR/wutray.exe" ]
check "install: wutray-cli.exe in Program Files\\wutray" [ -f "$DIR/wutray-cli.exe" ]
check "install: Start menu shortcut" has_shortcut
expect_eq "install: starts at logon" "\"C:\\Program Files\\wutray\\wutray.exe\"" "$(run_value)"
expect_eq "install: the installed CLI runs" "wutray-cli $VERSION" "$(wine "$DIR/wutray-cli.exe" --version 2>/dev/null | tr -d '\r')"
expect_eq "install: one entry in Programs and Features" "$VERSION" "$(versions)"
expect_eq "install: event source's message file" 'C:\Program Files\wutray\wutray.exe' "$(event_source)"

# 2. A newer version replaces it; an older one is refused.
NEWER=$WINENV_DIR/newer.msi
check "a newer package builds" other_msi 99.0.0 "$NEWER"
expect_eq "upgrade: exit" 0 "$(msi /i "$(winpath "$NEWER")" /qn)"
expect_eq "upgrade: one entry, the newer" "99.0.0" "$(versions)"
check "upgrade: files still there" [ -f "$DIR/wutray.exe" ]
rc=$(msi /i "$(winpath "$B/wutray.msi")" /qn)
check "downgrade: refused (exit $rc)" [ "$rc" -ne 0 ]
expect_eq "downgrade: still the newer" "99.0.0" "$(versions)"

# 3. Uninstall: nothing left.
expect_eq "uninstall: exit" 0 "$(msi /x "$(winpath "$NEWER")" /qn)"
check "uninstall: programs removed" [ ! -e "$DIR/wutray.exe" ] && [ ! -e "$DIR/wutray-cli.exe" ]
check "uninstall: shortcut removed" no_shortcut
expect_eq "uninstall: no start at logon" "" "$(run_value)"
expect_eq "uninstall: no entry in Programs and Features" "" "$(versions)"
expect_eq "uninstall: no event source" "" "$(event_source)"

# 4. Without the start at logon (ADDLOCAL=Main).
expect_eq "install without autostart: exit" 0 "$(msi /i "$(winpath "$B/wutray.msi")" ADDLOCAL=Main /qn)"
check "install without autostart: programs" [ -f "$DIR/wutray.exe" ]
expect_eq "install without autostart: no Run value" "" "$(run_value)"
expect_eq "and uninstalled: exit" 0 "$(msi /x "$(winpath "$B/wutray.msi")" /qn)"

echo "msi_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
