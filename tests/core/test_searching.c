/* Table tests of the search rules: the newest successful search of the three
 * sources, the 7-day stall and its boundary, dates in the future, neutral
 * states, a pause that has ended, user thresholds, a failed search, a
 * refusing agent and "cannot tell"; then a few cases through health_evaluate
 * for the state chosen. "Now" is T0; times are before it. */
#include "health.h"
#include "readings.h"
#include "searching.h"
#include "test.h"

#define DAY (24ll * 60 * 60 * 1000)
#define HOUR (60ll * 60 * 1000)
#define AGO(ms) ((uint64_t)((long long)T0 - (ms)))

#define MAX_KINDS 4

struct search_case {
    const char *name;
    /* the agent */
    bool available, refused;
    uint64_t agent;
    /* the Operational log (via the patch summary) */
    bool log_read;
    uint64_t log, failed;
    uint32_t failed_code;
    /* the registry */
    bool reg_unread;
    uint64_t reg, paused_until;
    bool managed;
    uint32_t policy;
    bool metered, cost_unknown;
    uint32_t days; /* lim.stalled_search_days */
    /* expected: the reasons in the order searching_evaluate adds them */
    unsigned n;
    enum reason_kind kinds[MAX_KINDS];
    uint64_t last;        /* when_ms of LAST_SEARCH / STALLED_SEARCH */
    enum search_source from;
    enum health_state state;
};

#define K0 .n = 0
#define K1(a) .n = 1, .kinds = {a}
#define K2(a, b) .n = 2, .kinds = {a, b}
#define K3(a, b, c) .n = 3, .kinds = {a, b, c}

#define AGENT(t) .available = true, .agent = (t)
#define LAST(t, src) .last = (t), .from = (src)

static void run_case(const struct search_case *c)
{
    struct health_snapshot s = snap(26200, present(SVC_STOPPED, SVC_START_DEMAND), present(SVC_STOPPED, SVC_START_DEMAND));
    struct health_result res;
    enum search_source from = SEARCH_FROM_NONE;
    int failed_before = test_failed;

    s.wua.read_ms = T0;
    s.wua.available = c->available;
    s.wua.last_search_ms = c->agent;
    s.wua.access_denied = c->refused;
    s.patches.operational_log_read = c->log_read;
    s.patches.last_search_ms = c->log;
    s.patches.search_failed_ms = c->failed;
    s.patches.search_failed_code = c->failed_code;
    s.sig.read = !c->reg_unread;
    s.sig.last_search_ms = c->reg;
    s.sig.paused_until_ms = c->paused_until;
    s.sig.managed = c->managed;
    s.sig.policy_blocks = c->policy;
    s.net.known = c->metered && !c->cost_unknown;
    s.net.metered = c->metered;
    s.lim.stalled_search_days = c->days;

    memset(&res, 0, sizeof(res));
    res.level = HEALTH_OK;
    searching_evaluate(&s, &res);

    CHECK_EQ_INT(c->n, res.n_reasons);
    for (unsigned i = 0; i < c->n && i < res.n_reasons; i++) {
        const struct health_reason *r = &res.reasons[i];
        CHECK_EQ_STR(health_reason_code(c->kinds[i]), health_reason_code(r->kind));
        CHECK_EQ_INT(SVC_COUNT, r->svc);
        switch (r->kind) {
        case REASON_LAST_SEARCH:
            CHECK_EQ_STR("ok", health_level_keyword(r->level));
            CHECK_EQ_INT(c->last, r->when_ms);
            break;
        case REASON_STALLED_SEARCH:
            CHECK_EQ_STR("critical", health_level_keyword(r->level));
            CHECK_EQ_INT(c->last, r->when_ms);
            break;
        case REASON_SEARCH_FAILED:
            CHECK_EQ_STR("critical", health_level_keyword(r->level));
            CHECK_EQ_INT(c->failed, r->when_ms);
            CHECK_EQ_INT(c->failed_code, r->code);
            break;
        case REASON_OUTCOME_UNKNOWN:
        case REASON_AGENT_REFUSED:
            CHECK_EQ_STR("unknown", health_level_keyword(r->level));
            break;
        case REASON_METERED:
            CHECK_EQ_STR("ok", health_level_keyword(r->level));
            break;
        default:
            break;
        }
    }
    CHECK_EQ_INT(c->last, searching_last_success(&s, &from));
    CHECK_EQ_STR(searching_source_keyword(c->from), searching_source_keyword(from));
    health_finish(&res);
    CHECK_EQ_STR(health_state_keyword(c->state), health_state_keyword(res.state));
    if (test_failed != failed_before) fprintf(stderr, "  in case: %s\n", c->name);
}

