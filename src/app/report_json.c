/* Results as JSON, for `wutray-cli status --json` and `restart --json`. */
#include "report.h"
#include "errtext.h"
#include "json.h"
#include "msg.h"
#include "outcome.h"
#include "strings.h"
#include "timefmt.h"

#include <stdio.h>

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

/* A date and the source that gave it (outcome.h), or "unavailable". */
static void write_dated(struct json *j, const char *key, uint64_t ms, enum outcome_source from)
{
    char source_key[48];

    json_key(j, key);
    if (from == OUTCOME_FROM_NONE) json_string(j, "unavailable");
    else json_date(j, ms);
    snprintf(source_key, sizeof(source_key), "%s_source", key);
    json_key(j, source_key);
    if (from == OUTCOME_FROM_NONE) json_null(j);
    else json_string(j, from == OUTCOME_FROM_AGENT ? "agent" : "registry");
}

/* Whether updating works: each signal with its value, or "unavailable". */
static void write_outcome(struct json *j, const struct health_snapshot *s)
{
    const struct wua_signals *w = &s->wua;
    enum outcome_source from;
    uint64_t when;
    char code[16];

    json_object_begin(j);
    json_key(j, "agent");
    json_string(j, w->available ? "available" : "unavailable");
    when = outcome_last_search(s, &from);
    write_dated(j, "last_search", when, from);
    when = outcome_last_install(s, &from);
    write_dated(j, "last_install", when, from);
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
