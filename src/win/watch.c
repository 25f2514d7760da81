#include "watch.h"
#include "scm.h"
#include "watch_plan.h"

#define ALL_STATES                                                                 \
    (SERVICE_NOTIFY_STOPPED | SERVICE_NOTIFY_START_PENDING | SERVICE_NOTIFY_STOP_PENDING | \
     SERVICE_NOTIFY_RUNNING | SERVICE_NOTIFY_CONTINUE_PENDING |                    \
     SERVICE_NOTIFY_PAUSE_PENDING | SERVICE_NOTIFY_PAUSED)

struct watched {
    struct watch *owner;
    enum svc_id id;
    SC_HANDLE svc;
    BOOL can_config;  /* opened with SERVICE_QUERY_CONFIG too */
    SERVICE_NOTIFYW notify;
    BOOL registered;
    BOOL looked;      /* opened or tried to open before */
    BOOL present;     /* found at the last look */
    SERVICE_STATUS_PROCESS status; /* the newest seen on this handle: its notification's, or a query's */
    BOOL have_status;
    DWORD last_state;  /* state at registration, left out of the mask; 0 when unknown */
    DWORD known_state; /* last state seen, kept across a reopen; 0 when unknown */
};

struct watch {
    volatile LONG destroyed; /* late callbacks after watch_destroy do nothing */
    unsigned changed;        /* 1 << svc_id; set by callbacks on the watch's own thread */
    DWORD recycle_ms;
    ULONGLONG recycle_at;
    SC_HANDLE scm;
    SERVICE_NOTIFYW scm_notify; /* creations and deletions, where the manager reports them */
    BOOL scm_capable;           /* it accepted that registration once */
    BOOL scm_registered;
    struct watched svc[SVC_COUNT];
};

static void note_change(struct watched *s)
{
    s->owner->changed |= 1u << s->id;
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
    s->have_status = FALSE;
    s->last_state = 0;
}

static VOID CALLBACK on_notify(PVOID param)
{
    SERVICE_NOTIFYW *n = param;
    struct watched *s = n->pContext;

    if (InterlockedCompareExchange(&s->owner->destroyed, 0, 0)) return;
    s->registered = FALSE;
    if (n->dwNotificationStatus != ERROR_SUCCESS ||
        (n->dwNotificationTriggered & SERVICE_NOTIFY_DELETE_PENDING)) {
        close_service(s); /* going away: let it go, look for it by name later */
    } else {
        s->status = n->ServiceStatus;
        s->have_status = TRUE;
        s->last_state = s->known_state = n->ServiceStatus.dwCurrentState;
    }
    note_change(s);
}

/* A service was created or deleted somewhere: which one does not matter, the
 * next watch_arm looks for every service it has no handle for. */
static VOID CALLBACK on_scm_notify(PVOID param)
{
    SERVICE_NOTIFYW *n = param;
    struct watch *w = n->pContext;

    if (n->pszServiceNames) LocalFree(n->pszServiceNames);
    n->pszServiceNames = NULL;
    if (InterlockedCompareExchange(&w->destroyed, 0, 0)) return;
    w->scm_registered = FALSE;
}

static void arm_scm(struct watch *w)
{
    if (w->scm_registered || !w->scm_capable) return;
    w->scm_registered = TRUE; /* before the call: should the callback run inside it, it clears it */
    if (NotifyServiceStatusChangeW(w->scm, SERVICE_NOTIFY_CREATED | SERVICE_NOTIFY_DELETED, &w->scm_notify) !=
        ERROR_SUCCESS)
        w->scm_registered = FALSE; /* tried again at the next call; meanwhile handles are recycled */
}

static void open_service(struct watched *s)
{
    const wchar_t *name = svc_name(s->id);
    DWORD needed;
    BOOL found;

    s->svc = OpenServiceW(s->owner->scm, name, SERVICE_QUERY_STATUS | SERVICE_QUERY_CONFIG);
    s->can_config = s->svc != NULL;
    if (!s->svc && GetLastError() == ERROR_ACCESS_DENIED)
        s->svc = OpenServiceW(s->owner->scm, name, SERVICE_QUERY_STATUS);
    found = s->svc != NULL;
    if (s->looked && found != s->present) note_change(s); /* it went, or (re)appeared */
    s->looked = TRUE;
    s->present = found;
    if (!found) return;
    if (QueryServiceStatusEx(s->svc, SC_STATUS_PROCESS_INFO, (BYTE *)&s->status, sizeof(s->status), &needed)) {
        /* A change while no handle was registered (between a close and
         * this reopen) would be masked out below: report it now. */
        if (s->known_state && s->known_state != s->status.dwCurrentState) note_change(s);
        s->last_state = s->known_state = s->status.dwCurrentState;
        s->have_status = TRUE;
    }
}

