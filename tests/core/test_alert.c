/* The alert gate: two agreeing evaluations, once per incident, worse only. */
#include "alert.h"
#include "test.h"

static int feed_all(struct alert_gate *g, const enum health_level *seq, int n, int *fired_at)
{
    int fired = 0;
    for (int i = 0; i < n; i++) {
        if (alert_gate_feed(g, seq[i])) {
            if (fired < 8) fired_at[fired] = i;
            fired++;
        }
    }
    return fired;
}

int main(void)
{
    struct alert_gate g;
    int at[8];
    const enum health_level O = HEALTH_OK, A = HEALTH_ATTENTION, B = HEALTH_BROKEN, U = HEALTH_UNKNOWN;

    { /* a single bad reading is a blip, not an alert */
        enum health_level seq[] = {O, B, O, O, B, O};
        alert_gate_init(&g);
        CHECK_EQ_INT(0, feed_all(&g, seq, 6, at));
    }
    { /* confirmed on the second reading, then silent for the same incident */
        enum health_level seq[] = {O, B, B, B, B, B};
        alert_gate_init(&g);
        CHECK_EQ_INT(1, feed_all(&g, seq, 6, at));
        CHECK_EQ_INT(2, at[0]);
    }
    { /* getting worse within an incident alerts again; better does not */
        enum health_level seq[] = {A, A, B, B, A, A, B, B};
        alert_gate_init(&g);
        CHECK_EQ_INT(2, feed_all(&g, seq, 8, at));
        CHECK_EQ_INT(1, at[0]);
        CHECK_EQ_INT(3, at[1]);
    }
    { /* a confirmed recovery ends the incident; a new one alerts again */
        enum health_level seq[] = {B, B, O, O, B, B};
        alert_gate_init(&g);
        CHECK_EQ_INT(2, feed_all(&g, seq, 6, at));
        CHECK_EQ_INT(5, at[1]);
    }
    { /* an unconfirmed recovery does not end it */
        enum health_level seq[] = {B, B, O, B, B};
        alert_gate_init(&g);
        CHECK_EQ_INT(1, feed_all(&g, seq, 5, at));
    }
    { /* unknown never alerts */
        enum health_level seq[] = {U, U, U, U};
        alert_gate_init(&g);
        CHECK_EQ_INT(0, feed_all(&g, seq, 4, at));
    }
    return test_summary("test_alert");
}
