#!/usr/bin/env bash
# Installs, from Debian's packages, whatever the build, the app and the tests
# need and is not already there. Safe to run again; does nothing when complete.
set -euo pipefail

packages=(cmake ninja-build gcc python3 clang libclang-rt-14-dev
  gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 mingw-w64-x86-64-dev
  wine wine64 xvfb xdotool imagemagick x11-utils msitools wixl osslsigncode openssl libfaketime)

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
