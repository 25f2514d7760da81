/* The details window's text (also the text of state events in the event
 * log): the state, every reason, and every signal with its value and source. */
#include "report.h"
#include "msg.h"
#include "outcome.h"
#include "strings.h"
#include "timefmt.h"

#include <strsafe.h>

/* "2026-11-24" or "2026-11-24 08:01 UTC"-style text of a date. */
static void day_text(uint64_t ms, wchar_t *buf, size_t cap)
{
    char iso[32];
    timefmt_iso8601(ms, iso, sizeof(iso));
    iso[10] = 0;
    StringCchPrintfW(buf, cap, L"%hs", iso);
}

static void add_line(wchar_t *buf, size_t cap, const wchar_t *line)
{
    if (buf[0]) StringCchCatW(buf, cap, L"\n");
    StringCchCatW(buf, cap, line);
}

/* A date with its source, or "not available". */
static void dated(UINT msg, uint64_t ms, enum outcome_source from, wchar_t *out, size_t cap)
{
    wchar_t day[32], value[96];
    if (from == OUTCOME_FROM_NONE) {
        str_load(IDS_WORD_UNAVAILABLE, value, ARRAYSIZE(value));
    } else {
        day_text(ms, day, ARRAYSIZE(day));
        str_format(value, ARRAYSIZE(value), from == OUTCOME_FROM_AGENT ? IDS_WORD_FROM_AGENT : IDS_WORD_FROM_REGISTRY,
                   day);
    }
    str_format(out, cap, msg, value);
}

static void yes_no(UINT msg, bool v, wchar_t *out, size_t cap)
{
    wchar_t word[32];
    str_load(v ? IDS_WORD_YES : IDS_WORD_NO, word, ARRAYSIZE(word));
    str_format(out, cap, msg, word);
}

void report_details(const struct health_snapshot *s, const struct health_result *res, wchar_t *head,
                    size_t head_cap, wchar_t *why, size_t why_cap, wchar_t *signals, size_t sig_cap)
{
    const struct wua_signals *w = &s->wua;
    const struct update_signals *g = &s->sig;
    wchar_t line[512], word[64], what[256], next[256], not_known[32];
    enum outcome_source from;
    uint64_t when;
    char iso[32];

    str_load((UINT)health_state_msg(res->state), word, ARRAYSIZE(word));
    str_format(head, head_cap, IDS_DETAILS_HEAD, word);

    /* Why: every reason, with what an error code means and the next step. */
    why[0] = 0;
    if (res->n_reasons == 0) {
        str_load(IDS_ALL_GOOD, line, ARRAYSIZE(line));
        add_line(why, why_cap, line);
    }
    for (unsigned k = 0; k < res->n_reasons; k++) {
        report_reason_text(&res->reasons[k], line, ARRAYSIZE(line));
        add_line(why, why_cap, line);
        if (report_reason_explain(&res->reasons[k], what, ARRAYSIZE(what), next, ARRAYSIZE(next))) {
            add_line(why, why_cap, what);
            add_line(why, why_cap, next);
        }
    }

    /* Every signal with its value, as read. */
    signals[0] = 0;
    timefmt_iso8601(s->taken_ms, iso, sizeof(iso));
    iso[16] = 0; /* to the minute */
    iso[10] = L' ';
    StringCchPrintfW(word, ARRAYSIZE(word), L"%hs", iso);
    str_format(line, ARRAYSIZE(line), IDS_DETAILS_READ_AT, word);
    add_line(signals, sig_cap, line);
    for (int i = 0; i < SVC_COUNT; i++) {
        report_service_line(s, (enum svc_id)i, IDS_DETAILS_SERVICE, line, ARRAYSIZE(line));
        add_line(signals, sig_cap, line);
    }
    str_load(w->read_ms ? (w->available ? IDS_WORD_AVAILABLE : IDS_WORD_UNAVAILABLE) : IDS_WORD_NOT_ASKED, word,
             ARRAYSIZE(word));
    str_format(line, ARRAYSIZE(line), IDS_DETAILS_AGENT, word);
    add_line(signals, sig_cap, line);
    when = outcome_last_search(s, &from);
    dated(IDS_DETAILS_SEARCH, when, from, line, ARRAYSIZE(line));
    add_line(signals, sig_cap, line);
    when = outcome_last_install(s, &from);
    dated(IDS_DETAILS_INSTALL, when, from, line, ARRAYSIZE(line));
    add_line(signals, sig_cap, line);
    /* The agent, the event log and the network are asked together, later
     * than the rest: until then they are "not asked yet", not "not available". */
    str_load(w->read_ms ? IDS_WORD_UNAVAILABLE : IDS_WORD_NOT_ASKED, not_known, ARRAYSIZE(not_known));
    if (!w->history_known) {
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_OP_UNKNOWN, not_known);
    } else if (!w->last_op_ms && !w->last_op_failed) {
        str_load(IDS_DETAILS_OP_NONE, line, ARRAYSIZE(line));
    } else {
        day_text(w->last_op_ms, word, ARRAYSIZE(word));
        if (w->last_op_failed) str_format(line, ARRAYSIZE(line), IDS_DETAILS_OP_FAILED, word, (unsigned long)w->last_op_hresult);
        else str_format(line, ARRAYSIZE(line), IDS_DETAILS_OP_OK, word);
    }
    add_line(signals, sig_cap, line);
    if (!s->ev.read) {
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_EVENTS, not_known);
    } else if (!s->ev.last_failure_ms) {
        str_load(IDS_WORD_NONE, word, ARRAYSIZE(word));
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_EVENTS, word);
    } else {
        day_text(s->ev.last_failure_ms, word, ARRAYSIZE(word));
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_EVENT_FAILURE, word, (unsigned long)s->ev.last_failure_code);
    }
    add_line(signals, sig_cap, line);
    if (s->net.known) yes_no(IDS_DETAILS_METERED, s->net.metered, line, ARRAYSIZE(line));
    else str_format(line, ARRAYSIZE(line), IDS_DETAILS_METERED, not_known);
    add_line(signals, sig_cap, line);
    if (g->read) {
        yes_no(IDS_DETAILS_REBOOT, g->reboot_required || g->reboot_pending || (w->reboot_known && w->reboot_required),
               line, ARRAYSIZE(line));
        add_line(signals, sig_cap, line);
        if (g->paused_until_ms > s->taken_ms) day_text(g->paused_until_ms, word, ARRAYSIZE(word));
        else str_load(IDS_WORD_NO, word, ARRAYSIZE(word));
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_PAUSED, word);
        add_line(signals, sig_cap, line);
        yes_no(IDS_DETAILS_MANAGED, g->managed, line, ARRAYSIZE(line));
        add_line(signals, sig_cap, line);
        word[0] = 0;
        if (g->policy_blocks & POLICY_NO_AUTO_UPDATE) StringCchCatW(word, ARRAYSIZE(word), L"NoAutoUpdate ");
        if (g->policy_blocks & POLICY_DISABLE_WU_ACCESS) StringCchCatW(word, ARRAYSIZE(word), L"DisableWindowsUpdateAccess ");
        if (g->policy_blocks & POLICY_NO_INTERNET_LOCATIONS)
            StringCchCatW(word, ARRAYSIZE(word), L"DoNotConnectToWindowsUpdateInternetLocations ");
        if (!word[0]) str_load(IDS_WORD_NONE, word, ARRAYSIZE(word));
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_POLICIES, word);
        add_line(signals, sig_cap, line);
    }
}
