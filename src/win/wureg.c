#include "wureg.h"

#include <windows.h>

#define WU_AUTO_UPDATE L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update"
#define CBS L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing"
#define UX_SETTINGS L"SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings"
#define POLICY_WU L"SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate"
#define POLICY_AU POLICY_WU L"\\AU"

static HKEY open_key(const wchar_t *path)
{
    HKEY k;
    if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_READ | KEY_WOW64_64KEY, &k) != ERROR_SUCCESS)
        return NULL;
    return k;
}

/* A key that exists (and, if asked, when it was last written, epoch ms). */
static BOOL key_exists(const wchar_t *path, uint64_t *written_ms)
{
    FILETIME ft;
    ULARGE_INTEGER t;
    HKEY k = open_key(path);

    if (!k) return FALSE;
    if (written_ms && RegQueryInfoKeyW(k, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &ft) ==
                          ERROR_SUCCESS) {
        t.LowPart = ft.dwLowDateTime;
        t.HighPart = ft.dwHighDateTime;
        *written_ms = t.QuadPart > 116444736000000000ull ? (t.QuadPart - 116444736000000000ull) / 10000ull : 0;
    }
    RegCloseKey(k);
    return TRUE;
}

/* A policy switch: a REG_DWORD equal to 1. Anything else (missing, 0, another
 * type) is off: policies are only honoured by Windows in that form too. */
static BOOL dword_is_one(const wchar_t *path, const wchar_t *value)
{
    DWORD v = 0, size = sizeof(v);
    return RegGetValueW(HKEY_LOCAL_MACHINE, path, value, RRF_RT_REG_DWORD | RRF_SUBKEY_WOW6464KEY, NULL, &v,
                        &size) == ERROR_SUCCESS && v == 1;
}

/* A UTC date stored as text, epoch ms; 0 when absent or malformed. The
 * Results values write "2026-11-20 10:12:13" (a space for the T). */
static uint64_t date_value(const wchar_t *path, const wchar_t *value)
{
    wchar_t w[64];
    char a[64];
    DWORD size = sizeof(w);
    uint64_t ms;
    int i;

    if (RegGetValueW(HKEY_LOCAL_MACHINE, path, value, RRF_RT_REG_SZ | RRF_SUBKEY_WOW6464KEY, NULL, w, &size) !=
        ERROR_SUCCESS)
        return 0;
    for (i = 0; w[i] && i < 63; i++) a[i] = w[i] < 128 ? (char)w[i] : '?';
    a[i] = 0;
    if (i > 10 && a[10] == ' ') a[10] = 'T';
    return signals_parse_time(a, &ms) ? ms : 0;
}

void wureg_read(struct update_signals *out)
{
    HKEY hklm_software = open_key(L"SOFTWARE");

    ZeroMemory(out, sizeof(*out));
    if (!hklm_software) return;
    RegCloseKey(hklm_software);
    out->read = true;
    out->reboot_required = key_exists(WU_AUTO_UPDATE L"\\RebootRequired", &out->reboot_since_ms) != FALSE;
    if (!out->reboot_required) out->reboot_since_ms = 0;
    out->reboot_pending = key_exists(CBS L"\\RebootPending", NULL) != FALSE;
    out->paused_until_ms = date_value(UX_SETTINGS, L"PauseUpdatesExpiryTime"); /* malformed: not paused */
    out->last_search_ms = date_value(WU_AUTO_UPDATE L"\\Results\\Detect", L"LastSuccessTime");
    out->last_install_ms = date_value(WU_AUTO_UPDATE L"\\Results\\Install", L"LastSuccessTime");
    out->managed = dword_is_one(POLICY_AU, L"UseWUServer") != FALSE;
    if (dword_is_one(POLICY_AU, L"NoAutoUpdate")) out->policy_blocks |= POLICY_NO_AUTO_UPDATE;
    if (dword_is_one(POLICY_WU, L"DisableWindowsUpdateAccess")) out->policy_blocks |= POLICY_DISABLE_WU_ACCESS;
    if (dword_is_one(POLICY_WU, L"DoNotConnectToWindowsUpdateInternetLocations"))
        out->policy_blocks |= POLICY_NO_INTERNET_LOCATIONS;
}
