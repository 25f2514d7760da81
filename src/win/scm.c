#include "scm.h"
#include "os.h"

#include <strsafe.h>

const struct scm_wait_limits scm_default_limits = {HEALTH_PENDING_FLOOR_MS, HEALTH_PENDING_CAP_MS};

enum svc_state scm_state_from_win(DWORD state)
{
    switch (state) {
    case SERVICE_STOPPED: return SVC_STOPPED;
    case SERVICE_START_PENDING: return SVC_START_PENDING;
    case SERVICE_STOP_PENDING: return SVC_STOP_PENDING;
    case SERVICE_RUNNING: return SVC_RUNNING;
    case SERVICE_CONTINUE_PENDING: return SVC_CONTINUE_PENDING;
    case SERVICE_PAUSE_PENDING: return SVC_PAUSE_PENDING;
    case SERVICE_PAUSED: return SVC_PAUSED;
    default: return SVC_STATE_UNKNOWN;
    }
}

enum svc_start scm_start_from_win(DWORD start_type, BOOL delayed)
{
    switch (start_type) {
    case SERVICE_BOOT_START: return SVC_START_BOOT;
    case SERVICE_SYSTEM_START: return SVC_START_SYSTEM;
    case SERVICE_AUTO_START: return delayed ? SVC_START_AUTO_DELAYED : SVC_START_AUTO;
    case SERVICE_DEMAND_START: return SVC_START_DEMAND;
    case SERVICE_DISABLED: return SVC_START_DISABLED;
    default: return SVC_START_UNKNOWN;
    }
}

static enum svc_presence presence_from_error(DWORD err)
{
    switch (err) {
    case ERROR_SERVICE_DOES_NOT_EXIST: return SVC_MISSING;
    case ERROR_ACCESS_DENIED: return SVC_ACCESS_DENIED;
    default: return SVC_QUERY_FAILED;
    }
}

void scm_read_config(SC_HANDLE svc, struct svc_reading *out)
{
    union {
        QUERY_SERVICE_CONFIGW cfg;
        BYTE bytes[8192];
    } buf;
    SERVICE_DELAYED_AUTO_START_INFO delayed = {0};
    DWORD needed = 0;

    out->display_name[0] = 0;
    if (!QueryServiceConfigW(svc, &buf.cfg, sizeof(buf), &needed)) {
        out->start = SVC_START_UNKNOWN;
        return;
    }
    if (buf.cfg.dwStartType == SERVICE_AUTO_START)
        QueryServiceConfig2W(svc, SERVICE_CONFIG_DELAYED_AUTO_START_INFO,
                             (BYTE *)&delayed, sizeof(delayed), &needed);
    out->start = scm_start_from_win(buf.cfg.dwStartType, delayed.fDelayedAutostart);
    if (buf.cfg.lpDisplayName)
        StringCchCopyW(out->display_name, SVC_DISPLAY_NAME_MAX, buf.cfg.lpDisplayName);
}

SC_HANDLE scm_manager_open(void)
{
    SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE);
    return scm ? scm : OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
}

void scm_status_to_reading(const SERVICE_STATUS_PROCESS *ssp, struct svc_reading *out)
{
    out->presence = SVC_PRESENT;
    out->state = scm_state_from_win(ssp->dwCurrentState);
    out->wait_hint_ms = ssp->dwWaitHint;
    out->checkpoint = ssp->dwCheckPoint;
    out->win32_error = 0;
    out->no_progress_ms = 0;
}

/* scm_err: why the manager is NULL, if it is. */
static void read_service(SC_HANDLE scm, DWORD scm_err, const wchar_t *name, struct svc_reading *out)
{
    SC_HANDLE svc = NULL;
    SERVICE_STATUS_PROCESS ssp;
    DWORD needed = 0, err = scm_err;

    ZeroMemory(out, sizeof(*out));
    if (!scm) goto fail;
    svc = OpenServiceW(scm, name, SERVICE_QUERY_STATUS | SERVICE_QUERY_CONFIG);
    if (!svc) {
        err = GetLastError();
        goto fail;
    }
    if (!QueryServiceStatusEx(svc, SC_STATUS_PROCESS_INFO, (BYTE *)&ssp, sizeof(ssp), &needed)) {
        err = GetLastError();
        goto fail;
    }
    scm_status_to_reading(&ssp, out);
    scm_read_config(svc, out);
    goto cleanup;

fail:
    out->presence = presence_from_error(err);
    out->win32_error = err;
cleanup:
    if (svc) CloseServiceHandle(svc);
}

