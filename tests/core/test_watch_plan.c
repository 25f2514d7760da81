/* The watcher's plan: no periodic wake-up where the service manager reports
 * creations and deletions; recycling and look-ups only where it cannot. */
#include "watch_plan.h"
#include "test.h"

#define S 1000ull
#define T0 1700000000000ull

struct row {
    bool scm_reports;
    unsigned absent, unarmed;
    uint64_t now_ms, recycle_at_ms;
    bool recycle;
    uint32_t wait_ms;
};

static const struct row rows[] = {
    /* The manager reports deletions (Windows): sleep until something happens. */
    {true, 0, 0, T0, T0 + 60 * S, false, WATCH_FOREVER},
    {true, 0, 0, T0 + 61 * S, T0 + 60 * S, false, WATCH_FOREVER}, /* the recycle time means nothing here */
    {true, 1, 0, T0, T0 + 60 * S, false, WATCH_FOREVER},          /* missing: its creation is reported */
    {true, 2, 0, T0 + 61 * S, T0, false, WATCH_FOREVER},
    {true, 0, 1, T0, T0 + 60 * S, false, WATCH_LOOKUP_MS},        /* a failed registration: again soon */
    {true, 1, 1, T0, T0 + 60 * S, false, WATCH_LOOKUP_MS},
    /* It does not (Wine): recycle when due, look for a missing one every 5 s. */
    {false, 0, 0, T0, T0 + 60 * S, false, 60000},
    {false, 0, 0, T0 + 58 * S, T0 + 60 * S, false, 2000},
    {false, 0, 0, T0 + 60 * S, T0 + 60 * S, true, 0},
    {false, 0, 0, T0 + 75 * S, T0 + 60 * S, true, 0},             /* late (a long job): at once */
    {false, 1, 0, T0, T0 + 60 * S, false, WATCH_LOOKUP_MS},
    {false, 1, 0, T0 + 57 * S, T0 + 60 * S, false, 3000},         /* the recycle comes first */
    {false, 0, 1, T0, T0 + 60 * S, false, WATCH_LOOKUP_MS},
    {false, 2, 1, T0 + 60 * S, T0 + 60 * S, true, 0},
};

int main(void)
{
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        const struct row *r = &rows[i];
        struct watch_view v = {r->scm_reports, r->absent, r->unarmed, r->now_ms, r->recycle_at_ms};
        if (watch_plan_recycle(&v) != r->recycle || watch_plan_wait_ms(&v) != r->wait_ms)
            fprintf(stderr, "row %zu:\n", i);
        CHECK_EQ_INT(r->recycle, watch_plan_recycle(&v));
        CHECK_EQ_INT(r->wait_ms, watch_plan_wait_ms(&v));
    }
    return test_summary("test_watch_plan");
}
