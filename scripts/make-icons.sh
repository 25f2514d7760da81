#!/usr/bin/env bash
# Writes wutray's application icon (res/icons/app.ico: PNG images of 16, 20,
# 24, 32, 40, 48, 64 and 256 px) and previews of every state icon on a dark,
# a light and a high-contrast taskbar at 16 and 32 px (docs/icons/), from the
# drawing code the tray itself uses (src/core/icon_art.c), with a small native
# program (scripts/icon_export.c; needs cc and zlib). The tray's state icons
# are drawn at run time, at the size the tray asks for: no files for them.
# Output is the same on every run. Usage: scripts/make-icons.sh [ICON_DIR [PREVIEW_DIR]]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
icons="${1:-$root/res/icons}"
previews="${2:-$root/docs/icons}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

cc -std=c11 -O2 -Wall -Wextra -Werror -I"$root/src/core" "$root/src/core/icon_art.c" "$root/scripts/icon_export.c" \
  -lz -lm -o "$tmp/icon_export"
mkdir -p "$icons" "$previews"
"$tmp/icon_export" ico "$icons/app.ico"
"$tmp/icon_export" previews "$previews"
echo "wrote: $icons/app.ico ($(stat -c %s "$icons/app.ico") bytes), $(ls "$previews"/*.png | wc -l) previews in $previews"
