#include "report.h"
#include "console.h"
#include "errtext.h"
#include "json.h"
#include "msg.h"
#include "resource.h"
#include "strings.h"
#include "timefmt.h"

#include <strsafe.h>

static void svc_label(enum svc_id id, wchar_t *buf, size_t cap)
{
    str_load((UINT)svc_label_msg(id), buf, cap);
}

void report_reason_text(const struct health_reason *r, wchar_t *buf, size_t cap)
{
    wchar_t arg[64];
    char when[32];

    if (r->svc < SVC_COUNT) {
        svc_label(r->svc, arg, ARRAYSIZE(arg));
    } else { /* about updating as a whole: the only argument is a date */
        timefmt_iso8601(r->when_ms, when, sizeof(when));
        when[10] = 0; /* the day is enough */
        StringCchPrintfW(arg, ARRAYSIZE(arg), L"%hs", when);
    }
    if (r->kind == REASON_LAST_OP_FAILED) str_format(buf, cap, IDS_REASON_LAST_OP_FAILED, arg, (unsigned long)r->code);
    else str_format(buf, cap, (UINT)health_reason_msg(r->kind), arg);
}

BOOL report_reason_explain(const struct health_reason *r, wchar_t *what, size_t what_cap, wchar_t *next,
                           size_t next_cap)
{
    int what_msg, next_msg;

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
        StringCchCatW(buf, cap, L" ");
        StringCchCatW(buf, cap, what);
        StringCchCatW(buf, cap, L" ");
        StringCchCatW(buf, cap, next);
    }
}

void report_tooltip(const struct health_result *res, wchar_t *buf, size_t cap)
{
    wchar_t level[64], why[256], more[32];

    str_load((UINT)health_state_msg(res->state), level, ARRAYSIZE(level));
    report_summary(res, why, ARRAYSIZE(why));
    str_format(buf, cap, IDS_TIP_FORMAT, level, why);
    if (res->n_reasons > 1) {
        str_format(more, ARRAYSIZE(more), IDS_TIP_MORE, (int)res->n_reasons - 1);
        StringCchCatW(buf, cap, L" ");
        StringCchCatW(buf, cap, more);
    }
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
    else if (msg == IDS_RESTART_STOP_FAILED || msg == IDS_RESTART_START_FAILED)
        str_format(buf, cap, msg, label, (unsigned long)o->win32_error);
    else
        str_format(buf, cap, msg, label);
}

void report_print_status(const struct health_snapshot *s, const struct health_result *res)
{
    wchar_t level[64], label[64], state[64], start[64], line[512];

    str_load((UINT)health_state_msg(res->state), level, ARRAYSIZE(level));
    con_line(STD_OUTPUT_HANDLE, IDS_CLI_STATUS_HEAD, level);
    for (int i = 0; i < SVC_COUNT; i++) {
        const struct svc_reading *r = &s->svc[i];
        svc_label((enum svc_id)i, label, ARRAYSIZE(label));
        str_load((UINT)svc_state_msg(r), state, ARRAYSIZE(state));
        str_load((UINT)svc_start_msg(r->start), start, ARRAYSIZE(start));
        con_line(STD_OUTPUT_HANDLE, IDS_CLI_SERVICE_LINE, label, svc_name((enum svc_id)i), state, start);
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
            con_line(STD_OUTPUT_HANDLE, IDS_CLI_EXPLAIN, what);
            con_line(STD_OUTPUT_HANDLE, IDS_CLI_EXPLAIN, next);
        }
    }
}

