/* Restart plan and sequence, with a fake service manager recording calls. */
#include "msg.h"
#include "restart.h"
#include "readings.h"
#include "test.h"

/* Renders a plan or a call log as "stop:UsoSvc,start:wuauserv". */
static void render(const struct restart_step *steps, unsigned n, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (unsigned i = 0; i < n; i++) {
        char one[48];
        snprintf(one, sizeof(one), "%s%s:%ls", i ? "," : "",
                 steps[i].action == RESTART_STOP ? "stop" : "start", svc_name(steps[i].svc));
        strncat(buf, one, cap - strlen(buf) - 1);
    }
}

struct fake {
    struct restart_step calls[16];
    unsigned n_calls, n_progress;
    int fail_at; /* call index that fails, -1 for none */
    enum restart_result fail_with;
};

static void fake_run(void *ctx, const struct restart_step *step, struct restart_op_result *out)
{
    struct fake *f = ctx;
    if (f->n_calls < 16) f->calls[f->n_calls] = *step;
    if ((int)f->n_calls == f->fail_at) {
        out->result = f->fail_with;
        out->state = SVC_STOP_PENDING;
        out->win32_error = 5;
    } else {
        out->result = RESTART_DONE;
        out->state = step->action == RESTART_STOP ? SVC_STOPPED : SVC_RUNNING;
    }
    f->n_calls++;
}

static void fake_progress(void *ctx, const struct restart_step *step)
{
    (void)step;
    ((struct fake *)ctx)->n_progress++;
}

static const struct restart_ops ops = {fake_run, fake_progress};

/* Plans for `s` and runs the plan against a fresh fake that fails at call
 * `fail_at` (-1: never) with `fail_with`. */
static void plan_and_run(const struct health_snapshot *s, struct fake *f, int fail_at,
                         enum restart_result fail_with, struct restart_outcome *o)
{
    struct restart_plan p;
    memset(f, 0, sizeof(*f));
    f->fail_at = fail_at;
    f->fail_with = fail_with;
    restart_make_plan(s, &p);
    restart_execute(&p, &ops, f, o);
}

static void plans(void)
{
    const struct svc_reading run = present(SVC_RUNNING, SVC_START_DEMAND);
    const struct svc_reading stop = present(SVC_STOPPED, SVC_START_DEMAND);
    const struct svc_reading dis = present(SVC_STOPPED, SVC_START_DISABLED);
    const struct svc_reading pend = present(SVC_STOP_PENDING, SVC_START_DEMAND);
    const struct svc_reading missing = absent(SVC_MISSING);

    const struct {
        struct health_snapshot s;
        const char *want;
    } rows[] = {
        {snap(19045, run, run), "stop:UsoSvc,stop:wuauserv,start:wuauserv,start:UsoSvc"},
        {snap(19045, stop, run), "stop:UsoSvc,start:wuauserv,start:UsoSvc"},
        {snap(19045, stop, stop), "start:wuauserv,start:UsoSvc"},
        {snap(19045, pend, stop), "stop:wuauserv,start:wuauserv,start:UsoSvc"},
        {snap(19045, run, dis), "stop:wuauserv,start:wuauserv"},
        {snap(19045, dis, run), "stop:UsoSvc,start:UsoSvc"},
        {snap(7601, run, missing), "stop:wuauserv,start:wuauserv"},
        {snap(19045, missing, missing), ""},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct restart_plan p;
        char got[256];
        restart_make_plan(&rows[i].s, &p);
        render(p.steps, p.n_steps, got, sizeof(got));
        CHECK_EQ_STR(rows[i].want, got);
    }
}

