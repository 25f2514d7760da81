/* The outcome rules and the state the icon shows: every state, each
 * threshold's boundary, dates in the future, missing values, neutral states
 * and the priority between states. "Now" is T0; times are days before it. */
#include "health.h"
#include "outcome.h"
#include "readings.h"
#include "test.h"

#define DAY (24ll * 60 * 60 * 1000)
#define HOUR (60ll * 60 * 1000)
#define AGO(ms) ((uint64_t)((long long)T0 - (ms)))
#define NONE 0

struct outcome_case {
    const char *name;
    /* the agent */
    bool asked, available;
    uint64_t wua_search, wua_install;
    bool history, op_failed;
    uint64_t op_at;
    bool wua_reboot;
    bool metered;
    /* the event log */
    bool ev_read;
    uint64_t ev_fail_at, ev_found_at;
    enum wu_op ev_op;
    /* the registry */
    uint64_t reg_search, reg_install, paused_until, reboot_since;
    bool managed, reboot;
    uint32_t policy;
    /* the services and the limits */
    enum svc_start wu_start;
    enum svc_state wu_state;
    struct health_limits lim;
    /* expected */
    enum health_state state;
    enum health_level level;
    enum reason_kind first; /* REASON_KIND_COUNT: no reasons at all */
};

static const struct outcome_case cases[] = {
    {.name = "agent not asked yet: nothing claimed, even with an old registry date",
     .reg_search = AGO(400 * DAY), .first = REASON_KIND_COUNT, .state = STATE_OK, .level = HEALTH_OK},
    {.name = "agent asked, not available, registry silent: unknown", .asked = true,
     .state = STATE_UNKNOWN, .level = HEALTH_UNKNOWN, .first = REASON_OUTCOME_UNKNOWN},
    {.name = "recent search and install: ok", .asked = true, .available = true,
     .wua_search = AGO(1 * DAY), .wua_install = AGO(2 * DAY),
     .state = STATE_OK, .level = HEALTH_OK, .first = REASON_LAST_SEARCH},
    {.name = "search exactly 7 days ago: not yet stalled", .asked = true, .available = true,
     .wua_search = AGO(7 * DAY), .state = STATE_OK, .level = HEALTH_OK, .first = REASON_LAST_SEARCH},
    {.name = "search 7 days and 1 ms ago: stalled", .asked = true, .available = true,
     .wua_search = AGO(7 * DAY + 1), .state = STATE_STALLED, .level = HEALTH_BROKEN,
     .first = REASON_STALLED_SEARCH},
    {.name = "install exactly 30 days ago: not yet stalled", .asked = true, .available = true,
     .wua_search = AGO(DAY), .wua_install = AGO(30 * DAY), .state = STATE_OK, .level = HEALTH_OK,
     .first = REASON_LAST_SEARCH},
    {.name = "install 30 days and 1 ms ago: stalled", .asked = true, .available = true,
     .wua_search = AGO(DAY), .wua_install = AGO(30 * DAY + 1), .state = STATE_STALLED,
     .level = HEALTH_BROKEN, .first = REASON_STALLED_INSTALL},
    {.name = "search date in the future (clock went back): not stalled", .asked = true,
     .available = true, .wua_search = AGO(-3 * DAY), .state = STATE_OK, .level = HEALTH_OK,
     .first = REASON_LAST_SEARCH},
    {.name = "registry only (Windows 7/8.1), old search: stalled", .asked = true,
     .reg_search = AGO(8 * DAY), .state = STATE_STALLED, .level = HEALTH_BROKEN,
     .first = REASON_STALLED_SEARCH},
    {.name = "registry old but agent recent: the newest counts", .asked = true, .available = true,
     .wua_search = AGO(DAY), .reg_search = AGO(40 * DAY), .state = STATE_OK, .level = HEALTH_OK,
     .first = REASON_LAST_SEARCH},
    {.name = "agent not available: its dates are ignored", .asked = true, .available = false,
     .wua_search = AGO(DAY), .reg_search = AGO(9 * DAY), .state = STATE_STALLED,
     .level = HEALTH_BROKEN, .first = REASON_STALLED_SEARCH},
    {.name = "paused: neutral, never stalled", .asked = true, .available = true,
     .wua_search = AGO(20 * DAY), .paused_until = AGO(-5 * DAY), .state = STATE_PAUSED,
     .level = HEALTH_OK, .first = REASON_UPDATES_PAUSED},
    {.name = "paused, and unknown outcome: paused", .asked = true, .paused_until = AGO(-5 * DAY),
     .state = STATE_PAUSED, .level = HEALTH_OK, .first = REASON_UPDATES_PAUSED},
    {.name = "pause ended 3 days ago: the pause is not held against it", .asked = true,
     .available = true, .wua_search = AGO(20 * DAY), .paused_until = AGO(3 * DAY),
     .state = STATE_OK, .level = HEALTH_OK, .first = REASON_LAST_SEARCH},
    {.name = "pause ended 8 days ago: stalled again", .asked = true, .available = true,
     .wua_search = AGO(20 * DAY), .paused_until = AGO(8 * DAY), .state = STATE_STALLED,
     .level = HEALTH_BROKEN, .first = REASON_STALLED_SEARCH},
    {.name = "managed by an organisation: neutral", .asked = true, .available = true,
     .wua_search = AGO(60 * DAY), .managed = true, .state = STATE_MANAGED, .level = HEALTH_OK,
     .first = REASON_MANAGED},
    {.name = "a policy turns updating off: that, not a stall", .asked = true, .available = true,
     .wua_search = AGO(60 * DAY), .policy = POLICY_NO_AUTO_UPDATE, .state = STATE_ATTENTION,
     .level = HEALTH_ATTENTION, .first = REASON_POLICY_NO_AUTO_UPDATE},
    {.name = "last operation failed after the last install: failing", .asked = true,
     .available = true, .wua_search = AGO(DAY), .wua_install = AGO(5 * DAY), .history = true,
     .op_failed = true, .op_at = AGO(DAY), .state = STATE_FAILING, .level = HEALTH_BROKEN,
     .first = REASON_LAST_OP_FAILED},
    {.name = "a failure older than the last install: ok", .asked = true, .available = true,
     .wua_search = AGO(DAY), .wua_install = AGO(2 * DAY), .history = true, .op_failed = true,
     .op_at = AGO(3 * DAY), .state = STATE_OK, .level = HEALTH_OK, .first = REASON_LAST_SEARCH},
    {.name = "a failure, no install known: failing", .asked = true, .available = true,
     .wua_search = AGO(DAY), .history = true, .op_failed = true, .op_at = AGO(DAY),
     .state = STATE_FAILING, .level = HEALTH_BROKEN, .first = REASON_LAST_OP_FAILED},
    {.name = "history not readable: no failure claimed", .asked = true, .available = true,
     .wua_search = AGO(DAY), .history = false, .op_failed = true, .op_at = AGO(DAY),
     .state = STATE_OK, .level = HEALTH_OK, .first = REASON_LAST_SEARCH},
    {.name = "failing while managed: still failing", .asked = true, .available = true,
     .wua_search = AGO(DAY), .managed = true, .history = true, .op_failed = true,
     .op_at = AGO(DAY), .state = STATE_FAILING, .level = HEALTH_BROKEN,
     .first = REASON_LAST_OP_FAILED},
    {.name = "stalled outranks failing", .asked = true, .available = true,
     .wua_search = AGO(10 * DAY), .history = true, .op_failed = true, .op_at = AGO(DAY),
     .state = STATE_STALLED, .level = HEALTH_BROKEN},
    {.name = "a disabled service outranks stalled", .asked = true, .available = true,
     .wua_search = AGO(10 * DAY), .wu_start = SVC_START_DISABLED, .state = STATE_BROKEN,
     .level = HEALTH_BROKEN},
    {.name = "a policy and a failure: failing first", .asked = true, .available = true,
     .wua_search = AGO(DAY), .policy = POLICY_DISABLE_WU_ACCESS, .history = true, .op_failed = true,
     .op_at = AGO(DAY), .state = STATE_FAILING, .level = HEALTH_BROKEN},
    {.name = "a policy outranks restart needed", .asked = true, .available = true,
     .wua_search = AGO(DAY), .policy = POLICY_NO_INTERNET_LOCATIONS, .reboot = true,
     .reboot_since = AGO(3 * DAY), .state = STATE_ATTENTION, .level = HEALTH_ATTENTION},
    {.name = "restart waiting for more than a day: restart needed", .asked = true,
     .available = true, .wua_search = AGO(DAY), .reboot = true, .reboot_since = AGO(DAY + 1),
     .state = STATE_RESTART_NEEDED, .level = HEALTH_ATTENTION, .first = REASON_REBOOT_REQUIRED},
    {.name = "restart waiting for a day exactly: ok, mentioned", .asked = true, .available = true,
     .wua_search = AGO(DAY), .reboot = true, .reboot_since = AGO(DAY), .state = STATE_OK,
     .level = HEALTH_OK},
    {.name = "failing outranks restart needed", .asked = true, .available = true,
     .wua_search = AGO(DAY), .reboot = true, .reboot_since = AGO(3 * DAY), .history = true,
     .op_failed = true, .op_at = AGO(DAY), .state = STATE_FAILING, .level = HEALTH_BROKEN},
    {.name = "the agent says a restart is needed (since unknown): ok, mentioned", .asked = true,
     .available = true, .wua_search = AGO(DAY), .wua_reboot = true, .state = STATE_OK,
     .level = HEALTH_OK},
    {.name = "a service starting: working", .asked = true, .available = true,
     .wua_search = AGO(DAY), .wu_state = SVC_START_PENDING, .state = STATE_WORKING,
     .level = HEALTH_OK},
    {.name = "working outranks unknown", .asked = true, .wu_state = SVC_START_PENDING,
     .state = STATE_WORKING, .level = HEALTH_UNKNOWN},
    {.name = "metered: a late installation is expected, not a stall", .asked = true,
     .available = true, .wua_search = AGO(DAY), .wua_install = AGO(40 * DAY), .metered = true,
     .state = STATE_OK, .level = HEALTH_OK},
    {.name = "metered: a late search is still a stall", .asked = true, .available = true,
     .wua_search = AGO(8 * DAY), .metered = true, .state = STATE_STALLED, .level = HEALTH_BROKEN,
     .first = REASON_STALLED_SEARCH},
    {.name = "event log: a download failed after the last install: failing", .asked = true,
     .available = true, .wua_search = AGO(DAY), .wua_install = AGO(5 * DAY), .ev_read = true,
     .ev_fail_at = AGO(DAY / 2), .ev_op = WU_OP_DOWNLOAD, .state = STATE_FAILING,
     .level = HEALTH_BROKEN, .first = REASON_LAST_OP_FAILED},
    {.name = "event log: a search failed, then one succeeded: ok", .asked = true, .available = true,
     .wua_search = AGO(DAY), .ev_read = true, .ev_fail_at = AGO(2 * DAY), .ev_op = WU_OP_SCAN,
     .state = STATE_OK, .level = HEALTH_OK},
    {.name = "event log: a search failed after the last good one: failing", .asked = true,
     .available = true, .wua_search = AGO(3 * DAY), .ev_read = true, .ev_fail_at = AGO(DAY),
     .ev_op = WU_OP_SCAN, .state = STATE_FAILING, .level = HEALTH_BROKEN},
    {.name = "event log: a failure older than the last install: ok", .asked = true, .available = true,
     .wua_search = AGO(DAY), .wua_install = AGO(DAY), .ev_read = true, .ev_fail_at = AGO(2 * DAY),
     .ev_op = WU_OP_INSTALL, .state = STATE_OK, .level = HEALTH_OK},
    {.name = "event log: nothing found since the last install: not a stall", .asked = true,
     .available = true, .wua_search = AGO(DAY), .wua_install = AGO(40 * DAY), .ev_read = true,
     .ev_found_at = AGO(41 * DAY), .state = STATE_OK, .level = HEALTH_OK},
    {.name = "event log: updates found since, none installed: stalled", .asked = true,
     .available = true, .wua_search = AGO(DAY), .wua_install = AGO(40 * DAY), .ev_read = true,
     .ev_found_at = AGO(20 * DAY), .state = STATE_STALLED, .level = HEALTH_BROKEN,
     .first = REASON_STALLED_INSTALL},
    {.name = "custom limit: 1 day", .asked = true, .available = true, .wua_search = AGO(DAY + 1),
     .lim = {1, 0, 0}, .state = STATE_STALLED, .level = HEALTH_BROKEN},
    {.name = "custom limit: 90 days", .asked = true, .available = true, .wua_search = AGO(60 * DAY),
     .lim = {90, 0, 0}, .state = STATE_OK, .level = HEALTH_OK},
    {.name = "custom limit: install 7 days", .asked = true, .available = true,
     .wua_search = AGO(DAY), .wua_install = AGO(8 * DAY), .lim = {0, 7, 0},
     .state = STATE_STALLED, .level = HEALTH_BROKEN, .first = REASON_STALLED_INSTALL},
    {.name = "custom limit: restart overdue after 2 hours", .asked = true, .available = true,
     .wua_search = AGO(DAY), .reboot = true, .reboot_since = AGO(3 * HOUR), .lim = {0, 0, 2},
     .state = STATE_RESTART_NEEDED, .level = HEALTH_ATTENTION},
};

