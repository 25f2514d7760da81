/* The details window's text (also the text of state events in the event
 * log): the state, every reason, and every signal with its value and source. */
#include "report.h"
#include "msg.h"
#include "searching.h"
#include "update_kind.h"
#include "strings.h"

#include <strsafe.h>

static void add_line(wchar_t *buf, size_t cap, const wchar_t *line)
{
    if (buf[0]) StringCchCatW(buf, cap, L"\n");
    StringCchCatW(buf, cap, line);
}

/* A date with its source, or "not available". */
static void dated(UINT msg, uint64_t ms, enum search_source from, wchar_t *out, size_t cap)
{
    wchar_t day[32], value[96];
    if (from == SEARCH_FROM_NONE) {
        str_load(IDS_WORD_UNAVAILABLE, value, ARRAYSIZE(value));
    } else {
        str_day(ms, day, ARRAYSIZE(day));
        str_format(value, ARRAYSIZE(value),
                   from == SEARCH_FROM_AGENT       ? IDS_WORD_FROM_AGENT
                   : from == SEARCH_FROM_EVENT_LOG ? IDS_WORD_FROM_EVENT_LOG
                                                   : IDS_WORD_FROM_REGISTRY,
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

/* "read", or why not ("not available", "not asked yet"). */
static void read_word(bool read, const wchar_t *not_known, wchar_t *out, size_t cap)
{
    if (read) str_load(IDS_WORD_READ, out, cap);
    else StringCchCopyW(out, cap, not_known);
}

static void utf8_text(const char *s, wchar_t *out, size_t cap)
{
    if (!MultiByteToWideChar(CP_UTF8, 0, s, -1, out, (int)cap)) out[0] = 0;
}

/* What the history and the logs say, kind by kind. */
static void patch_lines(const struct health_snapshot *s, const wchar_t *not_known, wchar_t *signals, size_t sig_cap)
{
    const struct patch_summary *p = &s->patches;
    wchar_t line[512], a[32], b[32], c[32], d[32], day[32], title[PATCH_TITLE_LEN], value[256], failure[96];

    read_word(p->history_read, not_known, a, ARRAYSIZE(a));
    read_word(p->system_log_read, not_known, b, ARRAYSIZE(b));
    read_word(p->operational_log_read, not_known, c, ARRAYSIZE(c));
    read_word(p->pending_read, not_known, d, ARRAYSIZE(d));
    str_format(line, ARRAYSIZE(line), IDS_DETAILS_SOURCES, a, b, c, d);
    add_line(signals, sig_cap, line);
    if (!p->history_read && !p->system_log_read) return;

    if (p->last_patch_ms) {
        str_day(p->last_patch_ms, day, ARRAYSIZE(day));
        utf8_text(p->last_patch_title, title, ARRAYSIZE(title));
        str_format(value, ARRAYSIZE(value), IDS_WORD_DATED_TITLE, day, title);
    } else {
        str_load(IDS_WORD_NONE, value, ARRAYSIZE(value));
    }
    str_format(line, ARRAYSIZE(line), IDS_DETAILS_LAST_PATCH, value);
    add_line(signals, sig_cap, line);
    /* Facts per kind, Defender, Store apps and drivers included: never an alarm. */
    for (int k = 0; k < UPD_KIND_COUNT; k++) {
        wchar_t kind[64];
        if (!p->installed_ms[k] && !p->failed_ms[k]) continue;
        str_load((UINT)update_kind_msg((enum update_kind)k), kind, ARRAYSIZE(kind));
        if (p->installed_ms[k]) str_day(p->installed_ms[k], value, ARRAYSIZE(value));
        else str_load(IDS_WORD_NEVER, value, ARRAYSIZE(value));
        if (p->failed_ms[k]) {
            str_day(p->failed_ms[k], day, ARRAYSIZE(day));
            str_format(failure, ARRAYSIZE(failure), IDS_WORD_FAILURE, day, (unsigned long)p->failed_code[k]);
        } else {
            str_load(IDS_WORD_NONE, failure, ARRAYSIZE(failure));
        }
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_KIND, kind, value, failure);
        add_line(signals, sig_cap, line);
    }
    if (p->pending_read) {
        if (p->pending_count) {
            str_day(p->oldest_pending_ms, day, ARRAYSIZE(day));
            str_format(line, ARRAYSIZE(line), IDS_DETAILS_PENDING, p->pending_count, day);
        } else {
            str_load(IDS_DETAILS_PENDING_NONE, line, ARRAYSIZE(line));
        }
        add_line(signals, sig_cap, line);
    }
}

/* This PC: its Windows version, ESU, free space and a safeguard hold. */
static void pc_lines(const struct health_snapshot *s, const wchar_t *not_known, wchar_t *signals, size_t sig_cap)
{
    const struct pc_info *pc = &s->pc;
    const struct servicing_row *row = pc->os.read ? servicing_row_for(pc->os.build) : NULL;
    wchar_t line[512], name[64], edition[64], value[128];

    if (pc->os.read) {
        if (row) utf8_text(row->name, name, ARRAYSIZE(name));
        else StringCchPrintfW(name, ARRAYSIZE(name), L"Windows %hs", pc->os.display_version);
        utf8_text(pc->os.edition, edition, ARRAYSIZE(edition));
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_WINDOWS, name, pc->os.build, pc->os.ubr, edition);
    } else {
        str_load(IDS_WORD_UNAVAILABLE, value, ARRAYSIZE(value));
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_WINDOWS_NA, value);
    }
    add_line(signals, sig_cap, line);
    if (pc->os.read && pc->os.build == 19045) {
        if (pc->esu.commercial_year) str_format(value, ARRAYSIZE(value), IDS_WORD_ESU_COMMERCIAL, pc->esu.commercial_year);
        else if (servicing_consumer_esu_enrolled(&pc->esu)) str_load(IDS_WORD_ESU_CONSUMER, value, ARRAYSIZE(value));
        else if (pc->esu.commercial_read || pc->esu.consumer_read) str_load(IDS_WORD_NONE, value, ARRAYSIZE(value));
        else str_load(IDS_WORD_UNAVAILABLE, value, ARRAYSIZE(value));
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_ESU, value);
        add_line(signals, sig_cap, line);
    }
    if (pc->disk.known) str_format(value, ARRAYSIZE(value), IDS_WORD_GB, (unsigned)(pc->disk.free_bytes >> 30));
    else StringCchCopyW(value, ARRAYSIZE(value), not_known);
    str_format(line, ARRAYSIZE(line), IDS_DETAILS_DISK, value);
    add_line(signals, sig_cap, line);
    if (pc->hold.read && pc->hold.held) utf8_text(pc->hold.target, value, ARRAYSIZE(value));
    else if (pc->hold.read) str_load(IDS_WORD_NONE, value, ARRAYSIZE(value));
    else str_load(IDS_WORD_UNAVAILABLE, value, ARRAYSIZE(value));
    str_format(line, ARRAYSIZE(line), IDS_DETAILS_HOLD, value);
    add_line(signals, sig_cap, line);
}

