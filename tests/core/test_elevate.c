/* The elevated side's allowlist and its exit-code protocol. */
#include "elevate.h"
#include "msg.h"
#include "readings.h"
#include "test.h"

#define ARGV(...) ((const wchar_t *const[]){L"wutray.exe", __VA_ARGS__})
#define ARGC(...) (int)(sizeof((const wchar_t *const[]){L"wutray.exe", __VA_ARGS__}) / sizeof(wchar_t *))

static void parsing(void)
{
    enum elevated_verb v;
    const wchar_t *const only[] = {L"wutray.exe"};
    wchar_t longarg[300];

    CHECK_EQ_INT(ELEVATED_NOT_ASKED, elevated_parse(1, only, &v));
    CHECK_EQ_INT(ELEVATED_NONE, v);
    CHECK_EQ_INT(ELEVATED_OK, elevated_parse(ARGC(L"--elevated", L"restart-services"),
                                             ARGV(L"--elevated", L"restart-services"), &v));
    CHECK_EQ_INT(ELEVATED_RESTART, v);
    CHECK_EQ_INT(ELEVATED_OK, elevated_parse(ARGC(L"--elevated", L"reenable-services"),
                                             ARGV(L"--elevated", L"reenable-services"), &v));
    CHECK_EQ_INT(ELEVATED_REENABLE, v);

    /* Refused: unknown verbs, extra or missing arguments, other spellings,
     * service names, overlong input. */
    const struct {
        int argc;
        const wchar_t *const *argv;
    } bad[] = {
        {ARGC(L"--elevated"), ARGV(L"--elevated")},
        {ARGC(L"--elevated", L"format-c"), ARGV(L"--elevated", L"format-c")},
        {ARGC(L"--elevated", L"restart-services", L"BITS"), ARGV(L"--elevated", L"restart-services", L"BITS")},
        {ARGC(L"--elevated", L"Restart-Services"), ARGV(L"--elevated", L"Restart-Services")},
        {ARGC(L"--elevated", L"restart-services "), ARGV(L"--elevated", L"restart-services ")},
        {ARGC(L"restart-services"), ARGV(L"restart-services")},
        {ARGC(L"/elevated", L"restart-services"), ARGV(L"/elevated", L"restart-services")},
        {ARGC(L"--elevated", L""), ARGV(L"--elevated", L"")},
        {ARGC(L"--elevated", L"wuauserv"), ARGV(L"--elevated", L"wuauserv")},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        v = ELEVATED_RESTART;
        CHECK_EQ_INT(ELEVATED_REFUSED, elevated_parse(bad[i].argc, bad[i].argv, &v));
        CHECK_EQ_INT(ELEVATED_NONE, v);
    }
    for (int i = 0; i < 299; i++) longarg[i] = L'r';
    longarg[299] = 0;
    CHECK_EQ_INT(ELEVATED_REFUSED, elevated_parse(ARGC(L"--elevated", longarg), ARGV(L"--elevated", longarg), &v));
    {
        const wchar_t *const nulls[] = {L"wutray.exe", L"--elevated", NULL};
        CHECK_EQ_INT(ELEVATED_REFUSED, elevated_parse(3, nulls, &v));
    }
    CHECK(wcscmp(elevated_args(ELEVATED_RESTART), L"--elevated restart-services") == 0);
    CHECK(wcscmp(elevated_args(ELEVATED_REENABLE), L"--elevated reenable-services") == 0);
}

