/* Restarting the update services: the plan (pure) and the sequence that runs
 * it through an operations table, so failure handling is testable without
 * Windows. Order: stop UsoSvc, stop wuauserv, start wuauserv, start UsoSvc. */
#ifndef WUTRAY_RESTART_H
#define WUTRAY_RESTART_H

#include <stdbool.h>
#include <stdint.h>
#include "health.h"

enum restart_action { RESTART_STOP, RESTART_START };

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
    RESTART_ERR_NOTHING   /* nothing could be restarted at all */
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
/* Runs the plan in order; stops at the first failure, then starts again any
 * service that was running before, so nothing is left worse than it was. */
void restart_execute(const struct restart_plan *plan, const struct restart_ops *ops,
                     void *ctx, struct restart_outcome *out);
int restart_result_msg(enum restart_result result, enum restart_action action);
/* Exit code of `wutray-cli restart` for an outcome (documented in README). */
int restart_exit_code(enum restart_result result);

#endif
