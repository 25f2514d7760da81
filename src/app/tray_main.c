/* wutray.exe: the notification-area app. Wiring only: the window procedure
 * dispatches to on_* handlers; decisions live in src/core. */
#include <windows.h>
#include <windowsx.h>
#include <commctrl.h>
#include <shellapi.h>
#include <strsafe.h>

#include "alert.h"
#include "check.h"
#include "dialog.h"
#include "elevate.h"
#include "elevated_side.h"
#include "eventlog.h"
#include "events.h"
#include "health.h"
#include "menu.h"
#include "msg.h"
#include "os.h"
#include "regsettings.h"
#include "report.h"
#include "resource.h"
#include "scm.h"
#include "settings_dialog.h"
#include "shell.h"
#include "strings.h"
#include "tray.h"
#include "worker.h"

#define WM_APP_TRAY (WM_APP + 1)
#define WM_APP_LAUNCHED (WM_APP + 5) /* wParam: launch_target, lParam: Win32 error */
#define TIMER_POLL 1
#define TIMER_PENDING 2
#define TIMER_OUTCOME 3
#define TIMER_QUIET 4 /* a balloon waits for quiet time to end: look again each minute */
#define QUIET_RECHECK_MS (60 * 1000)
/* Changes arrive as notifications; the poll (PollMinutes, 5 by default) is
 * a safety net for what they miss (a start type changed to disabled, for one). */
/* The Windows Update Agent is asked a little after start (not in the logon
 * rush), then hourly: asking may start wuauserv on Windows. */
#define OUTCOME_FIRST_MS (10 * 1000)
#define OUTCOME_EVERY_MS (60 * 60 * 1000)
/* Handles are reopened this often, only where the service manager does not
 * report deletions (Wine; see watch.h). */
#define WATCH_RECYCLE_MS (60 * 1000)
#define TRAY_UID 1
#define WINDOW_CLASS L"wutray.window"
/* At the session's end a restart in progress gets this long to finish or be
 * rolled back (Windows shows IDS_RESTART_BLOCK_REASON meanwhile, after ~5 s). */
#define ENDSESSION_WAIT_MS (20 * 1000)
/* One instance per user session (Local\ is per session). */
#define INSTANCE_MUTEX L"Local\\wutray.instance.{5b0f1f8e-3c55-4a43-9d1e-7d8a8f0e6a21}"

struct app {
    HINSTANCE inst;
    HWND hwnd;
    UINT msg_taskbar_created;
    struct tray tray;
    struct worker worker;
    uint32_t os_build;

    struct settings set; /* as read with the last check */
    unsigned n_refused;  /* settings values ignored at the last check */
    struct refused_setting refused[CHECK_MAX_REFUSED];
    struct health_watch watch;
    struct alert_gate gate;
    struct event_gate events;
    struct health_result result;
    struct health_snapshot snapshot; /* the last one read */
    struct check_reading reading;    /* the last one taken from the worker */
    BOOL have_result;
    BOOL restarting;
    BOOL exiting;
    BOOL details_open; /* the details window is up (it is modal: one at a time) */
    BOOL about_open;   /* the About box is up (modal too) */
    struct settings_dialog settings_dlg; /* wutray's own settings (modeless, one at a time) */
    enum launch_action last_launch;
};

static struct app *app_of(HWND hwnd)
{
    return (struct app *)GetWindowLongPtrW(hwnd, GWLP_USERDATA);
}

static void show_health(struct app *a)
{
    wchar_t tip[128];
    if (!a->have_result) {
        str_load(IDS_LEVEL_CHECKING, tip, ARRAYSIZE(tip));
        tray_update(&a->tray, health_state_icon(STATE_UNKNOWN), tip);
        return;
    }
    report_tooltip(&a->result, tip, ARRAYSIZE(tip));
    /* The state's icon, not the level's: Working shows while the outcome is unknown. */
    tray_update(&a->tray, health_state_icon(a->result.state), tip);
}

static void request_check(struct app *a)
{
    if (!a->restarting) worker_post(&a->worker, WJOB_CHECK);
}

/* A check that asks the update agent too ("Check now", and the hourly timer). */
static void request_full_check(struct app *a)
{
    if (!a->restarting) worker_post(&a->worker, WJOB_OUTCOME);
}

