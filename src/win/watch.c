#include "watch.h"

#define ALL_STATES                                                                 \
    (SERVICE_NOTIFY_STOPPED | SERVICE_NOTIFY_START_PENDING | SERVICE_NOTIFY_STOP_PENDING | \
     SERVICE_NOTIFY_RUNNING | SERVICE_NOTIFY_CONTINUE_PENDING |                    \
     SERVICE_NOTIFY_PAUSE_PENDING | SERVICE_NOTIFY_PAUSED)
#define REOPEN_MS 5000 /* how often a missing service is looked for again */

struct watched {
    struct watch *owner;
    enum svc_id id;
    SC_HANDLE svc;
    SERVICE_NOTIFYW notify;
    BOOL registered;
    BOOL looked;      /* opened or tried to open before */
    BOOL present;     /* found at the last look */
    DWORD last_state;  /* state at registration, left out of the mask; 0 when unknown */
    DWORD known_state; /* last state seen, kept across a reopen; 0 when unknown */
};

struct watch {
    volatile LONG destroyed; /* late callbacks after watch_destroy do nothing */
    HWND hwnd;
    UINT msg;
    DWORD recycle_ms;
    ULONGLONG next_recycle;
    SC_HANDLE scm;
    struct watched svc[SVC_COUNT];
};

static void post_change(struct watched *s)
{
    PostMessageW(s->owner->hwnd, s->owner->msg, (WPARAM)s->id, 0);
}

/* The service manager numbers states from 1; the mask bit is 1 << (state - 1). */
static DWORD mask_without(DWORD state)
{
    DWORD mask = ALL_STATES | SERVICE_NOTIFY_DELETE_PENDING;
    if (state >= SERVICE_STOPPED && state <= SERVICE_PAUSED) mask &= ~(1u << (state - 1));
    return mask;
}

static void close_service(struct watched *s)
{
    if (!s->svc) return;
    CloseServiceHandle(s->svc); /* also cancels a pending notification */
    s->svc = NULL;
    s->registered = FALSE;
    s->last_state = 0;
}

static VOID CALLBACK on_notify(PVOID param)
{
    SERVICE_NOTIFYW *n = param;
    struct watched *s = n->pContext;

    if (InterlockedCompareExchange(&s->owner->destroyed, 0, 0)) return;
    s->registered = FALSE;
    if (n->dwNotificationStatus != ERROR_SUCCESS ||
        (n->dwNotificationTriggered & SERVICE_NOTIFY_DELETE_PENDING))
        close_service(s); /* going away: let it go, look for it by name later */
    else
        s->last_state = s->known_state = n->ServiceStatus.dwCurrentState;
    post_change(s);
}

/* Opens the service if needed and registers for the next change. The state
 * it is in now is left out of the mask, or the callback would fire at once. */
static void arm(struct watched *s)
{
    SERVICE_STATUS_PROCESS ssp;
    DWORD needed;
    BOOL found;

    if (s->registered) return;
    if (!s->svc) {
        s->svc = OpenServiceW(s->owner->scm, svc_name(s->id), SERVICE_QUERY_STATUS);
        found = s->svc != NULL;
        if (s->looked && found != s->present) post_change(s); /* it went, or (re)appeared */
        s->looked = TRUE;
        s->present = found;
        if (!found) return;
        if (QueryServiceStatusEx(s->svc, SC_STATUS_PROCESS_INFO, (BYTE *)&ssp, sizeof(ssp), &needed)) {
            /* A change while no handle was registered (between a close and
             * this reopen) would be masked out below: report it now. */
            if (s->known_state && s->known_state != ssp.dwCurrentState) post_change(s);
            s->last_state = s->known_state = ssp.dwCurrentState;
        }
    }
    /* The buffer was filled in once by watch_create and is never cleared. */
    /* Set before the call: should the callback run inside it, it clears it. */
    s->registered = TRUE;
    switch (NotifyServiceStatusChangeW(s->svc, mask_without(s->last_state), &s->notify)) {
    case ERROR_SUCCESS: break;
    case ERROR_SERVICE_MARKED_FOR_DELETE:
        s->registered = FALSE;
        close_service(s);
        break;
    default: s->registered = FALSE; break; /* tried again at the next call */
    }
}

DWORD watch_arm(struct watch *w)
{
    ULONGLONG now = GetTickCount64();
    BOOL all_armed = TRUE;
    DWORD wait_ms;

    if (now >= w->next_recycle) {
        for (int i = 0; i < SVC_COUNT; i++) close_service(&w->svc[i]);
        SleepEx(0, TRUE); /* callbacks queued before the close run now */
        w->next_recycle = now + w->recycle_ms;
    }
    for (int i = 0; i < SVC_COUNT; i++) arm(&w->svc[i]);
    /* Read after all of them: a callback may have run during a later arm(). */
    for (int i = 0; i < SVC_COUNT; i++) all_armed = all_armed && w->svc[i].registered;
    wait_ms = (DWORD)(w->next_recycle - now);
    return !all_armed && wait_ms > REOPEN_MS ? REOPEN_MS : wait_ms;
}

struct watch *watch_create(HWND hwnd, UINT msg, DWORD recycle_ms)
{
    struct watch *w = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*w));

    if (!w) return NULL;
    w->hwnd = hwnd;
    w->msg = msg;
    w->recycle_ms = recycle_ms ? recycle_ms : 60000;
    w->next_recycle = GetTickCount64() + w->recycle_ms;
    for (int i = 0; i < SVC_COUNT; i++) {
        w->svc[i].owner = w;
        w->svc[i].id = (enum svc_id)i;
        w->svc[i].notify.dwVersion = SERVICE_NOTIFY_STATUS_CHANGE;
        w->svc[i].notify.pfnNotifyCallback = on_notify;
        w->svc[i].notify.pContext = &w->svc[i];
    }
    w->scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (!w->scm) {
        HeapFree(GetProcessHeap(), 0, w);
        return NULL;
    }
    return w;
}

void watch_destroy(struct watch *w)
{
    if (!w) return;
    InterlockedExchange(&w->destroyed, 1);
    for (int i = 0; i < SVC_COUNT; i++) close_service(&w->svc[i]);
    SleepEx(0, TRUE); /* callbacks already queued run now, and do nothing */
    CloseServiceHandle(w->scm);
    /* `w` is not freed: Wine can still write a cancelled notification into
     * its buffers and queue the callback after the handles are closed (see
     * scm.c). A watch is made once per process; tests make a few. */
}
