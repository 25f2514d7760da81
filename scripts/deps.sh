#!/usr/bin/env bash
# Installs, from Debian's packages, whatever the build, the app and the tests
# need and is not already there. Safe to run again; does nothing when complete.
set -euo pipefail

packages=(cmake ninja-build gcc python3 clang libclang-rt-14-dev
  gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 mingw-w64-x86-64-dev
  wine wine64 xvfb xdotool imagemagick x11-utils msitools wixl osslsigncode openssl
  zlib1g-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  sudo_=""
  [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The languages wutray has text for (res/lang/): Wine takes a process's UI
# language from LANG only when that locale exists, and the tests run the
# tray in German. Debian's `locales` package has the data; generate them once.
for l in de_DE fr_FR es_ES; do
  if ! locale -a 2>/dev/null | grep -qix "$l.utf8"; then
    command -v localedef >/dev/null || { sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
      $sudo_ apt-get install -y -qq locales >/dev/null; }
    sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
    $sudo_ localedef -i "$l" -f UTF-8 "$l.UTF-8"
  fi
done
