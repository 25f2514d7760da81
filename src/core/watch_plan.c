#include "watch_plan.h"

bool watch_plan_recycle(const struct watch_view *v)
{
    return !v->scm_reports && v->now_ms >= v->recycle_at_ms;
}

uint32_t watch_plan_wait_ms(const struct watch_view *v)
{
    uint64_t wait = WATCH_FOREVER;

    /* A failed registration is tried again soon wherever it happens. */
    if (v->unarmed) wait = WATCH_LOOKUP_MS;
    if (v->scm_reports) return (uint32_t)wait; /* the manager says when one goes or comes */
    if (v->absent) wait = WATCH_LOOKUP_MS;
    if (v->recycle_at_ms <= v->now_ms) return 0;
    if (v->recycle_at_ms - v->now_ms < wait) wait = v->recycle_at_ms - v->now_ms;
    return (uint32_t)wait;
}
