/* The shell adapter: URI handler checks against the real registry (HKCR:
 * Wine's AssocQueryString does not see per-user HKCU\Software\Classes), the
 * fall-back to Control Panel where Wine has no ms-settings: handler. */
#include <windows.h>

#include "shell.h"
#include "test.h"

#define SCHEME L"wutray-test-scheme"
#define KEY SCHEME

static BOOL register_scheme(void)
{
    HKEY k;
    const wchar_t cmd[] = L"\"C:\\windows\\system32\\notepad.exe\" \"%1\"";
    if (RegCreateKeyExW(HKEY_CLASSES_ROOT, KEY L"\\shell\\open\\command", 0, NULL, 0,
                        KEY_WRITE, NULL, &k, NULL) != ERROR_SUCCESS)
        return FALSE;
    RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)cmd, sizeof(cmd));
    RegCloseKey(k);
    if (RegCreateKeyExW(HKEY_CLASSES_ROOT, KEY, 0, NULL, 0, KEY_WRITE, NULL, &k, NULL) != ERROR_SUCCESS)
        return FALSE;
    RegSetValueExW(k, L"URL Protocol", 0, REG_SZ, (const BYTE *)L"", sizeof(wchar_t));
    RegCloseKey(k);
    return TRUE;
}

/* Registers urilog.exe (next to this test) as the handler of `scheme`,
 * writing to `log`; returns FALSE if that failed. */
static BOOL register_stub(const wchar_t *scheme, const wchar_t *log)
{
    wchar_t key[128];
    wchar_t exe[MAX_PATH], cmd[1024], *slash;
    HKEY k;

    GetModuleFileNameW(NULL, exe, MAX_PATH);
    slash = wcsrchr(exe, L'\\');
    if (!slash) return FALSE;
    wcscpy(slash + 1, L"urilog.exe");
    _snwprintf(cmd, 1024, L"\"%ls\" \"%ls\" \"%%1\"", exe, log);
    cmd[1023] = 0;
    _snwprintf(key, 128, L"%ls\\shell\\open\\command", scheme);
    key[127] = 0;
    if (RegCreateKeyExW(HKEY_CLASSES_ROOT, key, 0, NULL, 0, KEY_WRITE, NULL, &k, NULL) != ERROR_SUCCESS)
        return FALSE;
    RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)cmd, (DWORD)((wcslen(cmd) + 1) * sizeof(wchar_t)));
    RegCloseKey(k);
    if (RegCreateKeyExW(HKEY_CLASSES_ROOT, scheme, 0, NULL, 0, KEY_WRITE, NULL, &k, NULL) != ERROR_SUCCESS)
        return FALSE;
    RegSetValueExW(k, L"URL Protocol", 0, REG_SZ, (const BYTE *)L"", sizeof(wchar_t));
    RegCloseKey(k);
    return TRUE;
}

/* Reads the first line of the stub's log, waiting up to 5 s for it. */
static void read_log(const wchar_t *log, char *out, size_t cap)
{
    out[0] = 0;
    for (int i = 0; i < 50 && !out[0]; i++) {
        FILE *f = _wfopen(log, L"r");
        if (f) {
            if (!fgets(out, (int)cap, f)) out[0] = 0;
            fclose(f);
        }
        if (!out[0]) Sleep(100);
    }
    out[strcspn(out, "\r\n")] = 0;
}

static wchar_t stub_log[MAX_PATH];

static BOOL elevated(void)
{
    HANDLE token;
    TOKEN_ELEVATION e = {0};
    DWORD n;

    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return FALSE;
    if (!GetTokenInformation(token, TokenElevation, &e, sizeof(e), &n)) e.TokenIsElevated = 0;
    CloseHandle(token);
    return e.TokenIsElevated != 0;
}

/* With urilog.exe registered for `scheme` (register_stub(scheme, stub_log)):
 * the target counts as available, opening it hands the handler `uri`; then
 * the registration is removed. */
