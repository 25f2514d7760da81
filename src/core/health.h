/* The health model: what the services' readings mean for the user.
 * Pure functions; time comes in through the snapshot's taken_ms. */
#ifndef WUTRAY_HEALTH_H
#define WUTRAY_HEALTH_H

#include <stdint.h>
#include "service.h"
#include "signals.h"
#include "wuevents.h"

/* Values match the monitoring-plugin exit codes used by `wutray-cli status`. */
enum health_level {
    HEALTH_OK = 0,
    HEALTH_ATTENTION = 1,
    HEALTH_BROKEN = 2,
    HEALTH_UNKNOWN = 3
};

enum reason_kind {
    REASON_DISABLED,
    REASON_MISSING,
    REASON_STUCK_STARTING,
    REASON_STUCK_STOPPING,
    REASON_ACCESS_DENIED,
    REASON_QUERY_FAILED,
    REASON_STARTING,     /* pending, within its bound: informational */
    REASON_STOPPING,
    REASON_AUTO_STOPPED, /* automatic service not running */
    REASON_PAUSED,
    /* Not about one service (their svc is SVC_COUNT): */
    REASON_REBOOT_REQUIRED,       /* informational, overdue after a day */
    REASON_UPDATES_PAUSED,        /* neutral: when_ms says until when */
    REASON_MANAGED,               /* neutral: an organisation manages updates */
    REASON_POLICY_NO_AUTO_UPDATE, /* a policy turns updating off: attention */
    REASON_POLICY_NO_WU_ACCESS,
    REASON_POLICY_NO_INTERNET,
    /* Whether updating works (outcome.c): */
    REASON_STALLED_SEARCH,   /* no successful search for too long: when_ms = the last one */
    REASON_STALLED_INSTALL,  /* no successful installation for too long */
    REASON_LAST_OP_FAILED,   /* the last update operation failed: code = its HRESULT */
    REASON_OUTCOME_UNKNOWN,  /* no source says when Windows last searched */
    REASON_LAST_SEARCH,      /* informational: when_ms = the last successful search */
    REASON_LAST_INSTALL,     /* informational: when_ms = the last successful installation */
    REASON_METERED,          /* neutral: the connection is metered; downloads may wait */
    REASON_KIND_COUNT
};

struct health_reason {
    enum reason_kind kind;
    enum svc_id svc;         /* SVC_COUNT for reasons about updating as a whole */
    enum health_level level; /* HEALTH_OK for informational reasons */
    uint64_t when_ms;        /* a time the reason mentions (pause end), or 0 */
    uint32_t code;           /* an error code it mentions (HRESULT), or 0 */
};

/* Thresholds of the outcome rules (from the settings). 0 = the default. */
struct health_limits {
    uint32_t stalled_search_days;  /* default 7 */
    uint32_t stalled_install_days; /* default 30 */
    uint32_t reboot_overdue_hours; /* default 24 */
};
#define HEALTH_STALLED_SEARCH_DAYS 7u
#define HEALTH_STALLED_INSTALL_DAYS 30u
#define HEALTH_REBOOT_OVERDUE_HOURS 24u

struct health_snapshot {
    uint64_t taken_ms; /* Unix epoch, milliseconds */
    uint32_t os_build;
    struct svc_reading svc[SVC_COUNT];
    struct update_signals sig; /* the registry's */
    struct wua_signals wua;    /* the update agent's (all "unknown" if not read) */
    struct net_signals net;    /* the network's cost (all "unknown" if not read) */
    struct wu_event_summary ev; /* the update client's event log (read = false if not) */
    struct health_limits lim;
};

/* What repeated readings add to a single one: how long a service has been
 * pending without progress, and how often in a row an automatic service was
 * found stopped. One-shot callers pass NULL. */
struct health_watch {
    struct {
        enum svc_state pending_state; /* SVC_STATE_UNKNOWN when not pending */
        uint32_t pending_checkpoint;
        uint64_t pending_since_ms;
        unsigned auto_stopped_streak;
    } svc[SVC_COUNT];
};

#define HEALTH_MAX_REASONS (SVC_COUNT * 2 + 12)
/* A pending state is "stuck" after its wait hint without progress,
 * but never sooner than the floor nor later than the cap. */
#define HEALTH_PENDING_FLOOR_MS 10000u
#define HEALTH_PENDING_CAP_MS 120000u
/* Transient findings count only when this many readings in a row agree. */
#define HEALTH_CONFIRM_READINGS 2u

/* What the icon and the first line say, best first: one state, chosen by
 * priority from the reasons. Paused and managed are neutral, never faults. */
enum health_state {
    STATE_BROKEN,         /* a service disabled, missing or stuck */
    STATE_STALLED,        /* no successful search or installation for too long */
    STATE_FAILING,        /* the last update operation failed */
    STATE_ATTENTION,      /* a policy blocks updating; a service paused, unreadable, not running */
    STATE_RESTART_NEEDED, /* a restart has been waiting for more than a day */
    STATE_WORKING,        /* a service is starting or stopping */
    STATE_UNKNOWN,        /* a signal the rules need is not available */
    STATE_PAUSED,
    STATE_MANAGED,
    STATE_OK,
    STATE_COUNT
};

struct health_result {
    enum health_level level;
    enum health_state state;
    unsigned n_reasons;
    struct health_reason reasons[HEALTH_MAX_REASONS];
};

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

/* Worse-first ordering: BROKEN > ATTENTION > UNKNOWN > OK. */
int health_level_rank(enum health_level level);
const char *health_state_keyword(enum health_state state); /* "stalled", ... */
int health_state_msg(enum health_state state);
/* For the evaluators (health.c, outcome.c): appends a reason and raises the level. */
void health_add_reason(struct health_result *out, enum reason_kind kind, enum svc_id svc,
                       enum health_level level, uint64_t when_ms, uint32_t code);
const char *health_level_keyword(enum health_level level); /* "ok", ... */
int health_level_msg(enum health_level level);
int health_reason_msg(enum reason_kind kind);
const char *health_reason_code(enum reason_kind kind); /* "disabled", ... */

#endif