/* While services are stopped, Windows is told why signing out waits. */
static void block_session_end(struct app *a, BOOL block)
{
    wchar_t why[256];
    if (!block) {
        ShutdownBlockReasonDestroy(a->hwnd);
        return;
    }
    str_load(IDS_RESTART_BLOCK_REASON, why, ARRAYSIZE(why));
    ShutdownBlockReasonCreate(a->hwnd, why);
}

/* Restart or re-enable (job WJOB_RESTART or WJOB_REENABLE). */
static void on_cmd_change(struct app *a, unsigned job)
{
    wchar_t tip[128];
    if (a->restarting) return;
    a->restarting = TRUE;
    str_load(IDS_LEVEL_RESTARTING, tip, ARRAYSIZE(tip));
    tray_update(&a->tray, health_state_icon(STATE_WORKING), tip);
    block_session_end(a, TRUE);
    worker_post(&a->worker, job);
}

static void on_cmd_launch(struct app *a, enum launch_action action)
{
    a->last_launch = action;
    shell_launch_async(action, a->os_build, a->hwnd, WM_APP_LAUNCHED);
}

static void on_cmd_exit(struct app *a)
{
    wchar_t text[256], title[64];
    if (a->restarting) {
        /* Never leave the services half-restarted: exit when it is done. */
        a->exiting = TRUE;
        str_load(IDS_RESTART_TITLE, title, ARRAYSIZE(title));
        str_load(IDS_EXIT_AFTER_RESTART, text, ARRAYSIZE(text));
        tray_balloon(&a->tray, title, text, NIIF_INFO);
        return;
    }
    DestroyWindow(a->hwnd);
}

static void on_cmd_details(struct app *a)
{
    static wchar_t head[128], why[4096], signals[4096];
    wchar_t title[64];

    if (!a->have_result || a->details_open) return;
    str_load(IDS_DETAILS_TITLE, title, ARRAYSIZE(title));
    report_details(&a->snapshot, &a->result, head, ARRAYSIZE(head), why, ARRAYSIZE(why), signals,
                   ARRAYSIZE(signals));
    for (unsigned i = 0; i < a->n_refused; i++) { /* settings values that are ignored, and why */
        wchar_t line[512];
        report_refused_text(&a->refused[i], line, ARRAYSIZE(line));
        StringCchCatW(signals, ARRAYSIZE(signals), L"\n");
        StringCchCatW(signals, ARRAYSIZE(signals), line);
    }
    a->details_open = TRUE;
    dialog_details(a->hwnd, title, head, why, signals);
    a->details_open = FALSE;
}

/* Snooze (for_ms) or resume (0); kept in the registry across restarts. */
static void on_cmd_snooze(struct app *a, uint64_t for_ms)
{
    if (for_ms) alert_snooze(&a->gate, os_now_epoch_ms(), for_ms);
    else alert_resume(&a->gate);
    regsettings_save_snooze(for_ms ? a->gate.snooze_until_ms : 0);
}

/* ---- the Settings dialog and the About box ---- */

static uint64_t dialog_snoozed_until(void *ctx)
{
    struct app *a = ctx;
    return alert_snoozed(&a->gate, os_now_epoch_ms()) ? a->gate.snooze_until_ms : 0;
}

static void dialog_snooze(void *ctx, uint64_t for_ms)
{
    on_cmd_snooze(ctx, for_ms);
}

/* A setting was written: the check reads the settings again with the
 * services, so the change shows at once (a restart's check does the same). */
static void dialog_changed(void *ctx)
{
    request_check(ctx);
}

static void on_cmd_wutray_settings(struct app *a)
{
    a->settings_dlg.ops = (struct settings_dialog_ops){a, dialog_snoozed_until, dialog_snooze, dialog_changed};
    settings_dialog_show(&a->settings_dlg, a->hwnd);
}

static void on_cmd_about(struct app *a)
{
    if (a->about_open) return;
    a->about_open = TRUE;
    dialog_about(a->hwnd);
    a->about_open = FALSE;
}

