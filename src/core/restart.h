/* Restarting the update services: the plan (pure) and the sequence that runs
 * it through an operations table, so failure handling is testable without
 * Windows. Order: stop UsoSvc, stop wuauserv, start wuauserv, start UsoSvc. */
#ifndef WUTRAY_RESTART_H
#define WUTRAY_RESTART_H

#include <stdbool.h>
#include <stdint.h>
#include "health.h"

enum restart_action { RESTART_STOP, RESTART_START, RESTART_SET_MANUAL };

struct restart_step {
    enum restart_action action;
    enum svc_id svc;
};

#define RESTART_MAX_STEPS (SVC_COUNT * 2)

struct restart_plan {
    unsigned n_steps;
    struct restart_step steps[RESTART_MAX_STEPS];
    /* Services left alone, and why (they decide the outcome if nothing fails). */
    bool skip_disabled[SVC_COUNT];
    bool skip_missing[SVC_COUNT];
    bool was_running[SVC_COUNT];
};

enum restart_result {
    RESTART_DONE,
    RESTART_ERR_DENIED,   /* access denied: needs administrator rights */
    RESTART_ERR_DISABLED, /* a service is disabled and was left alone */
    RESTART_ERR_MISSING,  /* an expected service is not installed */
    RESTART_ERR_TIMEOUT,  /* did not reach the state in time */
    RESTART_ERR_FAILED,   /* the service manager refused; see win32_error */
    RESTART_ERR_NOTHING,  /* nothing could be restarted at all */
    RESTART_ERR_CANCELLED /* the user declined the elevation prompt */
};

/* What an operation reports back; `state` is where the service was left. */
struct restart_op_result {
    enum restart_result result;
    enum svc_state state;
    uint32_t win32_error;
    uint32_t elapsed_ms;
};

struct restart_ops {
    void (*run)(void *ctx, const struct restart_step *step, struct restart_op_result *out);
    /* Called before each step; may be NULL. */
    void (*progress)(void *ctx, const struct restart_step *step);
};

struct restart_outcome {
    enum restart_result result;
    enum svc_id svc;       /* the service the result is about */
    enum restart_action action;
    enum svc_state state;
    uint32_t win32_error;
    unsigned steps_done;
};

void restart_make_plan(const struct health_snapshot *s, struct restart_plan *plan);
/* "Re-enable": set each disabled service's start type to Manual (demand). */
void restart_make_reenable_plan(const struct health_snapshot *s, struct restart_plan *plan);
/* Only a refusal for lack of rights is worth asking for elevation: nothing
 * else would go differently as administrator. */
bool restart_should_elevate(const struct restart_outcome *o);
/* Services that are disabled now (present and start type Disabled), in
 * start order; returns how many. These are what "Re-enable" sets to Manual. */
unsigned restart_disabled(const struct health_snapshot *s, enum svc_id out[SVC_COUNT]);
/* Runs the plan in order; stops at the first failure, then starts again any
 * service that was running before, so nothing is left worse than it was. */
void restart_execute(const struct restart_plan *plan, const struct restart_ops *ops,
                     void *ctx, struct restart_outcome *out);
int restart_result_msg(enum restart_result result, enum restart_action action);
/* Like restart_result_msg, but a failure without an error code (as reported
 * by the elevated side) gets a message that does not show "error 0". */
int restart_outcome_msg(const struct restart_outcome *o);
/* Exit code of `wutray-cli restart` for an outcome (documented in README). */
int restart_exit_code(enum restart_result result);
const char *restart_result_keyword(enum restart_result result); /* for JSON */

#endif
