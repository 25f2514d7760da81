/* What wutray writes to the Windows Application event log (source "wutray"),
 * for administrators: a changed state, confirmed by two checks in a row and
 * not counting "working" (a service that starts on demand would flood the
 * log), and the outcome of each restart or re-enable. Pure: which event, of
 * which type; the text comes from the string table, the message file only
 * lays it out (res/events.mc). */
#ifndef WUTRAY_EVENTS_H
#define WUTRAY_EVENTS_H

#include <stdbool.h>
#include "health.h"
#include "restart.h"

/* Event IDs, as in res/events.mc. */
enum event_id {
    EVENT_STATE_OK = 100,        /* healthy again, or neutral (paused, managed) */
    EVENT_STATE_WARNING = 101,   /* needs attention, restart needed, unknown */
    EVENT_STATE_ERROR = 102,     /* broken, stalled, failing */
    EVENT_RESTART_DONE = 110,
    EVENT_RESTART_FAILED = 111,
    EVENT_REENABLE_DONE = 112,
    EVENT_ACTION_CANCELLED = 113 /* the administrator prompt was declined */
};

enum event_type { EVENT_INFORMATION, EVENT_WARNING, EVENT_ERROR };

struct event_gate {
    enum health_state logged;    /* the last state written (STATE_OK at start) */
    enum health_state candidate; /* the previous check's state */
    unsigned streak;
};

void event_gate_init(struct event_gate *g);
/* One check's state; true when a changed state is confirmed and should be
 * written now (then *id and *type say how). */
bool event_gate_feed(struct event_gate *g, enum health_state state, enum event_id *id, enum event_type *type);
/* The event for a restart's or a re-enable's outcome. */
void event_for_outcome(const struct restart_outcome *o, enum event_id *id, enum event_type *type);

#endif
