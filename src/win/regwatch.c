#include "regwatch.h"

/* Watched with their subtrees: the Windows Update state (reboot required,
 * pause), servicing (reboot pending), and policies. Where a key does not exist yet (a fresh Wine prefix), its nearest
 * existing parent is watched instead, and the watch moves down once it does. */
static const wchar_t *const paths[REGWATCH_KEYS] = {
    L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate",
    L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing",
    L"SOFTWARE\\Microsoft\\WindowsUpdate",
    L"SOFTWARE\\Policies\\Microsoft\\Windows",
};

#define FILTER (REG_NOTIFY_CHANGE_NAME | REG_NOTIFY_CHANGE_LAST_SET)

/* Opens paths[i], or the nearest parent of it that exists. */
static HKEY open_nearest(int i)
{
    wchar_t path[256];
    wchar_t *cut;
    HKEY k;

    lstrcpynW(path, paths[i], 256);
    for (;;) {
        if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_NOTIFY | KEY_WOW64_64KEY, &k) == ERROR_SUCCESS)
            return k;
        cut = wcsrchr(path, L'\\');
        if (!cut) return NULL;
        *cut = 0;
    }
}

/* (Re)opens key i and registers for its next change. */
static void arm(struct regwatch *rw, int i)
{
    if (rw->key[i]) RegCloseKey(rw->key[i]);
    rw->key[i] = open_nearest(i);
    if (rw->key[i] && !rw->event[i]) rw->event[i] = CreateEventW(NULL, FALSE, FALSE, NULL);
    if (rw->key[i] && rw->event[i] &&
        RegNotifyChangeKeyValue(rw->key[i], TRUE, FILTER, rw->event[i], TRUE) == ERROR_SUCCESS)
        return;
    if (rw->key[i]) RegCloseKey(rw->key[i]);
    if (rw->event[i]) CloseHandle(rw->event[i]);
    rw->key[i] = NULL;
    rw->event[i] = NULL;
}

void regwatch_open(struct regwatch *rw)
{
    ZeroMemory(rw, sizeof(*rw));
    for (int i = 0; i < REGWATCH_KEYS; i++) arm(rw, i);
}

DWORD regwatch_events(const struct regwatch *rw, HANDLE out[REGWATCH_KEYS])
{
    DWORD n = 0;
    for (int i = 0; i < REGWATCH_KEYS; i++)
        if (rw->event[i]) out[n++] = rw->event[i];
    return n;
}

void regwatch_rearm(struct regwatch *rw, DWORD index)
{
    DWORD n = 0;
    for (int i = 0; i < REGWATCH_KEYS; i++) {
        if (!rw->event[i]) continue;
        if (n++ == index) {
            arm(rw, i);
            return;
        }
    }
}

void regwatch_close(struct regwatch *rw)
{
    for (int i = 0; i < REGWATCH_KEYS; i++) {
        if (rw->key[i]) RegCloseKey(rw->key[i]);
        if (rw->event[i]) CloseHandle(rw->event[i]);
    }
    ZeroMemory(rw, sizeof(*rw));
}
