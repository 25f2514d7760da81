#include "report.h"
#include "console.h"
#include "errtext.h"
#include "msg.h"
#include "strings.h"
#include "timefmt.h"
#include "update_kind.h"

#include <string.h>
#include <strsafe.h>

static void svc_label(enum svc_id id, wchar_t *buf, size_t cap)
{
    str_load((UINT)svc_label_msg(id), buf, cap);
}

/* "2026-11-24" (UTC), for text inside JSON; "" when there is no day. */
static void iso_day(uint64_t ms, wchar_t *buf, size_t cap)
{
    char when[32];

    buf[0] = 0;
    if (!ms || !timefmt_iso8601(ms, when, sizeof(when))) return;
    when[10] = 0;
    StringCchPrintfW(buf, cap, L"%hs", when);
}

static void reason_text(const struct health_reason *r, BOOL iso_days, wchar_t *buf, size_t cap)
{
    UINT msg = (UINT)health_reason_msg(r->kind);
    unsigned long code = (unsigned long)r->code;
    wchar_t arg[64], subject[REASON_SUBJECT_LEN];

    if (r->svc < SVC_COUNT) {
        svc_label(r->svc, arg, ARRAYSIZE(arg));
        str_format(buf, cap, msg, arg);
        return;
    }
    /* About updating as a whole: a day, a subject (an update's title, a
     * Windows version), a count, an error code, as each message needs. */
    if (iso_days) iso_day(r->when_ms, arg, ARRAYSIZE(arg));
    else if (health_reason_calendar_day(r->kind)) str_calendar_day(r->when_ms, arg, ARRAYSIZE(arg));
    else str_day(r->when_ms, arg, ARRAYSIZE(arg));
    if (!MultiByteToWideChar(CP_UTF8, 0, r->subject, -1, subject, ARRAYSIZE(subject))) subject[0] = 0;
    switch (r->kind) {
    case REASON_SEARCH_FAILED: str_format(buf, cap, msg, arg, code); break;
    case REASON_PATCH_FAILING:
        if (r->count > 1) str_format(buf, cap, msg, subject, (unsigned)r->count, arg, code);
        else str_format(buf, cap, IDS_REASON_PATCH_FAILED_ONCE, subject, arg, code);
        break;
    case REASON_PATCH_STALLED:
    case REASON_PATCH_WAITING:
    case REASON_LAST_PATCH: str_format(buf, cap, msg, arg, subject); break;
    case REASON_END_OF_SERVICE:
    case REASON_END_OF_SERVICE_SOON:
    case REASON_SUPPORTED:
    case REASON_ESU: str_format(buf, cap, msg, subject, arg); break;
    case REASON_BUILD_NEWER:
    case REASON_LOW_DISK: str_format(buf, cap, msg, (unsigned)r->count); break;
    case REASON_SAFEGUARD_HOLD: str_format(buf, cap, msg, subject); break;
    default: str_format(buf, cap, msg, arg); break;
    }
}

void report_reason_text(const struct health_reason *r, wchar_t *buf, size_t cap)
{
    reason_text(r, FALSE, buf, cap);
}

void report_reason_text_iso(const struct health_reason *r, wchar_t *buf, size_t cap)
{
    reason_text(r, TRUE, buf, cap);
}

/* The next step for a reason without an error code, 0 if it has none. */
static UINT next_step_msg(const struct health_reason *r)
{
    switch (r->kind) {
    case REASON_END_OF_SERVICE:
    case REASON_END_OF_SERVICE_SOON:
        if (strncmp(r->subject, "Windows 11", 10) == 0) return IDS_NEXT_UPGRADE_WIN11;
        if (strcmp(r->subject, "Windows 10 22H2") == 0) return IDS_NEXT_ESU_WIN10;
        return IDS_NEXT_UPGRADE;
    case REASON_ESU: return IDS_NEXT_ESU_CHECK;
    case REASON_LOW_DISK: return IDS_NEXT_STORAGE;
    default: return 0;
    }
}

BOOL report_reason_explain(const struct health_reason *r, wchar_t *what, size_t what_cap, wchar_t *next,
                           size_t next_cap)
{
    int what_msg, next_msg;
    UINT step = next_step_msg(r);

    what[0] = next[0] = 0;
    if (step) {
        str_load(step, next, next_cap);
        return TRUE;
    }
    if (!r->code) return FALSE;
    errtext_generic(r->code, &what_msg, &next_msg);
    str_format(what, what_cap, (UINT)what_msg, (unsigned)r->code);
    str_load((UINT)next_msg, next, next_cap);
    return TRUE;
}

