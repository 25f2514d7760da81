#include "health.h"
#include "searching.h"

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
                   s->tick_ms < w->svc[i].pending_since_tick) {
            /* New pending state, progress, or a clock that went backwards
             * (another boot's ticks): start measuring again rather than
             * report a false "stuck". */
            w->svc[i].pending_state = r->state;
            w->svc[i].pending_checkpoint = r->checkpoint;
            w->svc[i].pending_since_tick = s->tick_ms;
        }

        if (present && auto_start(r->start) && r->state == SVC_STOPPED)
            w->svc[i].auto_stopped_streak++;
        else
            w->svc[i].auto_stopped_streak = 0;
    }
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

/* Whether updating works: the searches and the patches, and whether this
 * Windows still gets any. The slow signals (the agent, the logs) are read
 * a little after the tray starts: until then nothing is claimed about
 * searches or patches, because the registry's copy alone may be years old. */
static void evaluate_updating(const struct health_snapshot *s, struct health_result *out)
{
    const struct update_signals *g = &s->sig;
    struct servicing_context sc = {s->taken_ms, s->lim.low_disk_gb};
    struct patch_context pc = {s->taken_ms, s->lim.patch_age_days, searching_neutral(s), 0};

    servicing_evaluate(&s->pc, &sc, out);
    if (!s->wua.read_ms) return;
    searching_evaluate(s, out);
    if (g->read && g->paused_until_ms && g->paused_until_ms <= s->taken_ms) pc.pause_ended_ms = g->paused_until_ms;
    patches_evaluate(&s->patches, &pc, out);
}

static void evaluate_pending(const struct health_snapshot *s,
                             const struct health_watch *w, enum svc_id id,
                             struct health_result *out)
{
    const struct svc_reading *r = &s->svc[id];
    int starting = r->state == SVC_START_PENDING || r->state == SVC_CONTINUE_PENDING;
    uint64_t pending_for = 0;

    if (w && w->svc[id].pending_state == r->state &&
        s->tick_ms >= w->svc[id].pending_since_tick)
        pending_for = s->tick_ms - w->svc[id].pending_since_tick;

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
    evaluate_updating(s, out);
    health_finish(out);
}
