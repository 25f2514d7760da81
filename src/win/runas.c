#include "runas.h"

#include <shellapi.h>

enum restart_result runas_self(const wchar_t *args, DWORD timeout_ms, uint32_t *code)
{
    wchar_t path[MAX_PATH];
    DWORD n = GetModuleFileNameW(NULL, path, ARRAYSIZE(path));

    if (n == 0 || n >= ARRAYSIZE(path)) {
        *code = n ? ERROR_INSUFFICIENT_BUFFER : GetLastError();
        return RESTART_ERR_FAILED;
    }
    return runas_program(path, args, timeout_ms, code);
}

enum restart_result runas_program(const wchar_t *path, const wchar_t *args, DWORD timeout_ms, uint32_t *code)
{
    SHELLEXECUTEINFOW sei;
    DWORD exit_code = 0, err;

    *code = 0;
    ZeroMemory(&sei, sizeof(sei));
    sei.cbSize = sizeof(sei);
    sei.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI;
    sei.lpVerb = L"runas";
    sei.lpFile = path;
    sei.lpParameters = args;
    sei.nShow = SW_HIDE;
    if (!ShellExecuteExW(&sei)) {
        err = GetLastError();
        if (err == ERROR_CANCELLED) return RESTART_ERR_CANCELLED;
        *code = err;
        return RESTART_ERR_FAILED;
    }
    if (!sei.hProcess) { /* should not happen with NOCLOSEPROCESS */
        *code = ERROR_INVALID_HANDLE;
        return RESTART_ERR_FAILED;
    }
    err = WaitForSingleObject(sei.hProcess, timeout_ms);
    if (err != WAIT_OBJECT_0 || !GetExitCodeProcess(sei.hProcess, &exit_code)) {
        /* Left to finish on its own; its outcome is read by the next check. */
        CloseHandle(sei.hProcess);
        *code = err == WAIT_TIMEOUT ? ERROR_TIMEOUT : GetLastError();
        return RESTART_ERR_FAILED;
    }
    CloseHandle(sei.hProcess);
    *code = exit_code;
    return RESTART_DONE;
}
