/* Registry signals: the pause date's format, and how each signal counts. */
#include "health.h"
#include "readings.h"
#include "signals.h"
#include "test.h"

#define DAY_MS (24ull * 60 * 60 * 1000)

static void times(void)
{
    uint64_t t;
    CHECK(signals_parse_time("1970-01-01T00:00:00Z", &t));
    CHECK_EQ_INT(0, t);
    CHECK(signals_parse_time("2023-11-14T22:13:20Z", &t));
    CHECK_EQ_INT(1700000000000ull, t);
    CHECK(signals_parse_time("2000-02-29T00:00:00Z", &t));
    CHECK_EQ_INT(951782400000ull, t);
    CHECK(signals_parse_time("2026-12-01T10:00:00.1234567Z", &t)); /* fractions, as .NET writes them */
    CHECK(signals_parse_time("2026-12-01T10:00:00", &t));           /* no Z */
    const char *bad[] = {"", "2026-12-01", "2026-13-01T00:00:00Z", "2026-12-32T00:00:00Z",
                         "2026-12-01T24:00:00Z", "2026-12-01 10:00:00Z", "1969-12-31T23:59:59Z",
                         "2026-12-01T10:00:00Zjunk", "2026-12-01T10:00:00.Z", "abcd-12-01T10:00:00Z"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CHECK(!signals_parse_time(bad[i], &t));
        CHECK_EQ_INT(0, t);
    }
    CHECK(!signals_parse_time(NULL, &t));

    /* Dates that do not exist (found by fuzzing: they were carried into the
     * next minute or day, 9999-12-31T23:59:60 into year 10000, which
     * timefmt_iso8601 cannot print). */
    const char *impossible[] = {"9999-12-31T23:59:60Z", "2026-11-30T23:59:60Z", "2023-02-29T00:00:00Z",
                                "2100-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-02-30T00:00:00Z"};
    for (size_t i = 0; i < sizeof(impossible) / sizeof(impossible[0]); i++) {
        t = 1;
        CHECK(!signals_parse_time(impossible[i], &t));
        CHECK_EQ_INT(0, t);
    }
    CHECK(signals_parse_time("2024-02-29T12:00:00Z", &t));
    CHECK_EQ_INT(1709208000000ull, t);
    CHECK(signals_parse_time("9999-12-31T23:59:59Z", &t));
    CHECK_EQ_INT(253402300799000ull, t);
}

static struct health_result eval(struct update_signals g)
{
    struct health_snapshot s = snap(19045, present(SVC_STOPPED, SVC_START_DEMAND),
                                    present(SVC_STOPPED, SVC_START_DEMAND));
    struct health_result r;
    s.sig = g;
    health_evaluate(&s, NULL, &r);
    return r;
}