static void table(void)
{
    static const struct search_case cases[] = {
        /* The 7-day rule and its boundary. */
        {"search exactly 7 days ago: not yet stalled", AGENT(AGO(7 * DAY)), K1(REASON_LAST_SEARCH),
         LAST(AGO(7 * DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"search 7 days and 1 ms ago: stalled", AGENT(AGO(7 * DAY + 1)), K1(REASON_STALLED_SEARCH),
         LAST(AGO(7 * DAY + 1), SEARCH_FROM_AGENT), .state = STATE_STALLED},
        {"search dated a day ahead (clock went back a day): not stalled", AGENT(AGO(-DAY)), K1(REASON_LAST_SEARCH),
         LAST(AGO(-DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"search dated 2 days ahead: still counts", AGENT(AGO(-2 * DAY)), K1(REASON_LAST_SEARCH),
         LAST(AGO(-2 * DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"search dated 3 days ahead: the clock is wrong, cannot tell (never OK)", AGENT(AGO(-3 * DAY)),
         K1(REASON_CLOCK_BEHIND), LAST(AGO(-3 * DAY), SEARCH_FROM_AGENT), .state = STATE_UNKNOWN},
        {"a registry date years ahead masks nothing: unknown", .reg = AGO(-3000LL * DAY), K1(REASON_CLOCK_BEHIND),
         LAST(AGO(-3000LL * DAY), SEARCH_FROM_REGISTRY), .state = STATE_UNKNOWN},
        /* The sources. */
        {"registry only (Windows 7/8.1), old search: stalled", .reg = AGO(8 * DAY), K1(REASON_STALLED_SEARCH),
         LAST(AGO(8 * DAY), SEARCH_FROM_REGISTRY), .state = STATE_STALLED},
        {"registry only, recent search: ok", .reg = AGO(6 * DAY), K1(REASON_LAST_SEARCH),
         LAST(AGO(6 * DAY), SEARCH_FROM_REGISTRY), .state = STATE_OK},
        {"registry old but agent recent: the newest counts", AGENT(AGO(DAY)), .reg = AGO(40 * DAY),
         K1(REASON_LAST_SEARCH), LAST(AGO(DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"agent old but registry recent: the newest counts", AGENT(AGO(10 * DAY)), .reg = AGO(DAY),
         K1(REASON_LAST_SEARCH), LAST(AGO(DAY), SEARCH_FROM_REGISTRY), .state = STATE_OK},
        {"agent not available: its date is ignored", .available = false, .agent = AGO(DAY), .reg = AGO(9 * DAY),
         K1(REASON_STALLED_SEARCH), LAST(AGO(9 * DAY), SEARCH_FROM_REGISTRY), .state = STATE_STALLED},
        {"registry not read: its date is ignored", AGENT(AGO(9 * DAY)), .reg_unread = true, .reg = AGO(DAY),
         K1(REASON_STALLED_SEARCH), LAST(AGO(9 * DAY), SEARCH_FROM_AGENT), .state = STATE_STALLED},
        {"Operational log newer than the agent: it counts", AGENT(AGO(10 * DAY)), .log_read = true,
         .log = AGO(DAY), K1(REASON_LAST_SEARCH), LAST(AGO(DAY), SEARCH_FROM_EVENT_LOG), .state = STATE_OK},
        {"Operational log only", .log_read = true, .log = AGO(2 * DAY), K1(REASON_LAST_SEARCH),
         LAST(AGO(2 * DAY), SEARCH_FROM_EVENT_LOG), .state = STATE_OK},
        {"Operational log only, old: stalled", .log_read = true, .log = AGO(8 * DAY), K1(REASON_STALLED_SEARCH),
         LAST(AGO(8 * DAY), SEARCH_FROM_EVENT_LOG), .state = STATE_STALLED},
        {"Operational log not read: its date is ignored", AGENT(AGO(10 * DAY)), .log_read = false,
         .log = AGO(DAY), K1(REASON_STALLED_SEARCH), LAST(AGO(10 * DAY), SEARCH_FROM_AGENT), .state = STATE_STALLED},
        {"Operational log older than the registry", .log_read = true, .log = AGO(5 * DAY), .reg = AGO(2 * DAY),
         K1(REASON_LAST_SEARCH), LAST(AGO(2 * DAY), SEARCH_FROM_REGISTRY), .state = STATE_OK},
        /* No source at all. */
        {"no source: cannot tell", K1(REASON_OUTCOME_UNKNOWN), LAST(0, SEARCH_FROM_NONE), .state = STATE_UNKNOWN},
        {"agent not available, registry silent: cannot tell", .available = false, .agent = 0,
         K1(REASON_OUTCOME_UNKNOWN), LAST(0, SEARCH_FROM_NONE), .state = STATE_UNKNOWN},
        {"no source while managed: neutral, nothing claimed", .managed = true, K0, LAST(0, SEARCH_FROM_NONE),
         .state = STATE_OK},
        {"no source while paused: neutral, nothing claimed", .paused_until = AGO(-5 * DAY), K0,
         LAST(0, SEARCH_FROM_NONE), .state = STATE_OK},
        /* Neutral states: never stalled. */
        {"paused: never stalled", AGENT(AGO(20 * DAY)), .paused_until = AGO(-5 * DAY), K1(REASON_LAST_SEARCH),
         LAST(AGO(20 * DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"managed by an organisation: never stalled", AGENT(AGO(60 * DAY)), .managed = true,
         K1(REASON_LAST_SEARCH), LAST(AGO(60 * DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"policy NoAutoUpdate: never stalled", AGENT(AGO(60 * DAY)), .policy = POLICY_NO_AUTO_UPDATE,
         K1(REASON_LAST_SEARCH), LAST(AGO(60 * DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"policy DisableWindowsUpdateAccess: never stalled", AGENT(AGO(60 * DAY)),
         .policy = POLICY_DISABLE_WU_ACCESS, K1(REASON_LAST_SEARCH), LAST(AGO(60 * DAY), SEARCH_FROM_AGENT),
         .state = STATE_OK},
        {"policy no internet locations: never stalled", AGENT(AGO(60 * DAY)),
         .policy = POLICY_NO_INTERNET_LOCATIONS, K1(REASON_LAST_SEARCH), LAST(AGO(60 * DAY), SEARCH_FROM_AGENT),
         .state = STATE_OK},
        {"registry not read: its pause does not count", AGENT(AGO(20 * DAY)), .reg_unread = true,
         .paused_until = AGO(-5 * DAY), K1(REASON_STALLED_SEARCH), LAST(AGO(20 * DAY), SEARCH_FROM_AGENT),
         .state = STATE_STALLED},
        /* A pause that has ended. */
        {"pause ended 3 days ago: the pause is not held against it", AGENT(AGO(20 * DAY)),
         .paused_until = AGO(3 * DAY), K1(REASON_LAST_SEARCH), LAST(AGO(20 * DAY), SEARCH_FROM_AGENT),
         .state = STATE_OK},
        {"pause ended 8 days ago: stalled again", AGENT(AGO(20 * DAY)), .paused_until = AGO(8 * DAY),
         K1(REASON_STALLED_SEARCH), LAST(AGO(20 * DAY), SEARCH_FROM_AGENT), .state = STATE_STALLED},
        {"pause ended exactly 7 days ago: not yet stalled", AGENT(AGO(20 * DAY)), .paused_until = AGO(7 * DAY),
         K1(REASON_LAST_SEARCH), LAST(AGO(20 * DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"pause ended 7 days and 1 ms ago: stalled", AGENT(AGO(20 * DAY)), .paused_until = AGO(7 * DAY + 1),
         K1(REASON_STALLED_SEARCH), LAST(AGO(20 * DAY), SEARCH_FROM_AGENT), .state = STATE_STALLED},
        {"pause ends right now: not paused, and not held against it", AGENT(AGO(20 * DAY)), .paused_until = T0,
         K1(REASON_LAST_SEARCH), LAST(AGO(20 * DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"pause ended before the last search: the search counts", AGENT(AGO(10 * DAY)),
         .paused_until = AGO(20 * DAY), K1(REASON_STALLED_SEARCH), LAST(AGO(10 * DAY), SEARCH_FROM_AGENT),
         .state = STATE_STALLED},
        /* The user's threshold. */
        {"limit 1 day: a day exactly", AGENT(AGO(DAY)), .days = 1, K1(REASON_LAST_SEARCH),
         LAST(AGO(DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"limit 1 day: a day and 1 ms", AGENT(AGO(DAY + 1)), .days = 1, K1(REASON_STALLED_SEARCH),
         LAST(AGO(DAY + 1), SEARCH_FROM_AGENT), .state = STATE_STALLED},
        {"limit 90 days: 60 days is fine", AGENT(AGO(60 * DAY)), .days = 90, K1(REASON_LAST_SEARCH),
         LAST(AGO(60 * DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"limit 90 days: 91 days is stalled", AGENT(AGO(91 * DAY)), .days = 90, K1(REASON_STALLED_SEARCH),
         LAST(AGO(91 * DAY), SEARCH_FROM_AGENT), .state = STATE_STALLED},
        /* Metered: a fact, never a verdict. */
        {"metered: informational", AGENT(AGO(DAY)), .metered = true, K2(REASON_LAST_SEARCH, REASON_METERED),
         LAST(AGO(DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        {"metered: a late search is still a stall", AGENT(AGO(8 * DAY)), .metered = true,
         K2(REASON_STALLED_SEARCH, REASON_METERED), LAST(AGO(8 * DAY), SEARCH_FROM_AGENT), .state = STATE_STALLED},
        {"cost not known: not said to be metered", AGENT(AGO(DAY)), .metered = true, .cost_unknown = true,
         K1(REASON_LAST_SEARCH), LAST(AGO(DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        /* A failed search. */
        {"a search failed after the last good one: failing", AGENT(AGO(3 * DAY)), .log_read = true,
         .failed = AGO(HOUR), .failed_code = 0x8024402Cu, K2(REASON_SEARCH_FAILED, REASON_LAST_SEARCH),
         LAST(AGO(3 * DAY), SEARCH_FROM_AGENT), .state = STATE_FAILING},
        {"a search failed, the log's last good one older: failing", .log_read = true, .log = AGO(2 * DAY),
         .failed = AGO(DAY), .failed_code = 0x80072EE2u, K2(REASON_SEARCH_FAILED, REASON_LAST_SEARCH),
         LAST(AGO(2 * DAY), SEARCH_FROM_EVENT_LOG), .state = STATE_FAILING},
        {"a search failed and none is known: failing outranks cannot tell", .log_read = true,
         .failed = AGO(DAY), .failed_code = 0x8024401Cu, K2(REASON_SEARCH_FAILED, REASON_OUTCOME_UNKNOWN),
         LAST(0, SEARCH_FROM_NONE), .state = STATE_FAILING},
        {"a search failed and the last good one is old: stalled outranks failing", AGENT(AGO(10 * DAY)),
         .log_read = true, .failed = AGO(DAY), .failed_code = 0x8024402Cu,
         K2(REASON_SEARCH_FAILED, REASON_STALLED_SEARCH), LAST(AGO(10 * DAY), SEARCH_FROM_AGENT),
         .state = STATE_STALLED},
        {"a search failed, then the agent searched successfully: ok", AGENT(AGO(DAY)), .log_read = true,
         .failed = AGO(2 * DAY), .failed_code = 0x8024402Cu, K1(REASON_LAST_SEARCH),
         LAST(AGO(DAY), SEARCH_FROM_AGENT), .state = STATE_OK},
        /* The agent refused this session. */
        {"agent refused, no other source", .refused = true, K2(REASON_AGENT_REFUSED, REASON_OUTCOME_UNKNOWN),
         LAST(0, SEARCH_FROM_NONE), .state = STATE_UNKNOWN},
        {"agent refused, the registry knows", .refused = true, .reg = AGO(DAY),
         K2(REASON_AGENT_REFUSED, REASON_LAST_SEARCH), LAST(AGO(DAY), SEARCH_FROM_REGISTRY),
         .state = STATE_UNKNOWN},
        {"agent refused while managed", .refused = true, .managed = true, K1(REASON_AGENT_REFUSED),
         LAST(0, SEARCH_FROM_NONE), .state = STATE_UNKNOWN},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) run_case(&cases[i]);
}

/* Ties, NULL out-parameter, keywords, the neutral test. */
static void sources(void)
{
    struct health_snapshot s = snap(26200, present(SVC_STOPPED, SVC_START_DEMAND), present(SVC_STOPPED, SVC_START_DEMAND));
    enum search_source from = SEARCH_FROM_AGENT;

    CHECK_EQ_INT(0, searching_last_success(&s, &from));
    CHECK_EQ_INT(SEARCH_FROM_NONE, from);
    CHECK_EQ_INT(0, searching_last_success(&s, NULL));

    s.wua.available = true;
    s.wua.last_search_ms = AGO(DAY);
    s.patches.operational_log_read = true;
    s.patches.last_search_ms = AGO(DAY);
    s.sig.read = true;
    s.sig.last_search_ms = AGO(DAY);
    CHECK_EQ_INT(AGO(DAY), searching_last_success(&s, &from));
    CHECK_EQ_INT(SEARCH_FROM_AGENT, from); /* a tie of three: the agent */
    s.wua.available = false;
    searching_last_success(&s, &from);
    CHECK_EQ_INT(SEARCH_FROM_EVENT_LOG, from); /* the log before the registry */
    s.patches.operational_log_read = false;
    searching_last_success(&s, &from);
    CHECK_EQ_INT(SEARCH_FROM_REGISTRY, from);
    s.wua.available = true;
    searching_last_success(&s, &from);
    CHECK_EQ_INT(SEARCH_FROM_AGENT, from); /* the agent before the registry */
    CHECK_EQ_INT(AGO(DAY), searching_last_success(&s, NULL));

    CHECK_EQ_STR("agent", searching_source_keyword(SEARCH_FROM_AGENT));
    CHECK_EQ_STR("event_log", searching_source_keyword(SEARCH_FROM_EVENT_LOG));
    CHECK_EQ_STR("registry", searching_source_keyword(SEARCH_FROM_REGISTRY));
    CHECK_EQ_STR("none", searching_source_keyword(SEARCH_FROM_NONE));

    memset(&s.sig, 0, sizeof(s.sig));
    CHECK(!searching_neutral(&s));
    s.sig.managed = true;
    CHECK(!searching_neutral(&s)); /* an unread registry says nothing */
    s.sig.read = true;
    CHECK(searching_neutral(&s));
    s.sig.managed = false;
    CHECK(!searching_neutral(&s));
    s.sig.paused_until_ms = T0 + 1;
    CHECK(searching_neutral(&s));
    s.sig.paused_until_ms = T0; /* the pause ends now */
    CHECK(!searching_neutral(&s));
    s.sig.paused_until_ms = 0;
    s.sig.policy_blocks = POLICY_NO_INTERNET_LOCATIONS;
    CHECK(searching_neutral(&s));
}

/* A PC that is fine, through health_evaluate: the services idle, the agent
 * read, a recent patch and a supported Windows (25H2 Pro ends 2027-10-12;
 * T0 is 2023-11-14). */
static struct health_snapshot clean(void)
{
    struct health_snapshot s = snap(26200, present(SVC_STOPPED, SVC_START_DEMAND), present(SVC_STOPPED, SVC_START_DEMAND));

    s.wua.read_ms = T0;
    s.wua.available = true;
    s.wua.last_search_ms = AGO(DAY);
    s.sig.read = true;
    s.patches.history_read = true;
    s.patches.last_patch_ms = AGO(10 * DAY);
    s.pc.os.read = true;
    s.pc.os.build = 26200;
    snprintf(s.pc.os.edition, sizeof(s.pc.os.edition), "Professional");
    snprintf(s.pc.os.installation_type, sizeof(s.pc.os.installation_type), "Client");
    return s;
}

static const struct health_reason *find(const struct health_result *r, enum reason_kind kind)
{
    for (unsigned i = 0; i < r->n_reasons; i++)
        if (r->reasons[i].kind == kind) return &r->reasons[i];
    return NULL;
}

static void through_health(void)
{
    struct health_snapshot s;
    struct health_result r;
    const struct health_reason *x;

    s = clean();
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_STR("ok", health_state_keyword(r.state));
    CHECK_EQ_STR("ok", health_level_keyword(r.level));
    CHECK_EQ_INT(3, r.n_reasons); /* last search, last patch, supported */
    CHECK(find(&r, REASON_LAST_SEARCH) != NULL);
    CHECK(find(&r, REASON_LAST_PATCH) != NULL);
    CHECK(find(&r, REASON_SUPPORTED) != NULL);

    s = clean();
    s.wua.last_search_ms = AGO(8 * DAY);
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_STR("stalled", health_state_keyword(r.state));
    CHECK_EQ_STR("stalled_search", health_reason_code(r.reasons[0].kind));
    CHECK_EQ_INT(AGO(8 * DAY), r.reasons[0].when_ms);
    CHECK(find(&r, REASON_LAST_SEARCH) == NULL); /* the date is said once */

    s = clean();
    s.patches.operational_log_read = true;
    s.patches.search_failed_ms = AGO(HOUR);
    s.patches.search_failed_code = 0x8024402Cu;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_STR("failing", health_state_keyword(r.state));
    CHECK_EQ_STR("critical", health_level_keyword(r.level));
    CHECK_EQ_STR("search_failed", health_reason_code(r.reasons[0].kind));
    CHECK_EQ_INT(0x8024402Cu, r.reasons[0].code);
    CHECK_EQ_INT(AGO(HOUR), r.reasons[0].when_ms);

    s = clean();
    s.wua.last_search_ms = AGO(30 * DAY);
    s.sig.paused_until_ms = AGO(-5 * DAY);
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_STR("paused", health_state_keyword(r.state));
    CHECK(find(&r, REASON_STALLED_SEARCH) == NULL);

    s = clean();
    s.wua.available = false;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_STR("unknown", health_state_keyword(r.state));
    CHECK(find(&r, REASON_OUTCOME_UNKNOWN) != NULL);

    s = clean();
    s.wua.available = false;
    s.patches.operational_log_read = true;
    s.patches.last_search_ms = AGO(2 * DAY);
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_STR("ok", health_state_keyword(r.state));
    x = find(&r, REASON_LAST_SEARCH);
    CHECK(x != NULL);
    if (x) CHECK_EQ_INT(AGO(2 * DAY), x->when_ms);

    s = clean();
    s.wua.access_denied = true;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_STR("unknown", health_state_keyword(r.state));
    CHECK(find(&r, REASON_AGENT_REFUSED) != NULL);

    /* The slow signals not read yet: nothing about searches or patches,
     * even with an old registry date, a failure and no patch history. */
    s = clean();
    s.wua.read_ms = 0;
    s.wua.available = false;
    s.sig.last_search_ms = AGO(400 * DAY);
    s.patches.search_failed_ms = AGO(HOUR);
    s.patches.history_read = false;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_STR("ok", health_state_keyword(r.state));
    CHECK_EQ_INT(1, r.n_reasons);
    CHECK_EQ_STR("supported", health_reason_code(r.reasons[0].kind));
    for (unsigned i = 0; i < r.n_reasons; i++) {
        enum reason_kind k = r.reasons[i].kind;
        CHECK(k < REASON_STALLED_SEARCH || k > REASON_LAST_PATCH);
    }
}

int main(void)
{
    table();
    sources();
    through_health();
    return test_summary("test_searching");
}
