/* How the service watcher learns that a watched service went or came back,
 * and so how long the service thread may sleep between notifications. Pure;
 * time comes in.
 *
 * Where the service manager reports creations and deletions itself (Windows
 * accepts SERVICE_NOTIFY_CREATED | SERVICE_NOTIFY_DELETED on its own handle,
 * and a service handle gets SERVICE_NOTIFY_DELETE_PENDING), nothing is
 * polled: the thread sleeps until a notification or a job comes. Where it
 * cannot (Wine 8 refuses that registration with ERROR_CALL_NOT_IMPLEMENTED,
 * never reports a deletion, and an open handle there keeps a deleted service
 * alive), every handle is closed and opened again each recycle period, and a
 * service without a handle is looked for by name every WATCH_LOOKUP_MS. */
#ifndef WUTRAY_WATCH_PLAN_H
#define WUTRAY_WATCH_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#define WATCH_LOOKUP_MS 5000u
#define WATCH_FOREVER UINT32_MAX /* no time-out: wait for a notification or a job */

struct watch_view {
    bool scm_reports;       /* the manager's creation/deletion notification is registered now */
    unsigned absent;        /* watched services without a handle: missing, or going */
    unsigned unarmed;       /* services with a handle whose registration failed */
    uint64_t now_ms;
    uint64_t recycle_at_ms; /* when the handles are due to be opened again */
};

/* Close and reopen every handle now (only where deletions are not reported). */
bool watch_plan_recycle(const struct watch_view *v);
/* How long the thread may wait, given the view after this round's arming. */
uint32_t watch_plan_wait_ms(const struct watch_view *v);

#endif
