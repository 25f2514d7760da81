#include "worker.h"
#include "elevate.h"
#include "runas.h"
#include "scm.h"
#include "regsettings.h"
#include "regwatch.h"
#include "watch.h"

#include <objbase.h>

struct restart_ctx {
    HWND hwnd;
    volatile LONG *stop;
};

static void on_progress(void *ctx, const struct restart_step *step)
{
    struct restart_ctx *rc = ctx;
    PostMessageW(rc->hwnd, WM_APP_RESTART_STEP, (WPARAM)step->action, (LPARAM)step->svc);
}

/* worker_stop during a restart (the session is ending): no further step,
 * and what the restart stopped is started again (restart_execute). */
static bool on_cancelled(void *ctx)
{
    struct restart_ctx *rc = ctx;
    return InterlockedCompareExchange(rc->stop, 0, 0) != 0;
}

/* The elevated side gets as long as a whole restart may take, and a little more. */
#define ELEVATED_TIMEOUT_MS (RESTART_MAX_STEPS * HEALTH_PENDING_CAP_MS + 30000)

static enum restart_result run_elevated(void *ctx, enum elevated_verb verb, uint32_t *code)
{
    (void)ctx;
    return runas_self(elevated_args(verb), ELEVATED_TIMEOUT_MS, code);
}

BOOL worker_post(struct worker *w, unsigned job)
{
    InterlockedOr(&w->jobs, (LONG)job);
    return SetEvent(w->wake);
}

/* ---- the slow signals, on their own thread ---- */

static DWORD WINAPI slow_main(void *param)
{
    struct worker *w = param;
    struct slow_signals *s = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*s));
    BOOL com = SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE));

    if (s) {
        /* Without COM the agent is "not available"; the rest is still read. */
        check_read_updates(&s->wua, &s->patches, &s->pc);
        netcost_read(&s->net);
        AcquireSRWLockExclusive(&w->lock);
        w->last = *s;
        ReleaseSRWLockExclusive(&w->lock);
        HeapFree(GetProcessHeap(), 0, s);
    }
    if (com) CoUninitialize();
    worker_post(w, WJOB_CHECK);
    return 0;
}

/* One read at a time: while one runs (the agent may take long), asking
 * again only waits for its answer. */
static void start_slow_read(struct worker *w)
{
    if (w->slow) {
        if (WaitForSingleObject(w->slow, 0) != WAIT_OBJECT_0) return;
        CloseHandle(w->slow);
    }
    w->slow = CreateThread(NULL, 0, slow_main, w, 0, NULL);
    if (!w->slow) worker_post(w, WJOB_CHECK);
}

/* ---- jobs ---- */

static void do_check(struct worker *w)
{
    struct check_reading *c = HeapAlloc(GetProcessHeap(), 0, sizeof(*c));

    if (!c) return;
    check_read(c);
    AcquireSRWLockExclusive(&w->lock);
    c->snap.wua = w->last.wua;
    c->snap.net = w->last.net;
    c->snap.patches = w->last.patches;
    c->snap.pc = w->last.pc;
    w->reading = *c;
    w->have_reading = TRUE;
    ReleaseSRWLockExclusive(&w->lock);
    HeapFree(GetProcessHeap(), 0, c);
    PostMessageW(w->hwnd, WM_APP_SNAPSHOT, 0, 0);
}

/* Restart or re-enable: with the user's rights first, elevated only if
 * refused. A restart includes BITS when the IncludeBits setting says so. */
static void do_change(struct worker *w, enum elevated_verb verb)
{
    static const struct restart_ops ops = {
        .run = scm_step_cb, .progress = on_progress, .cancelled = on_cancelled, .confirm = scm_confirm_cb};
    static const struct elevated_env env = {
        .snapshot = scm_snapshot_cb, .ops = &ops, .read_bits = scm_read_bits_cb, .elevate = run_elevated};
    struct restart_ctx ctx = {w->hwnd, &w->stop};
    struct restart_outcome outcome;
    struct settings set;
    bool elevated;

    regsettings_read(&set);
    if (verb == ELEVATED_RESTART && set.include_bits) verb = ELEVATED_RESTART_BITS;
    elevated_run(&env, &ctx, verb, &elevated, &outcome);
    AcquireSRWLockExclusive(&w->lock);
    w->outcome = outcome;
    w->have_outcome = TRUE;
    ReleaseSRWLockExclusive(&w->lock);
    PostMessageW(w->hwnd, WM_APP_RESTART_DONE, 0, 0);
    if (!w->stop) do_check(w);
}

