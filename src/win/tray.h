/* Notification-area icon (NOTIFYICON_VERSION_4) and its context menu. */
#ifndef WUTRAY_TRAY_H
#define WUTRAY_TRAY_H

#include <windows.h>
#include "icon_art.h"
#include "menu.h"

struct tray {
    HWND hwnd;
    UINT uid;
    UINT callback_msg;
    BOOL added;
    HICON icon;              /* owned: destroyed when replaced */
    enum state_icon shown;   /* what icon shows, drawn for look at size */
    struct icon_look look;
    int size;                /* 0: look and size not read yet */
    wchar_t tip[128];
};

BOOL tray_add(struct tray *t);
/* Sets the icon (drawn for the taskbar, at the tray's size) and tooltip;
 * re-adds the icon if the shell lost it. */
BOOL tray_update(struct tray *t, enum state_icon icon, const wchar_t *tip);
/* Reads the taskbar's theme (light, dark, high contrast) and the icon size
 * again, and redraws the icon if either changed; TRUE if it did. */
BOOL tray_restyle(struct tray *t);
BOOL tray_balloon(struct tray *t, const wchar_t *title, const wchar_t *text, DWORD niif);
void tray_remove(struct tray *t);
/* Shows the menu at (x, y) and returns the chosen command, or MENU_CMD_NONE. */
enum menu_cmd tray_show_menu(HWND hwnd, const struct menu_model *m, int x, int y);

#endif
