/* footprint: start-to-icon times and clean exits for bench/footprint_bench.sh.
 *   footprint.exe icon EXE [TIMEOUT_MS]   starts EXE in the Wine desktop "shell"
 *       and waits until the notification area holds one icon more than before;
 *       prints "icon_us=N pid=P" (icon_us=-1: not within the time), leaves it running
 *   footprint.exe close PID               asks the process's windows to close
 *       (WM_CLOSE), waits up to 10 s, then ends it; prints "closed=clean|killed"
 *   footprint.exe icons                   prints the notification area's icon count
 *   footprint.exe threads N               starts N threads that only sleep, prints "ready",
 *       sleeps until ended (what one thread costs a Wine process)
 *   footprint.exe modules PID             prints "BASE SIZE NAME" (hex) per module of
 *       the process (under Wine its addresses are the Linux ones: smaps can be split by module)
 * The icon count: Wine's taskbar (explorer /desktop=shell) draws the icons
 * itself, with no window each, but gives each its own tool in its tooltip
 * window; TTM_GETTOOLCOUNT (no pointers, so it works across processes) counts
 * them. t0 is QueryPerformanceCounter right before CreateProcessW; the count is
 * polled after every SleepEx(1) (about 1 ms resolution).
 * Exits 0, 1 on failure, 64 on bad usage. */
#include <windows.h>
#include <commctrl.h>
#include <psapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

static LONGLONG qpc(void)
{
    LARGE_INTEGER t;
    QueryPerformanceCounter(&t);
    return t.QuadPart;
}

struct count {
    DWORD shell_pid;
    LRESULT tools;
};

static BOOL CALLBACK count_tools(HWND hwnd, LPARAM lp)
{
    struct count *c = (struct count *)lp;
    wchar_t cls[32];
    DWORD pid = 0;

    GetWindowThreadProcessId(hwnd, &pid);
    if (pid == c->shell_pid && GetClassNameW(hwnd, cls, 32) && !wcscmp(cls, TOOLTIPS_CLASSW))
        c->tools += SendMessageW(hwnd, TTM_GETTOOLCOUNT, 0, 0);
    return TRUE;
}

/* Icons in the notification area: tools of the taskbar process's tooltips. */
static long icon_count(void)
{
    HWND bar = FindWindowW(L"Shell_TrayWnd", NULL);
    struct count c = {0, 0};

    if (!bar) return -1;
    GetWindowThreadProcessId(bar, &c.shell_pid);
    EnumWindows(count_tools, (LPARAM)&c);
    return (long)c.tools;
}

static int start_and_wait(const wchar_t *exe, DWORD timeout_ms)
{
    wchar_t cmd[MAX_PATH + 4], desktop[] = L"shell";
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    LARGE_INTEGER f;
    long before = icon_count();
    LONGLONG t0, t1 = 0, deadline;

    if (before < 0) {
        fwprintf(stderr, L"footprint: no taskbar in the desktop \"shell\"\n");
        return 1;
    }
    QueryPerformanceFrequency(&f);
    swprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\"", exe);
    ZeroMemory(&si, sizeof(si));
    si.cb = sizeof(si);
    si.lpDesktop = desktop;
    t0 = qpc();
    if (!CreateProcessW(exe, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        fwprintf(stderr, L"footprint: cannot start %ls (%lu)\n", exe, GetLastError());
        return 1;
    }
    deadline = t0 + f.QuadPart * timeout_ms / 1000;
    while (qpc() < deadline) {
        if (icon_count() > before) {
            t1 = qpc();
            break;
        }
        SleepEx(1, FALSE);
    }
    wprintf(L"icon_us=%lld pid=%lu\n", t1 ? (t1 - t0) * 1000000 / f.QuadPart : -1LL, pi.dwProcessId);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return 0;
}

static BOOL CALLBACK close_window(HWND hwnd, LPARAM lp)
{
    DWORD pid = 0;
    GetWindowThreadProcessId(hwnd, &pid);
    if (pid == (DWORD)lp) PostMessageW(hwnd, WM_CLOSE, 0, 0);
    return TRUE;
}

static int close_process(DWORD pid)
{
    HANDLE proc = OpenProcess(SYNCHRONIZE | PROCESS_TERMINATE, FALSE, pid);
    BOOL clean;

    if (!proc) return 1;
    EnumWindows(close_window, (LPARAM)pid);
    clean = WaitForSingleObject(proc, 10000) == WAIT_OBJECT_0;
    if (!clean) {
        TerminateProcess(proc, 1);
        WaitForSingleObject(proc, 5000);
    }
    wprintf(L"closed=%ls\n", clean ? L"clean" : L"killed");
    CloseHandle(proc);
    return 0;
}

static DWORD WINAPI sleep_forever(void *param)
{
    (void)param;
    Sleep(INFINITE);
    return 0;
}

static int idle_threads(int n)
{
    for (int i = 0; i < n; i++)
        if (!CreateThread(NULL, 0, sleep_forever, NULL, 0, NULL)) return 1;
    wprintf(L"ready\n");
    fflush(stdout);
    Sleep(INFINITE);
    return 0;
}

static int list_modules(DWORD pid)
{
    HANDLE proc = OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, FALSE, pid);
    HMODULE mods[512];
    DWORD got = 0;

    if (!proc || !EnumProcessModules(proc, mods, sizeof(mods), &got)) return 1;
    for (DWORD i = 0; i < got / sizeof(mods[0]) && i < ARRAYSIZE(mods); i++) {
        MODULEINFO mi;
        wchar_t name[MAX_PATH];
        if (!GetModuleInformation(proc, mods[i], &mi, sizeof(mi)) || !GetModuleBaseNameW(proc, mods[i], name, MAX_PATH))
            continue;
        wprintf(L"%llx %lx %ls\n", (unsigned long long)(ULONG_PTR)mi.lpBaseOfDll, mi.SizeOfImage, name);
    }
    CloseHandle(proc);
    return 0;
}

int wmain(int argc, wchar_t **argv)
{
    HDESK shell = OpenDesktopW(L"shell", 0, FALSE, GENERIC_ALL);

    if (!shell || !SetThreadDesktop(shell)) fwprintf(stderr, L"footprint: no desktop \"shell\" (%lu)\n", GetLastError());
    if (argc >= 3 && !wcscmp(argv[1], L"icon")) return start_and_wait(argv[2], argc > 3 ? (DWORD)_wtoi(argv[3]) : 30000);
    if (argc == 3 && !wcscmp(argv[1], L"close")) return close_process((DWORD)_wtoi(argv[2]));
    if (argc == 3 && !wcscmp(argv[1], L"threads")) return idle_threads(_wtoi(argv[2]));
    if (argc == 3 && !wcscmp(argv[1], L"modules")) return list_modules((DWORD)_wtoi(argv[2]));
    if (argc == 2 && !wcscmp(argv[1], L"icons")) {
        wprintf(L"%ld\n", icon_count());
        return 0;
    }
    fwprintf(stderr, L"usage: footprint icon EXE [TIMEOUT_MS] | close PID | icons | threads N | modules PID\n");
    return 64;
}