void scm_read_on(SC_HANDLE scm, const wchar_t *name, struct svc_reading *out)
{
    read_service(scm, ERROR_INVALID_HANDLE, name, out);
}

static void read_all(SC_HANDLE scm, DWORD scm_err, struct health_snapshot *out)
{
    ZeroMemory(out, sizeof(*out));
    out->os_build = os_build();
    for (int i = 0; i < SVC_COUNT; i++)
        read_service(scm, scm_err, svc_name((enum svc_id)i), &out->svc[i]);
    out->taken_ms = os_now_epoch_ms();
    out->tick_ms = GetTickCount64();
}

void scm_snapshot_on(SC_HANDLE scm, struct health_snapshot *out)
{
    read_all(scm, ERROR_INVALID_HANDLE, out);
}

void scm_read(const wchar_t *name, struct svc_reading *out)
{
    SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);

    read_service(scm, scm ? 0 : GetLastError(), name, out);
    if (scm) CloseServiceHandle(scm);
}

/* One manager handle for both services (its failure is each one's reading). */
void scm_snapshot(struct health_snapshot *out)
{
    SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);

    read_all(scm, scm ? 0 : GetLastError(), out);
    if (scm) CloseServiceHandle(scm);
}

/* Waiting: NotifyServiceStatusChangeW queues an APC on this thread when the
 * service enters one of the states in the mask; SleepEx(alertable) returns
 * for it. Between notifications we wake only at the no-progress deadline.
 *
 * The buffer lives as long as the process and is never cleared. Wine delivers
 * a notification from a helper thread, which can still write the buffer and
 * queue its callback after CloseServiceHandle has cancelled it: with a buffer
 * on the stack that callback was whatever the stack held by then (a call to
 * address 0 that killed the tray's service thread). A late callback here
 * only sets `fired`, which the waits read as "look again". One buffer per
 * thread, because the callback runs on the thread that registered. */
struct notify_wait {
    SERVICE_NOTIFYW notify;
    volatile LONG fired;
    BOOL registered;
};

static VOID CALLBACK on_service_notify(PVOID param)
{
    SERVICE_NOTIFYW *n = param;
    struct notify_wait *w = n->pContext;
    InterlockedExchange(&w->fired, 1);
}

/* This thread's buffer, NULL if it could not be allocated (then the waits
 * poll). Not freed: see above. */
static struct notify_wait *thread_wait(void)
{
    static _Thread_local struct notify_wait *mine;

    if (!mine) {
        mine = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*mine));
        if (!mine) return NULL;
        mine->notify.dwVersion = SERVICE_NOTIFY_STATUS_CHANGE;
        mine->notify.pfnNotifyCallback = on_service_notify;
        mine->notify.pContext = mine;
    }
    mine->registered = FALSE;
    InterlockedExchange(&mine->fired, 0);
    return mine;
}

static BOOL query(SC_HANDLE svc, SERVICE_STATUS_PROCESS *ssp)
{
    DWORD needed = 0;
    return QueryServiceStatusEx(svc, SC_STATUS_PROCESS_INFO, (BYTE *)ssp, sizeof(*ssp), &needed);
}

static DWORD clamp_bound(DWORD wait_hint, DWORD floor_ms, DWORD cap_ms)
{
    if (wait_hint < floor_ms) wait_hint = floor_ms;
    return wait_hint > cap_ms ? cap_ms : wait_hint;
}

/* Waits until `target` is reached; a start that falls back to STOPPED has
 * failed (StartService succeeded, so the service was START_PENDING). */
