#!/usr/bin/env bash
# The winget manifests the build wrote into BUILD_DIR/winget (from
# installer/winget): each has the fields winget requires, and their values are
# the built MSI's own: its SHA256, its ProductCode and UpgradeCode, its version
# (which is CMake's), its manufacturer and name; no template placeholder is left.
# make-manifests.sh refuses an MSI of another version. No Wine needed.
# Usage: winget_test.sh BUILD_DIR
set -u
B=$(cd "$1" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
. "$(dirname "$0")/expect.sh"
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }

MSI=$B/wutray.msi W=$B/winget ID=wutray.wutray
VER=$W/$ID.yaml INST=$W/$ID.installer.yaml LOC=$W/$ID.locale.en-US.yaml
for f in "$MSI" "$VER" "$INST" "$LOC"; do
  [ -f "$f" ] || { echo "winget_test: $f was not built"; echo "winget_test: 0 passed, 1 failed"; exit 1; }
done
props=$(msiinfo export "$MSI" Property | tr -d '\r')
msi_prop() { awk -F'\t' -v name="$1" '$1 == name {print $2}' <<<"$props"; }
VERSION=$(msi_prop ProductVersion)

# A top-level value (quotes taken off), and one of the first installer's.
unquote() { sed -e "s/^'\(.*\)'$/\1/"; }
top() { awk -v key="$2" 'index($0, key ": ") == 1 {print substr($0, length(key) + 3); exit}' "$1" | unquote; }
installer() {
  awk -v key="$2" '/^Installers:/ {on = 1; next} /^[^ -]/ {on = 0}
    on && /^- / && n++ {exit}
    on && (index($0, "- " key ": ") == 1 || index($0, "  " key ": ") == 1) {print substr($0, length(key) + 5); exit}' "$1" | unquote
}

# 1. The version manifest.
expect_eq "version: PackageIdentifier" "$ID" "$(top "$VER" PackageIdentifier)"
expect_eq "version: PackageVersion is the MSI's" "$VERSION" "$(top "$VER" PackageVersion)"
expect_eq "version: the MSI's version is CMake's" \
  "$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$B/CMakeCache.txt")" "$VERSION"
expect_eq "version: DefaultLocale" en-US "$(top "$VER" DefaultLocale)"
expect_eq "version: ManifestType" version "$(top "$VER" ManifestType)"
MV=$(top "$VER" ManifestVersion)
check "version: ManifestVersion '$MV' is x.y.z" grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+$' <<<"$MV"

# 2. The installer manifest: the MSI itself.
expect_eq "installer: PackageIdentifier" "$ID" "$(top "$INST" PackageIdentifier)"
expect_eq "installer: PackageVersion" "$VERSION" "$(top "$INST" PackageVersion)"
expect_eq "installer: ManifestType" installer "$(top "$INST" ManifestType)"
expect_eq "installer: ManifestVersion" "$MV" "$(top "$INST" ManifestVersion)"
expect_eq "installer: Architecture" x64 "$(installer "$INST" Architecture)"
expect_eq "installer: InstallerType" msi "$(installer "$INST" InstallerType)"
expect_eq "installer: Scope (a per-machine MSI)" machine "$(installer "$INST" Scope)"
URL=$(installer "$INST" InstallerUrl)
check "installer: InstallerUrl '$URL' is http(s)" grep -Eq '^https?://.+' <<<"$URL"
expect_eq "installer: InstallerSha256 is the MSI's" "$(sha256sum "$MSI" | cut -d' ' -f1)" \
  "$(installer "$INST" InstallerSha256 | tr A-F a-f)"
expect_eq "installer: ProductCode is the MSI's" "$(msi_prop ProductCode)" "$(installer "$INST" ProductCode)"
check "installer: the ProductCode is a GUID" grep -Eq '^\{[0-9A-F-]{36}\}$' <<<"$(msi_prop ProductCode)"
expect_has "installer: UpgradeCode is the MSI's" "$(cat "$INST")" "UpgradeCode: '$(msi_prop UpgradeCode)'"

# 3. The default locale: what winget shows, and what matches Programs and Features.
expect_eq "locale: PackageIdentifier" "$ID" "$(top "$LOC" PackageIdentifier)"
expect_eq "locale: PackageVersion" "$VERSION" "$(top "$LOC" PackageVersion)"
expect_eq "locale: PackageLocale is the DefaultLocale" en-US "$(top "$LOC" PackageLocale)"
expect_eq "locale: ManifestType" defaultLocale "$(top "$LOC" ManifestType)"
expect_eq "locale: ManifestVersion" "$MV" "$(top "$LOC" ManifestVersion)"
expect_eq "locale: Publisher is the MSI's Manufacturer" "$(msi_prop Manufacturer)" "$(top "$LOC" Publisher)"
expect_eq "locale: PackageName is the MSI's ProductName" "$(msi_prop ProductName)" "$(top "$LOC" PackageName)"
check "locale: License" [ -n "$(top "$LOC" License)" ]
check "locale: ShortDescription" [ -n "$(top "$LOC" ShortDescription)" ]

# 4. Every placeholder filled in; a mismatched version refused.
expect_eq "no @...@ or {version} left" "" "$(grep -l -e '@[A-Z_]*@' -e '{version}' "$W"/*.yaml)"
OUT=$(mktemp -d)
bash "$SRC/installer/winget/make-manifests.sh" 99.0.0 "$MSI" https://example.invalid/x.msi "$OUT" 2>/dev/null
check "make-manifests: an MSI of another version is refused" [ $? -ne 0 ]
expect_eq "make-manifests: and nothing written" "" "$(ls "$OUT")"
rm -rf "$OUT"

echo "winget_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