static void on_command(struct app *a, enum menu_cmd cmd)
{
    switch (cmd) {
    case MENU_CMD_DETAILS: on_cmd_details(a); break;
    case MENU_CMD_RESTART: on_cmd_change(a, WJOB_RESTART); break;
    case MENU_CMD_REENABLE: on_cmd_change(a, WJOB_REENABLE); break;
    case MENU_CMD_TROUBLESHOOT: on_cmd_launch(a, LAUNCH_TROUBLESHOOTER); break;
    case MENU_CMD_SETTINGS: on_cmd_launch(a, LAUNCH_UPDATE_SETTINGS); break;
    case MENU_CMD_CHECK: request_full_check(a); break;
    case MENU_CMD_SNOOZE_HOUR: on_cmd_snooze(a, ALERT_SNOOZE_HOUR_MS); break;
    case MENU_CMD_SNOOZE_DAY: on_cmd_snooze(a, ALERT_SNOOZE_DAY_MS); break;
    case MENU_CMD_SNOOZE_WEEK: on_cmd_snooze(a, ALERT_SNOOZE_WEEK_MS); break;
    case MENU_CMD_RESUME_ALERTS: on_cmd_snooze(a, 0); break;
    case MENU_CMD_WUTRAY_SETTINGS: on_cmd_wutray_settings(a); break;
    case MENU_CMD_ABOUT: on_cmd_about(a); break;
    case MENU_CMD_EXIT: on_cmd_exit(a); break;
    default: break;
    }
}

static void menu_state_of(struct app *a, struct menu_state *st)
{
    enum svc_id disabled[SVC_COUNT];

    ZeroMemory(st, sizeof(*st));
    st->have_result = a->have_result;
    st->level = a->result.level;
    st->state = a->result.state;
    st->restarting = a->restarting;
    st->exiting = a->exiting;
    st->snoozed = alert_snoozed(&a->gate, os_now_epoch_ms());
    st->any_disabled = restart_disabled(&a->snapshot, disabled) > 0;
}

static void on_tray_menu(struct app *a, int x, int y)
{
    struct menu_state st;
    struct menu_model model;

    menu_state_of(a, &st);
    menu_build(&st, &model);
    on_command(a, tray_show_menu(a->hwnd, &model, x, y));
}

/* A click on the icon or its balloon: the action that fits the state; with
 * none, `otherwise` (MENU_CMD_NONE: the menu at x, y). */
static void on_tray_click(struct app *a, int x, int y, enum menu_cmd otherwise)
{
    struct menu_state st;
    enum menu_cmd cmd;

    menu_state_of(a, &st);
    cmd = menu_click_action(&st);
    if (cmd == MENU_CMD_NONE) cmd = otherwise;
    if (cmd == MENU_CMD_NONE) on_tray_menu(a, x, y);
    else on_command(a, cmd);
}

static void on_tray_callback(struct app *a, WPARAM wp, LPARAM lp)
{
    switch (LOWORD(lp)) {
    case WM_CONTEXTMENU:
    case NIN_KEYSELECT: /* the keyboard gets the menu, whose bold item is the click's action */
        /* Version 4: wParam carries the anchor point in screen coordinates. */
        on_tray_menu(a, GET_X_LPARAM(wp), GET_Y_LPARAM(wp));
        break;
    case NIN_SELECT: on_tray_click(a, GET_X_LPARAM(wp), GET_Y_LPARAM(wp), MENU_CMD_NONE); break;
    case NIN_BALLOONUSERCLICK: /* not sent by Wine's shell; wParam is no point to open a menu at */
        on_tray_click(a, 0, 0, MENU_CMD_DETAILS);
        break;
    default:
        break;
    }
}

/* While a service is pending, look again when it would count as stuck, even
 * if no notification comes. */
static void schedule_pending_check(struct app *a, const struct health_snapshot *s)
{
    uint32_t due = 0;
    for (int i = 0; i < SVC_COUNT; i++) {
        const struct svc_reading *r = &s->svc[i];
        uint32_t bound = health_pending_bound_ms(r->wait_hint_ms) + 500;
        if (r->presence == SVC_PRESENT && svc_is_pending(r->state) && (due == 0 || bound < due))
            due = bound;
    }
    if (due) SetTimer(a->hwnd, TIMER_PENDING, due, NULL);
    else KillTimer(a->hwnd, TIMER_PENDING);
}

/* Settings can change at any time (Group Policy, or the user's key); each
 * check brings them as it read them: the poll follows PollMinutes, and
 * Alerts=0 turns balloons off. */
static void apply_settings(struct app *a, const struct settings *set)
{
    uint32_t old_poll = a->set.poll_minutes;

    a->set = *set;
    if (a->set.poll_minutes != old_poll) SetTimer(a->hwnd, TIMER_POLL, a->set.poll_minutes * 60u * 1000u, NULL);
}

