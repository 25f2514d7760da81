/* Table tests of the health model over service states, start types and
 * Windows versions, with time injected. */
#include "health.h"
#include "msg.h"
#include "readings.h"
#include "test.h"

#define MIN_ 60000ull

struct row {
    const char *name;
    uint32_t build;
    struct svc_reading wu, uso;
    enum health_level level;
    int n_reasons;
    enum reason_kind first; /* checked when n_reasons > 0 */
    enum svc_id first_svc;
};

static void single_readings(void)
{
    const struct svc_reading stopped_manual = present(SVC_STOPPED, SVC_START_DEMAND);
    const struct svc_reading running_manual = present(SVC_RUNNING, SVC_START_DEMAND);
    const struct svc_reading running_auto = present(SVC_RUNNING, SVC_START_AUTO_DELAYED);
    const struct svc_reading stopped_auto = present(SVC_STOPPED, SVC_START_AUTO_DELAYED);
    const struct svc_reading disabled = present(SVC_STOPPED, SVC_START_DISABLED);
    const struct svc_reading running_disabled = present(SVC_RUNNING, SVC_START_DISABLED);
    const struct svc_reading start_pending = present(SVC_START_PENDING, SVC_START_DEMAND);
    const struct svc_reading stop_pending = present(SVC_STOP_PENDING, SVC_START_DEMAND);
    const struct svc_reading paused = present(SVC_PAUSED, SVC_START_DEMAND);
    const struct svc_reading unknown_state = present(SVC_STATE_UNKNOWN, SVC_START_DEMAND);
    const struct svc_reading missing = absent(SVC_MISSING);
    const struct svc_reading denied = absent(SVC_ACCESS_DENIED);
    const struct svc_reading failed = absent(SVC_QUERY_FAILED);

    const struct row rows[] = {
        {"idle win10: both stopped is normal", 19045, stopped_manual, stopped_manual, HEALTH_OK, 0, 0, 0},
        {"busy win10", 22631, running_manual, running_auto, HEALTH_OK, 0, 0, 0},
        {"win7 without UsoSvc is normal", 7601, stopped_manual, missing, HEALTH_OK, 0, 0, 0},
        {"win8.1 without UsoSvc is normal", 9600, running_manual, missing, HEALTH_OK, 0, 0, 0},
        {"win10 without UsoSvc is broken", 10240, stopped_manual, missing, HEALTH_BROKEN, 1, REASON_MISSING, SVC_USOSVC},
        {"wuauserv missing on win7", 7601, missing, missing, HEALTH_BROKEN, 1, REASON_MISSING, SVC_WUAUSERV},
        {"wuauserv disabled", 19045, disabled, stopped_manual, HEALTH_BROKEN, 1, REASON_DISABLED, SVC_WUAUSERV},
        {"disabled while still running", 19045, running_disabled, running_auto, HEALTH_BROKEN, 1, REASON_DISABLED, SVC_WUAUSERV},
        {"UsoSvc disabled", 22000, stopped_manual, disabled, HEALTH_BROKEN, 1, REASON_DISABLED, SVC_USOSVC},
        {"both disabled", 22000, disabled, disabled, HEALTH_BROKEN, 2, REASON_DISABLED, SVC_WUAUSERV},
        {"access denied", 19045, denied, stopped_manual, HEALTH_ATTENTION, 1, REASON_ACCESS_DENIED, SVC_WUAUSERV},
        {"query failed", 19045, stopped_manual, failed, HEALTH_UNKNOWN, 1, REASON_QUERY_FAILED, SVC_USOSVC},
        {"state unreadable", 19045, unknown_state, stopped_manual, HEALTH_UNKNOWN, 1, REASON_QUERY_FAILED, SVC_WUAUSERV},
        {"broken outranks unknown", 19045, failed, disabled, HEALTH_BROKEN, 2, REASON_DISABLED, SVC_USOSVC},
        {"attention outranks unknown", 19045, failed, denied, HEALTH_ATTENTION, 2, REASON_ACCESS_DENIED, SVC_USOSVC},
        {"pending once is informational", 19045, start_pending, stop_pending, HEALTH_OK, 2, REASON_STARTING, SVC_WUAUSERV},
        {"paused", 19045, paused, stopped_manual, HEALTH_ATTENTION, 1, REASON_PAUSED, SVC_WUAUSERV},
        {"auto stopped once is informational", 19045, stopped_manual, stopped_auto, HEALTH_OK, 1, REASON_AUTO_STOPPED, SVC_USOSVC},
    };

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct health_snapshot s = snap(rows[i].build, rows[i].wu, rows[i].uso);
        struct health_result res;
        health_evaluate(&s, NULL, &res);
        if ((int)res.level != (int)rows[i].level || (int)res.n_reasons != rows[i].n_reasons)
            fprintf(stderr, "row: %s\n", rows[i].name);
        CHECK_EQ_INT(rows[i].level, res.level);
        CHECK_EQ_INT(rows[i].n_reasons, res.n_reasons);
        if (rows[i].n_reasons > 0 && res.n_reasons > 0) {
            CHECK_EQ_INT(rows[i].first, res.reasons[0].kind);
            CHECK_EQ_INT(rows[i].first_svc, res.reasons[0].svc);
        }
    }
}

