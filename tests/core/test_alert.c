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

static struct health_result result(enum health_level level, enum reason_kind kind, enum svc_id svc)
{
    struct health_result r;
    memset(&r, 0, sizeof(r));
    r.level = level;
    if (level != HEALTH_OK) {
        r.n_reasons = 1;
        r.reasons[0].kind = kind;
        r.reasons[0].svc = svc;
        r.reasons[0].level = level;
    }
    return r;
}

#define MIN_MS 60000ull
#define HOUR_MS (60 * MIN_MS)

static void policy(void)
{
    struct alert_gate g;
    const struct health_result ok = result(HEALTH_OK, 0, 0);
    const struct health_result dis = result(HEALTH_BROKEN, REASON_DISABLED, SVC_WUAUSERV);
    const struct health_result miss = result(HEALTH_BROKEN, REASON_MISSING, SVC_USOSVC);
    uint64_t t = 1700000000000ull;

    /* Once per incident, after two agreeing evaluations. */
    alert_gate_init(&g);
    CHECK_EQ_INT(ALERT_NONE, alert_decide(&g, &dis, t, false));
    CHECK_EQ_INT(ALERT_SHOW, alert_decide(&g, &dis, t + MIN_MS, false));
    CHECK_EQ_INT(ALERT_NONE, alert_decide(&g, &dis, t + 2 * MIN_MS, false));

    /* It goes away and comes back within a day: not again. */
    alert_decide(&g, &ok, t + 3 * MIN_MS, false);
    alert_decide(&g, &ok, t + 4 * MIN_MS, false);
    alert_decide(&g, &dis, t + 5 * MIN_MS, false);
    CHECK_EQ_INT(ALERT_NONE, alert_decide(&g, &dis, t + 6 * MIN_MS, false));
    /* ... but another incident of the same level is news. */
    alert_decide(&g, &ok, t + 7 * MIN_MS, false);
    alert_decide(&g, &ok, t + 8 * MIN_MS, false);
    alert_decide(&g, &miss, t + 9 * MIN_MS, false);
    CHECK_EQ_INT(ALERT_SHOW, alert_decide(&g, &miss, t + 10 * MIN_MS, false));
    /* The first one, back after more than a day: shown again. */
    alert_decide(&g, &ok, t + 11 * MIN_MS, false);
    alert_decide(&g, &ok, t + 12 * MIN_MS, false);
    alert_decide(&g, &dis, t + 25 * HOUR_MS, false);
    CHECK_EQ_INT(ALERT_SHOW, alert_decide(&g, &dis, t + 25 * HOUR_MS + MIN_MS, false));

    /* Quiet time: kept for later, shown when it ends, if still true. */
    alert_gate_init(&g);
    alert_decide(&g, &dis, t, true);
    CHECK_EQ_INT(ALERT_NONE, alert_decide(&g, &dis, t + MIN_MS, true));
    CHECK_EQ_INT(ALERT_NONE, alert_decide(&g, &dis, t + 2 * MIN_MS, true));
    CHECK_EQ_INT(ALERT_SHOW, alert_decide(&g, &dis, t + 3 * MIN_MS, false));
    CHECK_EQ_INT(ALERT_NONE, alert_decide(&g, &dis, t + 4 * MIN_MS, false));
    /* ... and dropped if it was over before quiet time ended. */
    alert_gate_init(&g);
    alert_decide(&g, &miss, t, true);
    alert_decide(&g, &miss, t + MIN_MS, true);
    CHECK_EQ_INT(ALERT_NONE, alert_decide(&g, &ok, t + 2 * MIN_MS, false));
    CHECK_EQ_INT(ALERT_NONE, alert_decide(&g, &ok, t + 3 * MIN_MS, false));

    /* Snooze: nothing during it, not even afterwards for what came during it. */
    alert_gate_init(&g);
    alert_snooze(&g, t, ALERT_SNOOZE_DAY_MS);
    CHECK(alert_snoozed(&g, t + 23 * HOUR_MS));
    alert_decide(&g, &dis, t + HOUR_MS, false);
    CHECK_EQ_INT(ALERT_NONE, alert_decide(&g, &dis, t + 2 * HOUR_MS, false));
    CHECK_EQ_INT(ALERT_NONE, alert_decide(&g, &dis, t + 25 * HOUR_MS, false));
    CHECK(!alert_snoozed(&g, t + 25 * HOUR_MS));
    /* After a recovery, a new incident after the snooze is shown. */
    alert_decide(&g, &ok, t + 25 * HOUR_MS + MIN_MS, false);
    alert_decide(&g, &ok, t + 25 * HOUR_MS + 2 * MIN_MS, false);
    alert_decide(&g, &miss, t + 26 * HOUR_MS, false);
    CHECK_EQ_INT(ALERT_SHOW, alert_decide(&g, &miss, t + 27 * HOUR_MS, false));
    /* Resume ends a snooze at once. */
    alert_gate_init(&g);
    alert_snooze(&g, t, ALERT_SNOOZE_WEEK_MS);
    CHECK(alert_snoozed(&g, t + 6 * 24 * HOUR_MS));
    alert_resume(&g);
    CHECK(!alert_snoozed(&g, t + MIN_MS));
    alert_decide(&g, &dis, t + MIN_MS, false);
    CHECK_EQ_INT(ALERT_SHOW, alert_decide(&g, &dis, t + 2 * MIN_MS, false));

    /* A clock that went backwards does not hide a repeat forever. */
    alert_gate_init(&g);
    alert_decide(&g, &dis, t, false);
    alert_decide(&g, &dis, t + MIN_MS, false);
    alert_decide(&g, &ok, t + 2 * MIN_MS, false);
    alert_decide(&g, &ok, t + 3 * MIN_MS, false);
    alert_decide(&g, &dis, t - 10 * HOUR_MS, false);
    CHECK_EQ_INT(ALERT_SHOW, alert_decide(&g, &dis, t - 9 * HOUR_MS, false));
}