/* A confirmed change of state goes to the event log, with every reason. */
static void log_state(struct app *a)
{
    static wchar_t head[128], why[4096], signals[4096];
    enum event_id id;
    enum event_type type;

    if (!event_gate_feed(&a->events, a->result.state, &id, &type)) return;
    report_details(&a->snapshot, &a->result, head, ARRAYSIZE(head), why, ARRAYSIZE(why), signals,
                   ARRAYSIZE(signals));
    StringCchCatW(why, ARRAYSIZE(why), L"\n\n");
    StringCchCatW(why, ARRAYSIZE(why), signals);
    eventlog_write(id, type, head, why);
}

/* Presentation mode, a full-screen app, Focus assist: balloons wait. */
static bool quiet_time(void)
{
    QUERY_USER_NOTIFICATION_STATE st;
    if (FAILED(SHQueryUserNotificationState(&st))) return false;
    return st != QUNS_ACCEPTS_NOTIFICATIONS && st != QUNS_APP;
}

/* A check's verdict: how long each service has been pending, the rules. */
static void judge(struct app *a, const struct health_snapshot *s)
{
    health_watch_update(&a->watch, s);
    health_evaluate(s, &a->watch, &a->result);
    a->snapshot = *s;
    a->have_result = TRUE;
}

/* The icon and tooltip (not while a restart shows its steps), and the hidden
 * window's title, which carries the state for automation and tests. */
static void show_state(struct app *a)
{
    wchar_t state[160];

    report_state_line(&a->snapshot, &a->result, state, ARRAYSIZE(state));
    SetWindowTextW(a->hwnd, state);
    if (!a->restarting) show_health(a);
}

/* The settings the check read, and the values it had to ignore. */
static void take_settings(struct app *a, const struct check_reading *c)
{
    apply_settings(a, &c->set);
    a->n_refused = c->n_refused;
    CopyMemory(a->refused, c->refused, sizeof(a->refused));
}

/* A balloon, once per incident and not in quiet time (alert.c decides). */
static void alert_if_due(struct app *a, uint64_t taken_ms)
{
    wchar_t title[64], text[512];
    uint64_t snooze_until = a->gate.snooze_until_ms;

    if (alert_decide(&a->gate, &a->result, taken_ms, quiet_time()) == ALERT_SHOW && a->set.alerts) {
        report_balloon(&a->result, title, ARRAYSIZE(title), text, ARRAYSIZE(text));
        tray_balloon(&a->tray, title, text,
                     (a->result.level == HEALTH_BROKEN ? NIIF_ERROR : NIIF_WARNING) | NIIF_LARGE_ICON);
    }
    if (a->gate.snooze_until_ms != snooze_until) regsettings_save_snooze(a->gate.snooze_until_ms); /* clock went back */
    if (a->gate.deferred) SetTimer(a->hwnd, TIMER_QUIET, QUIET_RECHECK_MS, NULL);
    else KillTimer(a->hwnd, TIMER_QUIET);
}

static void on_snapshot(struct app *a, const struct check_reading *c)
{
    judge(a, &c->snap);
    schedule_pending_check(a, &c->snap);
    show_state(a);
    log_state(a);
    take_settings(a, c);
    alert_if_due(a, c->snap.taken_ms);
}

static void on_restart_step(struct app *a, enum restart_action action, enum svc_id svc)
{
    static const UINT step_msg[] = {[RESTART_STOP] = IDS_TIP_STEP_STOP, [RESTART_START] = IDS_TIP_STEP_START,
                                    [RESTART_SET_MANUAL] = IDS_TIP_STEP_MANUAL};
    wchar_t label[64], tip[128];
    str_load((UINT)restart_svc_label_msg(svc), label, ARRAYSIZE(label));
    str_format(tip, ARRAYSIZE(tip), step_msg[action <= RESTART_SET_MANUAL ? action : RESTART_START], label);
    tray_update(&a->tray, health_state_icon(STATE_WORKING), tip);
}

/* A restart's outcome in words, written to the event log. */
static void log_restart(const struct restart_outcome *o, wchar_t *title, size_t title_cap, wchar_t *text,
                        size_t text_cap)
{
    enum event_id id;
    enum event_type type;

    str_load(o->action == RESTART_SET_MANUAL ? IDS_REENABLE_TITLE : IDS_RESTART_TITLE, title, title_cap);
    report_restart_text(o, text, text_cap);
    event_for_outcome(o, &id, &type);
    eventlog_write(id, type, title, text);
}