static void every_state_and_start_type(void)
{
    /* No combination may crash or report OK for a disabled service. */
    for (int st = SVC_STATE_UNKNOWN; st <= SVC_PAUSED; st++) {
        for (int sy = SVC_START_UNKNOWN; sy <= SVC_START_DISABLED; sy++) {
            for (int b = 0; b < 2; b++) {
                uint32_t build = b ? 19045 : 9600;
                struct health_snapshot s = snap(build, present((enum svc_state)st, (enum svc_start)sy),
                                                present(SVC_STOPPED, SVC_START_DEMAND));
                struct health_result res;
                health_evaluate(&s, NULL, &res);
                if (sy == SVC_START_DISABLED) CHECK_EQ_INT(HEALTH_BROKEN, res.level);
                else if (st == SVC_STATE_UNKNOWN) CHECK_EQ_INT(HEALTH_UNKNOWN, res.level);
                else CHECK(res.level != HEALTH_BROKEN);
                for (unsigned k = 0; k < res.n_reasons; k++)
                    CHECK(health_reason_msg(res.reasons[k].kind) >= IDS_REASON_DISABLED);
            }
        }
    }
}

static void stuck_pending_needs_time_without_progress(void)
{
    struct health_watch w;
    struct health_result res;
    struct svc_reading p = present(SVC_START_PENDING, SVC_START_DEMAND);
    struct health_snapshot s;

    p.wait_hint_ms = 30000;
    s = snap(19045, p, present(SVC_STOPPED, SVC_START_DEMAND));
    health_watch_init(&w);

    health_watch_update(&w, &s);
    health_evaluate(&s, &w, &res);
    CHECK_EQ_INT(HEALTH_OK, res.level);
    CHECK_EQ_INT(REASON_STARTING, res.reasons[0].kind);

    s.tick_ms = 30000; /* exactly at the wait hint: not yet stuck */
    health_watch_update(&w, &s);
    health_evaluate(&s, &w, &res);
    CHECK_EQ_INT(HEALTH_OK, res.level);

    s.tick_ms = 30001;
    health_watch_update(&w, &s);
    health_evaluate(&s, &w, &res);
    CHECK_EQ_INT(HEALTH_BROKEN, res.level);
    CHECK_EQ_INT(REASON_STUCK_STARTING, res.reasons[0].kind);

    /* Progress (checkpoint moved) restarts the clock. */
    s.svc[SVC_WUAUSERV].checkpoint = 1;
    s.tick_ms = 40000;
    health_watch_update(&w, &s);
    health_evaluate(&s, &w, &res);
    CHECK_EQ_INT(HEALTH_OK, res.level);

    /* Ticks going backwards (another boot) never make a service "stuck". */
    s.tick_ms = 0;
    health_watch_update(&w, &s);
    health_evaluate(&s, &w, &res);
    CHECK_EQ_INT(HEALTH_OK, res.level);

    /* Stop pending is stuck the same way, and the cap applies to huge hints. */
    s.svc[SVC_WUAUSERV].state = SVC_STOP_PENDING;
    s.svc[SVC_WUAUSERV].wait_hint_ms = 3600000;
    health_watch_update(&w, &s);
    s.tick_ms = HEALTH_PENDING_CAP_MS + 1;
    health_watch_update(&w, &s);
    health_evaluate(&s, &w, &res);
    CHECK_EQ_INT(HEALTH_BROKEN, res.level);
    CHECK_EQ_INT(REASON_STUCK_STOPPING, res.reasons[0].kind);

    /* Leaving the pending state clears it. */
    s.svc[SVC_WUAUSERV].state = SVC_STOPPED;
    health_watch_update(&w, &s);
    health_evaluate(&s, &w, &res);
    CHECK_EQ_INT(HEALTH_OK, res.level);
}

