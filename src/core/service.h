/* What wutray knows about one service: a plain reading taken by the SCM adapter. */
#ifndef WUTRAY_SERVICE_H
#define WUTRAY_SERVICE_H

#include <stdint.h>
#include <wchar.h>

enum svc_id { SVC_WUAUSERV, SVC_USOSVC, SVC_COUNT };

enum svc_presence {
    SVC_PRESENT,
    SVC_MISSING,       /* ERROR_SERVICE_DOES_NOT_EXIST */
    SVC_ACCESS_DENIED, /* not allowed to open or query it */
    SVC_QUERY_FAILED   /* any other error; see win32_error */
};

enum svc_state {
    SVC_STATE_UNKNOWN,
    SVC_STOPPED,
    SVC_START_PENDING,
    SVC_STOP_PENDING,
    SVC_RUNNING,
    SVC_CONTINUE_PENDING,
    SVC_PAUSE_PENDING,
    SVC_PAUSED
};

enum svc_start {
    SVC_START_UNKNOWN,
    SVC_START_BOOT,
    SVC_START_SYSTEM,
    SVC_START_AUTO,
    SVC_START_AUTO_DELAYED,
    SVC_START_DEMAND,
    SVC_START_DISABLED
};

#define SVC_DISPLAY_NAME_MAX 128

struct svc_reading {
    enum svc_presence presence;
    enum svc_state state;
    enum svc_start start;
    uint32_t wait_hint_ms;
    uint32_t checkpoint;
    uint32_t win32_error; /* set when presence is SVC_QUERY_FAILED */
    uint32_t no_progress_ms; /* pending without checkpoint progress for this long, as watched by a one-shot reader */
    wchar_t display_name[SVC_DISPLAY_NAME_MAX]; /* empty when unknown */
};

/* First Windows build that ships the Update Orchestrator (Windows 10 RTM). */
#define OS_BUILD_WIN10 10240u

const wchar_t *svc_name(enum svc_id id);
int svc_is_pending(enum svc_state state);
/* UsoSvc only exists from Windows 10 on; before that its absence is normal. */
int svc_expected(enum svc_id id, uint32_t os_build);

/* Stable keywords for JSON output (not user-visible prose). */
const char *svc_state_keyword(const struct svc_reading *r);
const char *svc_start_keyword(enum svc_start start);
/* String-table IDs for the same, in words (see msg.h). */
int svc_state_msg(const struct svc_reading *r);
int svc_start_msg(enum svc_start start);
int svc_label_msg(enum svc_id id); /* "Windows Update service", ... */

#endif
