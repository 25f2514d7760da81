#!/usr/bin/env bash
# The MSI under Wine's msiexec, in a fresh prefix: a quiet install puts both
# programs in Program Files\wutray, a Start menu shortcut and the start at
# logon and the event source in place, and the installed CLI runs; ADDLOCAL=Main leaves out the
# start at logon, NOSTARTMENU=1 the shortcut; a newer version replaces the old one (one entry in
# Programs and Features); an older one is refused; uninstalling removes it all but the user's
# settings (HKCU\Software\wutray). The package has its icon for Programs and Features.
# Usage: msi_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/winenv.sh"
. "$(dirname "$0")/expect.sh"
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

[ -f "$B/wutray.msi" ] || { echo "msi_test: $B/wutray.msi was not built"; echo "msi_test: 0 passed, 1 failed"; exit 1; }
msi_prop() { msiinfo export "$B/wutray.msi" Property | tr -d '\r' | awk -F'\t' -v name="$1" '$1 == name {print $2}'; }
VERSION=$(msi_prop ProductVersion)
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
other_msi() { bash "$SRC/installer/make-msi.sh" "$1" "$B" "$2" 2>/dev/null; } # VERSION OUT
USER_KEY='HKCU\Software\wutray'
user_setting() { wine reg query "$USER_KEY" /v StalledSearchDays 2>/dev/null | tr -d '\r' | awk '/StalledSearchDays/ {print $NF}'; }

# 0. Programs and Features shows the package's icon (the Icon table's, from
# res/icons/app.ico) and a comment; there is no help link (no web page yet).
expect_eq "package: ARPPRODUCTICON" wutray.ico "$(msi_prop ARPPRODUCTICON)"
# (msiinfo writes the table's data into Icon/ in the current folder.)
expect_eq "package: the icon in the Icon table" "wutray.ico" \
  "$(cd "$WINENV_DIR" && msiinfo export "$B/wutray.msi" Icon | tr -d '\r' | awk -F'\t' 'NR > 3 {print $1}')"
check "package: the icon is res/icons/app.ico" cmp -s "$WINENV_DIR/Icon/Icon.wutray.ico" "$SRC/res/icons/app.ico"
check "package: ARPCOMMENTS" [ -n "$(msi_prop ARPCOMMENTS)" ]
expect_has "package: NOSTARTMENU is a secure property" "$(msi_prop SecureCustomProperties)" NOSTARTMENU
# Windows, not only Wine: no registry row outside HKLM (Root 2), none removed.
expect_eq "package: writes nothing under HKCU" "" \
  "$(msiinfo export "$B/wutray.msi" Registry | tr -d '\r' | awk -F'\t' 'NR > 3 && $2 != 2 {print $3}')"
expect_eq "package: removes no registry keys of its own accord" "" "$(msiinfo tables "$B/wutray.msi" | grep -x RemoveRegistry)"

# 1. A quiet install, for a user who has settings of their own.
wine reg add "$USER_KEY" /v StalledSearchDays /t REG_DWORD /d 9 /f >/dev/null 2>&1
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
check "uninstall: wutray.exe removed" [ ! -e "$DIR/wutray.exe" ]
check "uninstall: wutray-cli.exe removed" [ ! -e "$DIR/wutray-cli.exe" ]
check "uninstall: shortcut removed" no_shortcut
expect_eq "uninstall: no start at logon" "" "$(run_value)"
expect_eq "uninstall: no entry in Programs and Features" "" "$(versions)"
expect_eq "uninstall: no event source" "" "$(event_source)"
expect_eq "uninstall: the user's settings left alone" 0x9 "$(user_setting)"

# 4. Without the start at logon (ADDLOCAL=Main).
expect_eq "install without autostart: exit" 0 "$(msi /i "$(winpath "$B/wutray.msi")" ADDLOCAL=Main /qn)"
check "install without autostart: programs" [ -f "$DIR/wutray.exe" ]
expect_eq "install without autostart: no Run value" "" "$(run_value)"
expect_eq "and uninstalled: exit" 0 "$(msi /x "$(winpath "$B/wutray.msi")" /qn)"

# 5. Without the Start menu shortcut (NOSTARTMENU=1).
expect_eq "install without shortcut: exit" 0 "$(msi /i "$(winpath "$B/wutray.msi")" NOSTARTMENU=1 /qn)"
check "install without shortcut: programs" [ -f "$DIR/wutray.exe" ]
check "install without shortcut: no shortcut" no_shortcut
expect_eq "install without shortcut: still starts at logon" "\"C:\\Program Files\\wutray\\wutray.exe\"" "$(run_value)"
expect_eq "and uninstalled: exit" 0 "$(msi /x "$(winpath "$B/wutray.msi")" /qn)"

# 6. The folder is fixed: a folder given on the command line (as the old
#    public INSTALLDIR allowed, e.g. under C:\Tools, which users may write)
#    is not used; the programs go to Program Files, where only
#    administrators can change them.
expect_eq "install with INSTALLDIR: exit" 0 \
  "$(msi /i "$(winpath "$B/wutray.msi")" 'INSTALLDIR=C:\Tools\wutray' 'InstallFolder=C:\Tools\wutray' /qn)"
check "install with INSTALLDIR: programs in Program Files" [ -f "$DIR/wutray.exe" ]
check "install with INSTALLDIR: nothing in C:\Tools" [ ! -e "$WINEPREFIX/drive_c/Tools" ]
expect_eq "and uninstalled: exit" 0 "$(msi /x "$(winpath "$B/wutray.msi")" /qn)"

echo "msi_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
