/* The tray's service thread: every call to the service manager runs here,
 * never on the window's thread: checks, restarts, and watching (its
 * notifications arrive as APCs in this thread's alertable wait), and the
 * Windows Update Agent's COM calls (a single-threaded apartment). Results
 * come back as posted window messages. */
#ifndef WUTRAY_WORKER_H
#define WUTRAY_WORKER_H

#include <windows.h>

/* Jobs (posted to the worker thread). */
#define WJOB_CHECK (WM_APP + 100)
#define WJOB_RESTART (WM_APP + 101)
#define WJOB_REENABLE (WM_APP + 102)
/* Ask the Windows Update Agent again (slow; may start wuauserv on Windows), then check. */
#define WJOB_OUTCOME (WM_APP + 103)

/* Results (posted to the window). */
#define WM_APP_SNAPSHOT (WM_APP + 2)     /* lParam: struct check_reading*, receiver frees */
#define WM_APP_RESTART_STEP (WM_APP + 3) /* wParam: restart_action, lParam: svc_id */
#define WM_APP_RESTART_DONE (WM_APP + 4) /* lParam: struct restart_outcome*, receiver frees */
#define WM_APP_SERVICE_CHANGED (WM_APP + 6) /* wParam: svc_id, SVC_COUNT for the registry */

struct worker {
    HANDLE thread;
    DWORD thread_id;
    HWND hwnd;
    HANDLE ready; /* set once the thread's queue exists */
    DWORD watch_recycle_ms;
};

/* Watching starts after the first check; see watch.h for watch_recycle_ms. */
BOOL worker_start(struct worker *w, HWND hwnd, DWORD watch_recycle_ms);
BOOL worker_post(struct worker *w, UINT job);
/* Asks the worker to finish and waits up to timeout_ms for it. */
void worker_stop(struct worker *w, DWORD timeout_ms);

#endif
