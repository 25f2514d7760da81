#include "restart.h"
#include "msg.h"

#include <string.h>

/* The watched services, in start order (restart_disabled, re-enable). */
static const enum svc_id start_order[SVC_COUNT] = {SVC_WUAUSERV, SVC_USOSVC};
/* Everything a restart may touch; BITS comes up before wuauserv, which uses it. */
static const enum svc_id plan_stop_order[RESTART_SVC_COUNT] = {SVC_USOSVC, SVC_WUAUSERV, RESTART_SVC_BITS};
static const enum svc_id plan_start_order[RESTART_SVC_COUNT] = {RESTART_SVC_BITS, SVC_WUAUSERV, SVC_USOSVC};

static void add_step(struct restart_plan *plan, enum restart_action action, enum svc_id svc)
{
    plan->steps[plan->n_steps].action = action;
    plan->steps[plan->n_steps].svc = svc;
    plan->n_steps++;
}

int restart_svc_label_msg(enum svc_id id)
{
    return id == RESTART_SVC_BITS ? IDS_SVC_BITS : svc_label_msg(id);
}

const wchar_t *restart_svc_name(enum svc_id id)
{
    return id == RESTART_SVC_BITS ? L"BITS" : svc_name(id);
}

void restart_make_plan(const struct health_snapshot *s, struct restart_plan *plan)
{
    restart_make_plan_ex(s, NULL, plan);
}

/* Whether BITS is stopped and started again: only when it is active now, so
 * that afterwards it is as it was (a BITS that was stopped stays stopped). */
static bool bits_takes_part(const struct restart_options *opt)
{
    const struct svc_reading *b = &opt->bits;
    return opt->include_bits && b->presence == SVC_PRESENT && b->start != SVC_START_DISABLED &&
           b->state != SVC_STOPPED && b->state != SVC_STATE_UNKNOWN;
}

void restart_make_plan_ex(const struct health_snapshot *s, const struct restart_options *opt,
                          struct restart_plan *plan)
{
    bool bits = opt && bits_takes_part(opt);

    memset(plan, 0, sizeof(*plan));
    for (int i = 0; i < SVC_COUNT; i++) {
        const struct svc_reading *r = &s->svc[i];
        plan->skip_missing[i] = r->presence == SVC_MISSING && svc_expected((enum svc_id)i, s->os_build);
        /* A disabled service is never started and never silently re-enabled;
         * it is not stopped either, which would only make things worse. */
        plan->skip_disabled[i] = r->presence == SVC_PRESENT && r->start == SVC_START_DISABLED;
        plan->was_running[i] = r->presence == SVC_PRESENT && r->state == SVC_RUNNING;
    }
    if (opt && opt->include_bits) {
        const struct svc_reading *b = &opt->bits;
        plan->skip_missing[RESTART_SVC_BITS] = b->presence == SVC_MISSING;
        plan->skip_disabled[RESTART_SVC_BITS] = b->presence == SVC_PRESENT && b->start == SVC_START_DISABLED;
        plan->was_running[RESTART_SVC_BITS] = b->presence == SVC_PRESENT && b->state == SVC_RUNNING;
    }
    for (int k = 0; k < RESTART_SVC_COUNT; k++) {
        enum svc_id id = plan_stop_order[k];
        const struct svc_reading *r;
        if (id == RESTART_SVC_BITS) {
            if (bits) add_step(plan, RESTART_STOP, id);
            continue;
        }
        r = &s->svc[id];
        if (r->presence == SVC_MISSING || plan->skip_disabled[id]) continue;
        if (r->presence == SVC_PRESENT && r->state == SVC_STOPPED) continue;
        add_step(plan, RESTART_STOP, id);
    }
    for (int k = 0; k < RESTART_SVC_COUNT; k++) {
        enum svc_id id = plan_start_order[k];
        if (id == RESTART_SVC_BITS) {
            if (bits) add_step(plan, RESTART_START, id);
            continue;
        }
        if (s->svc[id].presence == SVC_MISSING || plan->skip_disabled[id]) continue;
        add_step(plan, RESTART_START, id);
    }
}