static void table(void)
{
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct outcome_case *c = &cases[i];
        struct health_snapshot s = snap(19045, present(c->wu_state ? c->wu_state : SVC_STOPPED,
                                                       c->wu_start ? c->wu_start : SVC_START_DEMAND),
                                        present(SVC_STOPPED, SVC_START_DEMAND));
        struct health_result r;
        int failed_before = test_failed;

        s.wua.read_ms = c->asked ? T0 : 0;
        s.wua.available = c->available;
        s.wua.last_search_ms = c->wua_search;
        s.wua.last_install_ms = c->wua_install;
        s.wua.history_known = c->history;
        s.wua.last_op_failed = c->op_failed;
        s.wua.last_op_hresult = c->op_failed ? 0x8024402Cu : 0;
        s.wua.last_op_ms = c->op_at;
        s.wua.reboot_known = c->wua_reboot;
        s.wua.reboot_required = c->wua_reboot;
        s.ev.read = c->ev_read;
        s.ev.last_failure_ms = c->ev_fail_at;
        s.ev.last_failure_op = c->ev_op;
        s.ev.last_failure_code = c->ev_fail_at ? 0x80246008u : 0;
        s.ev.updates_found_ms = c->ev_found_at;
        s.net.known = c->metered;
        s.net.metered = c->metered;
        s.sig.read = true;
        s.sig.last_search_ms = c->reg_search;
        s.sig.last_install_ms = c->reg_install;
        s.sig.paused_until_ms = c->paused_until;
        s.sig.managed = c->managed;
        s.sig.reboot_required = c->reboot;
        s.sig.reboot_since_ms = c->reboot_since;
        s.sig.policy_blocks = c->policy;
        s.lim = c->lim;
        health_evaluate(&s, NULL, &r);

        CHECK_EQ_STR(health_state_keyword(c->state), health_state_keyword(r.state));
        CHECK_EQ_STR(health_level_keyword(c->level), health_level_keyword(r.level));
        if (c->first == REASON_KIND_COUNT) CHECK_EQ_INT(0, r.n_reasons);
        else if (c->first) CHECK_EQ_STR(health_reason_code(c->first), health_reason_code(r.reasons[0].kind));
        if (test_failed != failed_before) fprintf(stderr, "  in case: %s\n", c->name);
    }
}

