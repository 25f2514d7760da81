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
                 steps[i].action == RESTART_STOP ? "stop" : "start", restart_svc_name(steps[i].svc));
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

static const struct restart_ops ops = {.run = fake_run, .progress = fake_progress};

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

/* With IncludeBits: BITS goes down after wuauserv and comes up before it. */
static struct restart_options with_bits(struct svc_reading bits)
{
    struct restart_options o;
    memset(&o, 0, sizeof(o));
    o.include_bits = true;
    o.bits = bits;
    return o;
}

static void plans_with_bits(void)
{
    const struct svc_reading run = present(SVC_RUNNING, SVC_START_DEMAND);
    const struct svc_reading stop = present(SVC_STOPPED, SVC_START_DEMAND);
    const struct svc_reading dis = present(SVC_STOPPED, SVC_START_DISABLED);
    const struct svc_reading dis_running = present(SVC_RUNNING, SVC_START_DISABLED);
    const struct svc_reading pend = present(SVC_STOP_PENDING, SVC_START_DEMAND);
    const struct svc_reading starting = present(SVC_START_PENDING, SVC_START_DEMAND);
    const struct svc_reading missing = absent(SVC_MISSING);
    const struct svc_reading denied = absent(SVC_ACCESS_DENIED);
    const struct svc_reading failed = absent(SVC_QUERY_FAILED);
    const char *all = "stop:UsoSvc,stop:wuauserv,stop:BITS,start:BITS,start:wuauserv,start:UsoSvc";
    const char *without = "stop:UsoSvc,stop:wuauserv,start:wuauserv,start:UsoSvc";

    const struct {
        struct health_snapshot s;
        bool include;
        struct svc_reading bits;
        const char *want;
        bool skip_missing, skip_disabled, was_running; /* BITS's entries in the plan */
    } rows[] = {
        {snap(19045, run, run), true, run, all, false, false, true},
        /* Off (the default): a running BITS is left alone. */
        {snap(19045, run, run), false, run, without, false, false, false},
        /* Stopped before: stays stopped. */
        {snap(19045, run, run), true, stop, without, false, false, false},
        /* Missing, disabled (stopped or still running), unreadable: left alone. */
        {snap(19045, run, run), true, missing, without, true, false, false},
        {snap(19045, run, run), true, dis, without, false, true, false},
        {snap(19045, run, run), true, dis_running, without, false, true, true},
        {snap(19045, run, run), true, denied, without, false, false, false},
        {snap(19045, run, run), true, failed, without, false, false, false},
        /* Pending counts as active: stopped, then started again. */
        {snap(19045, run, run), true, pend, all, false, false, false},
        {snap(19045, run, run), true, starting, all, false, false, false},
        /* The watched services' own rules are unchanged around it. */
        {snap(19045, stop, stop), true, run, "stop:BITS,start:BITS,start:wuauserv,start:UsoSvc", false, false, true},
        {snap(19045, dis, run), true, run, "stop:UsoSvc,stop:BITS,start:BITS,start:UsoSvc", false, false, true},
        {snap(7601, run, missing), true, run, "stop:wuauserv,stop:BITS,start:BITS,start:wuauserv", false, false, true},
        {snap(19045, missing, missing), true, run, "stop:BITS,start:BITS", false, false, true},
        {snap(19045, missing, missing), true, stop, "", false, false, false},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct restart_options opt = with_bits(rows[i].bits);
        struct restart_plan p;
        char got[256];

        opt.include_bits = rows[i].include;
        restart_make_plan_ex(&rows[i].s, &opt, &p);
        render(p.steps, p.n_steps, got, sizeof(got));
        CHECK_EQ_STR(rows[i].want, got);
        CHECK_EQ_INT(rows[i].skip_missing, p.skip_missing[RESTART_SVC_BITS]);
        CHECK_EQ_INT(rows[i].skip_disabled, p.skip_disabled[RESTART_SVC_BITS]);
        CHECK_EQ_INT(rows[i].was_running, p.was_running[RESTART_SVC_BITS]);
        CHECK(p.n_steps <= RESTART_MAX_STEPS);
    }

    /* No options at all is the default plan, whatever BITS is doing. */
    {
        struct health_snapshot s = snap(19045, run, pend);
        struct restart_plan a, b;
        char ga[256], gb[256];
        restart_make_plan(&s, &a);
        restart_make_plan_ex(&s, NULL, &b);
        render(a.steps, a.n_steps, ga, sizeof(ga));
        render(b.steps, b.n_steps, gb, sizeof(gb));
        CHECK_EQ_STR(ga, gb);
        CHECK_EQ_INT(0, b.was_running[RESTART_SVC_BITS]);
    }

    CHECK(wcscmp(restart_svc_name(RESTART_SVC_BITS), L"BITS") == 0);
    CHECK(wcscmp(restart_svc_name(SVC_WUAUSERV), L"wuauserv") == 0);
    CHECK(wcscmp(restart_svc_name(SVC_USOSVC), L"UsoSvc") == 0);
}

