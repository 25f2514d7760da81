#include "worker.h"
#include "check.h"
#include "elevate.h"
#include "runas.h"
#include "restart.h"
#include "scm.h"
#include "regsettings.h"
#include "regwatch.h"
#include "watch.h"
#include "netcost.h"

#include <objbase.h>

struct restart_ctx {
    HWND hwnd;
};

static void *heap_copy(const void *p, size_t n)
{
    void *q = HeapAlloc(GetProcessHeap(), 0, n);
    if (q) CopyMemory(q, p, n);
    return q;
}

/* Hands a heap block to the window; frees it if the window is gone. */
static void post_owned(HWND hwnd, UINT msg, const void *p, size_t n)
{
    void *q = heap_copy(p, n);
    if (q && !PostMessageW(hwnd, msg, 0, (LPARAM)q)) HeapFree(GetProcessHeap(), 0, q);
}

static void on_progress(void *ctx, const struct restart_step *step)
{
    struct restart_ctx *rc = ctx;
    PostMessageW(rc->hwnd, WM_APP_RESTART_STEP, (WPARAM)step->action, (LPARAM)step->svc);
}

/* The elevated side gets as long as a whole restart may take, and a little more. */
#define ELEVATED_TIMEOUT_MS (RESTART_MAX_STEPS * HEALTH_PENDING_CAP_MS + 30000)

static enum restart_result run_elevated(void *ctx, enum elevated_verb verb, uint32_t *code)
{
    (void)ctx;
    return runas_self(elevated_args(verb), ELEVATED_TIMEOUT_MS, code);
}

/* The slow signals (update agent, update logs, this PC's facts, network cost) are read
 * together and rarely (WJOB_OUTCOME); every check reuses the last answers. */
static struct wua_signals last_wua;
static struct net_signals last_net;
static struct patch_summary last_patches;
static struct pc_info last_pc;

static void do_check(HWND hwnd)
{
    struct check_reading c;
    check_read(&c);
    c.snap.wua = last_wua;
    c.snap.net = last_net;
    c.snap.patches = last_patches;
    c.snap.pc = last_pc;
    post_owned(hwnd, WM_APP_SNAPSHOT, &c, sizeof(c));
}

/* Restart or re-enable: with the user's rights first, elevated only if
 * refused. A restart includes BITS when the IncludeBits setting says so. */
static void do_change(HWND hwnd, enum elevated_verb verb)
{
    static const struct restart_ops ops = {scm_step_cb, on_progress};
    static const struct elevated_env env = {
        .snapshot = scm_snapshot_cb, .ops = &ops, .read_bits = scm_read_bits_cb, .elevate = run_elevated};
    struct restart_ctx ctx = {hwnd};
    struct restart_outcome outcome;
    struct settings set;
    bool elevated;

    regsettings_read(&set);
    if (verb == ELEVATED_RESTART && set.include_bits) verb = ELEVATED_RESTART_BITS;
    elevated_run(&env, &ctx, verb, &elevated, &outcome);
    post_owned(hwnd, WM_APP_RESTART_DONE, &outcome, sizeof(outcome));
    do_check(hwnd);
}

static DWORD WINAPI worker_main(void *param)
{
    struct worker *w = param;
    struct watch *watch = NULL;
    struct regwatch reg;
    HANDLE events[REGWATCH_KEYS];
    BOOL com;
    MSG msg;

    /* Create this thread's message queue, then let worker_start return. */
    PeekMessageW(&msg, NULL, WM_USER, WM_USER, PM_NOREMOVE);
    SetEvent(w->ready);
    com = SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE));
    regwatch_open(&reg);
    for (;;) {
        DWORD wait_ms = watch ? watch_arm(watch) : INFINITE;
        DWORD n = regwatch_events(&reg, events);
        /* Alertable: service notifications run inside this wait. */
        DWORD rc = MsgWaitForMultipleObjectsEx(n, events, wait_ms, QS_POSTMESSAGE | QS_ALLPOSTMESSAGE,
                                               MWMO_ALERTABLE | MWMO_INPUTAVAILABLE);
        if (rc < WAIT_OBJECT_0 + n) {
            /* A registry signal changed: arm again, and let the window look. */
            regwatch_rearm(&reg, rc - WAIT_OBJECT_0);
            PostMessageW(w->hwnd, WM_APP_SERVICE_CHANGED, (WPARAM)SVC_COUNT, 0);
        }
        while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE)) {
            if (msg.message == WM_QUIT) goto done;
            if (msg.message == WJOB_CHECK) do_check(w->hwnd);
            else if (msg.message == WJOB_RESTART) do_change(w->hwnd, ELEVATED_RESTART);
            else if (msg.message == WJOB_REENABLE) do_change(w->hwnd, ELEVATED_REENABLE);
            else if (msg.message == WJOB_OUTCOME) {
                check_read_updates(&last_wua, &last_patches, &last_pc); /* without COM the agent is "not available" */
                netcost_read(&last_net);
                do_check(w->hwnd);
            } else if (msg.hwnd) DispatchMessageW(&msg); /* COM's own window, in this apartment */
            if (!watch) watch = watch_create(w->hwnd, WM_APP_SERVICE_CHANGED, w->watch_recycle_ms);
        }
    }
done:
    watch_destroy(watch);
    regwatch_close(&reg);
    if (com) CoUninitialize();
    return 0;
}

BOOL worker_start(struct worker *w, HWND hwnd, DWORD watch_recycle_ms)
{
    HANDLE waits[2];

    w->hwnd = hwnd;
    w->watch_recycle_ms = watch_recycle_ms;
    w->ready = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!w->ready) return FALSE;
    w->thread = CreateThread(NULL, 0, worker_main, w, 0, &w->thread_id);
    if (w->thread) {
        waits[0] = w->ready;
        waits[1] = w->thread;
        WaitForMultipleObjects(2, waits, FALSE, INFINITE); /* ready, or died trying */
    }
    CloseHandle(w->ready);
    w->ready = NULL;
    return w->thread != NULL;
}

BOOL worker_post(struct worker *w, UINT job)
{
    return PostThreadMessageW(w->thread_id, job, 0, 0);
}

void worker_stop(struct worker *w, DWORD timeout_ms)
{
    if (!w->thread) return;
    PostThreadMessageW(w->thread_id, WM_QUIT, 0, 0);
    WaitForSingleObject(w->thread, timeout_ms);
    CloseHandle(w->thread);
    w->thread = NULL;
}
