#include "health.h"
#include "msg.h"
#include "outcome.h"

#include <string.h>

uint32_t health_pending_bound_ms(uint32_t wait_hint_ms)
{
    if (wait_hint_ms < HEALTH_PENDING_FLOOR_MS) return HEALTH_PENDING_FLOOR_MS;
    if (wait_hint_ms > HEALTH_PENDING_CAP_MS) return HEALTH_PENDING_CAP_MS;
    return wait_hint_ms;
}

uint32_t health_oneshot_watch_ms(uint32_t wait_hint_ms)
{
    if (wait_hint_ms < HEALTH_ONESHOT_MIN_MS) return HEALTH_ONESHOT_MIN_MS;
    if (wait_hint_ms > HEALTH_ONESHOT_MAX_MS) return HEALTH_ONESHOT_MAX_MS;
    return wait_hint_ms;
}

void health_watch_init(struct health_watch *w)
{
    memset(w, 0, sizeof(*w));
}

static int auto_start(enum svc_start start)
{
    return start == SVC_START_AUTO || start == SVC_START_AUTO_DELAYED;
}

void health_watch_update(struct health_watch *w, const struct health_snapshot *s)
{
    for (int i = 0; i < SVC_COUNT; i++) {
        const struct svc_reading *r = &s->svc[i];
        int present = r->presence == SVC_PRESENT;
        int pending = present && svc_is_pending(r->state);

        if (!pending) {
            w->svc[i].pending_state = SVC_STATE_UNKNOWN;
        } else if (w->svc[i].pending_state != r->state ||
                   w->svc[i].pending_checkpoint != r->checkpoint ||
                   s->taken_ms < w->svc[i].pending_since_ms) {
            /* New pending state, progress, or the clock went backwards:
             * start measuring again rather than report a false "stuck". */
            w->svc[i].pending_state = r->state;
            w->svc[i].pending_checkpoint = r->checkpoint;
            w->svc[i].pending_since_ms = s->taken_ms;
        }

        if (present && auto_start(r->start) && r->state == SVC_STOPPED)
            w->svc[i].auto_stopped_streak++;
        else
            w->svc[i].auto_stopped_streak = 0;
    }
}

void health_add_reason(struct health_result *out, enum reason_kind kind, enum svc_id svc,
                       enum health_level level, uint64_t when_ms, uint32_t code)
{
    struct health_reason *r;

    if (out->n_reasons >= HEALTH_MAX_REASONS) return;
    r = &out->reasons[out->n_reasons++];
    r->kind = kind;
    r->svc = svc;
    r->level = level;
    r->when_ms = when_ms;
    r->code = code;
    if (health_level_rank(level) > health_level_rank(out->level))
        out->level = level;
}

static void add_reason_at(struct health_result *out, enum reason_kind kind,
                          enum svc_id svc, enum health_level level, uint64_t when_ms)
{
    health_add_reason(out, kind, svc, level, when_ms, 0);
}

static void add_reason(struct health_result *out, enum reason_kind kind,
                       enum svc_id svc, enum health_level level)
{
    health_add_reason(out, kind, svc, level, 0, 0);
}

/* Signals about updating as a whole. Paused and managed are neutral states,
 * never faults; a policy that turns updating off is worth attention (and a
 * restart of the services would not help). */
