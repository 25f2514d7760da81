/* Event-driven watching of services with NotifyServiceStatusChangeW. The
 * callbacks are APCs: they run on the thread that calls watch_arm(), inside
 * its next alertable wait, and post `msg` to a window for every change.
 * That thread should be the one that does all other service calls too:
 * under Wine, registering on one thread while another thread of the same
 * process talks to the service manager can hang or lose notifications.
 *
 * A missing service is looked for by name every few seconds. Deletion:
 * Windows reports it (SERVICE_NOTIFY_DELETE_PENDING) and the handle is closed
 * at once, so the service can go and be created again. Wine does not, and an
 * open handle keeps a deleted service alive there; so every `recycle_ms` the
 * handles are closed and opened again, which is when Wine shows a deletion. */
#ifndef WUTRAY_WATCH_H
#define WUTRAY_WATCH_H

#include <windows.h>
#include "service.h"

struct watch;

/* wParam of `msg` is the svc_id that changed, went or appeared. */
struct watch *watch_create(HWND hwnd, UINT msg, DWORD recycle_ms);
/* Registers for the next change of each service where needed; returns how
 * long the caller may wait (alertably) before calling it again. */
DWORD watch_arm(struct watch *w);
void watch_destroy(struct watch *w);

#endif
