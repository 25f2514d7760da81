/* Results as JSON, for `wutray-cli status --json` and `restart --json`. */
#include "report.h"
#include "errtext.h"
#include "json.h"
#include "msg.h"
#include "searching.h"
#include "update_kind.h"
#include "strings.h"
#include "timefmt.h"

#include <stdio.h>

/* A date, or null when there is none or it cannot be printed (past 9999). */
static void json_date(struct json *j, uint64_t ms)
{
    char when[32];
    if (!ms || !timefmt_iso8601(ms, when, sizeof(when))) {
        json_null(j);
        return;
    }
    json_string(j, when);
}

/* The registry signals, or "unavailable" when the registry could not be read. */
static void write_signals(struct json *j, const struct update_signals *g)
{
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
    json_date(j, g->paused_until_ms);
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

/* A date and the source that gave it (searching.h), or "unavailable". */
static void write_dated(struct json *j, const char *key, uint64_t ms, enum search_source from)
{
    char source_key[48];

    json_key(j, key);
    if (from == SEARCH_FROM_NONE) json_string(j, "unavailable");
    else json_date(j, ms);
    snprintf(source_key, sizeof(source_key), "%s_source", key);
    json_key(j, source_key);
    if (from == SEARCH_FROM_NONE) json_null(j);
    else json_string(j, searching_source_keyword(from));
}

static void json_hresult(struct json *j, uint32_t code)
{
    char text[16];
    snprintf(text, sizeof(text), "0x%08lX", (unsigned long)code);
    json_string(j, text);
}

/* What the history and the logs say about patches, kind by kind. */
static void write_patches(struct json *j, const struct patch_summary *p, bool asked)
{
    const char *na = asked ? "unavailable" : "not_asked";

    json_key(j, "sources");
    json_object_begin(j);
    json_key(j, "history");
    json_bool(j, p->history_read);
    json_key(j, "system_log");
    json_bool(j, p->system_log_read);
    json_key(j, "operational_log");
    json_bool(j, p->operational_log_read);
    json_key(j, "pending");
    json_bool(j, p->pending_read);
    json_object_end(j);

    json_key(j, "last_patch");
    if (!p->history_read && !p->system_log_read) {
        json_string(j, na);
    } else if (!p->last_patch_ms) {
        json_null(j);
    } else {
        json_object_begin(j);
        json_key(j, "date");
        json_date(j, p->last_patch_ms);
        json_key(j, "title");
        json_string(j, p->last_patch_title);
        json_object_end(j);
    }
    json_key(j, "failing");
    if (!p->failing.count) {
        json_null(j);
    } else {
        json_object_begin(j);
        json_key(j, "title");
        json_string(j, p->failing.title);
        json_key(j, "attempts");
        json_int(j, (long long)p->failing.count);
        json_key(j, "first");
        json_date(j, p->failing.first_ms);
        json_key(j, "last");
        json_date(j, p->failing.last_ms);
        json_key(j, "operation");
        json_string(j, p->failing.what == UPD_DOWNLOAD_FAILED ? "download" : "install");
        json_key(j, "hresult");
        json_hresult(j, p->failing.code);
        json_object_end(j);
    }
    json_key(j, "kinds");
    json_object_begin(j);
    for (int k = 0; k < UPD_KIND_COUNT; k++) {
        json_key(j, update_kind_keyword((enum update_kind)k));
        json_object_begin(j);
        json_key(j, "installed");
        json_date(j, p->installed_ms[k]);
        json_key(j, "failed");
        json_date(j, p->failed_ms[k]);
        if (p->failed_ms[k]) {
            json_key(j, "hresult");
            json_hresult(j, p->failed_code[k]);
        }
        json_object_end(j);
    }
    json_object_end(j);
    json_key(j, "updates_found");
    if (p->operational_log_read) json_date(j, p->updates_found_ms);
    else json_string(j, na);
    json_key(j, "search_failed");
    if (!p->search_failed_ms) {
        json_null(j);
    } else {
        json_object_begin(j);
        json_key(j, "date");
        json_date(j, p->search_failed_ms);
        json_key(j, "hresult");
        json_hresult(j, p->search_failed_code);
        json_object_end(j);
    }
    json_key(j, "pending");
    if (!p->pending_read) {
        json_string(j, na);
    } else {
        json_object_begin(j);
        json_key(j, "security_updates");
        json_int(j, (long long)p->pending_count);
        json_key(j, "oldest");
        json_date(j, p->oldest_pending_ms);
        json_key(j, "title");
        if (p->pending_count) json_string(j, p->pending_title);
        else json_null(j);
        json_object_end(j);
    }
}

/* Whether updating works: each signal with its value, or "unavailable". */
static void write_outcome(struct json *j, const struct health_snapshot *s)
{
    const struct wua_signals *w = &s->wua;
    enum search_source from;
    uint64_t when;

    json_object_begin(j);
    json_key(j, "agent");
    json_string(j, w->available ? "available" : w->access_denied ? "refused" : "unavailable");
    when = searching_last_success(s, &from);
    write_dated(j, "last_search", when, from);
    /* The agent's last installation of anything, Defender included: a fact. */
    json_key(j, "last_install_any");
    if (w->available) json_date(j, w->last_install_ms);
    else json_string(j, "unavailable");
    json_key(j, "agent_reboot_required");
    if (w->reboot_known) json_bool(j, w->reboot_required);
    else json_string(j, "unavailable");
    json_key(j, "metered");
    if (s->net.known) json_bool(j, s->net.metered);
    else json_string(j, "unavailable");
    write_patches(j, &s->patches, w->read_ms != 0);
    json_object_end(j);
}

/* This PC: its Windows, ESU, free space, a safeguard hold. */
static void write_pc(struct json *j, const struct pc_info *pc)
{
    const struct servicing_row *row = pc->os.read ? servicing_row_for(pc->os.build) : NULL;

    json_key(j, "windows");
    if (!pc->os.read) {
        json_string(j, "unavailable");
    } else {
        json_object_begin(j);
        json_key(j, "name");
        if (row) json_string(j, row->name);
        else json_null(j);
        json_key(j, "build");
        json_int(j, (long long)pc->os.build);
        json_key(j, "ubr");
        json_int(j, (long long)pc->os.ubr);
        json_key(j, "display_version");
        json_string(j, pc->os.display_version);
        json_key(j, "edition");
        json_string(j, pc->os.edition);
        json_key(j, "installation_type");
        json_string(j, pc->os.installation_type);
        json_key(j, "esu");
        if (pc->os.build != 19045) {
            json_null(j);
        } else {
            json_object_begin(j);
            json_key(j, "commercial_year");
            if (pc->esu.commercial_read) json_int(j, (long long)pc->esu.commercial_year);
            else json_string(j, "unavailable");
            json_key(j, "consumer");
            if (pc->esu.consumer_read) json_bool(j, servicing_consumer_esu_enrolled(&pc->esu));
            else json_string(j, "unavailable");
            json_object_end(j);
        }
        json_object_end(j);
    }
    json_key(j, "disk_free_gb");
    if (pc->disk.known) json_int(j, (long long)(uint32_t)(pc->disk.free_bytes >> 30));
    else json_string(j, "unavailable");
    json_key(j, "safeguard_hold");
    if (!pc->hold.read) {
        json_string(j, "unavailable");
    } else if (!pc->hold.held) {
        json_null(j);
    } else {
        json_object_begin(j);
        json_key(j, "target");
        json_string(j, pc->hold.target);
        json_key(j, "block_id");
        json_string(j, pc->hold.block_id);
        json_object_end(j);
    }
}

BOOL report_json(const struct health_snapshot *s, const struct health_result *res,
                 char *buf, size_t cap)
{
    struct json j;
    char code[64];
    wchar_t text[512], what[256], next[256];

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
        report_reason_text_iso(r, text, ARRAYSIZE(text));
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
        if (r->subject[0]) {
            json_key(&j, "subject");
            json_string(&j, r->subject);
        }
        if (r->count) {
            json_key(&j, "count");
            json_int(&j, (long long)r->count);
        }
        if (!r->code && report_reason_explain(r, what, ARRAYSIZE(what), next, ARRAYSIZE(next))) {
            json_key(&j, "next_step");
            json_wstring(&j, next);
        }
        if (r->code) {
            const struct errtext_info *info = errtext_find(r->code);
            json_key(&j, "error");
            json_hresult(&j, r->code);
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
    write_pc(&j, &s->pc);
    json_key(&j, "os_build");
    json_int(&j, s->os_build);
    json_key(&j, "evaluated_at");
    json_date(&j, s->taken_ms);
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

/* The restart's fields, into an open object. */
static void write_restart(struct json *j, const struct report_step *steps, unsigned n, const struct restart_outcome *o)
{
    wchar_t text[512];
    struct svc_reading r;

    ZeroMemory(&r, sizeof(r));
    r.presence = SVC_PRESENT;
    json_key(j, "result");
    json_string(j, restart_result_keyword(o->result));
    json_key(j, "exit_code");
    json_int(j, restart_exit_code(o->result));
    json_key(j, "steps");
    json_array_begin(j);
    for (unsigned i = 0; i < n; i++) {
        r.state = steps[i].result.state;
        json_object_begin(j);
        json_key(j, "action");
        json_string(j, action_keyword(steps[i].step.action));
        json_key(j, "service");
        json_wstring(j, restart_svc_name(steps[i].step.svc));
        json_key(j, "result");
        json_string(j, restart_result_keyword(steps[i].result.result));
        json_key(j, "state");
        json_string(j, svc_state_keyword(&r));
        json_key(j, "elapsed_ms");
        json_int(j, steps[i].result.elapsed_ms);
        if (steps[i].result.win32_error) {
            json_key(j, "error");
            json_int(j, steps[i].result.win32_error);
        }
        json_object_end(j);
    }
    json_array_end(j);
    json_key(j, "service");
    if (o->result == RESTART_DONE) json_null(j);
    else json_wstring(j, restart_svc_name(o->svc));
    json_key(j, "message");
    report_restart_text(o, text, ARRAYSIZE(text));
    json_wstring(j, text);
}

BOOL report_restart_json(const struct report_step *steps, unsigned n, const struct restart_outcome *o,
                         char *buf, size_t cap)
{
    struct json j;

    json_init(&j, buf, cap);
    json_object_begin(&j);
    write_restart(&j, steps, n, o);
    json_object_end(&j);
    return json_ok(&j);
}

BOOL report_fix_json(const struct health_result *res, const struct fix_plan *plan, enum fix_result result,
                     const struct report_step *steps, unsigned n, const struct restart_outcome *o, char *buf,
                     size_t cap)
{
    struct json j;
    const char *action = fix_action_keyword(plan->action);
    wchar_t text[512];

    json_init(&j, buf, cap);
    json_object_begin(&j);
    json_key(&j, "result");
    json_string(&j, fix_result_keyword(result));
    json_key(&j, "exit_code");
    json_int(&j, fix_exit_code(result));
    json_key(&j, "state");
    json_string(&j, health_state_keyword(res->state));
    json_key(&j, "reasons");
    json_array_begin(&j);
    for (unsigned i = 0; i < res->n_reasons; i++)
        if (res->reasons[i].level != HEALTH_OK) json_string(&j, health_reason_code(res->reasons[i].kind));
    json_array_end(&j);
    json_key(&j, "action");
    if (action) json_string(&j, action);
    else json_null(&j);
    json_key(&j, "message");
    if (result == FIX_NEEDS_ADMIN) str_load(IDS_FIX_NEEDS_ADMIN, text, ARRAYSIZE(text));
    else if (o && action) report_restart_text(o, text, ARRAYSIZE(text));
    else str_load((UINT)plan->msg, text, ARRAYSIZE(text));
    json_wstring(&j, text);
    json_key(&j, "restart");
    if (o && action) {
        json_object_begin(&j);
        write_restart(&j, steps, n, o);
        json_object_end(&j);
    } else {
        json_null(&j);
    }
    json_object_end(&j);
    return json_ok(&j);
}
