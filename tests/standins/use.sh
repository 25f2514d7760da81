#!/usr/bin/env bash
# Installs the update-agent and event-log stand-ins into the Wine prefix
# $WINEPREFIX and points them at a scenario folder (layout: README.md here).
# From then on every program run in that prefix, by any `wine` call with any
# environment, reads that folder through the real wutray adapters, until
# use.sh is run again. Builds the stand-ins if needed.
#   WINEPREFIX=... tests/standins/use.sh SCENARIO_DIR [BUILD_DIR]
# BUILD_DIR defaults to build/win of this checkout. Exit 64 on a usage error.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
usage() { echo "usage: WINEPREFIX=... $0 SCENARIO_DIR [BUILD_DIR]" >&2; exit 64; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
[ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX/drive_c" ] || { echo "use.sh: WINEPREFIX is not a Wine prefix" >&2; exit 64; }
[ -d "$1" ] || { echo "use.sh: no such scenario folder: $1" >&2; exit 64; }
scen=$(cd "$1" && pwd)
build=$(cd "${2:-$root/build/win}" 2>/dev/null && pwd || echo "${2:-$root/build/win}")
export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=,winedbg.exe=d}

if [ ! -f "$build/standins/wuapi.dll" ] || [ ! -f "$build/standins/wevtapi.dll" ] || [ ! -f "$build/standins/slc.dll" ]; then
  [ -f "$build/build.ninja" ] || bash "$root/scripts/build.sh" win >/dev/null
  cmake --build "$build" --target standin_wuapi standin_wevtapi standin_slc >/dev/null
fi
sys32=$WINEPREFIX/drive_c/windows/system32
# Replaced only when changed, and then by a rename: a program that has the
# DLL loaded keeps its mapping (cp over it would rewrite the mapped file and
# crash a tray that is running).
for dll in wuapi wevtapi slc; do
  if ! cmp -s "$build/standins/$dll.dll" "$sys32/$dll.dll"; then
    cp "$build/standins/$dll.dll" "$sys32/.$dll.dll.new" && mv -f "$sys32/.$dll.dll.new" "$sys32/$dll.dll"
  fi
done

state=$WINEPREFIX/wutray-standins
mkdir -p "$state"
regfile=$state/use.reg
winpath=$(winepath -w "$scen" 2>/dev/null || { sleep 2; winepath -w "$scen"; })
esc() { sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' <<<"$1"; }

# What to undo next time: the CurrentVersion values as Wine had them (saved
# once), and the keys this scenario's .reg files name.
if [ ! -f "$state/version.orig" ]; then
  : >"$state/version.orig"
  for v in CurrentBuild CurrentBuildNumber UBR DisplayVersion EditionID InstallationType ProductName ReleaseId; do
    line=$(wine reg query 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion' /v "$v" 2>/dev/null | tr -d '\r' |
      awk -v v="$v" '$1 == v { $1 = ""; print }' | sed 's/^ *//') || true # absent (reg fails): pipefail
    type=${line%% *}; data=${line#* }; [ "$type" = "$line" ] && data=
    case "$type" in
      REG_SZ) printf '"%s"="%s"\n' "$v" "$(esc "$data")" ;;
      REG_DWORD) printf '"%s"=dword:%08x\n' "$v" "$((data))" ;;
      *) printf '"%s"=-\n' "$v" ;;
    esac
  done >"$state/version.orig"
fi
# Everything goes into the registry in one import (each `wine reg` call costs
# a few hundred ms). Keys a previous scenario's .reg files created are removed
# first, and CurrentVersion values it set are put back, so scenarios do not mix.
{
  printf 'REGEDIT4\n\n'
  printf '[HKEY_CURRENT_USER\\Software\\Wine\\DllOverrides]\n"wuapi"="native"\n"wevtapi"="native"\n"slc"="native"\n\n'
  printf '[HKEY_LOCAL_MACHINE\\SOFTWARE\\wutray-standins]\n"Scenario"="%s"\n\n' "$(esc "$winpath")"
  if [ -f "$state/keys" ]; then
    while IFS= read -r key; do [ -n "$key" ] && printf '[-%s]\n\n' "$key"; done <"$state/keys"
  fi
  cv='HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
  if [ -f "$state/version.orig" ]; then
    printf '[%s]\n' "$cv"; cat "$state/version.orig"; printf '\n'
  fi
  if [ -f "$scen/version.ini" ]; then
    printf '[%s]\n' "$cv"
    tr -d '\r' <"$scen/version.ini" | while IFS='=' read -r name value; do
      name=$(echo "$name" | xargs); value=$(echo "$value" | sed -e 's/^ *//' -e 's/ *$//')
      case "$name" in
        ''|\;*|\#*|\[*) ;;
        UBR) printf '"UBR"=dword:%08x\n' "$value" ;;
        CurrentBuild) printf '"CurrentBuild"="%s"\n"CurrentBuildNumber"="%s"\n' "$(esc "$value")" "$(esc "$value")" ;;
        *) printf '"%s"="%s"\n' "$(esc "$name")" "$(esc "$value")" ;;
      esac
    done
    printf '\n'
  fi
} >"$regfile"

# A wine process can fail to start on a loaded machine (seen once in CI,
# silently): each import gets a second try, and a failure says which.
import_reg() {
  local win
  win=$(winepath -w "$1" 2>/dev/null) && wine regedit /S "$win" && return 0
  sleep 2
  win=$(winepath -w "$1") && wine regedit /S "$win" && return 0
  echo "use.sh: could not import $1" >&2
  return 1
}
import_reg "$regfile"

: >"$state/keys"
shopt -s nullglob
for f in "$scen"/*.reg; do
  # .reg files from `reg export` are UTF-16LE; key lines look like [HKEY_...].
  # Only keys that do not exist yet are removed next time (never one of Wine's own).
  iconv -f "$(head -c2 "$f" | od -An -tx1 | grep -q 'ff fe' && echo UTF-16LE || echo UTF-8)" -t UTF-8 "$f" |
    tr -d '\r' | sed -n 's/^\[\([^-].*\)\]$/\1/p' | while IFS= read -r key; do
      wine reg query "$key" >/dev/null 2>&1 || echo "$key"
    done >>"$state/keys"
done

for f in "$scen"/*.reg; do import_reg "$f"; done
# The override takes effect for programs started from now on.
echo "use.sh: $WINEPREFIX now serves $scen"
