/* For Windows test programs: the folder they run from (the build folder,
 * where the fixtures are too) and running tests/fixtures/svctool.exe. */
#ifndef WUTRAY_TEST_SVCTOOL_H
#define WUTRAY_TEST_SVCTOOL_H

#include <windows.h>
#include <wchar.h>

static wchar_t test_dir[MAX_PATH]; /* ends with a backslash */

static inline void test_dir_init(void)
{
    wchar_t *slash;
    GetModuleFileNameW(NULL, test_dir, MAX_PATH);
    slash = wcsrchr(test_dir, L'\\');
    if (slash) slash[1] = 0;
}

/* Runs svctool.exe with `args`, waiting up to 30 s; TRUE if it exited 0. */
static inline BOOL svctool(const wchar_t *args)
{
    wchar_t cmd[1024];
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    DWORD code = 1;

    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    _snwprintf(cmd, ARRAYSIZE(cmd), L"\"%lssvctool.exe\" %ls", test_dir, args);
    cmd[ARRAYSIZE(cmd) - 1] = 0;
    if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return FALSE;
    WaitForSingleObject(pi.hProcess, 30000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code == 0;
}

#endif