static void wait_for_state(SC_HANDLE svc, DWORD target, const struct scm_wait_limits *lim,
                           ULONGLONG t0, struct notify_wait *w, struct restart_op_result *out)
{
    SERVICE_STATUS_PROCESS ssp;
    DWORD mask = target == SERVICE_RUNNING ? SERVICE_NOTIFY_RUNNING | SERVICE_NOTIFY_STOPPED
                                           : SERVICE_NOTIFY_STOPPED;
    DWORD last_state = 0, last_checkpoint = 0;
    ULONGLONG progress_at = t0;

    for (;;) {
        ULONGLONG now, deadline;
        DWORD bound;

        if (!query(svc, &ssp)) {
            out->result = RESTART_ERR_FAILED;
            out->win32_error = GetLastError();
            return;
        }
        now = GetTickCount64();
        out->state = scm_state_from_win(ssp.dwCurrentState);
        if (ssp.dwCurrentState == target) {
            out->result = RESTART_DONE;
            return;
        }
        if (target == SERVICE_RUNNING && ssp.dwCurrentState == SERVICE_STOPPED) {
            out->result = RESTART_ERR_FAILED;
            out->win32_error = ssp.dwWin32ExitCode == ERROR_SERVICE_SPECIFIC_ERROR
                                   ? ssp.dwServiceSpecificExitCode : ssp.dwWin32ExitCode;
            return;
        }
        if (ssp.dwCurrentState != last_state || ssp.dwCheckPoint != last_checkpoint) {
            last_state = ssp.dwCurrentState;
            last_checkpoint = ssp.dwCheckPoint;
            progress_at = now;
        }
        bound = clamp_bound(ssp.dwWaitHint, lim->no_progress_floor_ms, lim->total_cap_ms);
        deadline = progress_at + bound;
        if (deadline > t0 + lim->total_cap_ms) deadline = t0 + lim->total_cap_ms;
        if (now >= deadline) {
            out->result = RESTART_ERR_TIMEOUT;
            return;
        }
        if (w && !w->registered) {
            InterlockedExchange(&w->fired, 0);
            w->registered = NotifyServiceStatusChangeW(svc, mask, &w->notify) == ERROR_SUCCESS;
        }
        if ((!w || !w->registered) && deadline - now > 250)
            deadline = now + 250; /* no notifications: look again soon, still bounded */
        /* The callback may already have run inside the call above. */
        if (!w || !InterlockedCompareExchange(&w->fired, 0, 0)) SleepEx((DWORD)(deadline - now), TRUE);
        if (w && InterlockedCompareExchange(&w->fired, 0, 0)) w->registered = FALSE;
    }
}

void scm_watch_pending(const wchar_t *name, DWORD max_ms, struct svc_reading *r)
{
    SC_HANDLE scm = NULL, svc = NULL;
    SERVICE_STATUS_PROCESS before, after;
    struct notify_wait *w = NULL;
    DWORD mask = SERVICE_NOTIFY_STOPPED | SERVICE_NOTIFY_START_PENDING | SERVICE_NOTIFY_STOP_PENDING |
                 SERVICE_NOTIFY_RUNNING | SERVICE_NOTIFY_CONTINUE_PENDING |
                 SERVICE_NOTIFY_PAUSE_PENDING | SERVICE_NOTIFY_PAUSED;
    ULONGLONG t0 = GetTickCount64();

    if (r->presence != SVC_PRESENT || !svc_is_pending(r->state)) return;
    scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (scm) svc = OpenServiceW(scm, name, SERVICE_QUERY_STATUS);
    if (!svc || !query(svc, &before)) goto cleanup;

    /* Wake on any other state (the current one is left out of the mask, or
     * the callback would fire at once), or when the time is up; without a
     * notification, look every 250 ms. */
    if (before.dwCurrentState >= SERVICE_STOPPED && before.dwCurrentState <= SERVICE_PAUSED)
        mask &= ~(1u << (before.dwCurrentState - 1));
    w = thread_wait();
    for (;;) {
        ULONGLONG spent = GetTickCount64() - t0;
        DWORD nap;
        if (spent >= max_ms) break;
        if (!query(svc, &after) || after.dwCurrentState != before.dwCurrentState) break;
        if (w && !w->registered) {
            InterlockedExchange(&w->fired, 0);
            w->registered = NotifyServiceStatusChangeW(svc, mask, &w->notify) == ERROR_SUCCESS;
        }
        nap = (DWORD)(max_ms - spent);
        if ((!w || !w->registered) && nap > 250) nap = 250;
        if (!w || !InterlockedCompareExchange(&w->fired, 0, 0)) SleepEx(nap, TRUE);
        if (w && InterlockedCompareExchange(&w->fired, 0, 0)) w->registered = FALSE;
    }
    if (!query(svc, &after)) goto cleanup;
    r->state = scm_state_from_win(after.dwCurrentState);
    r->checkpoint = after.dwCheckPoint;
    r->wait_hint_ms = after.dwWaitHint;
    if (after.dwCurrentState == before.dwCurrentState && after.dwCheckPoint == before.dwCheckPoint)
        r->no_progress_ms = (uint32_t)(GetTickCount64() - t0);

cleanup:
    if (svc) CloseServiceHandle(svc); /* cancels the notification, if still pending */
    if (w && w->registered) SleepEx(0, TRUE);
    if (scm) CloseServiceHandle(scm);
}

