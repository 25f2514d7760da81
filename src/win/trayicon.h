/* The tray icon's image: which taskbar it sits on (dark, light, high
 * contrast), the size the tray wants, and the drawn icon as an HICON. */
#ifndef WUTRAY_TRAYICON_H
#define WUTRAY_TRAYICON_H

#include <windows.h>

#include "icon_art.h"

/* High contrast (SPI_GETHIGHCONTRAST): its window text on window colours;
 * otherwise HKCU\...\Themes\Personalize SystemUsesLightTheme (missing: a
 * dark taskbar, as Windows 10 and 11 come). */
void trayicon_read_look(struct icon_look *look);
/* SM_CXSMICON at the DPI of hwnd's monitor (16 at 100 %, 24 at 150 % ...). */
int trayicon_size(HWND hwnd);
/* The icon drawn at size x size, or NULL; the caller destroys it. */
HICON trayicon_make(enum state_icon icon, const struct icon_look *look, int size);

#endif