static void check_opens(const wchar_t *scheme, enum launch_target target, const char *uri)
{
    char line[256];
    DeleteFileW(stub_log);
    CHECK(shell_scheme_available(scheme));
    CHECK(shell_target_available(target));
    if (elevated()) {
        /* Wine gives every process a full administrator token, and this
         * test has no desktop shell to open through: an elevated wutray
         * then opens nothing (no handler from HKCU runs elevated) and says
         * why. The e2e opens the pages through the Wine desktop's shell. */
        CHECK_EQ_INT(SHELL_ERROR_ELEVATED, shell_open_target(target));
        Sleep(1000);
        CHECK(GetFileAttributesW(stub_log) == INVALID_FILE_ATTRIBUTES);
        (void)uri;
        (void)line;
    } else {
        CHECK_EQ_INT(0, shell_open_target(target));
        read_log(stub_log, line, sizeof(line));
        CHECK_EQ_STR(uri, line);
    }
    RegDeleteTreeW(HKEY_CLASSES_ROOT, scheme);
    DeleteFileW(stub_log);
}

static bool available(void *ctx, enum launch_target t)
{
    (void)ctx;
    return shell_target_available(t) != FALSE;
}

int wmain(void)
{
    GetTempPathW(MAX_PATH, stub_log);
    wcscat(stub_log, L"wutray-test-uri.log");
    RegDeleteTreeW(HKEY_CLASSES_ROOT, KEY);
    CHECK(!shell_scheme_available(SCHEME));
    CHECK(register_scheme());
    CHECK(shell_scheme_available(SCHEME));
    RegDeleteTreeW(HKEY_CLASSES_ROOT, KEY);
    CHECK(!shell_scheme_available(SCHEME));
    CHECK(!shell_scheme_available(L"wutray-no-such-scheme"));

    /* Control Panel exists in every Windows (and in Wine). */
    CHECK(shell_target_available(TARGET_CPL_TROUBLESHOOTING));
    CHECK(!shell_target_available(TARGET_NONE));
    CHECK(!shell_target_available((enum launch_target)42));
    CHECK_EQ_INT(ERROR_INVALID_PARAMETER, shell_open_target(TARGET_NONE));

    /* Wine has no Settings app: the chain must fall back to Control Panel. */
    if (!shell_scheme_available(L"ms-settings")) {
        CHECK_EQ_INT(TARGET_CPL_TROUBLESHOOTING, launch_pick(LAUNCH_TROUBLESHOOTER, 19045, available, NULL));
        CHECK_EQ_INT(TARGET_CPL_WINDOWSUPDATE, launch_pick(LAUNCH_UPDATE_SETTINGS, 19045, available, NULL));
    } else {
        CHECK_EQ_INT(TARGET_SETTINGS_TROUBLESHOOT, launch_pick(LAUNCH_TROUBLESHOOTER, 19045, available, NULL));
    }

    /* With a handler for ms-settings: it is preferred, and opening it runs
     * the handler with the URI. */
    CHECK(register_stub(L"ms-settings", stub_log));
    CHECK_EQ_INT(TARGET_SETTINGS_TROUBLESHOOT, launch_pick(LAUNCH_TROUBLESHOOTER, 19045, available, NULL));
    CHECK_EQ_INT(TARGET_CPL_TROUBLESHOOTING, launch_pick(LAUNCH_TROUBLESHOOTER, 9600, available, NULL));
    check_opens(L"ms-settings", TARGET_SETTINGS_TROUBLESHOOT, "ms-settings:troubleshoot");

    /* Windows 11 22H2 and later: the Get Help troubleshooter comes first
     * when its app handles ms-contact-support:. */
    CHECK(!shell_target_available(TARGET_GETHELP_WU)); /* Wine has no Get Help app */
    CHECK(register_stub(L"ms-contact-support", stub_log));
    CHECK_EQ_INT(TARGET_GETHELP_WU, launch_pick(LAUNCH_TROUBLESHOOTER, 22631, available, NULL));
    check_opens(L"ms-contact-support", TARGET_GETHELP_WU, "ms-contact-support://smc-to-emerald/WUTroubleshooter");

    /* The classic troubleshooter is a program in the system folder; Wine
     * has none, so the Windows 10 chain moves on. */
    CHECK(!shell_target_available(TARGET_MSDT_WU));
    return test_summary("test_shell");
}
