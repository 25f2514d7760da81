/* The tray's service thread: every call to the service manager runs here,
 * never on the window's thread: checks, restarts, and watching (its
 * notifications arrive as APCs in this thread's alertable wait; the thread
 * then puts the state each one brought into its last check and tells the
 * window, with no round trip through it: do_service_check). The slow
 * signals (the Windows Update Agent's COM calls, the update logs, this PC's
 * facts, network cost) are read on a thread of their own, one read at a
 * time, so a slow agent never holds up a check or a service notification.
 *
 * Jobs come only from the tray's own code (worker_post sets a bit and an
 * unnamed event; thread messages posted from outside are ignored). Results
 * stay in the worker and the window is only told that one is ready
 * (WM_APP_SNAPSHOT, WM_APP_RESTART_DONE carry no pointer): it takes them
 * with worker_take_*, so a message forged by another program can at most
 * make the tray look again. */
#ifndef WUTRAY_WORKER_H
#define WUTRAY_WORKER_H

#include <windows.h>

#include "check.h"
#include "netcost.h"
#include "restart.h"

struct watch;

/* Jobs (worker_post; several may be pending at once, each runs once). */
#define WJOB_CHECK 0x1u
#define WJOB_RESTART 0x2u
#define WJOB_REENABLE 0x4u
/* Ask the Windows Update Agent again (slow; may start wuauserv on Windows), then check. */
#define WJOB_OUTCOME 0x8u

/* Notifications (posted to the window; no payload). */
#define WM_APP_SNAPSHOT (WM_APP + 2)     /* a check is ready: worker_take_snapshot */
#define WM_APP_RESTART_STEP (WM_APP + 3) /* wParam: restart_action, lParam: svc_id */
#define WM_APP_RESTART_DONE (WM_APP + 4) /* a restart finished: worker_take_restart */
/* "Check again", to the window: the worker no longer needs it (it reads
 * changes itself), the soak's traypoke posts it to make the tray check. */
#define WM_APP_SERVICE_CHANGED (WM_APP + 6)

/* The slow signals, as last read. */
struct slow_signals {
    struct wua_signals wua;
    struct net_signals net;
    struct patch_summary patches;
    struct pc_info pc;
};

struct worker {
    HANDLE thread;
    HANDLE wake;    /* auto-reset: jobs are pending, or stop */
    HANDLE ready;   /* set once the thread runs */
    HANDLE slow;    /* the thread reading the slow signals, while it runs */
    HWND hwnd;
    DWORD watch_recycle_ms;
    SC_HANDLE scm;       /* the service manager, opened once by the thread */
    struct watch *watch; /* from the first check on */
    BOOL checked;        /* a full check has been read: a service's change can patch it */
    unsigned held;       /* services whose pending state waits to be shown (1 << svc_id) ... */
    ULONGLONG held_until; /* ... until this tick, unless a change ends it first */
    volatile LONG jobs; /* WJOB_* bits */
    volatile LONG stop;

    SRWLOCK lock; /* guards what follows */
    struct slow_signals last;
    struct check_reading reading;
    BOOL have_reading;
    struct restart_outcome outcome;
    BOOL have_outcome;
};

/* Watching starts after the first check; see watch.h for watch_recycle_ms. */
BOOL worker_start(struct worker *w, HWND hwnd, DWORD watch_recycle_ms);
BOOL worker_post(struct worker *w, unsigned job);
/* The newest check or restart outcome, once: FALSE if none is waiting. */
BOOL worker_take_snapshot(struct worker *w, struct check_reading *out);
BOOL worker_take_restart(struct worker *w, struct restart_outcome *out);
/* Asks the worker to finish and waits up to timeout_ms for it. A restart in
 * progress goes no further and starts again what it had stopped; its
 * outcome (RESTART_ERR_INTERRUPTED) is left for worker_take_restart. */
void worker_stop(struct worker *w, DWORD timeout_ms);

#endif