void report_summary(const struct health_result *res, wchar_t *buf, size_t cap)
{
    wchar_t what[256], next[256];

    if (res->n_reasons == 0) {
        str_load(IDS_ALL_GOOD, buf, cap);
        return;
    }
    report_reason_text(&res->reasons[0], buf, cap);
    /* A failure says what its code means and what to do next. */
    if (report_reason_explain(&res->reasons[0], what, ARRAYSIZE(what), next, ARRAYSIZE(next))) {
        if (what[0]) {
            StringCchCatW(buf, cap, L" ");
            StringCchCatW(buf, cap, what);
        }
        StringCchCatW(buf, cap, L" ");
        StringCchCatW(buf, cap, next);
    }
}

/* A tooltip holds 127 characters: an update is named there by its KB
 * number ("KB5072033 has failed 3 times ..."), not by its whole title. */
static void short_subject(struct health_reason *r)
{
    struct update_record u;
    uint32_t kb;

    ZeroMemory(&u, sizeof(u));
    updates_copy_text(u.title, sizeof(u.title), r->subject);
    kb = update_kb_number(&u);
    if (kb) StringCbPrintfA(r->subject, sizeof(r->subject), "KB%lu", (unsigned long)kb);
}

/* Cuts buf to `max` characters, ending in "..." when it had to cut. */
static void cut_to(wchar_t *buf, size_t max)
{
    if (wcslen(buf) <= max || max < 3) return;
    StringCchCopyW(buf + max - 3, 4, L"...");
}

void report_tooltip(const struct health_result *res, wchar_t *buf, size_t cap)
{
    wchar_t level[64], why[256], more[32];
    static struct health_result first; /* the window's thread only */
    size_t max = cap - 1 < REPORT_TIP_MAX ? cap - 1 : REPORT_TIP_MAX;

    str_load((UINT)health_state_msg(res->state), level, ARRAYSIZE(level));
    first = *res;
    if (first.n_reasons) short_subject(&first.reasons[0]);
    report_summary(&first, why, ARRAYSIZE(why));
    str_format(buf, cap, IDS_TIP_FORMAT, level, why);
    if (res->n_reasons > 1) { /* "(+2 more)" stays visible: the reason gives way */
        more[0] = L' ';
        str_format(more + 1, ARRAYSIZE(more) - 1, IDS_TIP_MORE, (int)res->n_reasons - 1);
        cut_to(buf, max - wcslen(more));
        StringCchCatW(buf, cap, more);
    }
    cut_to(buf, max);
}

void report_balloon(const struct health_result *res, wchar_t *title, size_t title_cap, wchar_t *text, size_t text_cap)
{
    static struct health_result first; /* the window's thread only */
    wchar_t state[64], full[768], what[256], next[256];
    size_t max = text_cap - 1 < REPORT_BALLOON_MAX ? text_cap - 1 : REPORT_BALLOON_MAX;

    str_load((UINT)health_state_msg(res->state), state, ARRAYSIZE(state));
    str_format(title, title_cap, IDS_DETAILS_HEAD, state);
    report_summary(res, full, ARRAYSIZE(full));
    if (wcslen(full) > max && res->n_reasons) { /* the update by its KB number */
        first = *res;
        short_subject(&first.reasons[0]);
        report_summary(&first, full, ARRAYSIZE(full));
        if (wcslen(full) > max && report_reason_explain(&first.reasons[0], what, ARRAYSIZE(what), next, ARRAYSIZE(next))) {
            report_reason_text(&first.reasons[0], full, ARRAYSIZE(full)); /* the reason and the next step */
            if (wcslen(full) + 1 + wcslen(next) <= max) {
                StringCchCatW(full, ARRAYSIZE(full), L" ");
                StringCchCatW(full, ARRAYSIZE(full), next);
            }
        }
    }
    cut_to(full, max);
    StringCchCopyW(text, text_cap, full);
}

