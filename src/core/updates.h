/* What Windows says happened to each update: one record per update history
 * entry (the Windows Update Agent), per event of the Windows Update client
 * (System and Operational logs), and per update waiting to be installed (the
 * agent's offline search). The adapters (src/win/wua.c, src/win/wulog.c)
 * fill the records with what Windows gives, unjudged; update_kind.c says
 * what kind of update each one is, patches.c what they mean together.
 * Strings are UTF-8, truncated on a character boundary. */
#ifndef WUTRAY_UPDATES_H
#define WUTRAY_UPDATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum update_what {
    UPD_INSTALLED,       /* history: installation succeeded (also with errors); System event 19 */
    UPD_INSTALL_FAILED,  /* history: installation failed or aborted; System event 20 */
    UPD_DOWNLOAD_FAILED, /* Operational event 31 */
    UPD_SEARCH_DONE,     /* Operational event 26: a search finished, `count` updates found */
    UPD_SEARCH_FAILED,   /* Operational event 25 */
    UPD_PENDING,         /* offline search: applicable, not installed; time = LastDeploymentChangeTime */
    UPD_OTHER            /* 41 downloaded, 43/44 started, an uninstallation: facts, not judged */
};

enum update_source { UPD_FROM_HISTORY, UPD_FROM_SYSTEM_LOG, UPD_FROM_OPERATIONAL_LOG, UPD_FROM_SEARCH };

#define UPDATE_GUID_LEN 40   /* "9482f4b4-e343-43b6-b170-9a65bc822c77" and a NUL, with room */
#define UPDATE_TITLE_LEN 192 /* UTF-8 bytes */
#define UPDATE_CATEGORIES_LEN 160
#define UPDATE_KB_LEN 48
#define UPDATE_SEVERITY_LEN 16

struct update_record {
    uint64_t time_ms; /* epoch ms, UTC; 0 = unknown (the rules skip the record) */
    enum update_what what;
    enum update_source source;
    uint32_t hresult;  /* history HResult, event errorCode; 0 if none */
    uint32_t count;    /* event 26: updateCount */
    uint32_t revision; /* the update's revision number, 0 if unknown */
    bool downloaded;   /* pending: IsDownloaded */
    /* Lower-case GUIDs without braces, "" when unknown. */
    char update_id[UPDATE_GUID_LEN];
    char service_id[UPDATE_GUID_LEN]; /* history ServiceID, event serviceGuid */
    char title[UPDATE_TITLE_LEN];
    /* Category names or GUIDs as the agent gives them, separated by ';'
     * (names are in the UI language; the GUIDs are not). "" for events. */
    char categories[UPDATE_CATEGORIES_LEN];
    char kb[UPDATE_KB_LEN];             /* KB article numbers, ';'-separated, digits only ("5044273") */
    char severity[UPDATE_SEVERITY_LEN]; /* pending: MsrcSeverity ("Critical", ...), "" if none */
};

/* Records read by one check. Storage is the caller's (the records are a few
 * hundred bytes each); the adapters append until it is full. */
struct update_list {
    size_t n, cap;
    struct update_record *r;
    /* Which sources answered (a source that answered with nothing is read). */
    bool history_read;          /* IUpdateSearcher::QueryHistory */
    bool system_log_read;       /* System log, provider Microsoft-Windows-WindowsUpdateClient */
    bool operational_log_read;  /* Microsoft-Windows-WindowsUpdateClient/Operational */
    bool pending_read;          /* the offline search */
    bool truncated;             /* some records did not fit */
};

/* A zeroed record at the end of the list, or NULL (and truncated set) when
 * it is full. */
struct update_record *updates_append(struct update_list *l);

/* The event log names an update by its UpdateID and title only (43/44
 * carry no service either): gives each record without categories or
 * service the ones the agent's record (history or offline search) of the
 * same UpdateID has, so every source classifies an update alike. */
void updates_share_facts(struct update_list *l);

/* Copies UTF-8 text into dst (cap bytes, cap > 0), cutting on a character
 * boundary so the result stays valid UTF-8; NULL copies "". */
void updates_copy_text(char *dst, size_t cap, const char *src);

/* Normalises a GUID as the adapters find it ("{9482F4B4-...}") to the form
 * records keep (lower case, no braces); "" if it is not a GUID. */
void updates_copy_guid(char *dst, size_t cap, const char *src);

/* The update services seen in the logs (serviceGuid / ServiceID). */
#define UPD_SERVICE_WINDOWS_UPDATE "9482f4b4-e343-43b6-b170-9a65bc822c77"
#define UPD_SERVICE_MICROSOFT_UPDATE "7971f918-a847-4430-9279-4a52d1efe18d"
#define UPD_SERVICE_STORE "855e8a7c-ecb4-4ca3-b045-1dfa50104289"
#define UPD_SERVICE_WSUS "3da21691-e39d-4da6-8a4b-b43877bcb1b7" /* "Windows Server Update Service" */

#endif