static void evaluate_signals(const struct health_snapshot *s, struct health_result *out)
{
    const struct update_signals *g = &s->sig;
    uint64_t overdue_ms = (uint64_t)(s->lim.reboot_overdue_hours ? s->lim.reboot_overdue_hours
                                                                 : HEALTH_REBOOT_OVERDUE_HOURS) * 3600000u;

    if (!g->read) {
        /* The agent may still know a restart is waiting; not since when. */
        if (s->wua.reboot_known && s->wua.reboot_required)
            add_reason(out, REASON_REBOOT_REQUIRED, SVC_COUNT, HEALTH_OK);
        return;
    }
    if (g->reboot_required || g->reboot_pending || (s->wua.reboot_known && s->wua.reboot_required)) {
        bool overdue = g->reboot_since_ms && s->taken_ms > g->reboot_since_ms &&
                       s->taken_ms - g->reboot_since_ms > overdue_ms;
        add_reason_at(out, REASON_REBOOT_REQUIRED, SVC_COUNT, overdue ? HEALTH_ATTENTION : HEALTH_OK,
                      g->reboot_since_ms);
    }
    if (g->paused_until_ms > s->taken_ms)
        add_reason_at(out, REASON_UPDATES_PAUSED, SVC_COUNT, HEALTH_OK, g->paused_until_ms);
    if (g->managed) add_reason(out, REASON_MANAGED, SVC_COUNT, HEALTH_OK);
    if (g->policy_blocks & POLICY_NO_AUTO_UPDATE)
        add_reason(out, REASON_POLICY_NO_AUTO_UPDATE, SVC_COUNT, HEALTH_ATTENTION);
    if (g->policy_blocks & POLICY_DISABLE_WU_ACCESS)
        add_reason(out, REASON_POLICY_NO_WU_ACCESS, SVC_COUNT, HEALTH_ATTENTION);
    if (g->policy_blocks & POLICY_NO_INTERNET_LOCATIONS)
        add_reason(out, REASON_POLICY_NO_INTERNET, SVC_COUNT, HEALTH_ATTENTION);
}

static enum health_state reason_state(const struct health_reason *r);

static void evaluate_pending(const struct health_snapshot *s,
                             const struct health_watch *w, enum svc_id id,
                             struct health_result *out)
{
    const struct svc_reading *r = &s->svc[id];
    int starting = r->state == SVC_START_PENDING || r->state == SVC_CONTINUE_PENDING;
    uint64_t pending_for = 0;

    if (w && w->svc[id].pending_state == r->state &&
        s->taken_ms >= w->svc[id].pending_since_ms)
        pending_for = s->taken_ms - w->svc[id].pending_since_ms;

    if (pending_for > health_pending_bound_ms(r->wait_hint_ms) ||
        (r->no_progress_ms > 0 && r->no_progress_ms >= health_oneshot_watch_ms(r->wait_hint_ms)))
        add_reason(out, starting ? REASON_STUCK_STARTING : REASON_STUCK_STOPPING,
                   id, HEALTH_BROKEN);
    else
        add_reason(out, starting ? REASON_STARTING : REASON_STOPPING, id, HEALTH_OK);
}

static void evaluate_service(const struct health_snapshot *s,
                             const struct health_watch *w, enum svc_id id,
                             struct health_result *out)
{
    const struct svc_reading *r = &s->svc[id];

    switch (r->presence) {
    case SVC_MISSING:
        if (svc_expected(id, s->os_build))
            add_reason(out, REASON_MISSING, id, HEALTH_BROKEN);
        return;
    case SVC_ACCESS_DENIED:
        /* Everyone may query these services by default: a denial means
         * someone changed their permissions, often to block updates. */
        add_reason(out, REASON_ACCESS_DENIED, id, HEALTH_ATTENTION);
        return;
    case SVC_QUERY_FAILED:
        add_reason(out, REASON_QUERY_FAILED, id, HEALTH_UNKNOWN);
        return;
    case SVC_PRESENT:
        break;
    }

    if (r->start == SVC_START_DISABLED) {
        add_reason(out, REASON_DISABLED, id, HEALTH_BROKEN);
        return;
    }
    if (svc_is_pending(r->state)) {
        evaluate_pending(s, w, id, out);
        return;
    }
    if (r->state == SVC_PAUSED) {
        add_reason(out, REASON_PAUSED, id, HEALTH_ATTENTION);
        return;
    }
    if (auto_start(r->start) && r->state == SVC_STOPPED) {
        int confirmed = w && w->svc[id].auto_stopped_streak >= HEALTH_CONFIRM_READINGS;
        add_reason(out, REASON_AUTO_STOPPED, id,
                   confirmed ? HEALTH_ATTENTION : HEALTH_OK);
    }
    if (r->state == SVC_STATE_UNKNOWN)
        add_reason(out, REASON_QUERY_FAILED, id, HEALTH_UNKNOWN);
}