static void bits_plan_and_run(const struct health_snapshot *s, struct svc_reading bits, struct fake *f,
                              int fail_at, enum restart_result fail_with, struct restart_outcome *o)
{
    struct restart_options opt = with_bits(bits);
    struct restart_plan p;
    memset(f, 0, sizeof(*f));
    f->fail_at = fail_at;
    f->fail_with = fail_with;
    restart_make_plan_ex(s, &opt, &p);
    restart_execute(&p, &ops, f, o);
}

static void run_with_bits(void)
{
    const struct svc_reading run = present(SVC_RUNNING, SVC_START_DEMAND);
    struct health_snapshot s = snap(19045, run, present(SVC_RUNNING, SVC_START_AUTO));
    struct restart_outcome o;
    struct fake f;
    char got[256];

    bits_plan_and_run(&s, run, &f, -1, RESTART_DONE, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK_EQ_INT(6, o.steps_done);
    CHECK_EQ_INT(6, f.n_progress);
    render(f.calls, f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:UsoSvc,stop:wuauserv,stop:BITS,start:BITS,start:wuauserv,start:UsoSvc", got);

    /* A missing or disabled BITS does not turn a good restart into a failure. */
    bits_plan_and_run(&s, absent(SVC_MISSING), &f, -1, RESTART_DONE, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK_EQ_INT(4, f.n_calls);
    bits_plan_and_run(&s, present(SVC_STOPPED, SVC_START_DISABLED), &f, -1, RESTART_DONE, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    render(f.calls, f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:UsoSvc,stop:wuauserv,start:wuauserv,start:UsoSvc", got);

    /* ... nor does it hide a watched service's problem. */
    s.svc[SVC_USOSVC].start = SVC_START_DISABLED;
    bits_plan_and_run(&s, run, &f, -1, RESTART_DONE, &o);
    CHECK_EQ_INT(RESTART_ERR_DISABLED, o.result);
    CHECK_EQ_INT(SVC_USOSVC, o.svc);
    render(f.calls, f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:wuauserv,stop:BITS,start:BITS,start:wuauserv", got);
}

static void bits_failure_restores(void)
{
    const struct svc_reading run = present(SVC_RUNNING, SVC_START_DEMAND);
    const struct health_snapshot s = snap(19045, run, present(SVC_RUNNING, SVC_START_AUTO));
    struct restart_outcome o;
    struct fake f;
    char got[256];

    /* Stopping BITS fails: the two stopped before it come back; BITS, which
     * did not stop, is left alone. */
    bits_plan_and_run(&s, run, &f, 2, RESTART_ERR_TIMEOUT, &o);
    CHECK_EQ_INT(RESTART_ERR_TIMEOUT, o.result);
    CHECK_EQ_INT(RESTART_SVC_BITS, o.svc);
    CHECK_EQ_INT(RESTART_STOP, o.action);
    CHECK_EQ_INT(2, o.steps_done);
    render(f.calls, f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:UsoSvc,stop:wuauserv,stop:BITS,start:wuauserv,start:UsoSvc", got);

    /* Starting BITS fails: everything we stopped is started again, BITS first. */
    bits_plan_and_run(&s, run, &f, 3, RESTART_ERR_FAILED, &o);
    CHECK_EQ_INT(RESTART_ERR_FAILED, o.result);
    CHECK_EQ_INT(RESTART_SVC_BITS, o.svc);
    CHECK_EQ_INT(RESTART_START, o.action);
    render(f.calls, f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:UsoSvc,stop:wuauserv,stop:BITS,start:BITS,start:BITS,start:wuauserv,start:UsoSvc", got);

    /* Starting wuauserv fails after BITS came back: BITS, running again, is
     * left alone; the others are started in the restore order. */
    bits_plan_and_run(&s, run, &f, 4, RESTART_ERR_FAILED, &o);
    CHECK_EQ_INT(RESTART_ERR_FAILED, o.result);
    CHECK_EQ_INT(SVC_WUAUSERV, o.svc);
    render(f.calls, f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:UsoSvc,stop:wuauserv,stop:BITS,start:BITS,start:wuauserv,start:wuauserv,start:UsoSvc", got);

    /* A BITS that was stopped before is never started, not even to restore. */
    bits_plan_and_run(&s, present(SVC_STOPPED, SVC_START_DEMAND), &f, 2, RESTART_ERR_FAILED, &o);
    CHECK_EQ_INT(SVC_WUAUSERV, o.svc);
    render(f.calls, f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:UsoSvc,stop:wuauserv,start:wuauserv,start:wuauserv,start:UsoSvc", got);

    /* A pending BITS that we stopped is not "running before": not restored. */
    bits_plan_and_run(&s, present(SVC_START_PENDING, SVC_START_DEMAND), &f, 3, RESTART_ERR_FAILED, &o);
    render(f.calls, f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:UsoSvc,stop:wuauserv,stop:BITS,start:BITS,start:wuauserv,start:UsoSvc", got);
}

/* A fake that is cancelled once `cancel_at` calls were made, and whose
 * confirmation reports `exited` (an index into what it is given, -1: none). */
struct fake_end {
    struct fake f;
    unsigned cancel_at;
    int exited;
    char confirmed[128];
};

static bool fake_cancelled(void *ctx)
{
    struct fake_end *e = ctx;
    return e->f.n_calls >= e->cancel_at;
}

static void fake_confirm(void *ctx, const enum svc_id *svcs, unsigned n, struct restart_op_result *out,
                         unsigned *which)
{
    struct fake_end *e = ctx;
    struct restart_step steps[RESTART_MAX_STEPS];

    for (unsigned i = 0; i < n; i++) steps[i] = (struct restart_step){RESTART_START, svcs[i]};
    render(steps, n, e->confirmed, sizeof(e->confirmed));
    if (e->exited < 0) return;
    *which = (unsigned)e->exited;
    out->result = RESTART_ERR_EXITED;
    out->state = SVC_STOPPED;
    out->win32_error = 3;
}

static const struct restart_ops end_ops = {
    .run = fake_run, .progress = fake_progress, .cancelled = fake_cancelled, .confirm = fake_confirm};

static void run_ending(const struct health_snapshot *s, unsigned cancel_at, int exited, struct fake_end *e,
                       struct restart_outcome *o)
{
    struct restart_plan p;
    memset(e, 0, sizeof(*e));
    e->f.fail_at = -1;
    e->cancel_at = cancel_at;
    e->exited = exited;
    restart_make_plan(s, &p);
    restart_execute(&p, &end_ops, e, o);
}

/* The session ends half-way (issue 11): no further step; what the restart
 * stopped and was running is started again; nothing else is touched. */
static void interrupted_rolls_back(void)
{
    const struct svc_reading run = present(SVC_RUNNING, SVC_START_DEMAND);
    const struct svc_reading stop = present(SVC_STOPPED, SVC_START_DEMAND);
    const struct {
        struct health_snapshot s;
        unsigned cancel_at;
        const char *calls;
        enum svc_id svc;
        enum restart_action action;
    } rows[] = {
        {snap(19045, run, run), 0, "", SVC_USOSVC, RESTART_STOP},
        {snap(19045, run, run), 1, "stop:UsoSvc,start:UsoSvc", SVC_WUAUSERV, RESTART_STOP},
        {snap(19045, run, run), 2, "stop:UsoSvc,stop:wuauserv,start:wuauserv,start:UsoSvc", SVC_WUAUSERV,
         RESTART_START},
        {snap(19045, run, run), 3, "stop:UsoSvc,stop:wuauserv,start:wuauserv,start:UsoSvc", SVC_USOSVC,
         RESTART_START},
        /* wuauserv idle (stopped) before: it stays stopped. */
        {snap(19045, stop, run), 1, "stop:UsoSvc,start:UsoSvc", SVC_WUAUSERV, RESTART_START},
    };
    struct fake_end e;
    struct restart_outcome o;
    char got[256];

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        run_ending(&rows[i].s, rows[i].cancel_at, -1, &e, &o);
        CHECK_EQ_INT(RESTART_ERR_INTERRUPTED, o.result);
        CHECK_EQ_INT(rows[i].svc, o.svc);
        CHECK_EQ_INT(rows[i].action, o.action);
        CHECK_EQ_INT(rows[i].cancel_at, o.steps_done);
        render(e.f.calls, e.f.n_calls, got, sizeof(got));
        CHECK_EQ_STR(rows[i].calls, got);
        CHECK_EQ_STR("", e.confirmed); /* an interrupted restart confirms nothing */
    }
    CHECK_EQ_INT(IDS_RESTART_INTERRUPTED, restart_result_msg(RESTART_ERR_INTERRUPTED, RESTART_STOP));
    CHECK_EQ_INT(1, restart_exit_code(RESTART_ERR_INTERRUPTED));
    CHECK_EQ_STR("interrupted", restart_result_keyword(RESTART_ERR_INTERRUPTED));
}

/* A service that ends right after it started (issue 11): the restart
 * failed, naming it and its exit code; it is not started again. */
static void exited_after_start(void)
{
    const struct svc_reading run = present(SVC_RUNNING, SVC_START_DEMAND);
    struct health_snapshot s = snap(19045, run, run);
    struct fake_end e;
    struct restart_outcome o;
    char got[256];

    run_ending(&s, 99, 1, &e, &o);
    CHECK_EQ_STR("start:wuauserv,start:UsoSvc", e.confirmed);
    CHECK_EQ_INT(RESTART_ERR_EXITED, o.result);
    CHECK_EQ_INT(SVC_USOSVC, o.svc);
    CHECK_EQ_INT(RESTART_START, o.action);
    CHECK_EQ_INT(SVC_STOPPED, o.state);
    CHECK_EQ_INT(3, o.win32_error);
    render(e.f.calls, e.f.n_calls, got, sizeof(got));
    CHECK_EQ_STR("stop:UsoSvc,stop:wuauserv,start:wuauserv,start:UsoSvc", got);
    CHECK_EQ_INT(IDS_RESTART_EXITED, restart_outcome_msg(&o));
    CHECK_EQ_INT(1, restart_exit_code(o.result));
    CHECK_EQ_STR("exited", restart_result_keyword(o.result));

    /* Both stayed up: done. */
    run_ending(&s, 99, -1, &e, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK_EQ_STR("start:wuauserv,start:UsoSvc", e.confirmed);
}

int main(void)
{
    interrupted_rolls_back();
    exited_after_start();
    plans();
    run_ok_and_skips();
    failure_restores_what_was_running();
    plans_with_bits();
    run_with_bits();
    bits_failure_restores();
    return test_summary("test_restart");
}
