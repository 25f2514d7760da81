#include "tray.h"
#include "strings.h"
#include "trayicon.h"

#include <shellapi.h>
#include <strsafe.h>

static void base(const struct tray *t, NOTIFYICONDATAW *nid)
{
    ZeroMemory(nid, sizeof(*nid));
    nid->cbSize = sizeof(*nid);
    nid->hWnd = t->hwnd;
    nid->uID = t->uid;
}

/* Draws t->shown for the current look and size; keeps the old icon if that fails. */
static void redraw(struct tray *t)
{
    HICON icon;

    if (!t->size) {
        trayicon_read_look(&t->look);
        t->size = trayicon_size(t->hwnd);
    }
    icon = trayicon_make(t->shown, &t->look, t->size);
    if (!icon) return;
    if (t->icon) DestroyIcon(t->icon); /* the shell keeps a copy of its own */
    t->icon = icon;
}

BOOL tray_add(struct tray *t)
{
    NOTIFYICONDATAW nid;

    base(t, &nid);
    nid.uFlags = NIF_MESSAGE | NIF_ICON | NIF_TIP | NIF_SHOWTIP;
    nid.uCallbackMessage = t->callback_msg;
    nid.hIcon = t->icon;
    StringCchCopyW(nid.szTip, ARRAYSIZE(nid.szTip), t->tip);
    Shell_NotifyIconW(NIM_DELETE, &nid); /* a stale icon from a crashed run */
    t->added = Shell_NotifyIconW(NIM_ADD, &nid);
    if (!t->added) return FALSE;
    nid.uVersion = NOTIFYICON_VERSION_4;
    Shell_NotifyIconW(NIM_SETVERSION, &nid);
    return TRUE;
}

static BOOL show(struct tray *t)
{
    NOTIFYICONDATAW nid;

    if (!t->added) return tray_add(t);
    base(t, &nid);
    nid.uFlags = NIF_ICON | NIF_TIP | NIF_SHOWTIP;
    nid.hIcon = t->icon;
    StringCchCopyW(nid.szTip, ARRAYSIZE(nid.szTip), t->tip);
    if (Shell_NotifyIconW(NIM_MODIFY, &nid)) return TRUE;
    return tray_add(t); /* the shell forgot us (Explorer restarted): add again */
}

BOOL tray_update(struct tray *t, enum state_icon icon, const wchar_t *tip)
{
    if (!t->icon || icon != t->shown || !t->size) {
        t->shown = icon;
        redraw(t);
    }
    StringCchCopyW(t->tip, ARRAYSIZE(t->tip), tip);
    return show(t);
}

BOOL tray_restyle(struct tray *t)
{
    struct icon_look look;
    int size;

    trayicon_read_look(&look);
    size = trayicon_size(t->hwnd);
    if (t->size && size == t->size && look.theme == t->look.theme && look.fg == t->look.fg && look.bg == t->look.bg)
        return FALSE;
    t->look = look;
    t->size = size;
    if (!t->icon) return TRUE; /* nothing shown yet: the first update draws it */
    redraw(t);
    show(t);
    return TRUE;
}

BOOL tray_balloon(struct tray *t, const wchar_t *title, const wchar_t *text, DWORD niif)
{
    NOTIFYICONDATAW nid;

    base(t, &nid);
    nid.uFlags = NIF_INFO;
    nid.dwInfoFlags = niif | NIIF_RESPECT_QUIET_TIME;
    StringCchCopyW(nid.szInfoTitle, ARRAYSIZE(nid.szInfoTitle), title);
    StringCchCopyW(nid.szInfo, ARRAYSIZE(nid.szInfo), text);
    return Shell_NotifyIconW(NIM_MODIFY, &nid);
}

void tray_remove(struct tray *t)
{
    NOTIFYICONDATAW nid;

    base(t, &nid);
    if (t->added) Shell_NotifyIconW(NIM_DELETE, &nid);
    t->added = FALSE;
    if (t->icon) DestroyIcon(t->icon);
    t->icon = NULL;
}

enum menu_cmd tray_show_menu(HWND hwnd, const struct menu_model *m, int x, int y)
{
    HMENU menu = CreatePopupMenu(), sub = NULL;
    wchar_t text[256], word[64];
    UINT flags = TPM_RETURNCMD | TPM_NONOTIFY | TPM_RIGHTBUTTON;
    int cmd;

    if (!menu) return MENU_CMD_NONE;
    for (unsigned i = 0; i < m->n_items; i++) {
        const struct menu_item *it = &m->items[i];
        HMENU into = it->sub && sub ? sub : menu;
        if (it->cmd == MENU_CMD_SEPARATOR) {
            AppendMenuW(into, MF_SEPARATOR, 0, NULL);
            continue;
        }
        if (it->cmd == MENU_CMD_STATUS) {
            str_load((UINT)m->status_msg, word, ARRAYSIZE(word));
            str_format(text, ARRAYSIZE(text), (UINT)it->msg, word);
        } else {
            str_load((UINT)it->msg, text, ARRAYSIZE(text));
        }
        if (it->cmd == MENU_CMD_SNOOZE) {
            /* The submenu belongs to the menu once appended; destroyed with it. */
            sub = CreatePopupMenu();
            if (sub) AppendMenuW(menu, MF_POPUP | (it->enabled ? MF_ENABLED : MF_GRAYED), (UINT_PTR)sub, text);
            continue;
        }
        AppendMenuW(into, MF_STRING | (it->enabled ? MF_ENABLED : MF_GRAYED), (UINT_PTR)it->cmd, text);
        if (it->is_default) SetMenuDefaultItem(into, (UINT)it->cmd, FALSE);
    }
    flags |= GetSystemMetrics(SM_MENUDROPALIGNMENT) ? TPM_RIGHTALIGN : TPM_LEFTALIGN;
    /* Without the foreground the menu would not close on a click elsewhere. */
    SetForegroundWindow(hwnd);
    cmd = (int)TrackPopupMenuEx(menu, flags, x, y, hwnd, NULL);
    PostMessageW(hwnd, WM_NULL, 0, 0);
    DestroyMenu(menu);
    return (enum menu_cmd)cmd;
}
