/* The health model: one reading of everything wutray looks at (the
 * snapshot) and the verdict over it. This file's rules are the services'
 * and the registry's; health_evaluate also asks searching.c, patches.c and
 * servicing.c, then chooses the state (reasons.c). Pure functions; time
 * comes in through the snapshot's taken_ms (dates) and tick_ms (durations). */
#ifndef WUTRAY_HEALTH_H
#define WUTRAY_HEALTH_H

#include <stdint.h>
#include "patches.h"
#include "reasons.h"
#include "service.h"
#include "servicing.h"
#include "signals.h"

/* Thresholds of the rules (from the settings). 0 = the default. */
struct health_limits {
    uint32_t stalled_search_days;  /* default 7 */
    uint32_t patch_age_days;       /* default 45 (PATCH_AGE_DAYS) */
    uint32_t reboot_overdue_hours; /* default 24 */
    uint32_t low_disk_gb;          /* default 10 (DISK_LOW_DEFAULT_GB) */
};
#define HEALTH_STALLED_SEARCH_DAYS 7u
#define HEALTH_REBOOT_OVERDUE_HOURS 24u

struct health_snapshot {
    uint64_t taken_ms; /* Unix epoch, milliseconds */
    /* A monotonic clock (milliseconds since boot). How long a service has
     * been pending is measured with it: the wall clock can jump a day either
     * way (a user, a bad time server), which must not make a service "stuck". */
    uint64_t tick_ms;
    uint32_t os_build;
    struct svc_reading svc[SVC_COUNT];
    struct update_signals sig; /* the registry's */
    struct wua_signals wua;    /* the update agent's (all "unknown" if not read) */
    struct net_signals net;    /* the network's cost (all "unknown" if not read) */
    struct patch_summary patches; /* the history, the logs, the waiting updates (nothing read if not) */
    struct pc_info pc;         /* version, ESU, disk, safeguard hold (nothing read if not) */
    struct health_limits lim;
};

/* What repeated readings add to a single one: how long a service has been
 * pending without progress, and how often in a row an automatic service was
 * found stopped. One-shot callers pass NULL. */
struct health_watch {
    struct {
        enum svc_state pending_state; /* SVC_STATE_UNKNOWN when not pending */
        uint32_t pending_checkpoint;
        uint64_t pending_since_tick; /* tick_ms of the first reading in that state */
        unsigned auto_stopped_streak;
    } svc[SVC_COUNT];
};

/* A pending state is "stuck" after its wait hint without progress,
 * but never sooner than the floor nor later than the cap. */
#define HEALTH_PENDING_FLOOR_MS 10000u
#define HEALTH_PENDING_CAP_MS 120000u
/* Transient findings count only when this many readings in a row agree. */
#define HEALTH_CONFIRM_READINGS 2u

uint32_t health_pending_bound_ms(uint32_t wait_hint_ms);
/* How long a one-shot check (wutray-cli status) watches a pending service:
 * its wait hint, at least 1 s and at most 10 s. No progress in that time is "stuck". */
#define HEALTH_ONESHOT_MIN_MS 1000u
#define HEALTH_ONESHOT_MAX_MS 10000u
uint32_t health_oneshot_watch_ms(uint32_t wait_hint_ms);
void health_watch_init(struct health_watch *w);
void health_watch_update(struct health_watch *w, const struct health_snapshot *s);
void health_evaluate(const struct health_snapshot *s, const struct health_watch *w,
                     struct health_result *out);

#endif