/* Opens the service if needed and registers for the next change. The state
 * it is in now is left out of the mask, or the callback would fire at once. */
static void arm(struct watched *s)
{
    if (s->registered) return;
    if (!s->svc) open_service(s);
    if (!s->svc) return;
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
    struct watch_view v = {0};
    uint32_t wait_ms;

    arm_scm(w);
    v.now_ms = GetTickCount64();
    v.scm_reports = w->scm_registered;
    if (v.scm_reports) w->recycle_at = v.now_ms + w->recycle_ms; /* should it lapse, a full period first */
    v.recycle_at_ms = w->recycle_at;
    if (watch_plan_recycle(&v)) {
        for (int i = 0; i < SVC_COUNT; i++) close_service(&w->svc[i]);
        SleepEx(0, TRUE); /* callbacks queued before the close run now */
        v.recycle_at_ms = w->recycle_at = v.now_ms + w->recycle_ms;
    }
    for (int i = 0; i < SVC_COUNT; i++) arm(&w->svc[i]);
    /* Counted after all of them: a callback may have run during a later arm(). */
    for (int i = 0; i < SVC_COUNT; i++) {
        if (!w->svc[i].svc) v.absent++;
        else if (!w->svc[i].registered) v.unarmed++;
    }
    if (w->changed) return 0; /* one came in meanwhile: take it first */
    wait_ms = watch_plan_wait_ms(&v);
    return wait_ms == WATCH_FOREVER ? INFINITE : wait_ms;
}

unsigned watch_take_changes(struct watch *w)
{
    unsigned changed = w->changed;
    w->changed = 0;
    return changed;
}

static BOOL is_pending(DWORD state)
{
    return state == SERVICE_START_PENDING || state == SERVICE_STOP_PENDING || state == SERVICE_CONTINUE_PENDING ||
           state == SERVICE_PAUSE_PENDING;
}

BOOL watch_state(struct watch *w, enum svc_id id, struct svc_reading *r)
{
    struct watched *s = &w->svc[id];
    SERVICE_STATUS_PROCESS now;
    DWORD needed;

    if (!s->svc || !s->have_status) return FALSE;
    /* A pending state is often over by now (most services stop within ms of
     * stop pending): read it again, so that one reading shows the newest
     * state instead of two in a row. A settled one is as notified. */
    if (is_pending(s->status.dwCurrentState) &&
        QueryServiceStatusEx(s->svc, SC_STATUS_PROCESS_INFO, (BYTE *)&now, sizeof(now), &needed)) {
        s->status = now;
        s->known_state = now.dwCurrentState;
        if (!s->registered) s->last_state = now.dwCurrentState; /* the next registration waits for a change from this */
    }
    scm_status_to_reading(&s->status, r);
    return TRUE;
}

BOOL watch_read_config(struct watch *w, enum svc_id id, struct svc_reading *r)
{
    struct watched *s = &w->svc[id];

    if (!s->svc || !s->can_config) return FALSE;
    scm_read_config(s->svc, r);
    return TRUE;
}

BOOL watch_scm_reports(const struct watch *w)
{
    return w->scm_capable;
}

struct watch *watch_create(SC_HANDLE scm, DWORD recycle_ms)
{
    struct watch *w;

    if (!scm) return NULL;
    w = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*w));
    if (!w) return NULL;
    w->scm = scm;
    w->recycle_ms = recycle_ms ? recycle_ms : 60000;
    w->recycle_at = GetTickCount64() + w->recycle_ms;
    for (int i = 0; i < SVC_COUNT; i++) {
        w->svc[i].owner = w;
        w->svc[i].id = (enum svc_id)i;
        w->svc[i].notify.dwVersion = SERVICE_NOTIFY_STATUS_CHANGE;
        w->svc[i].notify.pfnNotifyCallback = on_notify;
        w->svc[i].notify.pContext = &w->svc[i];
    }
    w->scm_notify.dwVersion = SERVICE_NOTIFY_STATUS_CHANGE;
    w->scm_notify.pfnNotifyCallback = on_scm_notify;
    w->scm_notify.pContext = w;
    /* The run-time decision: does this service manager report deletions? */
    w->scm_capable = TRUE;
    arm_scm(w);
    w->scm_capable = w->scm_registered;
    return w;
}

void watch_destroy(struct watch *w)
{
    if (!w) return;
    InterlockedExchange(&w->destroyed, 1);
    for (int i = 0; i < SVC_COUNT; i++) close_service(&w->svc[i]);
    SleepEx(0, TRUE); /* callbacks already queued run now, and do nothing */
    /* `w` is not freed: Wine can still write a cancelled notification into
     * its buffers and queue the callback after the handles are closed (see
     * scm.c); the manager's registration ends when its owner closes it. A
     * watch is made once per process; tests make a few. */
}