void restart_make_reenable_plan(const struct health_snapshot *s, struct restart_plan *plan)
{
    enum svc_id ids[SVC_COUNT];
    unsigned n = restart_disabled(s, ids);

    memset(plan, 0, sizeof(*plan));
    for (unsigned i = 0; i < n; i++) add_step(plan, RESTART_SET_MANUAL, ids[i]);
}

static void restore_running(const struct restart_plan *plan, const struct restart_ops *ops,
                            void *ctx, unsigned failed_at)
{
    for (int k = 0; k < RESTART_SVC_COUNT; k++) {
        enum svc_id id = plan_start_order[k];
        struct restart_step step = {RESTART_START, id};
        struct restart_op_result r;
        int stopped_by_us = 0;

        if (!plan->was_running[id]) continue;
        /* Stopped by an earlier step, and not started again since. */
        for (unsigned i = 0; i < failed_at && i < plan->n_steps; i++)
            if (plan->steps[i].svc == id && plan->steps[i].action == RESTART_STOP) stopped_by_us = 1;
            else if (plan->steps[i].svc == id && plan->steps[i].action == RESTART_START) stopped_by_us = 0;
        if (!stopped_by_us) continue;
        memset(&r, 0, sizeof(r));
        ops->run(ctx, &step, &r); /* best effort: the first failure is what we report */
    }
}

/* The services the plan started stayed up (ops->confirm): else the first
 * that did not is the outcome. */
static bool confirm_started(const struct restart_plan *plan, const struct restart_ops *ops, void *ctx,
                            struct restart_outcome *out)
{
    enum svc_id started[RESTART_MAX_STEPS];
    struct restart_op_result r;
    unsigned n = 0, which = 0;

    for (unsigned i = 0; i < plan->n_steps; i++)
        if (plan->steps[i].action == RESTART_START) started[n++] = plan->steps[i].svc;
    if (!ops->confirm || n == 0) return true;
    memset(&r, 0, sizeof(r));
    ops->confirm(ctx, started, n, &r, &which);
    if (r.result == RESTART_DONE || which >= n) return true;
    out->result = r.result;
    out->svc = started[which];
    out->action = RESTART_START;
    out->state = r.state;
    out->win32_error = r.win32_error;
    return false;
}

void restart_execute(const struct restart_plan *plan, const struct restart_ops *ops,
                     void *ctx, struct restart_outcome *out)
{
    memset(out, 0, sizeof(*out));
    out->result = RESTART_DONE;

    for (unsigned i = 0; i < plan->n_steps; i++) {
        const struct restart_step *step = &plan->steps[i];
        struct restart_op_result r;

        memset(&r, 0, sizeof(r));
        if (ops->cancelled && ops->cancelled(ctx)) r.result = RESTART_ERR_INTERRUPTED;
        else {
            if (ops->progress) ops->progress(ctx, step);
            ops->run(ctx, step, &r);
        }
        if (r.result != RESTART_DONE) {
            out->result = r.result;
            out->svc = step->svc;
            out->action = step->action;
            out->state = r.state;
            out->win32_error = r.win32_error;
            out->steps_done = i;
            /* Only services that an earlier step stopped are started again. */
            restore_running(plan, ops, ctx, i);
            return;
        }
    }
    out->steps_done = plan->n_steps;
    if (!confirm_started(plan, ops, ctx, out)) return;

    for (int i = 0; i < SVC_COUNT; i++) {
        if (plan->skip_missing[i]) {
            out->result = RESTART_ERR_MISSING;
            out->svc = (enum svc_id)i;
            break;
        }
        if (plan->skip_disabled[i]) {
            out->result = RESTART_ERR_DISABLED;
            out->svc = (enum svc_id)i;
            out->state = SVC_STOPPED;
            break;
        }
    }
    if (plan->n_steps == 0 && out->result == RESTART_DONE)
        out->result = RESTART_ERR_NOTHING;
}

