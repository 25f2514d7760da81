#include "os.h"

#include <windows.h>

typedef LONG(WINAPI *rtl_get_version_fn)(OSVERSIONINFOW *);

uint32_t os_build(void)
{
    OSVERSIONINFOW vi;
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    rtl_get_version_fn fn;

    if (!ntdll) return 0;
    fn = (rtl_get_version_fn)(void (*)(void))GetProcAddress(ntdll, "RtlGetVersion");
    if (!fn) return 0;
    ZeroMemory(&vi, sizeof(vi));
    vi.dwOSVersionInfoSize = sizeof(vi);
    if (fn(&vi) != 0) return 0;
    return vi.dwBuildNumber;
}

uint64_t os_now_epoch_ms(void)
{
    FILETIME ft;
    ULARGE_INTEGER t;

    GetSystemTimeAsFileTime(&ft);
    t.LowPart = ft.dwLowDateTime;
    t.HighPart = ft.dwHighDateTime;
    /* 100 ns ticks since 1601 -> ms since 1970 */
    return (t.QuadPart - 116444736000000000ull) / 10000ull;
}

int os_restrict_dll_search(void)
{
    /* Also drop the current folder from the search of anything loaded
     * with the old rules (SetDllDirectory("") removes it). */
    SetDllDirectoryW(L"");
    return SetDefaultDllDirectories(LOAD_LIBRARY_SEARCH_SYSTEM32);
}