static void on_restart_done(struct app *a, const struct restart_outcome *o)
{
    wchar_t title[64], text[256];

    a->restarting = FALSE;
    block_session_end(a, FALSE);
    log_restart(o, title, ARRAYSIZE(title), text, ARRAYSIZE(text));
    show_health(a);
    /* A declined prompt is the user's choice, not a fault. */
    tray_balloon(&a->tray, title, text,
                 o->result == RESTART_DONE || o->result == RESTART_ERR_CANCELLED ? NIIF_INFO : NIIF_WARNING);
    if (a->exiting) DestroyWindow(a->hwnd);
}

static void on_launched(struct app *a, enum launch_target target, DWORD err)
{
    wchar_t page[64], title[64], text[256];
    if (target != TARGET_NONE && err == 0) return;
    str_load(a->last_launch == LAUNCH_TROUBLESHOOTER ? IDS_PAGE_TROUBLESHOOTER : IDS_PAGE_SETTINGS,
             page, ARRAYSIZE(page));
    str_load(IDS_BALLOON_TITLE, title, ARRAYSIZE(title));
    str_format(text, ARRAYSIZE(text), err == SHELL_ERROR_ELEVATED ? IDS_OPEN_ELEVATED : IDS_OPEN_FAILED, page);
    tray_balloon(&a->tray, title, text, NIIF_WARNING);
}

/* Once this returns the session may end at any moment: a restart in
 * progress is finished or rolled back first (worker_stop, bounded), its
 * outcome logged, and the icon removed. */
static void on_end_session(struct app *a, BOOL ending)
{
    struct restart_outcome o;
    wchar_t title[64], text[256];

    if (!ending) return;
    a->exiting = TRUE;
    worker_stop(&a->worker, ENDSESSION_WAIT_MS);
    if (worker_take_restart(&a->worker, &o)) log_restart(&o, title, ARRAYSIZE(title), text, ARRAYSIZE(text));
    block_session_end(a, FALSE);
    DestroyWindow(a->hwnd);
}

static void on_taskbar_created(struct app *a)
{
    a->tray.added = FALSE; /* the new shell has no icons: add ours again */
    tray_restyle(&a->tray);
    show_health(a);
}

/* The taskbar turned light or dark ("ImmersiveColorSet"), high contrast
 * came or went, colours or DPI changed: redraw the icon if its look did.
 * Any WM_SETTINGCHANGE re-reads (cheaply) rather than trusting the string
 * its lParam points to, which a posted message could forge. */
static void on_look_changed(struct app *a)
{
    tray_restyle(&a->tray);
}

/* One-shot timers (a pending service's bound, quiet time) end with their
 * check; the agent's timer re-arms hourly; the poll repeats. */
static void on_timer(struct app *a, WPARAM id)
{
    if (id == TIMER_PENDING || id == TIMER_QUIET) KillTimer(a->hwnd, id);
    if (id == TIMER_OUTCOME) {
        SetTimer(a->hwnd, TIMER_OUTCOME, OUTCOME_EVERY_MS, NULL);
        request_full_check(a);
    } else {
        request_check(a);
    }
}

static void on_destroy(struct app *a)
{
    KillTimer(a->hwnd, TIMER_POLL);
    KillTimer(a->hwnd, TIMER_PENDING);
    KillTimer(a->hwnd, TIMER_OUTCOME);
    KillTimer(a->hwnd, TIMER_QUIET);
    tray_remove(&a->tray);
    PostQuitMessage(0);
}

static LRESULT CALLBACK wnd_proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    struct app *a = app_of(hwnd);

    if (!a) return DefWindowProcW(hwnd, msg, wp, lp);
    if (msg == a->msg_taskbar_created && msg != 0) {
        on_taskbar_created(a);
        return 0;
    }
    switch (msg) {
    case WM_APP_TRAY: on_tray_callback(a, wp, lp); return 0;
    case WM_TIMER: on_timer(a, wp); return 0;
    case WM_APP_SERVICE_CHANGED: request_check(a); return 0;
    /* The worker's notifications carry no pointer: what they announce is
     * taken from the worker, so a forged one at most makes the tray look. */
    case WM_APP_SNAPSHOT:
        if (worker_take_snapshot(&a->worker, &a->reading)) on_snapshot(a, &a->reading);
        return 0;
    case WM_APP_RESTART_STEP:
        if (a->restarting && wp <= RESTART_SET_MANUAL && lp >= 0 && lp < SVC_COUNT)
            on_restart_step(a, (enum restart_action)wp, (enum svc_id)lp);
        return 0;
    case WM_APP_RESTART_DONE: {
        struct restart_outcome o;
        if (worker_take_restart(&a->worker, &o)) on_restart_done(a, &o);
        return 0;
    }
    case WM_APP_LAUNCHED: on_launched(a, (enum launch_target)wp, (DWORD)lp); return 0;
    case WM_SETTINGCHANGE:
    case WM_SYSCOLORCHANGE:
    case WM_DPICHANGED: on_look_changed(a); return 0;
    case WM_ENDSESSION: on_end_session(a, (BOOL)wp); return 0;
    case WM_DESTROY: on_destroy(a); return 0;
    default: return DefWindowProcW(hwnd, msg, wp, lp);
    }
}