static void protocol(void)
{
    struct restart_outcome o, back;

    memset(&o, 0, sizeof(o));
    CHECK_EQ_INT(0, elevated_encode(&o));
    elevated_decode(0, &back);
    CHECK_EQ_INT(RESTART_DONE, back.result);

    /* Every outcome survives the round trip. */
    for (int r = RESTART_ERR_DENIED; r <= RESTART_ERR_CANCELLED; r++)
        for (int a = RESTART_STOP; a <= RESTART_START; a++)
            for (int s = 0; s < SVC_COUNT; s++)
                for (int st = SVC_STATE_UNKNOWN; st <= SVC_PAUSED; st++) {
                    memset(&o, 0, sizeof(o));
                    o.result = (enum restart_result)r;
                    o.action = (enum restart_action)a;
                    o.svc = (enum svc_id)s;
                    o.state = (enum svc_state)st;
                    elevated_decode(elevated_encode(&o), &back);
                    CHECK(back.result == o.result && back.action == o.action &&
                          back.svc == o.svc && back.state == o.state);
                    CHECK(elevated_encode(&o) != ELEVATED_EXIT_REFUSED);
                }

    /* Exit codes that are not ours (a crash, the refusal, a small number)
     * are failures, never a success or a made-up outcome. */
    const uint32_t foreign[] = {1, 5, ELEVATED_EXIT_REFUSED, 0xC0000005u, 0x2FFFFFFFu, 0x200F0000u,
                                /* found by fuzzing: the tag alone, or with reserved bits, read as a
                                 * success; reserved bits beside a real outcome read as that outcome */
                                0x20000000u, 0x29000000u, 0x20100000u, 0x20210000u, 0x28051201u};
    for (size_t i = 0; i < sizeof(foreign) / sizeof(foreign[0]); i++) {
        elevated_decode(foreign[i], &back);
        CHECK_EQ_INT(RESTART_ERR_FAILED, back.result);
        CHECK_EQ_INT(foreign[i], back.win32_error);
    }
}

static void decisions(void)
{
    struct restart_outcome o;
    enum svc_id ids[SVC_COUNT];
    struct health_snapshot s = snap(19045, present(SVC_STOPPED, SVC_START_DISABLED),
                                    present(SVC_STOPPED, SVC_START_DISABLED));

    memset(&o, 0, sizeof(o));
    for (int r = RESTART_DONE; r <= RESTART_ERR_CANCELLED; r++) {
        o.result = (enum restart_result)r;
        CHECK_EQ_INT(r == RESTART_ERR_DENIED, restart_should_elevate(&o));
    }
    CHECK_EQ_INT(2, restart_disabled(&s, ids));
    CHECK_EQ_INT(SVC_WUAUSERV, ids[0]);
    CHECK_EQ_INT(SVC_USOSVC, ids[1]);
    s.svc[SVC_WUAUSERV].start = SVC_START_DEMAND;
    CHECK_EQ_INT(1, restart_disabled(&s, ids));
    CHECK_EQ_INT(SVC_USOSVC, ids[0]);
    s.svc[SVC_USOSVC] = absent(SVC_MISSING);
    CHECK_EQ_INT(0, restart_disabled(&s, ids));

    /* Failures reported without an error code do not show "error 0". */
    memset(&o, 0, sizeof(o));
    o.result = RESTART_ERR_FAILED;
    o.action = RESTART_START;
    CHECK_EQ_INT(IDS_RESTART_START_FAILED_NOCODE, restart_outcome_msg(&o));
    o.win32_error = 1053;
    CHECK_EQ_INT(IDS_RESTART_START_FAILED, restart_outcome_msg(&o));
    o.result = RESTART_ERR_CANCELLED;
    CHECK_EQ_INT(IDS_RESTART_CANCELLED, restart_outcome_msg(&o));
    CHECK_EQ_STR("cancelled", restart_result_keyword(RESTART_ERR_CANCELLED));
    CHECK_EQ_STR("access_denied", restart_result_keyword(RESTART_ERR_DENIED));
}

/* The elevated side reports a service that ended right after its start
 * (issue 11) through its exit code; "interrupted" never comes from it. */
static void exited_round_trip(void)
{
    static const struct {
        enum restart_result sent, back;
    } rows[] = {
        {RESTART_ERR_EXITED, RESTART_ERR_EXITED},
        {RESTART_ERR_INTERRUPTED, RESTART_ERR_FAILED},
        {RESTART_ERR_UNSAFE_FOLDER, RESTART_ERR_FAILED},
    };
    struct restart_outcome o, back;

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        o = (struct restart_outcome){.result = rows[i].sent, .svc = SVC_USOSVC, .action = RESTART_START};
        elevated_decode(elevated_encode(&o), &back);
        CHECK_EQ_INT(rows[i].back, back.result);
        CHECK_EQ_INT(rows[i].back == rows[i].sent ? SVC_USOSVC : SVC_WUAUSERV, back.svc);
    }
}

