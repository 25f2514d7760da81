/* Whether updating actually works: the rules for Stalled and Failing, from
 * the update agent's and the registry's dates and the last operation's
 * result. Pure; `now` is the snapshot's taken_ms. Called by health_evaluate. */
#ifndef WUTRAY_OUTCOME_H
#define WUTRAY_OUTCOME_H

#include "health.h"

/* Where a "last successful" date came from. */
enum outcome_source { OUTCOME_FROM_NONE, OUTCOME_FROM_AGENT, OUTCOME_FROM_REGISTRY };

/* The newest of the sources' "last successful" dates, 0 if none knows (the
 * agent's only if it answered, the registry's only if it was read; the
 * agent wins a tie). `from` (may be NULL) says which source gave it. */
uint64_t outcome_last_search(const struct health_snapshot *s, enum outcome_source *from);
uint64_t outcome_last_install(const struct health_snapshot *s, enum outcome_source *from);
void outcome_evaluate(const struct health_snapshot *s, struct health_result *out);

#endif