/* A saved snooze: honoured when it ends within a week; never longer. */
static void restored(void)
{
    struct alert_gate g;
    uint64_t t = 1700000000000ull;

    alert_gate_init(&g);
    alert_restore_snooze(&g, t, t + ALERT_SNOOZE_DAY_MS);
    CHECK(alert_snoozed(&g, t + ALERT_SNOOZE_DAY_MS - 1));
    CHECK(!alert_snoozed(&g, t + ALERT_SNOOZE_DAY_MS));
    alert_gate_init(&g);
    alert_restore_snooze(&g, t, t + ALERT_SNOOZE_WEEK_MS); /* a week exactly: yes */
    CHECK(alert_snoozed(&g, t + 1));
    alert_gate_init(&g);
    alert_restore_snooze(&g, t, t + ALERT_SNOOZE_WEEK_MS + 1); /* longer: ignored */
    CHECK(!alert_snoozed(&g, t + 1));
    alert_restore_snooze(&g, t, t - 1); /* already over */
    CHECK(!alert_snoozed(&g, t));
    alert_restore_snooze(&g, t, 0);
    CHECK(!alert_snoozed(&g, t));
}

/* The clock jumping a day back and forward (issue 11's fault matrix): one
 * balloon per incident whatever the clock does, and a snooze never lasts
 * longer than it was chosen for, counted from the jump at the latest. */
static void clock_jumps(void)
{
    static const int64_t jumps[] = {0, -24 * 60, 24 * 60, -24 * 60, 24 * 60, 0}; /* minutes */
    const struct health_result dis = result(HEALTH_BROKEN, REASON_DISABLED, SVC_WUAUSERV);
    struct alert_gate g;
    uint64_t t = 1700000000000ull, jump;
    int shown = 0;

    alert_gate_init(&g);
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < sizeof(jumps) / sizeof(jumps[0]); i++)
            for (int m = 0; m < 3; m++)
                shown += alert_decide(&g, &dis, (uint64_t)((int64_t)t + jumps[i] * (int64_t)MIN_MS) + (uint64_t)m * MIN_MS,
                                      false) == ALERT_SHOW;
    CHECK_EQ_INT(1, shown);

    /* An hour's snooze, then the clock goes back a day: an hour from then. */
    alert_gate_init(&g);
    alert_snooze(&g, t, ALERT_SNOOZE_HOUR_MS);
    jump = t - ALERT_SNOOZE_DAY_MS + 5 * MIN_MS;
    alert_decide(&g, &dis, jump, false);
    CHECK(alert_snoozed(&g, jump + HOUR_MS - 1));
    CHECK(!alert_snoozed(&g, jump + HOUR_MS));
    CHECK_EQ_INT(jump + HOUR_MS, g.snooze_until_ms);
    /* A week's, back a day: a week from the jump, not eight days. */
    alert_gate_init(&g);
    alert_snooze(&g, t, ALERT_SNOOZE_WEEK_MS);
    jump = t - ALERT_SNOOZE_DAY_MS;
    alert_decide(&g, &dis, jump, false);
    CHECK(alert_snoozed(&g, jump + ALERT_SNOOZE_WEEK_MS - 1));
    CHECK(!alert_snoozed(&g, jump + ALERT_SNOOZE_WEEK_MS));
    /* Forward a day: an hour's snooze is over, a week's has six days left. */
    alert_gate_init(&g);
    alert_snooze(&g, t, ALERT_SNOOZE_HOUR_MS);
    alert_decide(&g, &dis, t + ALERT_SNOOZE_DAY_MS, false);
    CHECK(!alert_snoozed(&g, t + ALERT_SNOOZE_DAY_MS));
    alert_snooze(&g, t, ALERT_SNOOZE_WEEK_MS);
    alert_decide(&g, &dis, t + ALERT_SNOOZE_DAY_MS, false);
    CHECK_EQ_INT(t + ALERT_SNOOZE_WEEK_MS, g.snooze_until_ms);
    /* A snooze restored from the registry keeps what was left as its length. */
    alert_gate_init(&g);
    alert_restore_snooze(&g, t, t + HOUR_MS);
    alert_decide(&g, &dis, t - ALERT_SNOOZE_DAY_MS, false);
    CHECK(!alert_snoozed(&g, t - ALERT_SNOOZE_DAY_MS + HOUR_MS));
}

int main(void)
{
    clock_jumps();
    restored();
    policy();
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