/* The wall clock jumping a day forward or back while a service is pending
 * changes nothing: durations are measured in ticks. */
static void pending_ignores_the_wall_clock(void)
{
    static const int64_t jumps[] = {0, 86400000, -86400000, 7 * 86400000LL};
    struct health_watch w;
    struct health_result res;
    struct svc_reading p = present(SVC_START_PENDING, SVC_START_DEMAND);
    struct health_snapshot s;

    p.wait_hint_ms = 30000;
    for (size_t i = 0; i < sizeof(jumps) / sizeof(jumps[0]); i++) {
        s = snap(19045, p, present(SVC_STOPPED, SVC_START_DEMAND));
        s.tick_ms = 1000;
        health_watch_init(&w);
        health_watch_update(&w, &s);
        s.taken_ms = (uint64_t)((int64_t)T0 + jumps[i]);
        s.tick_ms = 1000 + 20000; /* 20 s later, within the 30 s hint */
        health_watch_update(&w, &s);
        health_evaluate(&s, &w, &res);
        CHECK_EQ_INT(REASON_STARTING, res.reasons[0].kind);
        s.tick_ms = 1000 + 30001; /* and past it, whatever the date says */
        s.taken_ms = T0;
        health_watch_update(&w, &s);
        health_evaluate(&s, &w, &res);
        CHECK_EQ_INT(REASON_STUCK_STARTING, res.reasons[0].kind);
    }
}

static void oneshot_watch(void)
{
    struct health_result res;
    struct svc_reading p = present(SVC_STOP_PENDING, SVC_START_DEMAND);
    struct health_snapshot s;

    CHECK_EQ_INT(HEALTH_ONESHOT_MIN_MS, health_oneshot_watch_ms(0));
    CHECK_EQ_INT(3000, health_oneshot_watch_ms(3000));
    CHECK_EQ_INT(HEALTH_ONESHOT_MAX_MS, health_oneshot_watch_ms(60000));

    /* Watched for its whole wait hint without progress: stuck, critical. */
    p.wait_hint_ms = 3000;
    p.no_progress_ms = 3000;
    s = snap(19045, p, present(SVC_STOPPED, SVC_START_DEMAND));
    health_evaluate(&s, NULL, &res);
    CHECK_EQ_INT(HEALTH_BROKEN, res.level);
    CHECK_EQ_INT(REASON_STUCK_STOPPING, res.reasons[0].kind);

    /* Watched less than that (it made progress): still just stopping. */
    s.svc[SVC_WUAUSERV].no_progress_ms = 2999;
    health_evaluate(&s, NULL, &res);
    CHECK_EQ_INT(HEALTH_OK, res.level);
    CHECK_EQ_INT(REASON_STOPPING, res.reasons[0].kind);

    /* A huge wait hint is watched for 10 s at most. */
    s.svc[SVC_WUAUSERV].wait_hint_ms = 600000;
    s.svc[SVC_WUAUSERV].no_progress_ms = HEALTH_ONESHOT_MAX_MS;
    health_evaluate(&s, NULL, &res);
    CHECK_EQ_INT(HEALTH_BROKEN, res.level);
}