/* A machine where this user may not touch services; the elevated side may. */
struct fake_env {
    struct health_snapshot snap;
    enum restart_result step_result; /* what every step returns */
    int n_steps, n_elevations;
    enum elevated_verb asked;
    enum restart_result launch;      /* what starting the elevated side gives */
    uint32_t exit_code;
};

static void fake_snapshot(void *ctx, struct health_snapshot *s) { *s = ((struct fake_env *)ctx)->snap; }

static void fake_step(void *ctx, const struct restart_step *step, struct restart_op_result *out)
{
    struct fake_env *f = ctx;
    (void)step;
    f->n_steps++;
    memset(out, 0, sizeof(*out));
    out->result = f->step_result;
}

static enum restart_result fake_elevate(void *ctx, enum elevated_verb verb, uint32_t *code)
{
    struct fake_env *f = ctx;
    f->n_elevations++;
    f->asked = verb;
    *code = f->exit_code;
    return f->launch;
}

static const struct restart_ops fake_ops = {.run = fake_step};
static const struct elevated_env env = {.snapshot = fake_snapshot, .ops = &fake_ops, .elevate = fake_elevate};

static enum svc_state bits_state = SVC_RUNNING;
static void fake_read_bits(void *ctx, struct svc_reading *out)
{
    (void)ctx;
    *out = present(bits_state, SVC_START_DEMAND);
}

/* With IncludeBits, the tray asks for restart-services-bits; the plan (here
 * and on the elevated side) then has BITS's two steps, and an outcome naming
 * BITS survives the exit-code protocol. */
