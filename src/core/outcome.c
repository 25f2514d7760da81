#include "outcome.h"

#define DAY_MS (24ull * 60 * 60 * 1000)

static uint64_t newest(uint64_t a, uint64_t b)
{
    return a > b ? a : b;
}

static uint64_t newest_of(const struct health_snapshot *s, uint64_t agent_ms, uint64_t reg_ms,
                          enum outcome_source *from)
{
    enum outcome_source src = OUTCOME_FROM_NONE;

    if (!s->wua.available) agent_ms = 0;
    if (!s->sig.read) reg_ms = 0;
    if (agent_ms && agent_ms >= reg_ms) src = OUTCOME_FROM_AGENT;
    else if (reg_ms) src = OUTCOME_FROM_REGISTRY;
    if (from) *from = src;
    return newest(agent_ms, reg_ms);
}

uint64_t outcome_last_search(const struct health_snapshot *s, enum outcome_source *from)
{
    return newest_of(s, s->wua.last_search_ms, s->sig.last_search_ms, from);
}

uint64_t outcome_last_install(const struct health_snapshot *s, enum outcome_source *from)
{
    return newest_of(s, s->wua.last_install_ms, s->sig.last_install_ms, from);
}

/* Stalled when more than `days` have passed since `last` (0: unknown, never
 * stalled), not counting a pause that has ended since. A date in the
 * future (the clock went back) is not late. */
static bool stalled(const struct health_snapshot *s, uint64_t last, uint32_t days)
{
    uint64_t now = s->taken_ms, since = last;

    if (!last) return false;
    if (s->sig.read && s->sig.paused_until_ms && s->sig.paused_until_ms <= now)
        since = newest(since, s->sig.paused_until_ms);
    return since <= now && now - since > (uint64_t)days * DAY_MS;
}

/* Failing: the newest failed operation that nothing has resolved since.
 * From the update history (an installation that failed, unless one has
 * succeeded since) and from the event log (a failed search, download or
 * installation; a search failure is also resolved by a later successful
 * search). The newer of the two counts. *ms = 0 when there is none. */
static void last_failure(const struct health_snapshot *s, uint64_t install, uint64_t search, uint64_t *ms,
                         uint32_t *code)
{
    const struct wua_signals *w = &s->wua;
    const struct wu_event_summary *e = &s->ev;

    *ms = 0;
    *code = 0;
    if (w->history_known && w->last_op_failed && w->last_op_ms && (!install || w->last_op_ms >= install)) {
        *ms = w->last_op_ms;
        *code = w->last_op_hresult;
    }
    if (e->read && e->last_failure_ms && e->last_failure_ms > *ms && (!install || e->last_failure_ms >= install) &&
        !(e->last_failure_op == WU_OP_SCAN && search > e->last_failure_ms)) {
        *ms = e->last_failure_ms;
        *code = e->last_failure_code;
    }
}

void outcome_evaluate(const struct health_snapshot *s, struct health_result *out)
{
    const struct update_signals *g = &s->sig;
    const struct wua_signals *w = &s->wua;
    uint64_t search = outcome_last_search(s, NULL), install = outcome_last_install(s, NULL);
    uint32_t search_days = s->lim.stalled_search_days ? s->lim.stalled_search_days : HEALTH_STALLED_SEARCH_DAYS;
    uint32_t install_days = s->lim.stalled_install_days ? s->lim.stalled_install_days : HEALTH_STALLED_INSTALL_DAYS;
    /* Paused, managed by an organisation, or turned off by a policy (already
     * reported as such): not searching is then expected, not a stall. */
    bool neutral = g->read && (g->managed || g->paused_until_ms > s->taken_ms || g->policy_blocks);

    uint64_t fail_ms;
    uint32_t fail_code;

    /* Nothing until the agent has been asked (the tray asks it a little after
     * it starts): on its own, the registry's copy may be years old. */
    if (!w->read_ms) return;

    last_failure(s, install, search, &fail_ms, &fail_code);
    if (fail_ms) health_add_reason(out, REASON_LAST_OP_FAILED, SVC_COUNT, HEALTH_BROKEN, fail_ms, fail_code);

    if (!search && !neutral) health_add_reason(out, REASON_OUTCOME_UNKNOWN, SVC_COUNT, HEALTH_UNKNOWN, 0, 0);
    if (!neutral && stalled(s, search, search_days))
        health_add_reason(out, REASON_STALLED_SEARCH, SVC_COUNT, HEALTH_BROKEN, search, 0);
    else if (search)
        health_add_reason(out, REASON_LAST_SEARCH, SVC_COUNT, HEALTH_OK, search, 0);
    /* On a metered connection Windows may hold downloads back: installing
     * late is then expected, not a stall (searching still works). */
    if (s->net.known && s->net.metered) health_add_reason(out, REASON_METERED, SVC_COUNT, HEALTH_OK, 0, 0);
    /* Not installing matters only when there was something to install: when
     * the event log can say, updates must have been found since. */
    if (!neutral && !(s->net.known && s->net.metered) && stalled(s, install, install_days) &&
        (!s->ev.read || s->ev.updates_found_ms > install))
        health_add_reason(out, REASON_STALLED_INSTALL, SVC_COUNT, HEALTH_BROKEN, install, 0);
    else if (install)
        health_add_reason(out, REASON_LAST_INSTALL, SVC_COUNT, HEALTH_OK, install, 0);
}