/* The failure carries its code and date; the dates' sources merge. */
static void details(void)
{
    struct health_snapshot s = snap(19045, present(SVC_STOPPED, SVC_START_DEMAND),
                                    present(SVC_STOPPED, SVC_START_DEMAND));
    struct health_result r;

    s.sig.read = true;
    s.wua.read_ms = T0;
    s.wua.available = true;
    s.wua.last_search_ms = AGO(DAY);
    s.wua.history_known = true;
    s.wua.last_op_failed = true;
    s.wua.last_op_hresult = 0x80070070u;
    s.wua.last_op_ms = AGO(HOUR);
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(REASON_LAST_OP_FAILED, r.reasons[0].kind);
    CHECK_EQ_INT(0x80070070u, r.reasons[0].code);
    CHECK_EQ_INT(AGO(HOUR), r.reasons[0].when_ms);
    CHECK_EQ_INT(SVC_COUNT, r.reasons[0].svc);

    s.sig.last_search_ms = AGO(DAY / 2);
    {
        enum outcome_source from = OUTCOME_FROM_NONE;
        CHECK_EQ_INT(AGO(DAY / 2), outcome_last_search(&s, &from));
        CHECK_EQ_INT(OUTCOME_FROM_REGISTRY, from);
        CHECK_EQ_INT(0, outcome_last_install(&s, &from)); /* no installation date anywhere */
        CHECK_EQ_INT(OUTCOME_FROM_NONE, from);
        s.sig.last_search_ms = AGO(DAY); /* a tie: the agent */
        outcome_last_search(&s, &from);
        CHECK_EQ_INT(OUTCOME_FROM_AGENT, from);
        s.sig.last_search_ms = AGO(DAY / 2);
    }
    s.sig.read = false; /* an unread registry's values do not count */
    CHECK_EQ_INT(AGO(DAY), outcome_last_search(&s, NULL));
    s.wua.available = false;
    CHECK_EQ_INT(0, outcome_last_search(&s, NULL));
    CHECK_EQ_INT(0, outcome_last_install(&s, NULL));

    /* The newer failure of the two sources gives the code. */
    s.ev.read = true;
    s.ev.last_failure_ms = AGO(HOUR / 2);
    s.ev.last_failure_op = WU_OP_DOWNLOAD;
    s.ev.last_failure_code = 0x80240034u;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(0x80240034u, r.reasons[0].code);
    s.ev.last_failure_ms = AGO(2 * HOUR); /* older than the history's */
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(0x80070070u, r.reasons[0].code);
    memset(&s.ev, 0, sizeof(s.ev));

    /* A stalled date is said once: not also as "last successful search". */
    s.sig.read = true;
    s.sig.last_search_ms = 0;
    s.wua.available = true;
    s.wua.last_search_ms = AGO(9 * DAY);
    s.wua.history_known = false;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(1, r.n_reasons);
    CHECK_EQ_INT(REASON_STALLED_SEARCH, r.reasons[0].kind);
    CHECK_EQ_INT(AGO(9 * DAY), r.reasons[0].when_ms);

    /* Every state has a keyword and a message; out of range is "unknown". */
    for (int st = 0; st < STATE_COUNT; st++) {
        CHECK(health_state_keyword((enum health_state)st)[0] != 0);
        CHECK(health_state_msg((enum health_state)st) > 0);
    }
    CHECK_EQ_STR("unknown", health_state_keyword(STATE_COUNT));
    CHECK_EQ_STR("stalled", health_state_keyword(STATE_STALLED));
    CHECK_EQ_STR("restart_needed", health_state_keyword(STATE_RESTART_NEEDED));
}

int main(void)
{
    table();
    details();
    return test_summary("test_outcome");
}
