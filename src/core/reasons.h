/* Reasons and states: what a check found (one reason per finding, with its
 * level) and the one state the icon shows, chosen by priority from them.
 * A leaf module: the rule modules (health.c for the services and the
 * registry, searching.c, patches.c, servicing.c) add reasons here; nothing
 * here calls them. Pure. */
#ifndef WUTRAY_REASONS_H
#define WUTRAY_REASONS_H

#include <stdbool.h>
#include <stdint.h>

#include "service.h"

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
    /* Searching (searching.c): */
    REASON_STALLED_SEARCH,   /* no successful search for too long: when_ms = the last one */
    REASON_SEARCH_FAILED,    /* the newest search failed, none has finished since: code, when_ms */
    REASON_OUTCOME_UNKNOWN,  /* no source says when Windows last searched */
    REASON_AGENT_REFUSED,    /* the update agent refused this session (remote, non-interactive) */
    REASON_CLOCK_BEHIND,     /* the last search is dated days after now: the clock is wrong; when_ms = it */
    REASON_LAST_SEARCH,      /* informational: when_ms = the last successful search */
    REASON_METERED,          /* neutral: the connection is metered; downloads may wait */
    /* Patches (patches.c): subject = the update's title */
    REASON_PATCH_FAILING,    /* an OS update keeps failing: count, when_ms = the first, code = the newest's */
    REASON_PATCH_STALLED,    /* no OS security update for too long: when_ms = the newest */
    REASON_PATCH_WAITING,    /* a security update published > 14 days ago waits: when_ms, count */
    REASON_PATCH_NONE,       /* the history was read and holds no OS security update */
    REASON_PATCH_UNKNOWN,    /* neither the history nor the System log could be read */
    REASON_LAST_PATCH,       /* informational: when_ms = the newest OS security update */
    /* Servicing (servicing.c): subject = the Windows version's name, when_ms = its end */
    REASON_END_OF_SERVICE,      /* no longer gets security updates */
    REASON_END_OF_SERVICE_SOON, /* within 60 days of the end */
    REASON_SUPPORTED,           /* informational */
    REASON_ESU,                 /* supported through Extended Security Updates; count = the year, 0 consumer */
    REASON_BUILD_NEWER,         /* informational: a build newer than wutray knows; count = the build */
    /* The PC (servicing.c): */
    REASON_LOW_DISK,            /* count = free GB on the system drive */
    REASON_SAFEGUARD_HOLD,      /* neutral: subject = the version held back */
    REASON_KIND_COUNT
};

#define REASON_SUBJECT_LEN 96 /* UTF-8 */

struct health_reason {
    enum reason_kind kind;
    enum svc_id svc;         /* SVC_COUNT for reasons about updating as a whole */
    enum health_level level; /* HEALTH_OK for informational reasons */
    uint64_t when_ms;        /* a time the reason mentions (pause end, a date), or 0 */
    uint32_t code;           /* an error code it mentions (HRESULT), or 0 */
    uint32_t count;          /* a number it mentions (attempts, GB, a build), or 0 */
    char subject[REASON_SUBJECT_LEN]; /* what it is about (an update, a version), or "" */
};

#define HEALTH_MAX_REASONS (SVC_COUNT * 2 + 20)

/* What the icon and the first line say, best first: one state, chosen by
 * priority from the reasons. Paused and managed are neutral, never faults. */
enum health_state {
    STATE_BROKEN,         /* a service disabled, missing or stuck */
    STATE_UNSUPPORTED,    /* this Windows no longer gets security updates */
    STATE_STALLED,        /* no successful search or OS patch for too long */
    STATE_FAILING,        /* an OS update or the search keeps failing */
    STATE_ATTENTION,      /* a policy blocks updating; a service paused, unreadable, not running; ... */
    STATE_RESTART_NEEDED, /* a restart has been waiting for more than a day */
    STATE_WORKING,        /* a service is starting or stopping */
    STATE_UNKNOWN,        /* a signal the rules need is not available */
    STATE_PAUSED,
    STATE_MANAGED,
    STATE_OK,
    STATE_COUNT
};

/* What the icon shows for a state: the badge on wutray's glyph (icon_art.c
 * draws each). Stalled and failing share one, as do paused and managed.
 * ICON_APP is the glyph alone: the application's icon, no state's. */
enum state_icon {
    ICON_OK,
    ICON_WORKING,
    ICON_RESTART,
    ICON_ATTENTION,
    ICON_FAILING,
    ICON_UNSUPPORTED,
    ICON_BROKEN,
    ICON_UNKNOWN,
    ICON_PAUSED,
    ICON_APP,
    ICON_COUNT
};

/* What a click on the icon or its balloon does in a state (menu.c turns it
 * into a menu command; for ACTION_FIX_SERVICES: re-enable when a service is
 * disabled, restart when one is broken). */
enum state_action { ACTION_MENU, ACTION_FIX_SERVICES, ACTION_TROUBLESHOOT, ACTION_UPDATE_SETTINGS };

struct health_result {
    enum health_level level;
    enum health_state state;
    unsigned n_reasons;
    struct health_reason reasons[HEALTH_MAX_REASONS];
};

/* Appends a reason and raises the level; returns it (NULL when full) so
 * that a caller can add a count or a subject. */
struct health_reason *health_add_reason(struct health_result *out, enum reason_kind kind, enum svc_id svc,
                                        enum health_level level, uint64_t when_ms, uint32_t code);
/* Sorts the reasons worst first and chooses the state. */
void health_finish(struct health_result *out);

/* Worse-first ordering: BROKEN > ATTENTION > UNKNOWN > OK. */
int health_level_rank(enum health_level level);
const char *health_level_keyword(enum health_level level); /* "ok", ... */
int health_level_msg(enum health_level level);
const char *health_state_keyword(enum health_state state); /* "stalled", ... */
int health_state_msg(enum health_state state); /* its name: the tooltip's and menu's first words */
/* The one table of a state's face: keyword, name, icon and click (reasons.c). */
enum state_icon health_state_icon(enum health_state state);
enum state_action health_state_action(enum health_state state);
int health_reason_msg(enum reason_kind kind);
const char *health_reason_code(enum reason_kind kind); /* "disabled", ... */
/* Whether a reason's when_ms is a calendar day (a servicing end date), shown
 * as that day wherever the user is, rather than a moment in local time. */
bool health_reason_calendar_day(enum reason_kind kind);

#endif
