#include "reasons.h"
#include "msg.h"

#include <string.h>

struct health_reason *health_add_reason(struct health_result *out, enum reason_kind kind, enum svc_id svc,
                                        enum health_level level, uint64_t when_ms, uint32_t code)
{
    struct health_reason *r;

    if (out->n_reasons >= HEALTH_MAX_REASONS) return NULL;
    r = &out->reasons[out->n_reasons++];
    memset(r, 0, sizeof(*r));
    r->kind = kind;
    r->svc = svc;
    r->level = level;
    r->when_ms = when_ms;
    r->code = code;
    if (health_level_rank(level) > health_level_rank(out->level)) out->level = level;
    return r;
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
    [REASON_SEARCH_FAILED] = {"search_failed", IDS_REASON_SEARCH_FAILED, STATE_FAILING, STATE_COUNT},
    [REASON_OUTCOME_UNKNOWN] = {"outcome_unknown", IDS_REASON_OUTCOME_UNKNOWN, STATE_UNKNOWN, STATE_COUNT},
    [REASON_AGENT_REFUSED] = {"agent_refused", IDS_REASON_AGENT_REFUSED, STATE_UNKNOWN, STATE_COUNT},
    [REASON_CLOCK_BEHIND] = {"clock_behind", IDS_REASON_CLOCK_BEHIND, STATE_UNKNOWN, STATE_COUNT},
    [REASON_LAST_SEARCH] = {"last_search", IDS_REASON_LAST_SEARCH, STATE_COUNT, STATE_COUNT},
    [REASON_METERED] = {"metered", IDS_REASON_METERED, STATE_COUNT, STATE_COUNT},
    [REASON_PATCH_FAILING] = {"patch_failing", IDS_REASON_PATCH_FAILING, STATE_FAILING, STATE_COUNT},
    [REASON_PATCH_STALLED] = {"patch_stalled", IDS_REASON_PATCH_STALLED, STATE_STALLED, STATE_COUNT},
    [REASON_PATCH_WAITING] = {"patch_waiting", IDS_REASON_PATCH_WAITING, STATE_ATTENTION, STATE_COUNT},
    [REASON_PATCH_NONE] = {"patch_none_on_record", IDS_REASON_PATCH_NONE, STATE_UNKNOWN, STATE_COUNT},
    [REASON_PATCH_UNKNOWN] = {"patch_unknown", IDS_REASON_PATCH_UNKNOWN, STATE_UNKNOWN, STATE_COUNT},
    [REASON_LAST_PATCH] = {"last_patch", IDS_REASON_LAST_PATCH, STATE_COUNT, STATE_COUNT},
    [REASON_END_OF_SERVICE] = {"end_of_service", IDS_REASON_END_OF_SERVICE, STATE_UNSUPPORTED, STATE_COUNT},
    [REASON_END_OF_SERVICE_SOON] = {"end_of_service_soon", IDS_REASON_END_OF_SERVICE_SOON, STATE_ATTENTION,
                                    STATE_COUNT},
    [REASON_SUPPORTED] = {"supported", IDS_REASON_SUPPORTED, STATE_COUNT, STATE_COUNT},
    [REASON_ESU] = {"esu", IDS_REASON_ESU, STATE_COUNT, STATE_COUNT},
    [REASON_BUILD_NEWER] = {"build_newer", IDS_REASON_BUILD_NEWER, STATE_COUNT, STATE_COUNT},
    [REASON_LOW_DISK] = {"low_disk", IDS_REASON_LOW_DISK, STATE_ATTENTION, STATE_COUNT},
    [REASON_SAFEGUARD_HOLD] = {"safeguard_hold", IDS_REASON_SAFEGUARD_HOLD, STATE_COUNT, STATE_COUNT},
};

/* The reasons whose when_ms is a day of the servicing table, not a moment. */
static const bool calendar_day[REASON_KIND_COUNT] = {
    [REASON_END_OF_SERVICE] = true,
    [REASON_END_OF_SERVICE_SOON] = true,
    [REASON_SUPPORTED] = true,
    [REASON_ESU] = true,
};

static enum health_state reason_state(const struct health_reason *r)
{
    if ((unsigned)r->kind >= REASON_KIND_COUNT) return STATE_UNKNOWN;
    return r->level == HEALTH_OK ? reason_table[r->kind].state_if_ok : reason_table[r->kind].state;
}

