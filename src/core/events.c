#include "events.h"

void event_gate_init(struct event_gate *g)
{
    g->logged = STATE_OK;
    g->candidate = STATE_OK;
    g->streak = 0;
}

static void state_event(enum health_state st, enum event_id *id, enum event_type *type)
{
    switch (st) {
    case STATE_BROKEN:
    case STATE_UNSUPPORTED:
    case STATE_STALLED:
    case STATE_FAILING:
        *id = EVENT_STATE_ERROR;
        *type = EVENT_ERROR;
        return;
    case STATE_ATTENTION:
    case STATE_RESTART_NEEDED:
    case STATE_UNKNOWN:
        *id = EVENT_STATE_WARNING;
        *type = EVENT_WARNING;
        return;
    default:
        *id = EVENT_STATE_OK;
        *type = EVENT_INFORMATION;
        return;
    }
}

bool event_gate_feed(struct event_gate *g, enum health_state state, enum event_id *id, enum event_type *type)
{
    if (state == STATE_WORKING || state >= STATE_COUNT) return false; /* passing, not a state to log */
    if (state == g->candidate) {
        if (g->streak < HEALTH_CONFIRM_READINGS) g->streak++;
    } else {
        g->candidate = state;
        g->streak = 1;
    }
    if (g->streak < HEALTH_CONFIRM_READINGS || state == g->logged) return false;
    g->logged = state;
    state_event(state, id, type);
    return true;
}

void event_for_outcome(const struct restart_outcome *o, enum event_id *id, enum event_type *type)
{
    /* Interrupted by the session's end: what it stopped was started again. */
    if (o->result == RESTART_ERR_CANCELLED || o->result == RESTART_ERR_INTERRUPTED) {
        *id = EVENT_ACTION_CANCELLED;
        *type = EVENT_WARNING;
    } else if (o->result != RESTART_DONE) {
        *id = EVENT_RESTART_FAILED;
        *type = EVENT_ERROR;
    } else {
        *id = o->action == RESTART_SET_MANUAL ? EVENT_REENABLE_DONE : EVENT_RESTART_DONE;
        *type = EVENT_INFORMATION;
    }
}