/* The registry signals, or "unavailable" when the registry could not be read. */
static void write_signals(struct json *j, const struct update_signals *g)
{
    char when[32];

    if (!g->read) {
        json_string(j, "unavailable");
        return;
    }
    json_object_begin(j);
    json_key(j, "reboot_required");
    json_bool(j, g->reboot_required);
    json_key(j, "reboot_pending");
    json_bool(j, g->reboot_pending);
    json_key(j, "paused_until");
    if (g->paused_until_ms) {
        timefmt_iso8601(g->paused_until_ms, when, sizeof(when));
        json_string(j, when);
    } else {
        json_null(j);
    }
    json_key(j, "managed");
    json_bool(j, g->managed);
    json_key(j, "policy_blocks");
    json_array_begin(j);
    if (g->policy_blocks & POLICY_NO_AUTO_UPDATE) json_string(j, "NoAutoUpdate");
    if (g->policy_blocks & POLICY_DISABLE_WU_ACCESS) json_string(j, "DisableWindowsUpdateAccess");
    if (g->policy_blocks & POLICY_NO_INTERNET_LOCATIONS) json_string(j, "DoNotConnectToWindowsUpdateInternetLocations");
    json_array_end(j);
    json_object_end(j);
}

static void json_date(struct json *j, uint64_t ms)
{
    char when[32];
    if (!ms) {
        json_null(j);
        return;
    }
    timefmt_iso8601(ms, when, sizeof(when));
    json_string(j, when);
}

/* A date and the source that gave it: the agent's, else the registry's. */
static void write_dated(struct json *j, const char *key, uint64_t agent_ms, uint64_t reg_ms)
{
    char source_key[48];
    const char *source = NULL;

    json_key(j, key);
    if (agent_ms >= reg_ms && agent_ms) source = "agent";
    else if (reg_ms) source = "registry";
    if (source) json_date(j, agent_ms >= reg_ms ? agent_ms : reg_ms);
    else json_string(j, "unavailable");
    snprintf(source_key, sizeof(source_key), "%s_source", key);
    json_key(j, source_key);
    if (source) json_string(j, source);
    else json_null(j);
}

/* Whether updating works: each signal with its value, or "unavailable". */
static void write_outcome(struct json *j, const struct health_snapshot *s)
{
    const struct wua_signals *w = &s->wua;
    char code[16];

    json_object_begin(j);
    json_key(j, "agent");
    json_string(j, w->available ? "available" : "unavailable");
    write_dated(j, "last_search", w->available ? w->last_search_ms : 0, s->sig.read ? s->sig.last_search_ms : 0);
    write_dated(j, "last_install", w->available ? w->last_install_ms : 0, s->sig.read ? s->sig.last_install_ms : 0);
    json_key(j, "agent_reboot_required");
    if (w->reboot_known) json_bool(j, w->reboot_required);
    else json_string(j, "unavailable");
    json_key(j, "metered");
    if (s->net.known) json_bool(j, s->net.metered);
    else json_string(j, "unavailable");
    json_key(j, "event_log");
    if (!s->ev.read) {
        json_string(j, "unavailable");
    } else {
        json_object_begin(j);
        json_key(j, "last_failure");
        if (!s->ev.last_failure_ms) {
            json_null(j);
        } else {
            json_object_begin(j);
            json_key(j, "operation");
            json_string(j, wuevents_op_keyword(s->ev.last_failure_op));
            json_key(j, "hresult");
            snprintf(code, sizeof(code), "0x%08lX", (unsigned long)s->ev.last_failure_code);
            json_string(j, code);
            json_key(j, "date");
            json_date(j, s->ev.last_failure_ms);
            json_object_end(j);
        }
        json_key(j, "updates_found");
        json_date(j, s->ev.updates_found_ms);
        json_object_end(j);
    }
    json_key(j, "last_operation");
    if (!w->history_known) {
        json_string(j, "unavailable");
    } else if (!w->last_op_ms && !w->last_op_hresult && !w->last_op_failed) {
        json_null(j); /* an empty history */
    } else {
        json_object_begin(j);
        json_key(j, "failed");
        json_bool(j, w->last_op_failed);
        json_key(j, "hresult");
        snprintf(code, sizeof(code), "0x%08lX", (unsigned long)w->last_op_hresult);
        json_string(j, code);
        json_key(j, "date");
        json_date(j, w->last_op_ms);
        json_object_end(j);
    }
    json_object_end(j);
}

