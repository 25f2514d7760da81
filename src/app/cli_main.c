/* wutray-cli.exe: the same checks and restart as the tray, for scripts and
 * remote management. Exit codes are documented in README.md. */
#include <windows.h>
#include <objbase.h>
#include <strsafe.h>

#include "check.h"
#include "cli_args.h"
#include "console.h"
#include "health.h"
#include "msg.h"
#include "report.h"
#include "restart.h"
#include "regsettings.h"
#include "scm.h"
#include "strings.h"
#include "version.h"
#include "elevate.h"
#include "eventlog.h"
#include "fix.h"
#include "events.h"
#include "netcost.h"
#include "os.h"
#include "wua.h"

/* One verdict, as `status` gives it: the services, the registry, the update
 * agent and logs, this PC's facts, and a pending service watched for a
 * moment before it is called stuck. Ignored settings values are said on
 * stderr (stdout stays the report). */
static void read_verdict(struct check_reading *c, struct health_result *res)
{
    struct health_snapshot *sp = &c->snap;
    BOOL com;

    check_read(c, NULL);
    for (unsigned i = 0; i < c->n_refused; i++) {
        wchar_t text[512];
        report_refused_text(&c->refused[i], text, ARRAYSIZE(text));
        con_line(STD_ERROR_HANDLE, IDS_CLI_WARNING, text);
    }
    /* The update agent: without COM it answers "not available". */
    com = SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED | COINIT_DISABLE_OLE1DDE));
    check_read_updates(&sp->wua, &sp->patches, &sp->pc);
    netcost_read(&sp->net);
    if (com) CoUninitialize();
    for (int i = 0; i < SVC_COUNT; i++)
        scm_watch_pending(svc_name((enum svc_id)i), health_oneshot_watch_ms(sp->svc[i].wait_hint_ms), &sp->svc[i]);
    health_evaluate(sp, NULL, res);
}

static void print_json(const char *buf)
{
    con_write_utf8(STD_OUTPUT_HANDLE, buf);
    con_write_utf8(STD_OUTPUT_HANDLE, "\n");
}

static int cmd_status(BOOL json)
{
    static struct check_reading c;
    static struct health_result res;
    static char buf[32768];

    read_verdict(&c, &res);
    if (json) {
        if (!report_json(&c.snap, &res, buf, sizeof(buf))) return HEALTH_UNKNOWN;
        print_json(buf);
    } else {
        report_print_status(&c.snap, &res);
    }
    return (int)res.level;
}

#define MAX_RUN_STEPS 16

struct restart_log {
    BOOL quiet; /* --json: no lines while running */
    unsigned n;
    struct report_step steps[MAX_RUN_STEPS];
};

static void cli_run_step(void *ctx, const struct restart_step *step, struct restart_op_result *out)
{
    struct restart_log *log = ctx;
    wchar_t label[64], word[32];

    scm_run_step(step, &scm_default_limits, out);
    if (log->n < MAX_RUN_STEPS) {
        log->steps[log->n].step = *step;
        log->steps[log->n].result = *out;
        log->n++;
    }
    if (out->result != RESTART_DONE || log->quiet) return;
    str_load((UINT)restart_svc_label_msg(step->svc), label, ARRAYSIZE(label));
    str_load(step->action == RESTART_STOP ? IDS_WORD_STOPPED : IDS_WORD_STARTED, word, ARRAYSIZE(word));
    con_line(STD_OUTPUT_HANDLE, IDS_RESTART_STEP_DONE, label, word, (unsigned long)out->elapsed_ms);
}

/* A restart from the command line is an administrator's action: it goes to
 * the event log, as the tray's do. */
static void log_outcome(const struct restart_outcome *o)
{
    wchar_t title[64], text[512];
    enum event_id id;
    enum event_type type;

    str_load(o->action == RESTART_SET_MANUAL ? IDS_REENABLE_TITLE : IDS_RESTART_TITLE, title, ARRAYSIZE(title));
    report_restart_text(o, text, ARRAYSIZE(text));
    event_for_outcome(o, &id, &type);
    eventlog_write(id, type, title, text);
}