void health_evaluate(const struct health_snapshot *s, const struct health_watch *w,
                     struct health_result *out)
{
    memset(out, 0, sizeof(*out));
    out->level = HEALTH_OK;
    for (int i = 0; i < SVC_COUNT; i++)
        evaluate_service(s, w, (enum svc_id)i, out);
    evaluate_signals(s, out);
    outcome_evaluate(s, out);

    /* Worst reasons first, so a one-line summary shows the one that matters. */
    for (unsigned i = 1; i < out->n_reasons; i++) {
        struct health_reason key = out->reasons[i];
        unsigned j = i;
        while (j > 0 && health_level_rank(out->reasons[j - 1].level) <
                            health_level_rank(key.level)) {
            out->reasons[j] = out->reasons[j - 1];
            j--;
        }
        out->reasons[j] = key;
    }

    out->state = STATE_OK;
    for (unsigned i = 0; i < out->n_reasons; i++) {
        enum health_state st = reason_state(&out->reasons[i]);
        if (st < out->state) out->state = st;
    }
}

int health_level_rank(enum health_level level)
{
    switch (level) {
    case HEALTH_OK: return 0;
    case HEALTH_UNKNOWN: return 1;
    case HEALTH_ATTENTION: return 2;
    case HEALTH_BROKEN: return 3;
    }
    return 1;
}

const char *health_level_keyword(enum health_level level)
{
    switch (level) {
    case HEALTH_OK: return "ok";
    case HEALTH_ATTENTION: return "warning";
    case HEALTH_BROKEN: return "critical";
    case HEALTH_UNKNOWN: break;
    }
    return "unknown";
}

int health_level_msg(enum health_level level)
{
    switch (level) {
    case HEALTH_OK: return IDS_LEVEL_OK;
    case HEALTH_ATTENTION: return IDS_LEVEL_ATTENTION;
    case HEALTH_BROKEN: return IDS_LEVEL_BROKEN;
    case HEALTH_UNKNOWN: break;
    }
    return IDS_LEVEL_UNKNOWN;
}

/* Per reason: its code in JSON, its message, the state it stands for when it
 * counts against health (level above OK), and when it is informational
 * (STATE_COUNT: it does not choose the state then). */