BOOL report_json(const struct health_snapshot *s, const struct health_result *res,
                 char *buf, size_t cap)
{
    struct json j;
    char when[32], code[64];
    wchar_t text[512];

    json_init(&j, buf, cap);
    json_object_begin(&j);
    json_key(&j, "level");
    json_string(&j, health_level_keyword(res->level));
    json_key(&j, "state");
    json_string(&j, health_state_keyword(res->state));
    json_key(&j, "services");
    json_array_begin(&j);
    for (int i = 0; i < SVC_COUNT; i++) {
        const struct svc_reading *r = &s->svc[i];
        json_object_begin(&j);
        json_key(&j, "name");
        json_wstring(&j, svc_name((enum svc_id)i));
        json_key(&j, "display_name");
        if (r->display_name[0]) json_wstring(&j, r->display_name);
        else json_null(&j);
        json_key(&j, "state");
        json_string(&j, svc_state_keyword(r));
        json_key(&j, "start_type");
        if (r->presence == SVC_PRESENT) json_string(&j, svc_start_keyword(r->start));
        else json_null(&j);
        json_object_end(&j);
    }
    json_array_end(&j);
    json_key(&j, "reasons");
    json_array_begin(&j);
    for (unsigned k = 0; k < res->n_reasons; k++) {
        const struct health_reason *r = &res->reasons[k];
        if (r->svc < SVC_COUNT) snprintf(code, sizeof(code), "%ls_%s", svc_name(r->svc), health_reason_code(r->kind));
        else snprintf(code, sizeof(code), "%s", health_reason_code(r->kind));
        report_reason_text(r, text, ARRAYSIZE(text));
        json_object_begin(&j);
        json_key(&j, "code");
        json_string(&j, code);
        json_key(&j, "service");
        if (r->svc < SVC_COUNT) json_wstring(&j, svc_name(r->svc));
        else json_null(&j);
        json_key(&j, "level");
        json_string(&j, health_level_keyword(r->level));
        json_key(&j, "message");
        json_wstring(&j, text);
        if (r->svc == SVC_COUNT && r->when_ms) {
            json_key(&j, "date");
            json_date(&j, r->when_ms);
        }
        if (r->code) {
            const struct errtext_info *info = errtext_find(r->code);
            wchar_t what[256], next[256];
            snprintf(code, sizeof(code), "0x%08lX", (unsigned long)r->code);
            json_key(&j, "error");
            json_string(&j, code);
            json_key(&j, "error_name");
            if (info) json_string(&j, info->name);
            else json_null(&j);
            report_reason_explain(r, what, ARRAYSIZE(what), next, ARRAYSIZE(next));
            json_key(&j, "explanation");
            json_wstring(&j, what);
            json_key(&j, "next_step");
            json_wstring(&j, next);
        }
        json_object_end(&j);
    }
    json_array_end(&j);
    json_key(&j, "signals");
    write_signals(&j, &s->sig);
    json_key(&j, "outcome");
    write_outcome(&j, s);
    json_key(&j, "os_build");
    json_int(&j, s->os_build);
    json_key(&j, "evaluated_at");
    timefmt_iso8601(s->taken_ms, when, sizeof(when));
    json_string(&j, when);
    json_object_end(&j);
    return json_ok(&j);
}

static const char *action_keyword(enum restart_action a)
{
    switch (a) {
    case RESTART_STOP: return "stop";
    case RESTART_START: return "start";
    case RESTART_SET_MANUAL: break;
    }
    return "set_manual";
}