static int cmd_restart(BOOL json)
{
    static const struct restart_ops ops = {.run = cli_run_step, .confirm = scm_confirm_cb};
    static struct restart_log log;
    static char buf[32768];
    struct health_snapshot s;
    struct restart_plan plan;
    struct restart_options opt;
    struct restart_outcome outcome;
    struct settings set;
    wchar_t text[512];

    log.quiet = json;
    scm_snapshot(&s);
    regsettings_read(&set);
    ZeroMemory(&opt, sizeof(opt));
    opt.include_bits = set.include_bits;
    if (opt.include_bits) scm_read_bits_cb(NULL, &opt.bits);
    restart_make_plan_ex(&s, &opt, &plan);
    restart_execute(&plan, &ops, &log, &outcome);
    log_outcome(&outcome);
    if (json) {
        if (report_restart_json(log.steps, log.n, &outcome, buf, sizeof(buf))) print_json(buf);
        return restart_exit_code(outcome.result);
    }
    report_restart_text(&outcome, text, ARRAYSIZE(text));
    StringCchCatW(text, ARRAYSIZE(text), L"\r\n");
    con_write(outcome.result == RESTART_DONE ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE, text);
    return restart_exit_code(outcome.result);
}

/* The tray's click for the state, without a prompt (the command line runs
 * with the rights it was given: as SYSTEM from a management tool, or as an
 * administrator), and nothing else (fix.h says what and why). */
static int cmd_fix(BOOL json)
{
    static const struct restart_ops ops = {.run = cli_run_step, .confirm = scm_confirm_cb};
    static const struct elevated_env env = {
        .snapshot = scm_snapshot_cb, .ops = &ops, .read_bits = scm_read_bits_cb, .elevate = NULL};
    static struct check_reading c;
    static struct health_result res;
    static struct restart_log log;
    static char buf[32768];
    struct restart_outcome outcome;
    struct fix_plan plan;
    enum fix_result result;
    enum svc_id disabled[SVC_COUNT];
    bool elevated;
    wchar_t text[512];

    read_verdict(&c, &res);
    fix_decide(&res, restart_disabled(&c.snap, disabled) > 0, &plan);
    if (!json) {
        report_print_status(&c.snap, &res);
        con_line(STD_OUTPUT_HANDLE, (UINT)plan.msg);
    }
    ZeroMemory(&outcome, sizeof(outcome));
    log.quiet = json;
    if (plan.action == FIX_RESTART || plan.action == FIX_REENABLE) {
        enum elevated_verb verb = plan.action == FIX_REENABLE ? ELEVATED_REENABLE : ELEVATED_RESTART;
        if (verb == ELEVATED_RESTART && c.set.include_bits) verb = ELEVATED_RESTART_BITS;
        elevated_run(&env, &log, verb, &elevated, &outcome);
        log_outcome(&outcome);
    }
    result = fix_result_of(plan.action, outcome.result);
    if (json) {
        if (report_fix_json(&res, &plan, result, log.steps, log.n,
                            plan.action == FIX_RESTART || plan.action == FIX_REENABLE ? &outcome : NULL, buf,
                            sizeof(buf)))
            print_json(buf);
        return fix_exit_code(result);
    }
    if (plan.action == FIX_RESTART || plan.action == FIX_REENABLE) {
        if (result == FIX_NEEDS_ADMIN) str_load(IDS_FIX_NEEDS_ADMIN, text, ARRAYSIZE(text));
        else report_restart_text(&outcome, text, ARRAYSIZE(text));
        StringCchCatW(text, ARRAYSIZE(text), L"\r\n");
        con_write(result == FIX_FIXED || result == FIX_NOTHING_TO_DO ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE, text);
    }
    return fix_exit_code(result);
}

int wmain(int argc, wchar_t **argv)
{
    struct cli_args args;

    os_restrict_dll_search(); /* before anything can load a DLL by name */
    cli_parse(argc, (const wchar_t *const *)argv, &args);
    if (args.error != CLI_OK) {
        con_line(STD_ERROR_HANDLE, (UINT)cli_error_msg(args.error),
                 args.bad_index >= 0 ? argv[args.bad_index] : L"");
        con_line(STD_ERROR_HANDLE, IDS_CLI_USAGE);
        return CLI_EXIT_USAGE;
    }
    switch (args.verb) {
    case CLI_HELP: con_line(STD_OUTPUT_HANDLE, IDS_CLI_USAGE); return 0;
    case CLI_VERSION: con_line(STD_OUTPUT_HANDLE, IDS_CLI_VERSION, WUTRAY_VERSION_WSTR); return 0;
    case CLI_STATUS: return cmd_status(args.json);
    case CLI_RESTART: return cmd_restart(args.json);
    case CLI_FIX: return cmd_fix(args.json);
    case CLI_NONE: break;
    }
    return CLI_EXIT_USAGE;
}
