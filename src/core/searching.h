/* Is Windows searching for updates? The newest successful search by any
 * source (the update agent, the Windows Update client's Operational log,
 * the registry copy Windows 7/8.1 keep), the stall rule, an unresolved
 * failed search, and "cannot tell". Pure; called by health_evaluate. */
#ifndef WUTRAY_SEARCHING_H
#define WUTRAY_SEARCHING_H

#include "health.h"

/* Where a "last successful search" came from. */
enum search_source { SEARCH_FROM_NONE, SEARCH_FROM_AGENT, SEARCH_FROM_EVENT_LOG, SEARCH_FROM_REGISTRY };

/* The newest of the sources' dates, 0 if none knows (each source only if it
 * answered). `from` (may be NULL) says which gave it; on a tie the agent,
 * then the log. */
uint64_t searching_last_success(const struct health_snapshot *s, enum search_source *from);
const char *searching_source_keyword(enum search_source from); /* "agent", "event_log", "registry" */

/* Not updating is expected: paused, managed, or turned off by a policy. */
bool searching_neutral(const struct health_snapshot *s);

void searching_evaluate(const struct health_snapshot *s, struct health_result *out);

#endif
