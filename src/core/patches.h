/* Does this PC get its security patches? What the update history, the
 * update client's logs and the waiting updates say together (summarised
 * once per reading, patches_summarize), and the rules over that summary
 * (patches_evaluate): the age of the newest OS security update, an OS update
 * that keeps failing, a security update left waiting. Only OS security and
 * quality updates count (update_kind.h); the others are facts. Pure. */
#ifndef WUTRAY_PATCHES_H
#define WUTRAY_PATCHES_H

#include "reasons.h"
#include "update_kind.h"
#include "updates.h"

#define PATCH_TITLE_LEN 128

/* An OS update that failed and that nothing has replaced since: not the same
 * update (UpdateID, or its title), not a later one of the same series (the
 * next month's cumulative update), not a later month's OS update. */
struct patch_failure {
    unsigned count;            /* failed attempts since it last installed; 0: none */
    uint64_t first_ms, last_ms; /* the first and the newest of them */
    uint32_t code;             /* the newest attempt's error */
    enum update_what what;     /* UPD_INSTALL_FAILED or UPD_DOWNLOAD_FAILED */
    char title[PATCH_TITLE_LEN];
};

struct patch_summary {
    bool history_read, system_log_read, operational_log_read, pending_read;
    uint64_t last_patch_ms; /* newest installed OS security/quality update, 0 if none on record */
    char last_patch_title[PATCH_TITLE_LEN];
    uint64_t installed_ms[UPD_KIND_COUNT]; /* newest installation per kind (facts) */
    uint64_t failed_ms[UPD_KIND_COUNT];    /* newest failure per kind (facts) */
    uint32_t failed_code[UPD_KIND_COUNT];
    struct patch_failure failing;
    /* Searches of Windows Update or Microsoft Update (Operational 25/26;
     * the Store's are left out). */
    uint64_t last_search_ms;    /* newest search that finished */
    uint64_t updates_found_ms;  /* newest that found something (updateCount > 0) */
    uint64_t search_failed_ms;  /* newest failed search not followed by one that finished */
    uint32_t search_failed_code;
    /* OS security updates waiting to be installed (the offline search). */
    unsigned pending_count;
    uint64_t oldest_pending_ms; /* the oldest one's publication (LastDeploymentChangeTime) */
    char pending_title[PATCH_TITLE_LEN];
};

void patches_summarize(const struct update_list *l, struct patch_summary *out);

/* Thresholds (0 = the default). */
#define PATCH_AGE_DAYS 45u       /* monthly patches are up to about 42 days apart */
#define PATCH_PENDING_DAYS 14u   /* a security update published longer ago and still waiting */

/* Inputs besides the summary that the rules need. */
struct patch_context {
    uint64_t now_ms;
    uint32_t patch_age_days;
    /* Not updating is expected, not a fault: paused, managed by an
     * organisation, or turned off by a policy (each reported as itself). */
    bool neutral;
    uint64_t pause_ended_ms; /* the end of a pause that has ended, 0 if none */
};

/* Adds the patch reasons: failing (the failure above), stalled (no OS patch
 * for longer than patch_age_days), waiting (a security update published more
 * than 14 days ago not installed), unknown (no source could say), or the
 * date of the newest patch as information. A failure whose newest attempt is
 * older than patch_age_days is no longer being tried and does not count. */
void patches_evaluate(const struct patch_summary *p, const struct patch_context *c, struct health_result *out);

#endif