static void run_jobs(struct worker *w, unsigned jobs)
{
    if (jobs & WJOB_RESTART) do_change(w, ELEVATED_RESTART);
    else if (jobs & WJOB_REENABLE) do_change(w, ELEVATED_REENABLE);
    if (jobs & WJOB_OUTCOME) start_slow_read(w);
    if (jobs & WJOB_CHECK) do_check(w);
}

static DWORD WINAPI worker_main(void *param)
{
    struct worker *w = param;
    struct watch *watch = NULL;
    struct regwatch reg;
    HANDLE events[1 + REGWATCH_KEYS];
    MSG msg;

    SetEvent(w->ready);
    regwatch_open(&reg);
    while (!w->stop) {
        DWORD wait_ms = watch ? watch_arm(watch) : INFINITE;
        DWORD n = 1 + regwatch_events(&reg, events + 1);
        DWORD rc;

        events[0] = w->wake;
        /* Alertable: service notifications run inside this wait. */
        rc = MsgWaitForMultipleObjectsEx(n, events, wait_ms, QS_POSTMESSAGE | QS_ALLPOSTMESSAGE,
                                         MWMO_ALERTABLE | MWMO_INPUTAVAILABLE);
        if (rc == WAIT_OBJECT_0) {
            unsigned jobs = (unsigned)InterlockedExchange(&w->jobs, 0);
            if (w->stop) break;
            run_jobs(w, jobs);
            if (!watch) watch = watch_create(w->hwnd, WM_APP_SERVICE_CHANGED, w->watch_recycle_ms);
        } else if (rc > WAIT_OBJECT_0 && rc < WAIT_OBJECT_0 + n) {
            /* A registry signal changed: arm again, and let the window look. */
            regwatch_rearm(&reg, rc - WAIT_OBJECT_0 - 1);
            PostMessageW(w->hwnd, WM_APP_SERVICE_CHANGED, (WPARAM)SVC_COUNT, 0);
        }
        /* Thread messages are not jobs: anyone on the desktop can post them. */
        while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE))
            if (msg.hwnd) DispatchMessageW(&msg);
    }
    watch_destroy(watch);
    regwatch_close(&reg);
    return 0;
}

BOOL worker_start(struct worker *w, HWND hwnd, DWORD watch_recycle_ms)
{
    HANDLE waits[2];

    w->hwnd = hwnd;
    w->watch_recycle_ms = watch_recycle_ms;
    w->jobs = 0;
    w->stop = 0;
    InitializeSRWLock(&w->lock);
    w->wake = CreateEventW(NULL, FALSE, FALSE, NULL);
    w->ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!w->wake || !w->ready) goto fail;
    w->thread = CreateThread(NULL, 0, worker_main, w, 0, NULL);
    if (w->thread) {
        waits[0] = w->ready;
        waits[1] = w->thread;
        WaitForMultipleObjects(2, waits, FALSE, INFINITE); /* ready, or died trying */
    }
    CloseHandle(w->ready);
    w->ready = NULL;
    if (w->thread) return TRUE;
fail:
    if (w->ready) CloseHandle(w->ready);
    if (w->wake) CloseHandle(w->wake);
    w->ready = w->wake = NULL;
    return FALSE;
}

/* Copies a result out of its slot once, under the lock. */
static BOOL take(struct worker *w, BOOL *have, const void *slot, void *out, size_t n)
{
    BOOL had;

    AcquireSRWLockExclusive(&w->lock);
    had = *have;
    if (had) CopyMemory(out, slot, n);
    *have = FALSE;
    ReleaseSRWLockExclusive(&w->lock);
    return had;
}

BOOL worker_take_snapshot(struct worker *w, struct check_reading *out)
{
    return take(w, &w->have_reading, &w->reading, out, sizeof(*out));
}

BOOL worker_take_restart(struct worker *w, struct restart_outcome *out)
{
    return take(w, &w->have_outcome, &w->outcome, out, sizeof(*out));
}

void worker_stop(struct worker *w, DWORD timeout_ms)
{
    if (!w->thread) return;
    InterlockedExchange(&w->stop, 1);
    SetEvent(w->wake);
    WaitForSingleObject(w->thread, timeout_ms);
    CloseHandle(w->thread);
    w->thread = NULL;
    /* A slow read still running (a hung agent) is not waited for: it ends
     * with the process. */
    if (w->slow) {
        CloseHandle(w->slow);
        w->slow = NULL;
    }
}