static enum restart_result result_from_error(DWORD err)
{
    switch (err) {
    case ERROR_ACCESS_DENIED: return RESTART_ERR_DENIED;
    case ERROR_SERVICE_DISABLED: return RESTART_ERR_DISABLED;
    case ERROR_SERVICE_DOES_NOT_EXIST: return RESTART_ERR_MISSING;
    default: return RESTART_ERR_FAILED;
    }
}

static void control(const wchar_t *name, BOOL stop, const struct scm_wait_limits *lim,
                    struct restart_op_result *out)
{
    ULONGLONG t0 = GetTickCount64();
    SC_HANDLE scm = NULL, svc = NULL;
    struct notify_wait *w = thread_wait();
    SERVICE_STATUS ss;
    DWORD err = 0;

    ZeroMemory(out, sizeof(*out));
    scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (!scm) {
        err = GetLastError();
        goto cleanup;
    }
    svc = OpenServiceW(scm, name, SERVICE_QUERY_STATUS | (stop ? SERVICE_STOP : SERVICE_START));
    if (!svc) {
        err = GetLastError();
        goto cleanup;
    }
    if (stop) {
        if (!ControlService(svc, SERVICE_CONTROL_STOP, &ss)) err = GetLastError();
        /* Already stopped, or busy in a pending state: just wait. */
        if (err == ERROR_SERVICE_NOT_ACTIVE || err == ERROR_SERVICE_CANNOT_ACCEPT_CTRL) err = 0;
    } else {
        if (!StartServiceW(svc, 0, NULL)) err = GetLastError();
        if (err == ERROR_SERVICE_ALREADY_RUNNING) err = 0;
    }
    if (!err) wait_for_state(svc, stop ? SERVICE_STOPPED : SERVICE_RUNNING, lim, t0, w, out);

cleanup:
    if (err) {
        out->result = result_from_error(err);
        out->win32_error = err;
    }
    out->elapsed_ms = (uint32_t)(GetTickCount64() - t0);
    /* Closing the handle cancels a pending notification; a callback queued
     * before that runs now (one queued later finds the buffer still there). */
    if (svc) CloseServiceHandle(svc);
    if (w && w->registered) SleepEx(0, TRUE);
    if (scm) CloseServiceHandle(scm);
}

void scm_stop(const wchar_t *name, const struct scm_wait_limits *lim, struct restart_op_result *out)
{
    control(name, TRUE, lim, out);
}

void scm_start(const wchar_t *name, const struct scm_wait_limits *lim, struct restart_op_result *out)
{
    control(name, FALSE, lim, out);
}

void scm_set_manual(const wchar_t *name, struct restart_op_result *out)
{
    ULONGLONG t0 = GetTickCount64();
    SC_HANDLE scm, svc = NULL;
    DWORD err = 0;

    ZeroMemory(out, sizeof(*out));
    scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (scm) svc = OpenServiceW(scm, name, SERVICE_CHANGE_CONFIG | SERVICE_QUERY_STATUS);
    if (!svc) err = GetLastError();
    else if (!ChangeServiceConfigW(svc, SERVICE_NO_CHANGE, SERVICE_DEMAND_START, SERVICE_NO_CHANGE,
                                   NULL, NULL, NULL, NULL, NULL, NULL, NULL))
        err = GetLastError();
    out->result = err ? result_from_error(err) : RESTART_DONE;
    out->win32_error = err;
    out->state = SVC_STOPPED;
    out->elapsed_ms = (uint32_t)(GetTickCount64() - t0);
    if (svc) CloseServiceHandle(svc);
    if (scm) CloseServiceHandle(scm);
}

