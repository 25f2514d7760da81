#include "service.h"
#include "msg.h"

#include <string.h>

const wchar_t *svc_name(enum svc_id id)
{
    switch (id) {
    case SVC_WUAUSERV: return L"wuauserv";
    case SVC_USOSVC: return L"UsoSvc";
    default: return L"";
    }
}

int svc_is_pending(enum svc_state state)
{
    return state == SVC_START_PENDING || state == SVC_STOP_PENDING ||
           state == SVC_CONTINUE_PENDING || state == SVC_PAUSE_PENDING;
}

int svc_expected(enum svc_id id, uint32_t os_build)
{
    return id != SVC_USOSVC || os_build >= OS_BUILD_WIN10;
}

const char *svc_state_keyword(const struct svc_reading *r)
{
    switch (r->presence) {
    case SVC_MISSING: return "missing";
    case SVC_ACCESS_DENIED: return "access_denied";
    case SVC_QUERY_FAILED: return "unknown";
    case SVC_PRESENT: break;
    }
    if (r->start == SVC_START_DISABLED && r->state == SVC_STOPPED)
        return "disabled";
    switch (r->state) {
    case SVC_STOPPED: return "stopped";
    case SVC_START_PENDING:
    case SVC_CONTINUE_PENDING: return "start_pending";
    case SVC_STOP_PENDING:
    case SVC_PAUSE_PENDING: return "stop_pending";
    case SVC_RUNNING: return "running";
    case SVC_PAUSED: return "paused";
    case SVC_STATE_UNKNOWN: break;
    }
    return "unknown";
}

const char *svc_start_keyword(enum svc_start start)
{
    switch (start) {
    case SVC_START_BOOT: return "boot";
    case SVC_START_SYSTEM: return "system";
    case SVC_START_AUTO: return "automatic";
    case SVC_START_AUTO_DELAYED: return "automatic_delayed";
    case SVC_START_DEMAND: return "manual";
    case SVC_START_DISABLED: return "disabled";
    case SVC_START_UNKNOWN: break;
    }
    return "unknown";
}

int svc_state_msg(const struct svc_reading *r)
{
    static const struct {
        const char *keyword;
        int msg;
    } map[] = {
        {"running", IDS_STATE_RUNNING},
        {"stopped", IDS_STATE_STOPPED},
        {"start_pending", IDS_STATE_START_PENDING},
        {"stop_pending", IDS_STATE_STOP_PENDING},
        {"paused", IDS_STATE_PAUSED},
        {"disabled", IDS_STATE_DISABLED},
        {"missing", IDS_STATE_MISSING},
        {"access_denied", IDS_STATE_ACCESS_DENIED},
    };
    const char *k = svc_state_keyword(r);
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcmp(map[i].keyword, k) == 0) return map[i].msg;
    return IDS_STATE_UNKNOWN;
}

int svc_start_msg(enum svc_start start)
{
    switch (start) {
    case SVC_START_BOOT: return IDS_START_BOOT;
    case SVC_START_SYSTEM: return IDS_START_SYSTEM;
    case SVC_START_AUTO: return IDS_START_AUTO;
    case SVC_START_AUTO_DELAYED: return IDS_START_AUTO_DELAYED;
    case SVC_START_DEMAND: return IDS_START_MANUAL;
    case SVC_START_DISABLED: return IDS_START_DISABLED;
    case SVC_START_UNKNOWN: break;
    }
    return IDS_START_UNKNOWN;
}

int svc_label_msg(enum svc_id id)
{
    return id == SVC_USOSVC ? IDS_SVC_USOSVC : IDS_SVC_WUAUSERV;
}
