/* The event log's gate and outcome events (events.c): a state is written
 * once it has been read twice in a row, never "working" or a value out of
 * range, never the state already written; each event's type goes with its ID.
 *
 * Input: one byte (mode), then readings (states, one byte each), or
 * outcomes (result and action, one byte each). */
#include "events.h"
#include "fuzz.h"

static void check_pair(enum event_id id, enum event_type type)
{
    switch (id) {
    case EVENT_STATE_OK:
    case EVENT_RESTART_DONE:
    case EVENT_REENABLE_DONE: FUZZ_CHECK(type == EVENT_INFORMATION); break;
    case EVENT_STATE_WARNING:
    case EVENT_ACTION_CANCELLED: FUZZ_CHECK(type == EVENT_WARNING); break;
    case EVENT_STATE_ERROR:
    case EVENT_RESTART_FAILED: FUZZ_CHECK(type == EVENT_ERROR); break;
    default: FUZZ_CHECK(!"an event ID that res/events.mc does not have");
    }
}

static void gate(struct fuzz_in *in)
{
    struct event_gate g;
    enum health_state logged = STATE_OK, prev = STATE_COUNT;

    event_gate_init(&g);
    while (in->n) {
        enum health_state st = (enum health_state)(fin_u8(in) % (STATE_COUNT + 4));
        enum event_id id = 0;
        enum event_type type = 0;
        bool write = event_gate_feed(&g, st, &id, &type);
        bool counts = st != STATE_WORKING && st < STATE_COUNT;

        FUZZ_CHECK(!write || counts);
        if (!counts) continue;
        /* Confirmed: the same as the reading before (working ones pass by). */
        FUZZ_CHECK(write == (st == prev && st != logged));
        if (write) {
            check_pair(id, type);
            FUZZ_CHECK(id == EVENT_STATE_OK || id == EVENT_STATE_WARNING || id == EVENT_STATE_ERROR);
            FUZZ_CHECK((id == EVENT_STATE_OK) == (st == STATE_OK || st == STATE_PAUSED || st == STATE_MANAGED));
            logged = st;
        }
        prev = st;
    }
}

static void outcomes(struct fuzz_in *in)
{
    while (in->n) {
        struct restart_outcome o;
        enum event_id id = 0;
        enum event_type type = 0;

        memset(&o, 0, sizeof(o));
        o.result = (enum restart_result)(fin_u8(in) % (RESTART_ERR_CANCELLED + 1));
        o.action = (enum restart_action)(fin_u8(in) % (RESTART_SET_MANUAL + 1));
        event_for_outcome(&o, &id, &type);
        check_pair(id, type);
        FUZZ_CHECK(id >= EVENT_RESTART_DONE && id <= EVENT_ACTION_CANCELLED);
        FUZZ_CHECK((id == EVENT_RESTART_DONE || id == EVENT_REENABLE_DONE) == (o.result == RESTART_DONE));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};

    if (fin_u8(&in) & 1) outcomes(&in);
    else gate(&in);
    return 0;
}
