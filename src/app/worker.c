#include "worker.h"
#include "restart.h"
#include "scm.h"
#include "watch.h"

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

static void run_step(void *ctx, const struct restart_step *step, struct restart_op_result *out)
{
    (void)ctx;
    if (step->action == RESTART_STOP) scm_stop(svc_name(step->svc), &scm_default_limits, out);
    else scm_start(svc_name(step->svc), &scm_default_limits, out);
}

static void on_progress(void *ctx, const struct restart_step *step)
{
    struct restart_ctx *rc = ctx;
    PostMessageW(rc->hwnd, WM_APP_RESTART_STEP, (WPARAM)step->action, (LPARAM)step->svc);
}

static void do_check(HWND hwnd)
{
    struct health_snapshot s;
    scm_snapshot(&s);
    post_owned(hwnd, WM_APP_SNAPSHOT, &s, sizeof(s));
}

static void do_restart(HWND hwnd)
{
    static const struct restart_ops ops = {run_step, on_progress};
    struct restart_ctx ctx = {hwnd};
    struct health_snapshot s;
    struct restart_plan plan;
    struct restart_outcome outcome;

    scm_snapshot(&s);
    restart_make_plan(&s, &plan);
    restart_execute(&plan, &ops, &ctx, &outcome);
    post_owned(hwnd, WM_APP_RESTART_DONE, &outcome, sizeof(outcome));
    do_check(hwnd);
}

static DWORD WINAPI worker_main(void *param)
{
    struct worker *w = param;
    struct watch *watch = NULL;
    MSG msg;

    /* Create this thread's message queue, then let worker_start return. */
    PeekMessageW(&msg, NULL, WM_USER, WM_USER, PM_NOREMOVE);
    SetEvent(w->ready);
    for (;;) {
        DWORD wait_ms = watch ? watch_arm(watch) : INFINITE;
        /* Alertable: service notifications run inside this wait. */
        MsgWaitForMultipleObjectsEx(0, NULL, wait_ms, QS_POSTMESSAGE | QS_ALLPOSTMESSAGE,
                                    MWMO_ALERTABLE | MWMO_INPUTAVAILABLE);
        while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE)) {
            if (msg.message == WM_QUIT) goto done;
            if (msg.message == WJOB_CHECK) do_check(w->hwnd);
            else if (msg.message == WJOB_RESTART) do_restart(w->hwnd);
            if (!watch) watch = watch_create(w->hwnd, WM_APP_SERVICE_CHANGED, w->watch_recycle_ms);
        }
    }
done:
    watch_destroy(watch);
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
