/* The tray and application icons, drawn from a small vector description:
 * one glyph that marks wutray (a rounded tile with a down arrow: updates
 * coming in) and, in its lower right corner, a badge per state whose shape
 * and symbol tell the states apart without colour. Shapes are inside-tests,
 * supersampled 8x8 per pixel; straight strokes snap to whole pixels so 16 px
 * stays crisp. Pure: the tray (src/win/trayicon.c) and scripts/make-icons.sh
 * (app.ico, the previews) draw with it. */
#ifndef WUTRAY_ICON_ART_H
#define WUTRAY_ICON_ART_H

#include <stdbool.h>
#include <stdint.h>

#include "reasons.h" /* enum state_icon */

#define ICON_ART_MIN 1
#define ICON_ART_MAX 256

/* The taskbar the icon sits on: dark (Windows 10 and 11's default), light
 * (SystemUsesLightTheme = 1), or high contrast, drawn in two given colours. */
enum icon_theme { ICON_THEME_DARK, ICON_THEME_LIGHT, ICON_THEME_CONTRAST };

struct icon_look {
    enum icon_theme theme;
    uint32_t fg, bg; /* 0xRRGGBB, ICON_THEME_CONTRAST only: the text and window colours */
};

/* Draws icon at size x size pixels (ICON_ART_MIN..ICON_ART_MAX) into out:
 * size * size pixels, rows top first, each 0xAARRGGBB with premultiplied
 * colour (a 32-bit DIB's BGRA bytes on a little-endian machine). Returns
 * false, leaving out untouched, for a size or icon out of range. */
bool icon_art_render(enum state_icon icon, const struct icon_look *look, int size, uint32_t *out);

/* Where the badge may draw: the square from (origin, origin) to the lower
 * right corner. Everything outside it is the glyph, the same in every state. */
int icon_art_badge_origin(int size);

/* "ok", "working", ...: for file names (previews, screenshots). */
const char *icon_art_name(enum state_icon icon);

#endif