int restart_result_msg(enum restart_result result, enum restart_action action)
{
    switch (result) {
    case RESTART_DONE: return IDS_RESTART_OK;
    case RESTART_ERR_DENIED: return IDS_RESTART_DENIED;
    case RESTART_ERR_DISABLED: return IDS_RESTART_DISABLED;
    case RESTART_ERR_MISSING: return IDS_RESTART_MISSING;
    case RESTART_ERR_TIMEOUT:
        return action == RESTART_STOP ? IDS_RESTART_STOP_TIMEOUT : IDS_RESTART_START_TIMEOUT;
    case RESTART_ERR_FAILED:
        return action == RESTART_STOP ? IDS_RESTART_STOP_FAILED : IDS_RESTART_START_FAILED;
    case RESTART_ERR_CANCELLED: return IDS_RESTART_CANCELLED;
    case RESTART_ERR_UNSAFE_FOLDER: return IDS_RESTART_UNSAFE_FOLDER;
    case RESTART_ERR_EXITED: return IDS_RESTART_EXITED;
    case RESTART_ERR_INTERRUPTED: return IDS_RESTART_INTERRUPTED;
    case RESTART_ERR_NOTHING: break;
    }
    return IDS_RESTART_NOTHING;
}

int restart_outcome_msg(const struct restart_outcome *o)
{
    if (o->action == RESTART_SET_MANUAL) {
        switch (o->result) {
        case RESTART_DONE: return IDS_REENABLE_OK;
        case RESTART_ERR_DENIED: return IDS_REENABLE_DENIED;
        case RESTART_ERR_CANCELLED: return IDS_REENABLE_CANCELLED;
        case RESTART_ERR_NOTHING: return IDS_RESTART_NOTHING;
        case RESTART_ERR_UNSAFE_FOLDER: return IDS_RESTART_UNSAFE_FOLDER;
        default: return IDS_REENABLE_FAILED;
        }
    }
    if (o->result == RESTART_ERR_FAILED && o->win32_error == 0)
        return o->action == RESTART_STOP ? IDS_RESTART_STOP_FAILED_NOCODE : IDS_RESTART_START_FAILED_NOCODE;
    return restart_result_msg(o->result, o->action);
}

int restart_exit_code(enum restart_result result)
{
    switch (result) {
    case RESTART_DONE: return 0;
    case RESTART_ERR_TIMEOUT:
    case RESTART_ERR_FAILED:
    case RESTART_ERR_EXITED:
    case RESTART_ERR_INTERRUPTED: return 1;
    case RESTART_ERR_DENIED: return 2;
    case RESTART_ERR_DISABLED: return 3;
    case RESTART_ERR_MISSING: return 4;
    case RESTART_ERR_CANCELLED: return 6;
    case RESTART_ERR_UNSAFE_FOLDER: return 7;
    case RESTART_ERR_NOTHING: break;
    }
    return 5;
}

const char *restart_result_keyword(enum restart_result result)
{
    switch (result) {
    case RESTART_DONE: return "done";
    case RESTART_ERR_DENIED: return "access_denied";
    case RESTART_ERR_DISABLED: return "disabled";
    case RESTART_ERR_MISSING: return "missing";
    case RESTART_ERR_TIMEOUT: return "timeout";
    case RESTART_ERR_FAILED: return "failed";
    case RESTART_ERR_CANCELLED: return "cancelled";
    case RESTART_ERR_UNSAFE_FOLDER: return "unsafe_folder";
    case RESTART_ERR_EXITED: return "exited";
    case RESTART_ERR_INTERRUPTED: return "interrupted";
    case RESTART_ERR_NOTHING: break;
    }
    return "nothing";
}

bool restart_should_elevate(const struct restart_outcome *o)
{
    return o->result == RESTART_ERR_DENIED;
}

unsigned restart_disabled(const struct health_snapshot *s, enum svc_id out[SVC_COUNT])
{
    unsigned n = 0;
    for (int k = 0; k < SVC_COUNT; k++) {
        const struct svc_reading *r = &s->svc[start_order[k]];
        if (r->presence == SVC_PRESENT && r->start == SVC_START_DISABLED) out[n++] = start_order[k];
    }
    return n;
}
