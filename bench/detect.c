/* detect: detection latency, an external service change -> wutray's state line.
 *   detect.exe N [SERVICE] [TIMEOUT_MS] [GAP_MS]     (defaults: UsoSvc 5000 100)
 * Run in the Wine desktop "shell" where wutray.exe runs (it switches to it itself,
 * like tests/fixtures/traypoke.c). Alternately starts and stops SERVICE N times.
 * Per change: its own NotifyServiceStatusChangeW (mask: the target state) is
 * registered first; t0 = QueryPerformanceCounter right before StartServiceW /
 * ControlService(STOP); then one loop, bounded by TIMEOUT_MS, records
 *   floor   - t0 to its own notification callback (an APC, run in SleepEx(1, TRUE))
 *   product - t0 to the first GetWindowTextW of wutray's window containing
 *             "SERVICE=running" / "SERVICE=stopped" (polled after every SleepEx(1, TRUE)).
 * Before each change the service must be settled in the other state and the title
 * must show it (bounded; if not, the change is made anyway and counted as unsettled).
 * stdout: CSV "i,change,call_us,floor_us,product_us,polls,via_pending", -1 = miss;
 * lines starting with '#' are remarks (at the end: the mean cost of wutray's re-read
 * of both services, timed here after the run). Exit 0, 1 on set-up failure, 64 on usage. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

static LARGE_INTEGER freq;
static volatile LONG cur_iter = -1;
static volatile LONGLONG fired_at; /* QPC of the callback for cur_iter, 0 until then */

static LONGLONG qpc(void) { LARGE_INTEGER t; QueryPerformanceCounter(&t); return t.QuadPart; }
static long long us(LONGLONG d) { return d * 1000000 / freq.QuadPart; }

static VOID CALLBACK on_notify(PVOID param)
{
    SERVICE_NOTIFYW *n = param;
    LONGLONG now = qpc();
    if ((LONG)(LONG_PTR)n->pContext == cur_iter && n->dwNotificationStatus == ERROR_SUCCESS) fired_at = now;
}

static DWORD state_of(SC_HANDLE svc)
{
    SERVICE_STATUS_PROCESS ssp;
    DWORD got;
    return QueryServiceStatusEx(svc, SC_STATUS_PROCESS_INFO, (BYTE *)&ssp, sizeof(ssp), &got) ? ssp.dwCurrentState : 0;
}

static const wchar_t *title(HWND w) /* another process's window: read from wineserver, no message */
{
    static wchar_t t[256];
    t[0] = 0;
    GetWindowTextW(w, t, 256);
    return t;
}

/* Waits (alertably, 1 ms steps) until SERVICE is in `state` and the title says `word`. */
static BOOL settle(SC_HANDLE svc, HWND w, DWORD state, const wchar_t *word, DWORD ms)
{
    ULONGLONG end = GetTickCount64() + ms;
    do {
        if (state_of(svc) == state && wcsstr(title(w), word)) return TRUE;
        SleepEx(1, TRUE);
    } while (GetTickCount64() < end);
    return FALSE;
}

/* Mean ms of wutray's re-read of both services (as scm_read in src/win/scm.c does it). */
static double reread_ms(int reps)
{
    union { QUERY_SERVICE_CONFIGW c; BYTE b[8192]; } buf;
    DWORD got;
    LONGLONG t0 = qpc();
    for (int i = 0; i < reps * 2; i++) {
        SC_HANDLE m = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
        SC_HANDLE s = OpenServiceW(m, i % 2 ? L"UsoSvc" : L"wuauserv", SERVICE_QUERY_STATUS | SERVICE_QUERY_CONFIG);
        state_of(s); /* QueryServiceStatusEx */
        QueryServiceConfigW(s, &buf.c, sizeof(buf), &got);
        CloseServiceHandle(s);
        CloseServiceHandle(m);
    }
    return us(qpc() - t0) / 1000.0 / reps;
}