static const struct {
    const char *code;
    int msg;
    enum health_state state, state_if_ok;
} reason_table[REASON_KIND_COUNT] = {
    [REASON_DISABLED] = {"disabled", IDS_REASON_DISABLED, STATE_BROKEN, STATE_COUNT},
    [REASON_MISSING] = {"missing", IDS_REASON_MISSING, STATE_BROKEN, STATE_COUNT},
    [REASON_STUCK_STARTING] = {"stuck_starting", IDS_REASON_STUCK_STARTING, STATE_BROKEN, STATE_COUNT},
    [REASON_STUCK_STOPPING] = {"stuck_stopping", IDS_REASON_STUCK_STOPPING, STATE_BROKEN, STATE_COUNT},
    [REASON_ACCESS_DENIED] = {"access_denied", IDS_REASON_ACCESS_DENIED, STATE_ATTENTION, STATE_COUNT},
    [REASON_QUERY_FAILED] = {"query_failed", IDS_REASON_QUERY_FAILED, STATE_UNKNOWN, STATE_COUNT},
    [REASON_STARTING] = {"starting", IDS_REASON_STARTING, STATE_WORKING, STATE_WORKING},
    [REASON_STOPPING] = {"stopping", IDS_REASON_STOPPING, STATE_WORKING, STATE_WORKING},
    [REASON_AUTO_STOPPED] = {"auto_stopped", IDS_REASON_AUTO_STOPPED, STATE_ATTENTION, STATE_COUNT},
    [REASON_PAUSED] = {"paused", IDS_REASON_PAUSED, STATE_ATTENTION, STATE_COUNT},
    [REASON_REBOOT_REQUIRED] = {"reboot_required", IDS_REASON_REBOOT_REQUIRED, STATE_RESTART_NEEDED, STATE_COUNT},
    [REASON_UPDATES_PAUSED] = {"updates_paused", IDS_REASON_UPDATES_PAUSED, STATE_PAUSED, STATE_PAUSED},
    [REASON_MANAGED] = {"managed", IDS_REASON_MANAGED, STATE_MANAGED, STATE_MANAGED},
    [REASON_POLICY_NO_AUTO_UPDATE] = {"policy_no_auto_update", IDS_REASON_POLICY_NO_AUTO_UPDATE, STATE_ATTENTION,
                                      STATE_COUNT},
    [REASON_POLICY_NO_WU_ACCESS] = {"policy_no_windows_update_access", IDS_REASON_POLICY_NO_WU_ACCESS,
                                    STATE_ATTENTION, STATE_COUNT},
    [REASON_POLICY_NO_INTERNET] = {"policy_no_internet_locations", IDS_REASON_POLICY_NO_INTERNET, STATE_ATTENTION,
                                   STATE_COUNT},
    [REASON_STALLED_SEARCH] = {"stalled_search", IDS_REASON_STALLED_SEARCH, STATE_STALLED, STATE_COUNT},
    [REASON_STALLED_INSTALL] = {"stalled_install", IDS_REASON_STALLED_INSTALL, STATE_STALLED, STATE_COUNT},
    [REASON_LAST_OP_FAILED] = {"last_operation_failed", IDS_REASON_LAST_OP_FAILED, STATE_FAILING, STATE_COUNT},
    [REASON_OUTCOME_UNKNOWN] = {"outcome_unknown", IDS_REASON_OUTCOME_UNKNOWN, STATE_UNKNOWN, STATE_COUNT},
    [REASON_LAST_SEARCH] = {"last_search", IDS_REASON_LAST_SEARCH, STATE_COUNT, STATE_COUNT},
    [REASON_LAST_INSTALL] = {"last_install", IDS_REASON_LAST_INSTALL, STATE_COUNT, STATE_COUNT},
    [REASON_METERED] = {"metered", IDS_REASON_METERED, STATE_COUNT, STATE_COUNT},
};

static enum health_state reason_state(const struct health_reason *r)
{
    if ((unsigned)r->kind >= REASON_KIND_COUNT) return STATE_UNKNOWN;
    return r->level == HEALTH_OK ? reason_table[r->kind].state_if_ok : reason_table[r->kind].state;
}

static const struct {
    const char *keyword;
    int msg;
} state_table[STATE_COUNT] = {
    [STATE_BROKEN] = {"broken", IDS_STATE_NAME_BROKEN},
    [STATE_STALLED] = {"stalled", IDS_STATE_NAME_STALLED},
    [STATE_FAILING] = {"failing", IDS_STATE_NAME_FAILING},
    [STATE_ATTENTION] = {"attention", IDS_STATE_NAME_ATTENTION},
    [STATE_RESTART_NEEDED] = {"restart_needed", IDS_STATE_NAME_RESTART_NEEDED},
    [STATE_WORKING] = {"working", IDS_STATE_NAME_WORKING},
    [STATE_UNKNOWN] = {"unknown", IDS_STATE_NAME_UNKNOWN},
    [STATE_PAUSED] = {"paused", IDS_STATE_NAME_PAUSED},
    [STATE_MANAGED] = {"managed", IDS_STATE_NAME_MANAGED},
    [STATE_OK] = {"ok", IDS_STATE_NAME_OK},
};

const char *health_state_keyword(enum health_state state)
{
    return (unsigned)state < STATE_COUNT ? state_table[state].keyword : "unknown";
}

int health_state_msg(enum health_state state)
{
    return (unsigned)state < STATE_COUNT ? state_table[state].msg : IDS_STATE_NAME_UNKNOWN;
}

int health_reason_msg(enum reason_kind kind)
{
    return (unsigned)kind < REASON_KIND_COUNT ? reason_table[kind].msg : IDS_REASON_QUERY_FAILED;
}

const char *health_reason_code(enum reason_kind kind)
{
    return (unsigned)kind < REASON_KIND_COUNT ? reason_table[kind].code : "unknown";
}
