/* Which events wutray writes: a changed state once two checks agree, never
 * for "working", never twice for the same state; restart outcomes. */
#include "events.h"
#include "test.h"

static int feed(struct event_gate *g, enum health_state st, enum event_id *id, enum event_type *type)
{
    return event_gate_feed(g, st, id, type) ? 1 : 0;
}

static void states(void)
{
    struct event_gate g;
    enum event_id id = 0;
    enum event_type type = EVENT_INFORMATION;

    event_gate_init(&g);
    CHECK_EQ_INT(0, feed(&g, STATE_OK, &id, &type)); /* a healthy start writes nothing */
    CHECK_EQ_INT(0, feed(&g, STATE_OK, &id, &type));
    CHECK_EQ_INT(0, feed(&g, STATE_STALLED, &id, &type)); /* once is not enough */
    CHECK_EQ_INT(1, feed(&g, STATE_STALLED, &id, &type));
    CHECK_EQ_INT(EVENT_STATE_ERROR, id);
    CHECK_EQ_INT(EVENT_ERROR, type);
    CHECK_EQ_INT(0, feed(&g, STATE_STALLED, &id, &type)); /* not again */
    CHECK_EQ_INT(0, feed(&g, STATE_WORKING, &id, &type)); /* passing: ignored */
    CHECK_EQ_INT(0, feed(&g, STATE_STALLED, &id, &type)); /* ... and does not break the streak */
    CHECK_EQ_INT(0, feed(&g, STATE_OK, &id, &type));
    CHECK_EQ_INT(0, feed(&g, STATE_FAILING, &id, &type)); /* flapping: nothing confirmed */
    CHECK_EQ_INT(0, feed(&g, STATE_OK, &id, &type));
    CHECK_EQ_INT(1, feed(&g, STATE_OK, &id, &type)); /* healthy again */
    CHECK_EQ_INT(EVENT_STATE_OK, id);
    CHECK_EQ_INT(EVENT_INFORMATION, type);
    feed(&g, STATE_RESTART_NEEDED, &id, &type);
    CHECK_EQ_INT(1, feed(&g, STATE_RESTART_NEEDED, &id, &type));
    CHECK_EQ_INT(EVENT_STATE_WARNING, id);
    CHECK_EQ_INT(EVENT_WARNING, type);
    feed(&g, STATE_PAUSED, &id, &type); /* neutral: information */
    CHECK_EQ_INT(1, feed(&g, STATE_PAUSED, &id, &type));
    CHECK_EQ_INT(EVENT_INFORMATION, type);
    feed(&g, STATE_UNKNOWN, &id, &type);
    CHECK_EQ_INT(1, feed(&g, STATE_UNKNOWN, &id, &type));
    CHECK_EQ_INT(EVENT_WARNING, type);
    feed(&g, STATE_BROKEN, &id, &type);
    CHECK_EQ_INT(1, feed(&g, STATE_BROKEN, &id, &type));
    CHECK_EQ_INT(EVENT_ERROR, type);
    CHECK_EQ_INT(0, feed(&g, STATE_COUNT, &id, &type)); /* out of range: ignored */
}

static void outcomes(void)
{
    struct restart_outcome o = {0};
    enum event_id id;
    enum event_type type;

    o.result = RESTART_DONE;
    o.action = RESTART_START;
    event_for_outcome(&o, &id, &type);
    CHECK_EQ_INT(EVENT_RESTART_DONE, id);
    CHECK_EQ_INT(EVENT_INFORMATION, type);
    o.action = RESTART_SET_MANUAL;
    event_for_outcome(&o, &id, &type);
    CHECK_EQ_INT(EVENT_REENABLE_DONE, id);
    for (int r = RESTART_ERR_DENIED; r <= RESTART_ERR_CANCELLED; r++) {
        o.result = (enum restart_result)r;
        event_for_outcome(&o, &id, &type);
        if (r == RESTART_ERR_CANCELLED) {
            CHECK_EQ_INT(EVENT_ACTION_CANCELLED, id);
            CHECK_EQ_INT(EVENT_WARNING, type);
        } else {
            CHECK_EQ_INT(EVENT_RESTART_FAILED, id);
            CHECK_EQ_INT(EVENT_ERROR, type);
        }
    }
}

int main(void)
{
    states();
    outcomes();
    return test_summary("test_events");
}
