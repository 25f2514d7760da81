/* Restarting the update services: the plan (pure) and the sequence that runs
 * it through an operations table, so failure handling is testable without
 * Windows. Order: stop UsoSvc, stop wuauserv, start wuauserv, start UsoSvc.
 * With the IncludeBits option: stop UsoSvc, stop wuauserv, stop BITS, start
 * BITS, start wuauserv (which uses it), start UsoSvc. */
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

/* BITS is not a watched service (health, watch and report loops stop at
 * SVC_COUNT), so in a restart it takes the id just past the watched ones.
 * Name it with restart_svc_name, not svc_name. */
#define RESTART_SVC_BITS ((enum svc_id)SVC_COUNT)
#define RESTART_SVC_COUNT (SVC_COUNT + 1)

#define RESTART_MAX_STEPS (RESTART_SVC_COUNT * 2)

/* Options of a restart; all zero = the default (BITS left alone). */
struct restart_options {
    bool include_bits;
    struct svc_reading bits; /* BITS as read just before (scm_read(L"BITS")); used only with include_bits */
};

struct restart_plan {
    unsigned n_steps;
    struct restart_step steps[RESTART_MAX_STEPS];
    /* Services left alone, and why (the watched ones decide the outcome if
     * nothing fails; BITS's entries only inform: a missing or disabled BITS
     * does not change the outcome of a restart of the update services). */
    bool skip_disabled[RESTART_SVC_COUNT];
    bool skip_missing[RESTART_SVC_COUNT];
    bool was_running[RESTART_SVC_COUNT];
};

enum restart_result {
    RESTART_DONE,
    RESTART_ERR_DENIED,   /* access denied: needs administrator rights */
    RESTART_ERR_DISABLED, /* a service is disabled and was left alone */
    RESTART_ERR_MISSING,  /* an expected service is not installed */
    RESTART_ERR_TIMEOUT,  /* did not reach the state in time */
    RESTART_ERR_FAILED,   /* the service manager refused; see win32_error */
    RESTART_ERR_NOTHING,  /* nothing could be restarted at all */
    RESTART_ERR_CANCELLED, /* the user declined the elevation prompt */
    /* Not asked: wutray's folder can be changed without administrator
     * rights, so the prompt would vouch for a program anyone could have
     * replaced (trust.h). The elevated side never returns it. */
    RESTART_ERR_UNSAFE_FOLDER,
    /* A service came up and ended again at once (its process exited, or the
     * service manager says it stopped): win32_error is its exit code. Not
     * started again: a service that dies at start is not fixed by a loop. */
    RESTART_ERR_EXITED,
    /* Stopped half-way because the session is ending: no further service was
     * stopped, and those this restart had stopped were started again. Only
     * the tray's own restarts; the elevated side never returns it. */
    RESTART_ERR_INTERRUPTED
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
    /* Asked before each step; may be NULL. True: go no further and start
     * again what this restart stopped (RESTART_ERR_INTERRUPTED). */
    bool (*cancelled)(void *ctx);
    /* Once, after the last step, with the services the plan started, in
     * start order; may be NULL. Sets *which and RESTART_ERR_EXITED for the
     * first that did not stay up (RESTART_SETTLE_MS after its start). */
    void (*confirm)(void *ctx, const enum svc_id *svcs, unsigned n, struct restart_op_result *out,
                    unsigned *which);
};

/* How long a started service must stay up to count as started. */
#define RESTART_SETTLE_MS 500u

struct restart_outcome {
    enum restart_result result;
    enum svc_id svc;       /* the service the result is about */
    enum restart_action action;
    enum svc_state state;
    uint32_t win32_error;
    unsigned steps_done;
};

/* The default plan: restart_make_plan_ex with no options. */
void restart_make_plan(const struct health_snapshot *s, struct restart_plan *plan);
/* `opt` may be NULL (the default). BITS, when included, is restored to what
 * it was: restarted only if it was active (present, not disabled, not
 * stopped); a stopped BITS stays stopped, a disabled one is never started or
 * re-enabled, a missing or unreadable one is left out. */
void restart_make_plan_ex(const struct health_snapshot *s, const struct restart_options *opt,
                          struct restart_plan *plan);
/* A step's service name for the service manager: svc_name, and L"BITS". */
const wchar_t *restart_svc_name(enum svc_id id);
/* Its friendly name's message: svc_label_msg, and BITS's. */
int restart_svc_label_msg(enum svc_id id);
/* "Re-enable": set each disabled service's start type to Manual (demand). */
void restart_make_reenable_plan(const struct health_snapshot *s, struct restart_plan *plan);
/* Only a refusal for lack of rights is worth asking for elevation: nothing
 * else would go differently as administrator. */
bool restart_should_elevate(const struct restart_outcome *o);
/* Services that are disabled now (present and start type Disabled), in
 * start order; returns how many. These are what "Re-enable" sets to Manual. */
unsigned restart_disabled(const struct health_snapshot *s, enum svc_id out[SVC_COUNT]);
/* Runs the plan in order; stops at the first failure (or when cancelled),
 * then starts again any service that was running before and that an
 * earlier step stopped (and none started again since), so nothing is left
 * worse than it was. Then confirms that what it started stayed up. */
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
