#include "alert.h"

#include <string.h>

void alert_gate_init(struct alert_gate *g)
{
    memset(g, 0, sizeof(*g));
    g->candidate = HEALTH_OK;
    g->alerted = HEALTH_OK;
}

static bool alertable(enum health_level level)
{
    /* Unknown means "could not tell": never alarm on it. */
    return level == HEALTH_ATTENTION || level == HEALTH_BROKEN;
}

bool alert_gate_feed(struct alert_gate *g, enum health_level level)
{
    if (level == g->candidate) {
        if (g->streak < HEALTH_CONFIRM_READINGS) g->streak++;
    } else {
        g->candidate = level;
        g->streak = 1;
    }
    if (g->streak < HEALTH_CONFIRM_READINGS) return false;

    if (level == HEALTH_OK) {
        g->alerted = HEALTH_OK; /* confirmed healthy again: the incident is over */
        return false;
    }
    if (!alertable(level) ||
        health_level_rank(level) <= health_level_rank(g->alerted))
        return false;
    g->alerted = level;
    return true;
}

static struct alert_incident incident_of(const struct health_result *r)
{
    struct alert_incident i;
    memset(&i, 0, sizeof(i));
    i.level = r->level;
    if (r->n_reasons) {
        i.kind = r->reasons[0].kind;
        i.svc = r->reasons[0].svc;
    }
    return i;
}

static bool same_incident(struct alert_incident a, struct alert_incident b)
{
    return a.level == b.level && a.kind == b.kind && a.svc == b.svc;
}

enum alert_decision alert_decide(struct alert_gate *g, const struct health_result *r,
                                 uint64_t now_ms, bool quiet)
{
    struct alert_incident now = incident_of(r);

    /* A clock set back by a day would make a one-hour snooze last 25 hours. */
    if (g->snooze_until_ms > now_ms && g->snooze_until_ms - now_ms > g->snooze_ms)
        g->snooze_until_ms = now_ms + g->snooze_ms;
    if (alert_gate_feed(g, r->level)) g->deferred = true;
    /* Still bad? A recovery (or a change to unknown) drops a waiting alert. */
    if (g->deferred && (r->level != g->alerted)) g->deferred = false;
    if (!g->deferred) return ALERT_NONE;
    if (alert_snoozed(g, now_ms)) {
        g->deferred = false; /* snoozed means not at all, not later */
        return ALERT_NONE;
    }
    if (quiet) return ALERT_NONE; /* stays deferred until quiet time ends */
    g->deferred = false;
    /* The same incident again within a day (it went away and came back). A
     * clock that went backwards counts as "not within a day". */
    if (g->last_shown_ms && same_incident(now, g->last) && now_ms >= g->last_shown_ms &&
        now_ms - g->last_shown_ms < ALERT_REPEAT_MS)
        return ALERT_NONE;
    g->last = now;
    g->last_shown_ms = now_ms;
    return ALERT_SHOW;
}

void alert_snooze(struct alert_gate *g, uint64_t now_ms, uint64_t for_ms)
{
    g->snooze_until_ms = now_ms + for_ms;
    g->snooze_ms = for_ms;
    g->deferred = false;
}

void alert_restore_snooze(struct alert_gate *g, uint64_t now_ms, uint64_t until_ms)
{
    if (until_ms > now_ms && until_ms - now_ms <= ALERT_SNOOZE_WEEK_MS) alert_snooze(g, now_ms, until_ms - now_ms);
}

void alert_resume(struct alert_gate *g)
{
    g->snooze_until_ms = 0;
    g->snooze_ms = 0;
}

bool alert_snoozed(const struct alert_gate *g, uint64_t now_ms)
{
    return now_ms < g->snooze_until_ms;
}