BOOL report_restart_json(const struct report_step *steps, unsigned n, const struct restart_outcome *o,
                         char *buf, size_t cap)
{
    struct json j;
    wchar_t text[512];
    struct svc_reading r;

    ZeroMemory(&r, sizeof(r));
    r.presence = SVC_PRESENT;
    json_init(&j, buf, cap);
    json_object_begin(&j);
    json_key(&j, "result");
    json_string(&j, restart_result_keyword(o->result));
    json_key(&j, "exit_code");
    json_int(&j, restart_exit_code(o->result));
    json_key(&j, "steps");
    json_array_begin(&j);
    for (unsigned i = 0; i < n; i++) {
        r.state = steps[i].result.state;
        json_object_begin(&j);
        json_key(&j, "action");
        json_string(&j, action_keyword(steps[i].step.action));
        json_key(&j, "service");
        json_wstring(&j, restart_svc_name(steps[i].step.svc));
        json_key(&j, "result");
        json_string(&j, restart_result_keyword(steps[i].result.result));
        json_key(&j, "state");
        json_string(&j, svc_state_keyword(&r));
        json_key(&j, "elapsed_ms");
        json_int(&j, steps[i].result.elapsed_ms);
        if (steps[i].result.win32_error) {
            json_key(&j, "error");
            json_int(&j, steps[i].result.win32_error);
        }
        json_object_end(&j);
    }
    json_array_end(&j);
    json_key(&j, "service");
    if (o->result == RESTART_DONE) json_null(&j);
    else json_wstring(&j, restart_svc_name(o->svc));
    json_key(&j, "message");
    report_restart_text(o, text, ARRAYSIZE(text));
    json_wstring(&j, text);
    json_object_end(&j);
    return json_ok(&j);
}

UINT report_icon(const struct health_result *res)
{
    if (res->state == STATE_WORKING && res->level == HEALTH_OK) return IDI_WORKING;
    return report_level_icon(res->level);
}

UINT report_level_icon(enum health_level level)
{
    switch (level) {
    case HEALTH_OK: return IDI_OK;
    case HEALTH_ATTENTION: return IDI_ATTENTION;
    case HEALTH_BROKEN: return IDI_BROKEN;
    case HEALTH_UNKNOWN: break;
    }
    return IDI_UNKNOWN;
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
static void dated(UINT msg, uint64_t agent_ms, uint64_t reg_ms, wchar_t *out, size_t cap)
{
    wchar_t day[32], value[96];
    if (!agent_ms && !reg_ms) {
        str_load(IDS_WORD_UNAVAILABLE, value, ARRAYSIZE(value));
    } else {
        day_text(agent_ms >= reg_ms ? agent_ms : reg_ms, day, ARRAYSIZE(day));
        str_format(value, ARRAYSIZE(value), agent_ms >= reg_ms ? IDS_WORD_FROM_AGENT : IDS_WORD_FROM_REGISTRY, day);
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
    wchar_t line[512], word[64], what[256], next[256], label[64], state[64], start[64], not_known[32];
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
        const struct svc_reading *r = &s->svc[i];
        svc_label((enum svc_id)i, label, ARRAYSIZE(label));
        str_load((UINT)svc_state_msg(r), state, ARRAYSIZE(state));
        str_load((UINT)svc_start_msg(r->start), start, ARRAYSIZE(start));
        str_format(line, ARRAYSIZE(line), IDS_DETAILS_SERVICE, label, svc_name((enum svc_id)i), state, start);
        add_line(signals, sig_cap, line);
    }
    str_load(w->read_ms ? (w->available ? IDS_WORD_AVAILABLE : IDS_WORD_UNAVAILABLE) : IDS_WORD_NOT_ASKED, word,
             ARRAYSIZE(word));
    str_format(line, ARRAYSIZE(line), IDS_DETAILS_AGENT, word);
    add_line(signals, sig_cap, line);
    dated(IDS_DETAILS_SEARCH, w->available ? w->last_search_ms : 0, g->read ? g->last_search_ms : 0, line,
          ARRAYSIZE(line));
    add_line(signals, sig_cap, line);
    dated(IDS_DETAILS_INSTALL, w->available ? w->last_install_ms : 0, g->read ? g->last_install_ms : 0, line,
          ARRAYSIZE(line));
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
