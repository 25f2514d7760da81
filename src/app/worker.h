/* The tray's worker thread: service queries and restarts run here, never on
 * the window's thread; results come back as posted window messages. */
#ifndef WUTRAY_WORKER_H
#define WUTRAY_WORKER_H

#include <windows.h>

/* Jobs (posted to the worker thread). */
#define WJOB_CHECK (WM_APP + 100)
#define WJOB_RESTART (WM_APP + 101)

/* Results (posted to the window). */
#define WM_APP_SNAPSHOT (WM_APP + 2)     /* lParam: struct health_snapshot*, receiver frees */
#define WM_APP_RESTART_STEP (WM_APP + 3) /* wParam: restart_action, lParam: svc_id */
#define WM_APP_RESTART_DONE (WM_APP + 4) /* lParam: struct restart_outcome*, receiver frees */

struct worker {
    HANDLE thread;
    DWORD thread_id;
    HWND hwnd;
    HANDLE ready; /* set once the thread's queue exists */
};

BOOL worker_start(struct worker *w, HWND hwnd);
BOOL worker_post(struct worker *w, UINT job);
/* Asks the worker to finish and waits up to timeout_ms for it. */
void worker_stop(struct worker *w, DWORD timeout_ms);

#endif