void health_finish(struct health_result *out)
{
    /* Worst reasons first, so a one-line summary shows the one that matters. */
    for (unsigned i = 1; i < out->n_reasons; i++) {
        struct health_reason key = out->reasons[i];
        unsigned j = i;
        while (j > 0 && health_level_rank(out->reasons[j - 1].level) < health_level_rank(key.level)) {
            out->reasons[j] = out->reasons[j - 1];
            j--;
        }
        out->reasons[j] = key;
    }
    /* Among reasons of one level, the one whose state wins comes first. */
    for (unsigned i = 1; i < out->n_reasons; i++) {
        struct health_reason key = out->reasons[i];
        unsigned j = i;
        while (j > 0 && out->reasons[j - 1].level == key.level && reason_state(&out->reasons[j - 1]) > reason_state(&key)) {
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

/* Each state's face, in one place: its JSON keyword, its name (the first
 * words of the tooltip and the menu), its icon's badge (icon_art.c draws
 * it), and what a click does. The icon follows the state, not the level: a
 * service starting while the outcome is unknown is Working, and shows it. */
static const struct {
    const char *keyword;
    int msg;
    enum state_icon icon;
    enum state_action click;
} state_table[STATE_COUNT] = {
    [STATE_BROKEN] = {"broken", IDS_STATE_NAME_BROKEN, ICON_BROKEN, ACTION_FIX_SERVICES},
    /* The newer version and ESU enrolment are both in Windows Update settings. */
    [STATE_UNSUPPORTED] = {"unsupported", IDS_STATE_NAME_UNSUPPORTED, ICON_UNSUPPORTED, ACTION_UPDATE_SETTINGS},
    [STATE_STALLED] = {"stalled", IDS_STATE_NAME_STALLED, ICON_FAILING, ACTION_TROUBLESHOOT},
    [STATE_FAILING] = {"failing", IDS_STATE_NAME_FAILING, ICON_FAILING, ACTION_TROUBLESHOOT},
    [STATE_ATTENTION] = {"attention", IDS_STATE_NAME_ATTENTION, ICON_ATTENTION, ACTION_MENU},
    [STATE_RESTART_NEEDED] = {"restart_needed", IDS_STATE_NAME_RESTART_NEEDED, ICON_RESTART, ACTION_UPDATE_SETTINGS},
    [STATE_WORKING] = {"working", IDS_STATE_NAME_WORKING, ICON_WORKING, ACTION_MENU},
    [STATE_UNKNOWN] = {"unknown", IDS_STATE_NAME_UNKNOWN, ICON_UNKNOWN, ACTION_MENU},
    [STATE_PAUSED] = {"paused", IDS_STATE_NAME_PAUSED, ICON_PAUSED, ACTION_MENU},
    [STATE_MANAGED] = {"managed", IDS_STATE_NAME_MANAGED, ICON_PAUSED, ACTION_MENU},
    [STATE_OK] = {"ok", IDS_STATE_NAME_OK, ICON_OK, ACTION_MENU},
};

const char *health_state_keyword(enum health_state state)
{
    return (unsigned)state < STATE_COUNT ? state_table[state].keyword : "unknown";
}

int health_state_msg(enum health_state state)
{
    return (unsigned)state < STATE_COUNT ? state_table[state].msg : IDS_STATE_NAME_UNKNOWN;
}

enum state_icon health_state_icon(enum health_state state)
{
    return (unsigned)state < STATE_COUNT ? state_table[state].icon : ICON_UNKNOWN;
}

enum state_action health_state_action(enum health_state state)
{
    return (unsigned)state < STATE_COUNT ? state_table[state].click : ACTION_MENU;
}

int health_reason_msg(enum reason_kind kind)
{
    return (unsigned)kind < REASON_KIND_COUNT ? reason_table[kind].msg : IDS_REASON_QUERY_FAILED;
}

const char *health_reason_code(enum reason_kind kind)
{
    return (unsigned)kind < REASON_KIND_COUNT ? reason_table[kind].code : "unknown";
}

bool health_reason_calendar_day(enum reason_kind kind)
{
    return (unsigned)kind < REASON_KIND_COUNT && calendar_day[kind];
}