void report_details(const struct health_snapshot *s, const struct health_result *res, wchar_t *head,
                    size_t head_cap, wchar_t *why, size_t why_cap, wchar_t *signals, size_t sig_cap)
{
    const struct wua_signals *w = &s->wua;
    const struct update_signals *g = &s->sig;
    wchar_t line[512], word[64], what[256], next[256], not_known[32];
    enum search_source from;
    uint64_t when;

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
            if (what[0]) add_line(why, why_cap, what);
            add_line(why, why_cap, next);
        }
    }

    /* Every signal with its value, as read. */
    signals[0] = 0;
    str_day_time(s->taken_ms, word, ARRAYSIZE(word));
    if (word[0]) {
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_READ_AT, word);
        add_line(signals, sig_cap, line);
    }
    for (int i = 0; i < SVC_COUNT; i++) {
        report_service_line(s, (enum svc_id)i, IDS_DETAILS_SERVICE, line, ARRAYSIZE(line));
        add_line(signals, sig_cap, line);
    }
    str_load(w->read_ms ? (w->available ? IDS_WORD_AVAILABLE : IDS_WORD_UNAVAILABLE) : IDS_WORD_NOT_ASKED, word,
             ARRAYSIZE(word));
    str_format(line, ARRAYSIZE(line), IDS_DETAILS_AGENT, word);
    add_line(signals, sig_cap, line);
    when = searching_last_success(s, &from);
    dated(IDS_DETAILS_SEARCH, when, from, line, ARRAYSIZE(line));
    add_line(signals, sig_cap, line);
    /* The agent, the logs and the network are asked together, later than
     * the rest: until then they are "not asked yet", not "not available". */
    str_load(w->read_ms ? IDS_WORD_UNAVAILABLE : IDS_WORD_NOT_ASKED, not_known, ARRAYSIZE(not_known));
    patch_lines(s, not_known, signals, sig_cap);
    if (s->net.known) yes_no(IDS_DETAILS_METERED, s->net.metered, line, ARRAYSIZE(line));
    else str_format(line, ARRAYSIZE(line), IDS_DETAILS_METERED, not_known);
    add_line(signals, sig_cap, line);
    if (g->read) {
        yes_no(IDS_DETAILS_REBOOT, g->reboot_required || g->reboot_pending || (w->reboot_known && w->reboot_required),
               line, ARRAYSIZE(line));
        add_line(signals, sig_cap, line);
        if (g->paused_until_ms > s->taken_ms) str_day(g->paused_until_ms, word, ARRAYSIZE(word));
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
    pc_lines(s, not_known, signals, sig_cap);
}