static void rules(void)
{
    struct update_signals g;
    struct health_result r;

    memset(&g, 0, sizeof(g));
    r = eval(g);
    CHECK_EQ_INT(HEALTH_OK, r.level);
    CHECK_EQ_INT(0, r.n_reasons);

    /* Unreadable registry: no guesses. */
    g.reboot_required = true;
    r = eval(g);
    CHECK_EQ_INT(0, r.n_reasons);
    g.read = true;

    /* A restart waiting: informational, overdue (attention) after a day. */
    g.reboot_since_ms = T0 - DAY_MS;
    r = eval(g);
    CHECK_EQ_INT(HEALTH_OK, r.level);
    CHECK_EQ_INT(REASON_REBOOT_REQUIRED, r.reasons[0].kind);
    CHECK_EQ_INT(SVC_COUNT, r.reasons[0].svc);
    g.reboot_since_ms = T0 - DAY_MS - 1;
    r = eval(g);
    CHECK_EQ_INT(HEALTH_ATTENTION, r.level);
    g.reboot_since_ms = T0 + DAY_MS; /* a key written "in the future": not overdue */
    r = eval(g);
    CHECK_EQ_INT(HEALTH_OK, r.level);
    g.reboot_required = false;
    g.reboot_pending = true; /* servicing wants a restart; since unknown */
    g.reboot_since_ms = 0;
    r = eval(g);
    CHECK_EQ_INT(HEALTH_OK, r.level);
    CHECK_EQ_INT(REASON_REBOOT_REQUIRED, r.reasons[0].kind);
    g.reboot_pending = false;

    /* Paused and managed are neutral. */
    g.paused_until_ms = T0 + 7 * DAY_MS;
    g.managed = true;
    r = eval(g);
    CHECK_EQ_INT(HEALTH_OK, r.level);
    CHECK_EQ_INT(2, r.n_reasons);
    CHECK_EQ_INT(REASON_UPDATES_PAUSED, r.reasons[0].kind);
    CHECK_EQ_INT(T0 + 7 * DAY_MS, r.reasons[0].when_ms);
    CHECK_EQ_INT(REASON_MANAGED, r.reasons[1].kind);
    g.paused_until_ms = T0; /* the pause has ended */
    g.managed = false;
    r = eval(g);
    CHECK_EQ_INT(0, r.n_reasons);

    /* Policies that turn updating off: attention, one reason each. */
    g.policy_blocks = POLICY_NO_AUTO_UPDATE | POLICY_NO_INTERNET_LOCATIONS;
    r = eval(g);
    CHECK_EQ_INT(HEALTH_ATTENTION, r.level);
    CHECK_EQ_INT(2, r.n_reasons);
    CHECK_EQ_INT(REASON_POLICY_NO_AUTO_UPDATE, r.reasons[0].kind);
    CHECK_EQ_INT(REASON_POLICY_NO_INTERNET, r.reasons[1].kind);
    CHECK_EQ_STR("policy_no_auto_update", health_reason_code(REASON_POLICY_NO_AUTO_UPDATE));

    /* A broken service still outranks all of it, and is listed first. */
    {
        struct health_snapshot s = snap(19045, present(SVC_STOPPED, SVC_START_DISABLED),
                                        present(SVC_STOPPED, SVC_START_DEMAND));
        g.paused_until_ms = T0 + DAY_MS;
        s.sig = g;
        health_evaluate(&s, NULL, &r);
        CHECK_EQ_INT(HEALTH_BROKEN, r.level);
        CHECK_EQ_INT(REASON_DISABLED, r.reasons[0].kind);
        CHECK_EQ_INT(4, r.n_reasons);
    }
}

static void ole_dates(void)
{
    CHECK_EQ_INT(0, signals_from_ole_date(25569.0));             /* 1970-01-01 */
    CHECK_EQ_INT(86400000ull, signals_from_ole_date(25570.0));
    CHECK_EQ_INT(1700000000000ull, signals_from_ole_date(45244.92592592593));
    CHECK_EQ_INT(0, signals_from_ole_date(0.0));                 /* VT_DATE zero: 1899 */
    CHECK_EQ_INT(0, signals_from_ole_date(-1.0));
    CHECK_EQ_INT(0, signals_from_ole_date(0.0 / 0.0));           /* NaN */
    CHECK_EQ_INT(0, signals_from_ole_date(1e300));
}

/* Which network costs count as metered. */
static void costs(void)
{
    CHECK(!signals_cost_metered(0));
    CHECK(!signals_cost_metered(0x1));       /* unrestricted */
    CHECK(signals_cost_metered(0x2));        /* fixed */
    CHECK(signals_cost_metered(0x4));        /* variable */
    CHECK(signals_cost_metered(0x1 | 0x40000)); /* roaming */
    CHECK(signals_cost_metered(0x10000));    /* over the data limit */
    CHECK(!signals_cost_metered(0x1 | 0x20000)); /* congested alone */
}

int main(void)
{
    costs();
    ole_dates();
    times();
    rules();
    return test_summary("test_signals");
}
