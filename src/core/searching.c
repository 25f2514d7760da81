#include "searching.h"

#define DAY_MS (24ull * 60 * 60 * 1000)

uint64_t searching_last_success(const struct health_snapshot *s, enum search_source *from)
{
    uint64_t agent = s->wua.available ? s->wua.last_search_ms : 0;
    uint64_t log = s->patches.operational_log_read ? s->patches.last_search_ms : 0;
    uint64_t reg = s->sig.read ? s->sig.last_search_ms : 0;
    uint64_t best = 0;
    enum search_source src = SEARCH_FROM_NONE;

    if (agent) best = agent, src = SEARCH_FROM_AGENT;
    if (log > best) best = log, src = SEARCH_FROM_EVENT_LOG;
    if (reg > best) best = reg, src = SEARCH_FROM_REGISTRY;
    if (from) *from = src;
    return best;
}

const char *searching_source_keyword(enum search_source from)
{
    switch (from) {
    case SEARCH_FROM_AGENT: return "agent";
    case SEARCH_FROM_EVENT_LOG: return "event_log";
    case SEARCH_FROM_REGISTRY: return "registry";
    default: return "none";
    }
}

/* How far in the future a search may be dated and still count: a clock set
 * back by up to a day, or a time zone changed. */
#define SEARCH_FUTURE_SLACK_MS (2 * DAY_MS)

bool searching_neutral(const struct health_snapshot *s)
{
    const struct update_signals *g = &s->sig;
    return g->read && (g->managed || g->paused_until_ms > s->taken_ms || g->policy_blocks);
}

/* More than `days` since `last` (0: unknown, never stalled), not counting a
 * pause that has ended since. A date in the future (the clock went back a
 * little) is not late. */
static bool stalled(const struct health_snapshot *s, uint64_t last, uint32_t days)
{
    uint64_t now = s->taken_ms, since = last;

    if (!last) return false;
    if (s->sig.read && s->sig.paused_until_ms && s->sig.paused_until_ms <= now && s->sig.paused_until_ms > since)
        since = s->sig.paused_until_ms;
    return since <= now && now - since > (uint64_t)days * DAY_MS;
}

void searching_evaluate(const struct health_snapshot *s, struct health_result *out)
{
    uint32_t days = s->lim.stalled_search_days ? s->lim.stalled_search_days : HEALTH_STALLED_SEARCH_DAYS;
    uint64_t search = searching_last_success(s, NULL);
    bool neutral = searching_neutral(s);

    if (s->wua.access_denied) health_add_reason(out, REASON_AGENT_REFUSED, SVC_COUNT, HEALTH_UNKNOWN, 0, 0);
    /* A failed search is resolved by a later successful one, from any source. */
    if (s->patches.search_failed_ms && s->patches.search_failed_ms > search)
        health_add_reason(out, REASON_SEARCH_FAILED, SVC_COUNT, HEALTH_BROKEN, s->patches.search_failed_ms,
                          s->patches.search_failed_code);
    if (!search && !neutral) health_add_reason(out, REASON_OUTCOME_UNKNOWN, SVC_COUNT, HEALTH_UNKNOWN, 0, 0);
    /* Dated days after now: the clock is wrong (a dead CMOS battery, a wrong
     * time zone). Whether updates stall cannot be told: never OK then. */
    if (!neutral && search > s->taken_ms + SEARCH_FUTURE_SLACK_MS)
        health_add_reason(out, REASON_CLOCK_BEHIND, SVC_COUNT, HEALTH_UNKNOWN, search, 0);
    else if (!neutral && stalled(s, search, days))
        health_add_reason(out, REASON_STALLED_SEARCH, SVC_COUNT, HEALTH_BROKEN, search, 0);
    else if (search)
        health_add_reason(out, REASON_LAST_SEARCH, SVC_COUNT, HEALTH_OK, search, 0);
    /* A fact: Windows may hold downloads back on a metered connection. */
    if (s->net.known && s->net.metered) health_add_reason(out, REASON_METERED, SVC_COUNT, HEALTH_OK, 0, 0);
}
