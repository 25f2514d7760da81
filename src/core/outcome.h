/* Whether updating actually works: the rules for Stalled and Failing, from
 * the update agent's and the registry's dates and the last operation's
 * result. Pure; `now` is the snapshot's taken_ms. Called by health_evaluate. */
#ifndef WUTRAY_OUTCOME_H
#define WUTRAY_OUTCOME_H

#include "health.h"

/* The newest of the sources' "last successful" dates, 0 if none knows. */
uint64_t outcome_last_search(const struct health_snapshot *s);
uint64_t outcome_last_install(const struct health_snapshot *s);
void outcome_evaluate(const struct health_snapshot *s, struct health_result *out);

#endif
