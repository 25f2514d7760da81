/* What `wutray-cli fix` does about a verdict: the remediation half of a
 * management tool's check (`status` is the detection half). It does what
 * the tray's click would do for the state, minus anything that needs a
 * person or could do harm: re-enable a disabled service (to Manual, never
 * Automatic), restart the services when one is stuck or updates stall or
 * fail, and otherwise nothing, saying why. Pure. */
#ifndef WUTRAY_FIX_H
#define WUTRAY_FIX_H

#include "reasons.h"
#include "restart.h"

enum fix_action {
    FIX_NONE,        /* nothing to fix */
    FIX_REENABLE,    /* set the disabled services to Manual */
    FIX_RESTART,     /* restart the services, in order */
    FIX_NOT_FIXABLE, /* a fault wutray cannot fix; `msg` says what can */
    FIX_CANNOT_TELL  /* the state could not be read: nothing is done */
};

struct fix_plan {
    enum fix_action action;
    int msg; /* IDS_FIX_*: what is done, or why nothing is */
};

/* any_disabled: a present service's start type is Disabled. */
void fix_decide(const struct health_result *res, bool any_disabled, struct fix_plan *out);

enum fix_result {
    FIX_FIXED,          /* the action was done */
    FIX_NOTHING_TO_DO,
    FIX_UNFIXABLE,      /* FIX_NOT_FIXABLE, or the action found a service missing */
    FIX_FAILED,         /* a service did not stop, start or change in time */
    FIX_NEEDS_ADMIN,    /* the service manager refused: run as administrator or SYSTEM */
    FIX_UNKNOWN_STATE   /* FIX_CANNOT_TELL */
};

/* The result of a plan, given what the restart or re-enable returned
 * (ignored for the plans that do nothing). */
enum fix_result fix_result_of(enum fix_action action, enum restart_result done);
/* 0 fixed or nothing to fix, 1 failed, 2 needs administrator, 3 the state
 * could not be read, 4 not something wutray can fix. */
int fix_exit_code(enum fix_result r);
const char *fix_result_keyword(enum fix_result r);  /* "fixed", ... */
const char *fix_action_keyword(enum fix_action a);  /* "restart", "reenable", or NULL */

#endif
