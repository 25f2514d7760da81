#include "report.h"
#include "console.h"
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
    str_format(buf, cap, (UINT)health_reason_msg(r->kind), arg);
}

void report_summary(const struct health_result *res, wchar_t *buf, size_t cap)
{
    if (res->n_reasons == 0) str_load(IDS_ALL_GOOD, buf, cap);
    else report_reason_text(&res->reasons[0], buf, cap);
}

void report_tooltip(const struct health_result *res, wchar_t *buf, size_t cap)
{
    wchar_t level[64], why[256], more[32];

    str_load((UINT)health_level_msg(res->level), level, ARRAYSIZE(level));
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
    svc_label(o->svc, label, ARRAYSIZE(label));
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

    str_load((UINT)health_level_msg(res->level), level, ARRAYSIZE(level));
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
        report_reason_text(&res->reasons[k], line, ARRAYSIZE(line));
        con_line(STD_OUTPUT_HANDLE, IDS_CLI_REASONS, line);
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
        json_object_end(&j);
    }
    json_array_end(&j);
    json_key(&j, "signals");
    write_signals(&j, &s->sig);
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
        json_wstring(&j, svc_name(steps[i].step.svc));
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
    else json_wstring(&j, svc_name(o->svc));
    json_key(&j, "message");
    report_restart_text(o, text, ARRAYSIZE(text));
    json_wstring(&j, text);
    json_object_end(&j);
    return json_ok(&j);
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
    StringCchPrintfW(buf, cap, L"%hs", health_level_keyword(res->level));
    for (int i = 0; i < SVC_COUNT; i++) {
        wchar_t one[64];
        StringCchPrintfW(one, ARRAYSIZE(one), L" %ls=%hs", svc_name((enum svc_id)i),
                         svc_state_keyword(&s->svc[i]));
        StringCchCatW(buf, cap, one);
    }
}
