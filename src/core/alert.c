#include "alert.h"

void alert_gate_init(struct alert_gate *g)
{
    g->candidate = HEALTH_OK;
    g->streak = 0;
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