static void pending_bounds(void)
{
    CHECK_EQ_INT(HEALTH_PENDING_FLOOR_MS, health_pending_bound_ms(0));
    CHECK_EQ_INT(HEALTH_PENDING_FLOOR_MS, health_pending_bound_ms(HEALTH_PENDING_FLOOR_MS - 1));
    CHECK_EQ_INT(45000, health_pending_bound_ms(45000));
    CHECK_EQ_INT(HEALTH_PENDING_CAP_MS, health_pending_bound_ms(0xFFFFFFFFu));
}

static void auto_stopped_is_debounced(void)
{
    struct health_watch w;
    struct health_result res;
    struct health_snapshot s = snap(19045, present(SVC_STOPPED, SVC_START_DEMAND),
                                    present(SVC_STOPPED, SVC_START_AUTO));
    health_watch_init(&w);
    health_watch_update(&w, &s);
    health_evaluate(&s, &w, &res);
    CHECK_EQ_INT(HEALTH_OK, res.level);

    s.taken_ms += MIN_;
    health_watch_update(&w, &s);
    health_evaluate(&s, &w, &res);
    CHECK_EQ_INT(HEALTH_ATTENTION, res.level);
    CHECK_EQ_INT(REASON_AUTO_STOPPED, res.reasons[0].kind);

    s.svc[SVC_USOSVC].state = SVC_RUNNING;
    health_watch_update(&w, &s);
    health_evaluate(&s, &w, &res);
    CHECK_EQ_INT(HEALTH_OK, res.level);
    CHECK_EQ_INT(0, res.n_reasons);
}

static void keywords(void)
{
    struct svc_reading r = present(SVC_STOPPED, SVC_START_DISABLED);
    CHECK_EQ_STR("ok", health_level_keyword(HEALTH_OK));
    CHECK_EQ_STR("warning", health_level_keyword(HEALTH_ATTENTION));
    CHECK_EQ_STR("critical", health_level_keyword(HEALTH_BROKEN));
    CHECK_EQ_STR("unknown", health_level_keyword(HEALTH_UNKNOWN));
    CHECK_EQ_STR("disabled", svc_state_keyword(&r));
    r.state = SVC_RUNNING;
    CHECK_EQ_STR("running", svc_state_keyword(&r));
    r = absent(SVC_MISSING);
    CHECK_EQ_STR("missing", svc_state_keyword(&r));
    r = absent(SVC_ACCESS_DENIED);
    CHECK_EQ_STR("access_denied", svc_state_keyword(&r));
    CHECK_EQ_STR("automatic_delayed", svc_start_keyword(SVC_START_AUTO_DELAYED));
    CHECK_EQ_STR("manual", svc_start_keyword(SVC_START_DEMAND));
    CHECK_EQ_STR("stuck_starting", health_reason_code(REASON_STUCK_STARTING));
    for (int k = 0; k < REASON_KIND_COUNT; k++)
        CHECK(health_reason_msg((enum reason_kind)k) != 0);

    r = present(SVC_STOPPED, SVC_START_DISABLED);
    CHECK_EQ_INT(IDS_STATE_DISABLED, svc_state_msg(&r));
    r = present(SVC_STOP_PENDING, SVC_START_DEMAND);
    CHECK_EQ_INT(IDS_STATE_STOP_PENDING, svc_state_msg(&r));
    r = absent(SVC_QUERY_FAILED);
    CHECK_EQ_INT(IDS_STATE_UNKNOWN, svc_state_msg(&r));
    CHECK_EQ_INT(IDS_START_AUTO_DELAYED, svc_start_msg(SVC_START_AUTO_DELAYED));
    CHECK_EQ_INT(IDS_START_UNKNOWN, svc_start_msg((enum svc_start)99));
    CHECK_EQ_INT(IDS_SVC_USOSVC, svc_label_msg(SVC_USOSVC));
}

int main(void)
{
    single_readings();
    every_state_and_start_type();
    stuck_pending_needs_time_without_progress();
    pending_ignores_the_wall_clock();
    pending_bounds();
    oneshot_watch();
    auto_stopped_is_debounced();
    keywords();
    return test_summary("test_health");
}