int wmain(int argc, wchar_t **argv)
{
    HDESK shell = OpenDesktopW(L"shell", 0, FALSE, GENERIC_ALL);
    const wchar_t *name = argc > 2 ? argv[2] : L"UsoSvc";
    DWORD timeout_ms = argc > 3 ? (DWORD)_wtoi(argv[3]) : 5000, gap_ms = argc > 4 ? (DWORD)_wtoi(argv[4]) : 100;
    int n = argc > 1 ? _wtoi(argv[1]) : 0, unsettled = 0;
    wchar_t run_word[80], stop_word[80], pend_word[80];
    long long polls_total = 0, poll_time_us = 0;
    SC_HANDLE scm, svc;
    HWND tray = NULL;

    if (n < 1 || n > 100000 || timeout_ms < 10) {
        fwprintf(stderr, L"usage: detect N [SERVICE] [TIMEOUT_MS] [GAP_MS]\n");
        return 64;
    }
    QueryPerformanceFrequency(&freq);
    if (!shell || !SetThreadDesktop(shell)) fwprintf(stderr, L"detect: no desktop \"shell\" (%lu)\n", GetLastError());
    for (int i = 0; i < 100 && !(tray = FindWindowW(L"wutray.window", NULL)); i++) Sleep(100);
    if (!tray) { fwprintf(stderr, L"detect: wutray's window not found\n"); return 1; }
    swprintf(run_word, 80, L"%ls=running", name);
    swprintf(stop_word, 80, L"%ls=stopped", name);
    swprintf(pend_word, 80, L"%ls=start_pending", name);
    scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    svc = scm ? OpenServiceW(scm, name, SERVICE_QUERY_STATUS | SERVICE_START | SERVICE_STOP) : NULL;
    if (!svc) { fwprintf(stderr, L"detect: cannot open %ls (%lu)\n", name, GetLastError()); return 1; }

    wprintf(L"# qpc_hz=%lld timeout_ms=%lu gap_ms=%lu poll=SleepEx(1,TRUE)+GetWindowTextW\n",
            (long long)freq.QuadPart, timeout_ms, gap_ms);
    wprintf(L"i,change,call_us,floor_us,product_us,polls,via_pending\n");
    for (int i = 0; i < n; i++) {
        BOOL start = state_of(svc) == SERVICE_STOPPED;
        DWORD from = start ? SERVICE_STOPPED : SERVICE_RUNNING;
        const wchar_t *target = start ? run_word : stop_word;
        SERVICE_NOTIFYW *nb = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*nb)); /* kept: a late APC may use it */
        long long call_us, floor_us = -1, prod_us = -1;
        LONGLONG t0, t1, t_prod = 0, deadline;
        int polls = 0, via_pending = 0;
        SERVICE_STATUS ss;
        BOOL ok;

        if (!settle(svc, tray, from, start ? stop_word : run_word, timeout_ms)) {
            unsettled++;
            fwprintf(stderr, L"detect: %d: not settled before the change\n", i);
        }
        fired_at = 0;
        cur_iter = i;
        nb->dwVersion = SERVICE_NOTIFY_STATUS_CHANGE;
        nb->pfnNotifyCallback = on_notify;
        nb->pContext = (PVOID)(LONG_PTR)i;
        if (NotifyServiceStatusChangeW(svc, start ? SERVICE_NOTIFY_RUNNING : SERVICE_NOTIFY_STOPPED, nb) != ERROR_SUCCESS) {
            fwprintf(stderr, L"detect: NotifyServiceStatusChangeW failed\n");
            return 1;
        }
        t0 = qpc();
        ok = start ? StartServiceW(svc, 0, NULL) : ControlService(svc, SERVICE_CONTROL_STOP, &ss);
        t1 = qpc();
        call_us = us(t1 - t0);
        if (!ok) fwprintf(stderr, L"detect: %d: %ls failed (%lu)\n", i, start ? L"start" : L"stop", GetLastError());
        deadline = t0 + freq.QuadPart * timeout_ms / 1000;
        for (;;) {
            if (!t_prod) {
                const wchar_t *t = title(tray);
                polls++;
                if (wcsstr(t, target)) t_prod = qpc();
                else if (start && wcsstr(t, pend_word)) via_pending = 1;
            }
            if ((t_prod && fired_at) || qpc() >= deadline) break;
            SleepEx(1, TRUE);
        }
        if (fired_at) floor_us = us(fired_at - t0);
        if (t_prod) prod_us = us(t_prod - t0), polls_total += polls, poll_time_us += us(t_prod - t1);
        cur_iter = -1;
        if (!fired_at) { /* still registered: a fresh handle drops it (and its APC is ignored) */
            CloseServiceHandle(svc);
            svc = OpenServiceW(scm, name, SERVICE_QUERY_STATUS | SERVICE_START | SERVICE_STOP);
            if (!svc) return 1;
        }
        wprintf(L"%d,%ls,%lld,%lld,%lld,%d,%d\n", i, start ? L"start" : L"stop", call_us, floor_us, prod_us, polls, via_pending);
        fflush(stdout);
        for (ULONGLONG end = GetTickCount64() + gap_ms; GetTickCount64() < end;) SleepEx(1, TRUE);
    }
    wprintf(L"# unsettled=%d mean_poll_period_us=%lld reread_both_ms=%.2f\n", unsettled,
            polls_total ? poll_time_us / polls_total : -1, reread_ms(50));
    return 0; /* handles close at exit */
}
