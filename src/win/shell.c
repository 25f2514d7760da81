#define COBJMACROS
#include "shell.h"

#include <objbase.h>
#include <exdisp.h>
#include <shellapi.h>
#include <shldisp.h>
#include <shlobj.h>
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

/* An administrator's full token (the tray started "as administrator"). */
static BOOL running_elevated(void)
{
    HANDLE token;
    TOKEN_ELEVATION e = {0};
    DWORD n = 0;

    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return FALSE;
    if (!GetTokenInformation(token, TokenElevation, &e, sizeof(e), &n)) e.TokenIsElevated = 0;
    CloseHandle(token);
    return e.TokenIsElevated != 0;
}

#define RELEASE(p) \
    do {           \
        if (p) (p)->lpVtbl->Release(p); \
    } while (0)

/* Opens file (with params) through the desktop's shell, the Explorer the
 * user runs unelevated (IShellWindows → the desktop's view →
 * IShellDispatch2::ShellExecute): an elevated wutray must not follow a
 * handler in HKCU\Software\Classes, which unelevated code can set. Fails
 * when there is no desktop shell; nothing is then opened elevated. */
static HRESULT open_through_shell(const wchar_t *file, const wchar_t *params)
{
    IShellWindows *windows = NULL;
    IDispatch *desktop = NULL, *background = NULL, *app = NULL;
    IServiceProvider *services = NULL;
    IShellBrowser *browser = NULL;
    IShellView *view = NULL;
    IShellFolderViewDual *folder_view = NULL;
    IShellDispatch2 *shell = NULL;
    VARIANT loc, empty, args, none;
    BSTR what = NULL;
    long hwnd = 0;
    HRESULT hr;

    VariantInit(&loc);
    VariantInit(&empty);
    VariantInit(&args);
    VariantInit(&none);
    loc.vt = VT_I4;
    loc.lVal = CSIDL_DESKTOP;
    hr = CoCreateInstance(&CLSID_ShellWindows, NULL, CLSCTX_LOCAL_SERVER, &IID_IShellWindows, (void **)&windows);
    if (SUCCEEDED(hr)) hr = IShellWindows_FindWindowSW(windows, &loc, &empty, SWC_DESKTOP, &hwnd, SWFO_NEEDDISPATCH, &desktop);
    if (hr == S_FALSE || (SUCCEEDED(hr) && !desktop)) hr = E_FAIL; /* no desktop shell */
    if (SUCCEEDED(hr)) hr = IDispatch_QueryInterface(desktop, &IID_IServiceProvider, (void **)&services);
    if (SUCCEEDED(hr)) hr = IServiceProvider_QueryService(services, &SID_STopLevelBrowser, &IID_IShellBrowser, (void **)&browser);
    if (SUCCEEDED(hr)) hr = IShellBrowser_QueryActiveShellView(browser, &view);
    if (SUCCEEDED(hr)) hr = IShellView_GetItemObject(view, SVGIO_BACKGROUND, &IID_IDispatch, (void **)&background);
    if (SUCCEEDED(hr)) hr = IDispatch_QueryInterface(background, &IID_IShellFolderViewDual, (void **)&folder_view);
    if (SUCCEEDED(hr)) hr = IShellFolderViewDual_get_Application(folder_view, &app);
    if (SUCCEEDED(hr)) hr = IDispatch_QueryInterface(app, &IID_IShellDispatch2, (void **)&shell);
    if (SUCCEEDED(hr)) {
        what = SysAllocString(file);
        if (params) {
            args.vt = VT_BSTR;
            args.bstrVal = SysAllocString(params);
        }
        hr = what ? IShellDispatch2_ShellExecute(shell, what, args, none, none, none) : E_OUTOFMEMORY;
    }
    SysFreeString(what);
    VariantClear(&args);
    RELEASE(shell);
    RELEASE(app);
    RELEASE(folder_view);
    RELEASE(background);
    RELEASE(view);
    RELEASE(browser);
    RELEASE(services);
    RELEASE(desktop);
    RELEASE(windows);
    return hr;
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
    if (running_elevated()) return SUCCEEDED(open_through_shell(sei.lpFile, sei.lpParameters)) ? 0 : SHELL_ERROR_ELEVATED;
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