static void bits(void)
{
    static const struct elevated_env env_bits = {
        .snapshot = fake_snapshot, .ops = &fake_ops, .read_bits = fake_read_bits, .elevate = fake_elevate};
    struct fake_env f;
    struct restart_outcome o, sent;
    enum elevated_verb v;
    bool used;

    CHECK_EQ_INT(ELEVATED_OK, elevated_parse(ARGC(L"--elevated", L"restart-services-bits"),
                                             ARGV(L"--elevated", L"restart-services-bits"), &v));
    CHECK_EQ_INT(ELEVATED_RESTART_BITS, v);
    CHECK(wcscmp(elevated_args(ELEVATED_RESTART_BITS), L"--elevated restart-services-bits") == 0);

    memset(&f, 0, sizeof(f));
    f.snap = snap(19045, present(SVC_RUNNING, SVC_START_DEMAND), present(SVC_RUNNING, SVC_START_AUTO));
    elevated_run(&env_bits, &f, ELEVATED_RESTART_BITS, &used, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK_EQ_INT(6, f.n_steps);
    bits_state = SVC_STOPPED; /* a stopped BITS is left stopped */
    f.n_steps = 0;
    elevated_run(&env_bits, &f, ELEVATED_RESTART_BITS, &used, &o);
    CHECK_EQ_INT(4, f.n_steps);
    bits_state = SVC_RUNNING;
    f.n_steps = 0; /* without a way to read BITS: it counts as missing, left out */
    elevated_run(&env, &f, ELEVATED_RESTART_BITS, &used, &o);
    CHECK_EQ_INT(4, f.n_steps);

    memset(&sent, 0, sizeof(sent));
    sent.result = RESTART_ERR_TIMEOUT;
    sent.action = RESTART_START;
    sent.svc = RESTART_SVC_BITS;
    sent.state = SVC_START_PENDING;
    elevated_decode(elevated_encode(&sent), &o);
    CHECK_EQ_INT(RESTART_ERR_TIMEOUT, o.result);
    CHECK_EQ_INT(RESTART_SVC_BITS, o.svc);
    sent.svc = (enum svc_id)(RESTART_SVC_COUNT); /* past BITS: not ours */
    elevated_decode(elevated_encode(&sent), &o);
    CHECK_EQ_INT(RESTART_ERR_FAILED, o.result);
}

static void flow(void)
{
    struct fake_env f;
    struct restart_outcome o, sent;
    bool used;

    /* Allowed: no prompt at all. */
    memset(&f, 0, sizeof(f));
    f.snap = snap(19045, present(SVC_RUNNING, SVC_START_DEMAND), present(SVC_RUNNING, SVC_START_AUTO));
    elevated_run(&env, &f, ELEVATED_RESTART, &used, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK(!used);
    CHECK_EQ_INT(0, f.n_elevations);
    CHECK_EQ_INT(4, f.n_steps);

    /* Access denied: the elevated side is asked for exactly that verb, and
     * its exit code becomes the outcome. */
    f.step_result = RESTART_ERR_DENIED;
    f.launch = RESTART_DONE;
    f.exit_code = 0;
    f.n_steps = 0;
    elevated_run(&env, &f, ELEVATED_RESTART, &used, &o);
    CHECK(used);
    CHECK_EQ_INT(1, f.n_elevations);
    CHECK_EQ_INT(ELEVATED_RESTART, f.asked);
    CHECK_EQ_INT(1, f.n_steps); /* denied at the first step: nothing else tried */
    CHECK_EQ_INT(RESTART_DONE, o.result);

    memset(&sent, 0, sizeof(sent));
    sent.result = RESTART_ERR_TIMEOUT;
    sent.action = RESTART_STOP;
    sent.svc = SVC_USOSVC;
    sent.state = SVC_STOP_PENDING;
    f.exit_code = elevated_encode(&sent);
    elevated_run(&env, &f, ELEVATED_RESTART, &used, &o);
    CHECK_EQ_INT(RESTART_ERR_TIMEOUT, o.result);
    CHECK_EQ_INT(SVC_USOSVC, o.svc);
    CHECK_EQ_INT(SVC_STOP_PENDING, o.state);

    /* The prompt declined: reported as cancelled, not as an error. */
    f.launch = RESTART_ERR_CANCELLED;
    elevated_run(&env, &f, ELEVATED_RESTART, &used, &o);
    CHECK_EQ_INT(RESTART_ERR_CANCELLED, o.result);
    CHECK_EQ_INT(IDS_RESTART_CANCELLED, restart_outcome_msg(&o));

    /* Other failures never ask for elevation. */
    f.step_result = RESTART_ERR_TIMEOUT;
    f.n_elevations = 0;
    elevated_run(&env, &f, ELEVATED_RESTART, &used, &o);
    CHECK(!used);
    CHECK_EQ_INT(0, f.n_elevations);
    CHECK_EQ_INT(RESTART_ERR_TIMEOUT, o.result);

    /* Re-enable: only the disabled service is set to Manual. */
    memset(&f, 0, sizeof(f));
    f.snap = snap(19045, present(SVC_STOPPED, SVC_START_DISABLED), present(SVC_STOPPED, SVC_START_AUTO));
    elevated_run(&env, &f, ELEVATED_REENABLE, &used, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK_EQ_INT(RESTART_SET_MANUAL, o.action);
    CHECK_EQ_INT(1, f.n_steps);
    CHECK_EQ_INT(IDS_REENABLE_OK, restart_outcome_msg(&o));

    f.step_result = RESTART_ERR_DENIED;
    f.launch = RESTART_DONE;
    elevated_run(&env, &f, ELEVATED_REENABLE, &used, &o);
    CHECK(used);
    CHECK_EQ_INT(ELEVATED_REENABLE, f.asked);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK_EQ_INT(IDS_REENABLE_OK, restart_outcome_msg(&o));
    f.launch = RESTART_ERR_CANCELLED;
    elevated_run(&env, &f, ELEVATED_REENABLE, &used, &o);
    CHECK_EQ_INT(IDS_REENABLE_CANCELLED, restart_outcome_msg(&o));

    /* Nothing disabled: nothing to do, no prompt. */
    memset(&f, 0, sizeof(f));
    f.snap = snap(19045, present(SVC_STOPPED, SVC_START_DEMAND), present(SVC_STOPPED, SVC_START_AUTO));
    f.step_result = RESTART_ERR_DENIED;
    elevated_run(&env, &f, ELEVATED_REENABLE, &used, &o);
    CHECK_EQ_INT(RESTART_ERR_NOTHING, o.result);
    CHECK_EQ_INT(0, f.n_elevations);
}

int main(void)
{
    exited_round_trip();
    bits();
    flow();
    parsing();
    protocol();
    decisions();
    return test_summary("test_elevate");
}
