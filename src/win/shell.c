#include "shell.h"

#include <objbase.h>
#include <shellapi.h>
#include <shlwapi.h>
#include <strsafe.h>

struct target_info {
    const wchar_t *scheme; /* URI scheme, or NULL for a program */
    const wchar_t *file;   /* URI, or program name in the system directory */
    const wchar_t *params;
};

static BOOL target_info(enum launch_target t, struct target_info *out)
{
    static const struct target_info table[] = {
        [TARGET_GETHELP_WU] = {L"ms-contact-support", L"ms-contact-support://smc-to-emerald/WUTroubleshooter", NULL},
        [TARGET_MSDT_WU] = {NULL, L"msdt.exe", L"-id WindowsUpdateDiagnostic"},
        [TARGET_SETTINGS_TROUBLESHOOT] = {L"ms-settings", L"ms-settings:troubleshoot", NULL},
        [TARGET_SETTINGS_WINDOWSUPDATE] = {L"ms-settings", L"ms-settings:windowsupdate", NULL},
        [TARGET_CPL_TROUBLESHOOTING] = {NULL, L"control.exe", L"/name Microsoft.Troubleshooting"},
        [TARGET_CPL_WINDOWSUPDATE] = {NULL, L"control.exe", L"/name Microsoft.WindowsUpdate"},
    };
    if (t <= TARGET_NONE || (size_t)t >= ARRAYSIZE(table)) return FALSE;
    *out = table[t];
    return TRUE;
}

static BOOL assoc_has(ASSOCF flags, ASSOCSTR what, const wchar_t *scheme, const wchar_t *verb)
{
    wchar_t out[MAX_PATH];
    DWORD len = ARRAYSIZE(out);
    return SUCCEEDED(AssocQueryStringW(flags, what, scheme, verb, out, &len));
}

BOOL shell_scheme_available(const wchar_t *scheme)
{
    /* Desktop handlers have an open command; Store-app handlers (such as
     * ms-settings on Windows 10/11) have an AppId instead. */
    return assoc_has(ASSOCF_NONE, ASSOCSTR_COMMAND, scheme, L"open") ||
           assoc_has(ASSOCF_IS_PROTOCOL, ASSOCSTR_COMMAND, scheme, L"open") ||
           assoc_has(ASSOCF_IS_PROTOCOL, ASSOCSTR_APPID, scheme, NULL);
}

/* Programs are run by full path from the system directory, never via PATH. */
static BOOL system_program(const wchar_t *name, wchar_t *path, size_t cap)
{
    UINT n = GetSystemDirectoryW(path, (UINT)cap);
    if (n == 0 || n >= cap) return FALSE;
    return SUCCEEDED(StringCchCatW(path, cap, L"\\")) && SUCCEEDED(StringCchCatW(path, cap, name));
}

BOOL shell_target_available(enum launch_target target)
{
    struct target_info ti;
    wchar_t path[MAX_PATH];

    if (!target_info(target, &ti)) return FALSE;
    if (ti.scheme) return shell_scheme_available(ti.scheme);
    return system_program(ti.file, path, ARRAYSIZE(path)) &&
           GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES;
}

DWORD shell_open_target(enum launch_target target)
{
    struct target_info ti;
    wchar_t path[MAX_PATH];
    SHELLEXECUTEINFOW sei;

    if (!target_info(target, &ti)) return ERROR_INVALID_PARAMETER;
    ZeroMemory(&sei, sizeof(sei));
    sei.cbSize = sizeof(sei);
    sei.fMask = SEE_MASK_NOASYNC | SEE_MASK_FLAG_NO_UI;
    sei.lpVerb = L"open";
    sei.nShow = SW_SHOWNORMAL;
    if (ti.scheme) {
        sei.lpFile = ti.file;
    } else {
        if (!system_program(ti.file, path, ARRAYSIZE(path))) return ERROR_PATH_NOT_FOUND;
        sei.lpFile = path;
        sei.lpParameters = ti.params;
    }
    return ShellExecuteExW(&sei) ? 0 : GetLastError();
}

struct launch_job {
    enum launch_action action;
    uint32_t os_build;
    HWND hwnd;
    UINT msg;
};

static bool available_cb(void *ctx, enum launch_target t)
{
    (void)ctx;
    return shell_target_available(t) != FALSE;
}

static DWORD WINAPI launch_thread(void *param)
{
    struct launch_job job = *(struct launch_job *)param;
    enum launch_target t;
    DWORD err = ERROR_NO_ASSOCIATION;
    HRESULT hr;

    HeapFree(GetProcessHeap(), 0, param);
    hr = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE);
    t = launch_pick(job.action, job.os_build, available_cb, NULL);
    if (t != TARGET_NONE) err = shell_open_target(t);
    if (SUCCEEDED(hr)) CoUninitialize();
    PostMessageW(job.hwnd, job.msg, (WPARAM)(err ? TARGET_NONE : t), (LPARAM)err);
    return 0;
}

BOOL shell_launch_async(enum launch_action action, uint32_t os_build, HWND hwnd, UINT msg)
{
    struct launch_job *job = HeapAlloc(GetProcessHeap(), 0, sizeof(*job));
    HANDLE th;

    if (!job) return FALSE;
    job->action = action;
    job->os_build = os_build;
    job->hwnd = hwnd;
    job->msg = msg;
    th = CreateThread(NULL, 0, launch_thread, job, 0, NULL);
    if (!th) {
        HeapFree(GetProcessHeap(), 0, job);
        return FALSE;
    }
    CloseHandle(th);
    return TRUE;
}