void scm_run_step(const struct restart_step *step, const struct scm_wait_limits *lim,
                  struct restart_op_result *out)
{
    const wchar_t *name = restart_svc_name(step->svc);
    switch (step->action) {
    case RESTART_STOP: scm_stop(name, lim, out); break;
    case RESTART_START: scm_start(name, lim, out); break;
    case RESTART_SET_MANUAL: scm_set_manual(name, out); break;
    }
}

void scm_step_cb(void *ctx, const struct restart_step *step, struct restart_op_result *out)
{
    (void)ctx;
    scm_run_step(step, &scm_default_limits, out);
}

void scm_snapshot_cb(void *ctx, struct health_snapshot *s)
{
    (void)ctx;
    scm_snapshot(s);
}

void scm_read_bits_cb(void *ctx, struct svc_reading *out)
{
    (void)ctx;
    scm_read(restart_svc_name(RESTART_SVC_BITS), out);
}

/* A service that ended: its process exited (Wine's service manager still
 * says RUNNING then, with a dead process), or the manager says STOPPED
 * (Windows, and a service of a shared process). */
static BOOL ended(HANDLE proc, SC_HANDLE svc, struct restart_op_result *out)
{
    SERVICE_STATUS_PROCESS ssp;
    DWORD code = 0;

    if (proc && WaitForSingleObject(proc, 0) == WAIT_OBJECT_0) {
        out->win32_error = GetExitCodeProcess(proc, &code) ? code : ERROR_PROCESS_ABORTED;
    } else if (svc && query(svc, &ssp) && ssp.dwCurrentState == SERVICE_STOPPED) {
        out->win32_error = ssp.dwWin32ExitCode == ERROR_SERVICE_SPECIFIC_ERROR ? ssp.dwServiceSpecificExitCode
                                                                                : ssp.dwWin32ExitCode;
    } else {
        return FALSE;
    }
    out->result = RESTART_ERR_EXITED;
    out->state = SVC_STOPPED;
    return TRUE;
}

/* Watches the started services' processes for the settle time (an exit
 * ends the wait at once), then looks at each. A service that cannot be
 * opened or read is not claimed to have ended. */
void scm_confirm_cb(void *ctx, const enum svc_id *svcs, unsigned n, struct restart_op_result *out,
                    unsigned *which)
{
    SC_HANDLE scm, svc[RESTART_MAX_STEPS] = {0};
    HANDLE proc[RESTART_MAX_STEPS] = {0}, waits[RESTART_MAX_STEPS];
    SERVICE_STATUS_PROCESS ssp;
    DWORD n_waits = 0;

    (void)ctx;
    ZeroMemory(out, sizeof(*out));
    *which = n;
    if (n > RESTART_MAX_STEPS) n = RESTART_MAX_STEPS;
    scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (!scm) return;
    for (unsigned i = 0; i < n; i++) {
        svc[i] = OpenServiceW(scm, restart_svc_name(svcs[i]), SERVICE_QUERY_STATUS);
        if (svc[i] && query(svc[i], &ssp) && ssp.dwCurrentState == SERVICE_RUNNING && ssp.dwProcessId)
            proc[i] = OpenProcess(SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION, FALSE, ssp.dwProcessId);
        if (proc[i]) waits[n_waits++] = proc[i];
    }
    if (n_waits) WaitForMultipleObjects(n_waits, waits, FALSE, RESTART_SETTLE_MS);
    else Sleep(RESTART_SETTLE_MS);
    for (unsigned i = 0; i < n; i++) {
        if (*which == n && ended(proc[i], svc[i], out)) *which = i;
        if (proc[i]) CloseHandle(proc[i]);
        if (svc[i]) CloseServiceHandle(svc[i]);
    }
    CloseServiceHandle(scm);
}
