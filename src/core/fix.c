#include "fix.h"
#include "msg.h"

static bool has_reason(const struct health_result *res, enum reason_kind kind)
{
    for (unsigned i = 0; i < res->n_reasons; i++)
        if (res->reasons[i].kind == kind) return true;
    return false;
}

static void set(struct fix_plan *out, enum fix_action action, int msg)
{
    out->action = action;
    out->msg = msg;
}

void fix_decide(const struct health_result *res, bool any_disabled, struct fix_plan *out)
{
    switch (res->state) {
    case STATE_BROKEN:
        /* Re-enabling first: a restart would refuse a disabled service. */
        if (any_disabled) set(out, FIX_REENABLE, IDS_FIX_REENABLE);
        else if (has_reason(res, REASON_MISSING)) set(out, FIX_NOT_FIXABLE, IDS_FIX_MISSING);
        else set(out, FIX_RESTART, IDS_FIX_RESTART);
        return;
    /* Restarting the services is the one safe step for updates that stall
     * or fail; the next attempt says whether it was enough. */
    case STATE_STALLED:
    case STATE_FAILING: set(out, FIX_RESTART, IDS_FIX_RESTART); return;
    case STATE_UNSUPPORTED: set(out, FIX_NOT_FIXABLE, IDS_FIX_UNSUPPORTED); return;
    case STATE_RESTART_NEEDED: set(out, FIX_NOT_FIXABLE, IDS_FIX_RESTART_PC); return;
    /* A policy, low disk space, an update waiting, a service paused or
     * unreadable: for a person or an administrator, not for a restart. */
    case STATE_ATTENTION: set(out, FIX_NOT_FIXABLE, IDS_FIX_ATTENTION); return;
    case STATE_UNKNOWN: set(out, FIX_CANNOT_TELL, IDS_FIX_CANNOT_TELL); return;
    case STATE_WORKING:
    case STATE_PAUSED:
    case STATE_MANAGED:
    case STATE_OK:
    case STATE_COUNT: break;
    }
    set(out, FIX_NONE, IDS_FIX_NOTHING);
}

enum fix_result fix_result_of(enum fix_action action, enum restart_result done)
{
    switch (action) {
    case FIX_NONE: return FIX_NOTHING_TO_DO;
    case FIX_NOT_FIXABLE: return FIX_UNFIXABLE;
    case FIX_CANNOT_TELL: return FIX_UNKNOWN_STATE;
    case FIX_REENABLE:
    case FIX_RESTART: break;
    }
    switch (done) {
    case RESTART_DONE: return FIX_FIXED;
    case RESTART_ERR_NOTHING: return FIX_NOTHING_TO_DO;
    case RESTART_ERR_DENIED: return FIX_NEEDS_ADMIN;
    case RESTART_ERR_MISSING: return FIX_UNFIXABLE;
    case RESTART_ERR_DISABLED: /* disabled meanwhile: not re-enabled behind the plan's back */
    case RESTART_ERR_TIMEOUT:
    case RESTART_ERR_FAILED:
    case RESTART_ERR_CANCELLED:
    case RESTART_ERR_UNSAFE_FOLDER:
    case RESTART_ERR_EXITED:
    case RESTART_ERR_INTERRUPTED: break;
    }
    return FIX_FAILED;
}

int fix_exit_code(enum fix_result r)
{
    switch (r) {
    case FIX_FIXED:
    case FIX_NOTHING_TO_DO: return 0;
    case FIX_FAILED: return 1;
    case FIX_NEEDS_ADMIN: return 2;
    case FIX_UNKNOWN_STATE: return 3;
    case FIX_UNFIXABLE: return 4;
    }
    return 1;
}

const char *fix_result_keyword(enum fix_result r)
{
    switch (r) {
    case FIX_FIXED: return "fixed";
    case FIX_NOTHING_TO_DO: return "nothing_to_do";
    case FIX_UNFIXABLE: return "not_fixable";
    case FIX_FAILED: return "failed";
    case FIX_NEEDS_ADMIN: return "needs_admin";
    case FIX_UNKNOWN_STATE: return "unknown";
    }
    return "failed";
}

const char *fix_action_keyword(enum fix_action a)
{
    if (a == FIX_RESTART) return "restart";
    if (a == FIX_REENABLE) return "reenable";
    return NULL;
}
