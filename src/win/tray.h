/* Notification-area icon (NOTIFYICON_VERSION_4) and its context menu. */
#ifndef WUTRAY_TRAY_H
#define WUTRAY_TRAY_H

#include <windows.h>
#include "menu.h"

struct tray {
    HWND hwnd;
    UINT uid;
    UINT callback_msg;
    BOOL added;
    HICON icon;          /* owned: destroyed when replaced */
    wchar_t tip[128];
};

BOOL tray_add(struct tray *t);
/* Sets icon (resource ID) and tooltip; re-adds the icon if the shell lost it. */
BOOL tray_update(struct tray *t, UINT icon_id, const wchar_t *tip);
BOOL tray_balloon(struct tray *t, const wchar_t *title, const wchar_t *text, DWORD niif);
void tray_remove(struct tray *t);
/* Shows the menu at (x, y) and returns the chosen command, or MENU_CMD_NONE. */
enum menu_cmd tray_show_menu(HWND hwnd, const struct menu_model *m, int x, int y);

#endif