static void run_ok_and_skips(void)
{
    struct health_snapshot s = snap(19045, present(SVC_RUNNING, SVC_START_DEMAND), present(SVC_RUNNING, SVC_START_AUTO));
    struct restart_outcome o;
    struct fake f;

    plan_and_run(&s, &f, -1, RESTART_DONE, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK_EQ_INT(4, o.steps_done);
    CHECK_EQ_INT(4, f.n_progress);
    CHECK_EQ_INT(0, restart_exit_code(o.result));
    CHECK_EQ_INT(IDS_RESTART_OK, restart_result_msg(o.result, o.action));

    /* Disabled UsoSvc: the rest runs, then the outcome names UsoSvc. */
    s.svc[SVC_USOSVC].start = SVC_START_DISABLED;
    plan_and_run(&s, &f, -1, RESTART_DONE, &o);
    CHECK_EQ_INT(RESTART_ERR_DISABLED, o.result);
    CHECK_EQ_INT(SVC_USOSVC, o.svc);
    CHECK_EQ_INT(2, f.n_calls);
    CHECK_EQ_INT(3, restart_exit_code(o.result));

    /* UsoSvc missing on Windows 10: reported as missing. */
    s.svc[SVC_USOSVC].presence = SVC_MISSING;
    plan_and_run(&s, &f, -1, RESTART_DONE, &o);
    CHECK_EQ_INT(RESTART_ERR_MISSING, o.result);
    CHECK_EQ_INT(SVC_USOSVC, o.svc);

    /* Nothing there at all. */
    s.os_build = 7601;
    s.svc[SVC_WUAUSERV].presence = SVC_MISSING;
    plan_and_run(&s, &f, -1, RESTART_DONE, &o);
    CHECK_EQ_INT(RESTART_ERR_MISSING, o.result);
    CHECK_EQ_INT(SVC_WUAUSERV, o.svc);
    CHECK_EQ_INT(0, f.n_calls);
}

static void failure_restores_what_was_running(void)
{
    struct health_snapshot s = snap(19045, present(SVC_RUNNING, SVC_START_DEMAND), present(SVC_RUNNING, SVC_START_AUTO));
    struct restart_outcome o;
    struct fake f;
    char got[256];

    /* stop UsoSvc ok, stop wuauserv times out: UsoSvc must be started again;
     * wuauserv, which never stopped, is left alone. */
    plan_and_run(&s, &f, 1, RESTART_ERR_TIMEOUT, &o);
    CHECK_EQ_INT(RESTART_ERR_TIMEOUT, o.result);
    CHECK_EQ_INT(SVC_WUAUSERV, o.svc);
    CHECK_EQ_INT(RESTART_STOP, o.action);
    CHECK_EQ_INT(SVC_STOP_PENDING, o.state);
    CHECK_EQ_INT(IDS_RESTART_STOP_TIMEOUT, restart_result_msg(o.result, o.action));
    CHECK_EQ_INT(1, restart_exit_code(o.result));
    render(f.calls, f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:UsoSvc,stop:wuauserv,start:UsoSvc", got);

    /* Access denied on the first stop: nothing else is attempted. */
    plan_and_run(&s, &f, 0, RESTART_ERR_DENIED, &o);
    CHECK_EQ_INT(RESTART_ERR_DENIED, o.result);
    CHECK_EQ_INT(SVC_USOSVC, o.svc);
    CHECK_EQ_INT(1, f.n_calls);
    CHECK_EQ_INT(2, restart_exit_code(o.result));

    /* A start failure: services that were running and stopped by us are started again. */
    plan_and_run(&s, &f, 2, RESTART_ERR_FAILED, &o);
    CHECK_EQ_INT(RESTART_ERR_FAILED, o.result);
    CHECK_EQ_INT(RESTART_START, o.action);
    CHECK_EQ_INT(IDS_RESTART_START_FAILED, restart_result_msg(o.result, o.action));
    render(f.calls, f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:UsoSvc,stop:wuauserv,start:wuauserv,start:wuauserv,start:UsoSvc", got);
}

int main(void)
{
    plans();
    run_ok_and_skips();
    failure_restores_what_was_running();
    return test_summary("test_restart");
}
