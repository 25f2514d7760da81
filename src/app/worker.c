#include "worker.h"
#include "elevate.h"
#include "os.h"
#include "runas.h"
#include "scm.h"
#include "regsettings.h"
#include "regwatch.h"
#include "watch.h"

#include <objbase.h>

/* A pending state a service's notification brings is read again this often,
 * for up to this long, before the window is told (see do_service_check). */
#define WORKER_PENDING_POLL_MS 2
#define WORKER_PENDING_HOLD_MS 50

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
    if (w->watch) watch_take_changes(w->watch); /* this reading covers them */
    w->held = 0;
    check_read(c, w->scm);
    AcquireSRWLockExclusive(&w->lock);
    c->snap.wua = w->last.wua;
    c->snap.net = w->last.net;
    c->snap.patches = w->last.patches;
    c->snap.pc = w->last.pc;
    w->reading = *c;
    w->have_reading = TRUE;
    ReleaseSRWLockExclusive(&w->lock);
    HeapFree(GetProcessHeap(), 0, c);
    w->checked = TRUE;
    PostMessageW(w->hwnd, WM_APP_SNAPSHOT, 0, 0);
}

/* The last check with the services in `changed` replaced by r, to the window. */
static void publish(struct worker *w, unsigned changed, const struct svc_reading *r)
{
    AcquireSRWLockExclusive(&w->lock);
    for (int i = 0; i < SVC_COUNT; i++)
        if (changed & (1u << i)) w->reading.snap.svc[i] = r[i];
    w->reading.snap.taken_ms = os_now_epoch_ms();
    w->have_reading = TRUE;
    ReleaseSRWLockExclusive(&w->lock);
    PostMessageW(w->hwnd, WM_APP_SNAPSHOT, 0, 0);
}

static BOOL any_pending(unsigned changed, const struct svc_reading *r)
{
    for (int i = 0; i < SVC_COUNT; i++)
        if ((changed & (1u << i)) && r[i].presence == SVC_PRESENT && svc_is_pending(r[i].state)) return TRUE;
    return FALSE;
}

/* Services changed (their notifications ran in the last wait): the last
 * check with the state each notification brought, to the window at once
 * (watch_state: no call to the service manager for a settled state; a
 * service that went or came back is read by name). A pending state is read
 * again every WORKER_PENDING_POLL_MS for up to WORKER_PENDING_HOLD_MS before
 * it is shown: most end within ms (a stop), and the window then gets the
 * settled state at once and alone, rather than after a pending one and a
 * new registration's notification. Then the watch registers for the next
 * change, and the start type is read: one changed with the state (a service
 * disabled and stopped) is shown by a second reading. The registry's
 * signals and the settings stay the last check's: the registry has a watch
 * of its own (a full check), and the poll reads them too. */
static void do_service_check(struct worker *w, unsigned changed)
{
    struct svc_reading r[SVC_COUNT];
    ULONGLONG now = GetTickCount64();
    BOOL again = FALSE;

    changed |= w->held;
    if (!w->checked) {
        do_check(w);
        return;
    }
    for (int i = 0; i < SVC_COUNT; i++) {
        if (!(changed & (1u << i))) continue;
        r[i] = w->reading.snap.svc[i]; /* its start type and name as last read */
        if (!watch_state(w->watch, (enum svc_id)i, &r[i])) scm_read_on(w->scm, svc_name((enum svc_id)i), &r[i]);
    }
    if (!w->held) w->held_until = now + WORKER_PENDING_HOLD_MS;
    if (any_pending(changed, r) && now < w->held_until) {
        w->held = changed;
        return;
    }
    w->held = 0;
    publish(w, changed, r);
    watch_arm(w->watch);
    for (int i = 0; i < SVC_COUNT; i++) {
        struct svc_reading cfg;
        if (!(changed & (1u << i))) continue;
        cfg = r[i];
        if (!watch_read_config(w->watch, (enum svc_id)i, &cfg)) continue;
        if (cfg.start != r[i].start || wcscmp(cfg.display_name, r[i].display_name)) again = TRUE;
        r[i] = cfg;
    }
    if (again) publish(w, changed, r);
}

/* How long the thread may wait: the watch's time (it registers first), or,
 * while a pending state is held, until it is read again. */
static DWORD wait_for_watch(struct worker *w)
{
    ULONGLONG now = GetTickCount64();

    if (!w->held) return w->watch ? watch_arm(w->watch) : INFINITE;
    if (now >= w->held_until) return 0;
    return w->held_until - now < WORKER_PENDING_POLL_MS ? (DWORD)(w->held_until - now) : WORKER_PENDING_POLL_MS;
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
    struct regwatch reg;
    HANDLE events[1 + REGWATCH_KEYS];
    MSG msg;

    w->scm = scm_manager_open();
    SetEvent(w->ready);
    regwatch_open(&reg);
    while (!w->stop) {
        DWORD wait_ms = wait_for_watch(w);
        DWORD n = 1 + regwatch_events(&reg, events + 1);
        DWORD rc;
        unsigned changed;

        events[0] = w->wake;
        /* Alertable: service notifications run inside this wait. */
        rc = MsgWaitForMultipleObjectsEx(n, events, wait_ms, QS_POSTMESSAGE | QS_ALLPOSTMESSAGE,
                                         MWMO_ALERTABLE | MWMO_INPUTAVAILABLE);
        if (rc == WAIT_OBJECT_0) {
            unsigned jobs = (unsigned)InterlockedExchange(&w->jobs, 0);
            if (w->stop) break;
            run_jobs(w, jobs);
            if (!w->watch) w->watch = watch_create(w->scm, w->watch_recycle_ms);
        } else if (rc > WAIT_OBJECT_0 && rc < WAIT_OBJECT_0 + n) {
            /* A registry signal changed: arm again, and look. */
            regwatch_rearm(&reg, rc - WAIT_OBJECT_0 - 1);
            do_check(w);
        }
        changed = w->watch ? watch_take_changes(w->watch) : 0;
        if (changed || w->held) do_service_check(w, changed);
        /* Thread messages are not jobs: anyone on the desktop can post them. */
        while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE))
            if (msg.hwnd) DispatchMessageW(&msg);
    }
    watch_destroy(w->watch);
    w->watch = NULL;
    regwatch_close(&reg);
    if (w->scm) CloseServiceHandle(w->scm);
    w->scm = NULL;
    return 0;
}

BOOL worker_start(struct worker *w, HWND hwnd, DWORD watch_recycle_ms)
{
    HANDLE waits[2];

    w->hwnd = hwnd;
    w->watch_recycle_ms = watch_recycle_ms;
    w->jobs = 0;
    w->stop = 0;
    w->scm = NULL;
    w->watch = NULL;
    w->checked = FALSE;
    w->held = 0;
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
