/* Health and restart results in words: tooltip, balloon and CLI text
 * (report.c), the details window and state events (report_details.c), and
 * JSON (report_json.c). Shared by the tray and the command line. */
#ifndef WUTRAY_REPORT_H
#define WUTRAY_REPORT_H

#include <windows.h>
#include "health.h"
#include "restart.h"
#include "check.h"
#include "fix.h"

/* A reason's sentence, its days in the user's format; _iso writes them as
 * 2026-11-24 (UTC), for the "message" of the CLI's JSON. */
void report_reason_text(const struct health_reason *r, wchar_t *buf, size_t cap);
void report_reason_text_iso(const struct health_reason *r, wchar_t *buf, size_t cap);
/* For a reason that carries an error code: what it means and the next step.
 * FALSE (and nothing written) for reasons without one. */
BOOL report_reason_explain(const struct health_reason *r, wchar_t *what, size_t what_cap, wchar_t *next,
                           size_t next_cap);
/* What Windows shows of a tooltip and of a balloon's text (NOTIFYICONDATA). */
#define REPORT_TIP_MAX 127
#define REPORT_BALLOON_MAX 255
/* The state's name and the first reason, the update named by its KB number,
 * within REPORT_TIP_MAX, "(+2 more)" kept when there are more. */
void report_tooltip(const struct health_result *res, wchar_t *buf, size_t cap);
/* The first reason, what its error means and the next step (the CLI, the log). */
void report_summary(const struct health_result *res, wchar_t *buf, size_t cap);
/* A balloon: "Windows Update: <state>", and the summary within
 * REPORT_BALLOON_MAX: the update by its KB number if the whole title is too
 * long, then without what the error means; never cut mid-sentence unless a
 * single sentence is too long. */
void report_balloon(const struct health_result *res, wchar_t *title, size_t title_cap, wchar_t *text,
                    size_t text_cap);
void report_restart_text(const struct restart_outcome *o, wchar_t *buf, size_t cap);
/* A service's line: `msg` takes its friendly name, its name, its state and
 * its start type (IDS_CLI_SERVICE_LINE, IDS_DETAILS_SERVICE). */
void report_service_line(const struct health_snapshot *s, enum svc_id id, UINT msg, wchar_t *buf, size_t cap);
/* "The setting StalledSearchDays = 500 in HKLM\SOFTWARE\Policies\wutray is
 * outside 1 to 90 and is ignored." */
void report_refused_text(const struct refused_setting *r, wchar_t *buf, size_t cap);
/* `wutray-cli status` output. */
void report_print_status(const struct health_snapshot *s, const struct health_result *res);
/* Returns FALSE if the buffer was too small. */
BOOL report_json(const struct health_snapshot *s, const struct health_result *res,
                 char *buf, size_t cap);
/* `wutray-cli restart --json`: the steps as run, then the outcome. */
struct report_step {
    struct restart_step step;
    struct restart_op_result result;
};
BOOL report_restart_json(const struct report_step *steps, unsigned n, const struct restart_outcome *o,
                         char *buf, size_t cap);
/* `wutray-cli fix --json`: the result, the state it acted on, what it did
 * (the restart's object as above, or null) and one message. */
BOOL report_fix_json(const struct health_result *res, const struct fix_plan *plan, enum fix_result result,
                     const struct report_step *steps, unsigned n, const struct restart_outcome *o, char *buf,
                     size_t cap);
/* The details window's text: a heading with the state; why (every reason,
 * with what an error code means and the next step); and every signal with
 * its value and source, as read. Lines are separated by \n. */
void report_details(const struct health_snapshot *s, const struct health_result *res, wchar_t *head,
                    size_t head_cap, wchar_t *why, size_t why_cap, wchar_t *signals, size_t sig_cap);
/* "ok wuauserv=stopped UsoSvc=running state=ok": keywords only, for automation. */
void report_state_line(const struct health_snapshot *s, const struct health_result *res,
                       wchar_t *buf, size_t cap);

#endif
