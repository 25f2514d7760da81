/* When to raise a balloon: only when health got worse and two evaluations in
 * a row agree, and once per incident. Pure; fed one level per evaluation. */
#ifndef WUTRAY_ALERT_H
#define WUTRAY_ALERT_H

#include <stdbool.h>
#include "health.h"

struct alert_gate {
    enum health_level candidate;  /* level of the previous evaluation */
    unsigned streak;              /* evaluations in a row at candidate */
    enum health_level alerted;    /* worst level already alerted this incident */
};

void alert_gate_init(struct alert_gate *g);
/* Returns true when the caller should show an alert for `level` now. */
bool alert_gate_feed(struct alert_gate *g, enum health_level level);

#endif
