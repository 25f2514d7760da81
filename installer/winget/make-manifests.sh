#!/usr/bin/env bash
# Writes the winget manifests for one built MSI: the templates beside this
# script (*.yaml.in) with the version, the installer's URL, and the MSI's
# ProductCode, UpgradeCode (read from the file with msiinfo) and SHA256 filled
# in. Run by cmake/windows.cmake after the MSI is built and signed.
# Usage: make-manifests.sh VERSION MSI INSTALLER_URL OUT_DIR
#   VERSION must be the MSI's ProductVersion; {version} in INSTALLER_URL stands for it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 4 ] || { echo "usage: make-manifests.sh VERSION MSI INSTALLER_URL OUT_DIR" >&2; exit 64; }
version=$1 msi=$2 url=${3//\{version\}/$1} out=$4

props=$(msiinfo export "$msi" Property | tr -d '\r')
prop() { awk -F'\t' -v name="$1" '$1 == name {print $2}' <<<"$props"; }
msi_version=$(prop ProductVersion)
[ "$msi_version" = "$version" ] || { echo "make-manifests: $msi is version '$msi_version', not $version" >&2; exit 1; }
product_code=$(prop ProductCode) upgrade_code=$(prop UpgradeCode)
sha256=$(sha256sum "$msi" | cut -d' ' -f1)

mkdir -p "$out"
for template in "$here"/*.yaml.in; do
  text=$(<"$template")
  # Quoted replacements: taken literally (bash 5.2 would read & in them).
  text=${text//@VERSION@/"$version"}
  text=${text//@INSTALLER_URL@/"$url"}
  text=${text//@SHA256@/"${sha256^^}"}
  text=${text//@PRODUCT_CODE@/"$product_code"}
  text=${text//@UPGRADE_CODE@/"$upgrade_code"}
  printf '%s\n' "$text" >"$out/$(basename "$template" .in)"
done
