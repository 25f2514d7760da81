/* Event-driven watching of services with NotifyServiceStatusChangeW. The
 * callbacks are APCs: they run on the thread that calls watch_arm(), inside
 * its next alertable wait, and note which service changed and its new state;
 * that thread takes the changes (watch_take_changes, watch_state).
 * It should be the thread that does all other service calls too: under Wine,
 * registering on one thread while another thread of the same process talks
 * to the service manager can hang or lose notifications.
 *
 * A service going and coming back: where the service manager reports
 * creations and deletions (Windows: the manager's handle takes
 * SERVICE_NOTIFY_CREATED | SERVICE_NOTIFY_DELETED, a service handle gets
 * SERVICE_NOTIFY_DELETE_PENDING and is closed at once), nothing is polled.
 * Where that registration is refused (Wine 8: ERROR_CALL_NOT_IMPLEMENTED;
 * there an open handle also keeps a deleted service alive), the handles are
 * closed and opened again every `recycle_ms`, which is when Wine shows a
 * deletion, and a missing service is looked for by name every few seconds.
 * The decision and the timing are core's (watch_plan.h). */
#ifndef WUTRAY_WATCH_H
#define WUTRAY_WATCH_H

#include <windows.h>
#include "service.h"

struct watch;

/* `scm`: the caller's manager handle (kept open by the caller while the watch
 * lives; SC_MANAGER_ENUMERATE_SERVICE lets the manager report deletions). */
struct watch *watch_create(SC_HANDLE scm, DWORD recycle_ms);
/* Registers for the next change of each service where needed; returns how
 * long the caller may wait (alertably) before calling it again: INFINITE
 * where the manager reports deletions and all is registered, 0 when a change
 * is already waiting to be taken. */
DWORD watch_arm(struct watch *w);
/* The services that changed, went or appeared since the last call, as bits
 * (1 << svc_id); clears them. */
unsigned watch_take_changes(struct watch *w);
/* A service's state as the watch last saw it (its last notification, or
 * its opening), into r; r's start type and name are left as they are. No
 * call to the service manager for a settled state; a pending one is read
 * again on the watch's handle. FALSE when the watch has no handle for it
 * (missing, going): read it by name then. */
BOOL watch_state(struct watch *w, enum svc_id id, struct svc_reading *r);
/* Its start type and display name, read now on the watch's handle. */
BOOL watch_read_config(struct watch *w, enum svc_id id, struct svc_reading *r);
/* TRUE where the service manager reports creations and deletions. */
BOOL watch_scm_reports(const struct watch *w);
void watch_destroy(struct watch *w);

#endif