static HWND create_window(struct app *a)
{
    WNDCLASSEXW wc;
    HWND hwnd;

    ZeroMemory(&wc, sizeof(wc));
    wc.cbSize = sizeof(wc);
    wc.lpfnWndProc = wnd_proc;
    wc.hInstance = a->inst;
    wc.hIcon = LoadIconW(a->inst, MAKEINTRESOURCEW(IDI_APP));
    wc.lpszClassName = WINDOW_CLASS;
    if (!RegisterClassExW(&wc)) return NULL;
    /* A hidden top-level window, not message-only: only top-level windows
     * receive the TaskbarCreated broadcast. */
    hwnd = CreateWindowExW(0, WINDOW_CLASS, L"wutray", WS_OVERLAPPED, 0, 0, 0, 0,
                           NULL, NULL, a->inst, NULL);
    if (hwnd) SetWindowLongPtrW(hwnd, GWLP_USERDATA, (LONG_PTR)a);
    return hwnd;
}

int WINAPI wWinMain(HINSTANCE inst, HINSTANCE prev, PWSTR cmdline, int show)
{
    struct app a;
    HANDLE mutex;
    INITCOMMONCONTROLSEX icc = {sizeof(icc), ICC_STANDARD_CLASSES};
    MSG msg;
    int rc = 1;

    (void)prev;
    (void)cmdline;
    (void)show;
    os_restrict_dll_search(); /* before anything can load a DLL by name */
    rc = run_elevated_side();
    if (rc >= 0) return rc;
    rc = 1;
    mutex = CreateMutexW(NULL, FALSE, INSTANCE_MUTEX);
    if (mutex && GetLastError() == ERROR_ALREADY_EXISTS) {
        CloseHandle(mutex); /* already running in this session: leave quietly */
        return 0;
    }
    InitCommonControlsEx(&icc);

    ZeroMemory(&a, sizeof(a));
    a.inst = inst;
    a.os_build = os_build();
    health_watch_init(&a.watch);
    alert_gate_init(&a.gate);
    event_gate_init(&a.events);
    alert_restore_snooze(&a.gate, os_now_epoch_ms(), regsettings_load_snooze());
    a.msg_taskbar_created = RegisterWindowMessageW(L"TaskbarCreated");
    a.hwnd = create_window(&a);
    if (!a.hwnd) goto cleanup_mutex;
    /* Let the shell's broadcast through even when running elevated. */
    ChangeWindowMessageFilterEx(a.hwnd, a.msg_taskbar_created, MSGFLT_ALLOW, NULL);

    a.tray.hwnd = a.hwnd;
    a.tray.uid = TRAY_UID;
    a.tray.callback_msg = WM_APP_TRAY;
    show_health(&a);
    if (!worker_start(&a.worker, a.hwnd, WATCH_RECYCLE_MS)) goto cleanup_window;
    request_check(&a);
    {
        struct settings set;
        regsettings_read(&set);
        apply_settings(&a, &set); /* also starts the poll */
    }
    SetTimer(a.hwnd, TIMER_OUTCOME, OUTCOME_FIRST_MS, NULL);

    for (;;) {
        BOOL got = GetMessageW(&msg, NULL, 0, 0);
        if (got == -1) break;
        /* WM_QUIT: ours follows WM_DESTROY; one posted by another program
         * while the window lives is ignored. */
        if (!got) {
            if (IsWindow(a.hwnd)) continue;
            break;
        }
        if (settings_dialog_message(&a.settings_dlg, &msg)) continue; /* its Tab, access keys, Enter, Esc */
        TranslateMessage(&msg);
        DispatchMessageW(&msg);
    }
    rc = 0;
    worker_stop(&a.worker, 5000);
cleanup_window:
    if (IsWindow(a.hwnd)) DestroyWindow(a.hwnd);
    tray_remove(&a.tray);
cleanup_mutex:
    if (mutex) CloseHandle(mutex);
    return rc;
}