void report_restart_text(const struct restart_outcome *o, wchar_t *buf, size_t cap)
{
    wchar_t label[64], state[64];
    struct svc_reading r;
    UINT msg = (UINT)restart_outcome_msg(o);

    ZeroMemory(&r, sizeof(r));
    r.presence = SVC_PRESENT;
    r.state = o->state;
    str_load((UINT)restart_svc_label_msg(o->svc), label, ARRAYSIZE(label));
    str_load((UINT)svc_state_msg(&r), state, ARRAYSIZE(state));
    /* Each message takes the service's name, and some one more value. */
    if (msg == IDS_RESTART_STOP_TIMEOUT || msg == IDS_RESTART_START_TIMEOUT)
        str_format(buf, cap, msg, label, state);
    else if (msg == IDS_RESTART_STOP_FAILED || msg == IDS_RESTART_START_FAILED || msg == IDS_RESTART_EXITED)
        str_format(buf, cap, msg, label, (unsigned long)o->win32_error);
    else
        str_format(buf, cap, msg, label);
}

void report_service_line(const struct health_snapshot *s, enum svc_id id, UINT msg, wchar_t *buf, size_t cap)
{
    const struct svc_reading *r = &s->svc[id];
    wchar_t label[64], state[64], start[64];

    svc_label(id, label, ARRAYSIZE(label));
    str_load((UINT)svc_state_msg(r), state, ARRAYSIZE(state));
    str_load((UINT)svc_start_msg(r->start), start, ARRAYSIZE(start));
    str_format(buf, cap, msg, label, svc_name(id), state, start);
}

void report_print_status(const struct health_snapshot *s, const struct health_result *res)
{
    wchar_t level[64], line[512];

    str_load((UINT)health_state_msg(res->state), level, ARRAYSIZE(level));
    con_line(STD_OUTPUT_HANDLE, IDS_CLI_STATUS_HEAD, level);
    for (int i = 0; i < SVC_COUNT; i++) {
        report_service_line(s, (enum svc_id)i, IDS_CLI_SERVICE_LINE, line, ARRAYSIZE(line) - 2);
        StringCchCatW(line, ARRAYSIZE(line), L"\r\n");
        con_write(STD_OUTPUT_HANDLE, line);
    }
    if (res->n_reasons == 0) {
        str_load(IDS_ALL_GOOD, line, ARRAYSIZE(line));
        con_line(STD_OUTPUT_HANDLE, IDS_CLI_REASONS, line);
    }
    for (unsigned k = 0; k < res->n_reasons; k++) {
        wchar_t what[256], next[256];
        report_reason_text(&res->reasons[k], line, ARRAYSIZE(line));
        con_line(STD_OUTPUT_HANDLE, IDS_CLI_REASONS, line);
        if (report_reason_explain(&res->reasons[k], what, ARRAYSIZE(what), next, ARRAYSIZE(next))) {
            if (what[0]) con_line(STD_OUTPUT_HANDLE, IDS_CLI_EXPLAIN, what);
            con_line(STD_OUTPUT_HANDLE, IDS_CLI_EXPLAIN, next);
        }
    }
}

void report_state_line(const struct health_snapshot *s, const struct health_result *res,
                       wchar_t *buf, size_t cap)
{
    wchar_t one_more[64];

    StringCchPrintfW(buf, cap, L"%hs", health_level_keyword(res->level));
    for (int i = 0; i < SVC_COUNT; i++) {
        wchar_t one[64];
        StringCchPrintfW(one, ARRAYSIZE(one), L" %ls=%hs", svc_name((enum svc_id)i),
                         svc_state_keyword(&s->svc[i]));
        StringCchCatW(buf, cap, one);
    }
    StringCchPrintfW(one_more, ARRAYSIZE(one_more), L" state=%hs", health_state_keyword(res->state));
    StringCchCatW(buf, cap, one_more);
}

void report_refused_text(const struct refused_setting *r, wchar_t *buf, size_t cap)
{
    const struct setting_desc *d = &settings_table[r->id];
    const wchar_t *where = r->source == SETTING_FROM_POLICY ? L"HKLM\\" REGSETTINGS_POLICY_KEY
                                                            : L"HKCU\\" REGSETTINGS_USER_KEY;

    if (r->why == REGSETTINGS_OUT_OF_RANGE)
        str_format(buf, cap, IDS_SETTING_OUT_OF_RANGE, d->name, (unsigned long)r->value, where, (unsigned long)d->min,
                   (unsigned long)d->max);
    else
        str_format(buf, cap, IDS_SETTING_WRONG_TYPE, d->name, where);
}
