/* minseq: the minimal service restart sequencer, the floor that
 * bench/restart_bench.sh compares wutray-cli against.
 *   minseq [--confirm MS] NAME...
 *       stops each NAME in the order given, then starts them in reverse
 *       order, waiting for STOPPED / RUNNING each time. With --confirm, then
 *       also what wutray-cli checks (RESTART_SETTLE_MS): that the started
 *       services stay up for MS ms after the last start, watching their
 *       processes (an exit ends the wait) and reading their states after.
 * Waits are event-driven (NotifyServiceStatusChangeW + alertable SleepEx,
 * re-registered after each notification) and bounded (30 s per service).
 * Prints nothing on success; exit 0 on success, 1 on failure. */
#include <windows.h>
#include <stdio.h>

#define WAIT_MS 30000

static volatile LONG fired;
static VOID CALLBACK on_notify(PVOID p) { (void)p; InterlockedExchange(&fired, 1); }

/* Waits for `target`; a start that falls back to STOPPED has failed. */
static BOOL wait_state(SC_HANDLE svc, DWORD target)
{
    /* Static, not on the stack: Wine can deliver a cancelled notification
     * into the buffer after the wait has returned. */
    static SERVICE_NOTIFYW n = {SERVICE_NOTIFY_STATUS_CHANGE, on_notify, NULL, 0, {0}, 0, NULL};
    SERVICE_STATUS_PROCESS ssp;
    ULONGLONG deadline = GetTickCount64() + WAIT_MS;
    DWORD mask = SERVICE_NOTIFY_STOPPED | (target == SERVICE_RUNNING ? SERVICE_NOTIFY_RUNNING : 0), got;
    BOOL registered = FALSE, ok = FALSE;

    for (;;) {
        ULONGLONG now = GetTickCount64();
        if (!QueryServiceStatusEx(svc, SC_STATUS_PROCESS_INFO, (BYTE *)&ssp, sizeof(ssp), &got)) break;
        if (ssp.dwCurrentState == target) { ok = TRUE; break; }
        if (ssp.dwCurrentState == SERVICE_STOPPED || now >= deadline) break;
        if (!registered) {
            InterlockedExchange(&fired, 0);
            registered = NotifyServiceStatusChangeW(svc, mask, &n) == ERROR_SUCCESS;
        }
        SleepEx(registered ? (DWORD)(deadline - now) : 20, TRUE); /* no notification: poll */
        if (InterlockedCompareExchange(&fired, 0, 0)) registered = FALSE;
    }
    if (registered) SleepEx(0, TRUE);
    return ok;
}

/* The started services still running after `ms` ms of watching their processes. */
static BOOL stay_up(SC_HANDLE *svc, int n, DWORD ms)
{
    HANDLE proc[16];
    SERVICE_STATUS_PROCESS ssp;
    DWORD got, waits = 0;
    BOOL ok = TRUE;

    for (int i = 0; i < n; i++)
        if (QueryServiceStatusEx(svc[i], SC_STATUS_PROCESS_INFO, (BYTE *)&ssp, sizeof(ssp), &got) && ssp.dwProcessId &&
            (proc[waits] = OpenProcess(SYNCHRONIZE, FALSE, ssp.dwProcessId)))
            waits++;
    if (waits) WaitForMultipleObjects(waits, proc, FALSE, ms);
    else Sleep(ms);
    for (int i = 0; i < n; i++)
        if (!QueryServiceStatusEx(svc[i], SC_STATUS_PROCESS_INFO, (BYTE *)&ssp, sizeof(ssp), &got) ||
            ssp.dwCurrentState != SERVICE_RUNNING)
            ok = FALSE;
    while (waits) CloseHandle(proc[--waits]);
    return ok;
}

int wmain(int argc, wchar_t **argv)
{
    SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT), svc[16];
    SERVICE_STATUS ss;
    int first = 1, n, ok = 1;
    DWORD confirm_ms = 0;

    if (argc > 2 && !wcscmp(argv[1], L"--confirm")) {
        confirm_ms = wcstoul(argv[2], NULL, 10);
        first = 3;
    }
    n = argc - first;
    argv += first - 1;
    if (!scm || n < 1 || n > 16) return 1;
    for (int i = 0; i < n; i++)
        if (!(svc[i] = OpenServiceW(scm, argv[i + 1], SERVICE_QUERY_STATUS | SERVICE_STOP | SERVICE_START)))
            return 1;
    for (int i = 0; ok && i < n; i++) {
        if (!ControlService(svc[i], SERVICE_CONTROL_STOP, &ss) && GetLastError() != ERROR_SERVICE_NOT_ACTIVE)
            ok = 0;
        else ok = wait_state(svc[i], SERVICE_STOPPED);
    }
    for (int i = n - 1; ok && i >= 0; i--)
        ok = StartServiceW(svc[i], 0, NULL) && wait_state(svc[i], SERVICE_RUNNING);
    if (ok && confirm_ms) ok = stay_up(svc, n, confirm_ms);
    if (!ok) fwprintf(stderr, L"minseq: failed (error %lu)\n", GetLastError());
    for (int i = 0; i < n; i++) CloseServiceHandle(svc[i]);
    CloseServiceHandle(scm);
    return ok ? 0 : 1;
}
