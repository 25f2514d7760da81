#!/usr/bin/env bash
# Generate wutray tray/application icons (res/icons/*.ico) with ImageMagick.
# Every size is drawn separately with shapes only (no fonts) on an 8x canvas,
# box-filtered down to its own pixel size, so the output is identical on any
# machine with the same ImageMagick. Usage: scripts/make-icons.sh [outdir]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/res/icons}"
sizes=(16 20 24 32 40 48 64 256)
k=8                                   # supersampling factor
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
export LC_ALL=C

# mvg ICON SIZE -> MVG drawing commands in canvas pixels (SIZE*k square).
# Geometry is designed on a 256-unit grid; glyph stroke widths are chosen per
# size in whole pixels (2px at 16) and vertical bars are snapped to the grid.
mvg() {
  awk -v icon="$1" -v s="$2" -v k="$k" '
  function r(x) { return sprintf("%.3f", x) }
  # IM puts pixel centres on integers: shift continuous shapes by half a pixel
  function U(u) { return r(u * s / 256 * k - 0.5) }      # units -> canvas
  function snap(u) { return int(u * s / 256 + 0.5) * k } # units -> whole px
  function rect(x0, y0, x1, y1) {                        # edges, exclusive
    printf "rectangle %d,%d %d,%d\n", x0, y0, x1 - 1, y1 - 1 }
  BEGIN {
    split("16:2 20:2 24:3 32:3 40:4 48:5 64:6 256:24", t, " ")
    for (i in t) { split(t[i], p, ":"); wt[p[1]] = p[2] }
    W = wt[s] * k; w = wt[s] * 256 / s                   # canvas px / units
    m = (s <= 24) ? 0.5 : (s <= 64 ? 1 : 8)              # margin in px
    c = s * k / 2; R = (s / 2 - m) * k
    col["ok"] = "#2E9E44"; col["attention"] = "#E6A100"; col["broken"] = "#D13438"
    col["unknown"] = "#7A7A7A"; col["working"] = "#0F6CBD"; col["app"] = "#0F6CBD"
    fg = (icon == "attention") ? "#1F1F1F" : "#FFFFFF"
    print "stroke-antialias 1"; print "fill " col[icon] " stroke none"
    if (icon == "app") {                                 # shield
      printf "path \"M %s,%s L %s,%s L %s,%s L %s,%s C %s,%s %s,%s %s,%s C %s,%s %s,%s %s,%s L %s,%s Z\"\n",
        U(128),U(6), U(238),U(40), U(238),U(118), U(238),U(118),
        U(238),U(186), U(190),U(228), U(128),U(251),
        U(66),U(228), U(18),U(186), U(18),U(118), U(18),U(40)
    } else {                                             # status disc
      print "circle " r(c - .5) "," r(c - .5) " " r(c + R - .5) "," r(c - .5)
    }
    print "fill none stroke " fg " stroke-width " r(W) " stroke-linecap round stroke-linejoin round"
    if (icon == "ok" || icon == "app") {
      o = (icon == "app") ? 8 : 0
      print "polyline " U(62) "," U(132+o) " " U(106) "," U(176+o) " " U(192) "," U(90+o)
    } else if (icon == "broken") {
      print "line " U(80) "," U(80) " " U(176) "," U(176)
      print "line " U(176) "," U(80) " " U(80) "," U(176)
    } else if (icon == "attention") {
      x0 = (wt[s] % 2) ? c - W / 2 + k / 2 : c - W / 2     # pixel-aligned bar
      print "fill " fg " stroke none"
      rect(x0, snap(40), x0 + W, snap(156)); rect(x0, snap(184), x0 + W, snap(184) + W)
    } else if (icon == "unknown") {
      x0 = (wt[s] % 2) ? c + k / 2 : c
      printf "path \"M %s,%s A %s,%s 0 1 1 %s,%s Q %s,%s %s,%s L %s,%s\"\n",
        U(86), U(92), U(44), U(44), U(150), U(128), r(x0 - .5), U(140), r(x0 - .5), U(160), r(x0 - .5), U(166)
      print "fill " fg " stroke none"
      rect(x0 - W / 2, snap(188), x0 + W / 2, snap(188) + W)
    } else if (icon == "working") {
      rr = 68; b = w * 1.3; a = w * 1.5                # arc radius, head size
      print "stroke-linecap butt"
      printf "path \"M %s,%s A %s,%s 0 1 1 %s,%s\"\n", U(128 + rr), U(128), U(rr), U(rr), U(128), U(128 - rr)
      print "fill " fg " stroke none"
      printf "polygon %s,%s %s,%s %s,%s\n", U(124), U(128 - rr - b), U(124 + a), U(128 - rr), U(124), U(128 - rr + b)
    }
  }'
}

for icon in ok attention broken unknown working app; do
  files=()
  for s in "${sizes[@]}"; do
    S=$((s * k)); f="$tmp/$icon-$s.png"
    convert -size "${S}x${S}" xc:none -draw "$(mvg "$icon" "$s")" \
      -filter Box -resize "${s}x${s}!" -define png:color-type=6 "$f"
    files+=("$f")
  done
  convert "${files[@]}" -strip -depth 8 -define png:color-type=6 -define png:exclude-chunks=date,time \
    "$out/$icon.ico"
done
echo "wrote: $(cd "$out" && ls ./*.ico | tr '\n' ' ')"
