#include "settings_dialog.h"

#include <commctrl.h>
#include <strsafe.h>

#include "alert.h"
#include "msg.h"
#include "os.h"
#include "regsettings.h"
#include "resource.h"
#include "settings_form.h"
#include "strings.h"

#define TIMER_SNOOZE 1
#define SNOOZE_REFRESH_MS (30 * 1000) /* a snooze that ends while the dialog is open */
/* An up-down's arrow keys step without a "let go" (SB_ENDSCROLL comes only
 * from the mouse): the row is saved once the steps pause this long. */
#define TIMER_SPIN 10 /* + the row */
#define SPIN_PAUSE_MS 700

/* The thresholds, typed as numbers: label, edit, its up-down and the note
 * beside it ("Set by your organisation", or why a value was not saved). */
static const struct number_row {
    enum setting_id id;
    UINT label_msg;
    int label, edit, spin, note;
} numbers[SETTINGS_DIALOG_NUMBERS] = {
    {SETTING_STALLED_SEARCH_DAYS, IDS_SET_STALLED_SEARCH, IDC_STALLED_LABEL, IDC_STALLED, IDC_STALLED_SPIN,
     IDC_STALLED_NOTE},
    {SETTING_PATCH_AGE_DAYS, IDS_SET_PATCH_AGE, IDC_PATCH_LABEL, IDC_PATCH, IDC_PATCH_SPIN, IDC_PATCH_NOTE},
    {SETTING_REBOOT_OVERDUE_HOURS, IDS_SET_REBOOT_OVERDUE, IDC_REBOOT_LABEL, IDC_REBOOT, IDC_REBOOT_SPIN,
     IDC_REBOOT_NOTE},
    {SETTING_LOW_DISK_GB, IDS_SET_LOW_DISK, IDC_DISK_LABEL, IDC_DISK, IDC_DISK_SPIN, IDC_DISK_NOTE},
};

/* The on/off settings: a check box and its note. */
static const struct check_row {
    enum setting_id id;
    UINT msg;
    int box, note;
} checks[] = {
    {SETTING_ALERTS, IDS_SET_ALERTS, IDC_ALERTS, IDC_ALERTS_NOTE},
    {SETTING_INCLUDE_BITS, IDS_SET_INCLUDE_BITS, IDC_BITS, IDC_BITS_NOTE},
};

/* Every other text of the dialog. */
static const struct {
    int ctrl;
    UINT msg;
} texts[] = {
    {IDC_GROUP_ALERTS, IDS_SET_GROUP_ALERTS},  {IDC_SNOOZE_LABEL, IDS_SET_SNOOZE_FOR},
    {IDC_SNOOZE, IDS_SET_SNOOZE},              {IDC_RESUME, IDS_SET_RESUME},
    {IDC_GROUP_WARN, IDS_SET_GROUP_WARN},      {IDC_GROUP_OTHER, IDS_SET_GROUP_OTHER},
    {IDC_AUTOSTART, IDS_SET_AUTOSTART},        {IDC_AUTOSTART_MACHINE, IDS_SET_AUTOSTART_MACHINE},
    {IDOK, IDS_SET_CLOSE},
};

/* The snooze choices: the same lengths as the tray menu's Snooze submenu. */
static const struct {
    UINT msg;
    uint64_t ms;
} snoozes[] = {
    {IDS_SET_SNOOZE_HOUR, ALERT_SNOOZE_HOUR_MS},
    {IDS_SET_SNOOZE_DAY, ALERT_SNOOZE_DAY_MS},
    {IDS_SET_SNOOZE_WEEK, ALERT_SNOOZE_WEEK_MS},
};

static void set_text(HWND dlg, int ctrl, UINT msg)
{
    wchar_t text[256];
    str_load(msg, text, ARRAYSIZE(text));
    SetDlgItemTextW(dlg, ctrl, text);
}

/* A control that gets disabled hands the keyboard focus on first: a
 * disabled control with the focus would swallow the keys. */
static void enable(HWND dlg, int ctrl, BOOL on)
{
    HWND w = GetDlgItem(dlg, ctrl);

    if (!on && GetFocus() == w) SendMessageW(dlg, WM_NEXTDLGCTL, 0, FALSE);
    EnableWindow(w, on);
}

static void show(HWND dlg, int ctrl, BOOL on)
{
    ShowWindow(GetDlgItem(dlg, ctrl), on ? SW_SHOWNA : SW_HIDE);
}


/* Keeps the keyboard focus out of a control that is about to go away: to
 * `to`, or the next control when that one is disabled. */
static void move_focus_off(HWND dlg, int leaving, int to)
{
    HWND next = GetDlgItem(dlg, to);

    if (GetFocus() != GetDlgItem(dlg, leaving)) return;
    if (IsWindowEnabled(next)) SendMessageW(dlg, WM_NEXTDLGCTL, (WPARAM)next, TRUE);
    else SendMessageW(dlg, WM_NEXTDLGCTL, 0, FALSE);
}

static void view_of(struct settings_dialog *d, struct form_view *v)
{
    struct form_input in;

    in.set = &d->set;
    in.now_ms = os_now_epoch_ms();
    in.snooze_until_ms = d->ops.snoozed_until(d->ops.ctx);
    in.run_user = d->run_user != FALSE;
    in.run_machine = d->run_machine != FALSE;
    form_view(&in, v);
}

static void show_row(HWND dlg, const int *ctrls, size_t n, BOOL on)
{
    for (size_t i = 0; i < n; i++) show(dlg, ctrls[i], on);
}

/* Either "snoozed until ..." with Resume, or the snooze choices. */
static void show_snooze(struct settings_dialog *d, const struct form_view *v)
{
    static const int until[] = {IDC_SNOOZED, IDC_RESUME};
    static const int choices[] = {IDC_SNOOZE_LABEL, IDC_SNOOZE_FOR, IDC_SNOOZE};
    HWND dlg = d->hwnd;
    wchar_t when[128], line[256];

    if (v->snoozed) {
        str_day_time(d->ops.snoozed_until(d->ops.ctx), when, ARRAYSIZE(when));
        str_format(line, ARRAYSIZE(line), IDS_SET_SNOOZED_UNTIL, when);
        SetDlgItemTextW(dlg, IDC_SNOOZED, line);
    }
    for (size_t i = 0; i < ARRAYSIZE(choices); i++) enable(dlg, choices[i], v->snooze_enabled);
    /* The new row first, then the focus, then the old row goes. */
    if (v->snoozed) {
        show_row(dlg, until, ARRAYSIZE(until), TRUE);
        move_focus_off(dlg, IDC_SNOOZE, IDC_RESUME);
        move_focus_off(dlg, IDC_SNOOZE_FOR, IDC_RESUME);
        show_row(dlg, choices, ARRAYSIZE(choices), FALSE);
    } else {
        show_row(dlg, choices, ARRAYSIZE(choices), TRUE);
        move_focus_off(dlg, IDC_RESUME, IDC_SNOOZE_FOR);
        show_row(dlg, until, ARRAYSIZE(until), FALSE);
    }
}

static void note(HWND dlg, int ctrl, UINT msg, ...)
{
    wchar_t text[256] = L"";
    va_list ap;

    if (msg) {
        va_start(ap, msg);
        str_vformat(text, ARRAYSIZE(text), msg, ap);
        va_end(ap);
    }
    SetDlgItemTextW(dlg, ctrl, text);
}

static void show_number(struct settings_dialog *d, const struct form_view *v, int i)
{
    const struct number_row *r = &numbers[i];
    const struct form_field_view *f = &v->field[r->id];
    HWND dlg = d->hwnd;

    enable(dlg, r->label, f->enabled);
    enable(dlg, r->edit, f->enabled);
    enable(dlg, r->spin, f->enabled);
    /* What the user is typing, or typed and had refused, stays (so it can
     * be finished or corrected): the periodic look must not undo it. */
    if (f->enabled && (d->refused[i] || GetFocus() == GetDlgItem(dlg, r->edit))) return;
    d->refused[i] = FALSE;
    SendDlgItemMessageW(dlg, r->spin, UDM_SETPOS32, 0, (LPARAM)f->value);
    SetDlgItemInt(dlg, r->edit, f->value, FALSE);
    note(dlg, r->note, f->locked ? IDS_SET_LOCKED : 0);
}

/* Reads what applies now and shows it. */
static void refresh(struct settings_dialog *d)
{
    struct form_view v;
    HWND dlg = d->hwnd;

    regsettings_read(&d->set);
    regsettings_read_autostart(&d->run_user, &d->run_machine);
    view_of(d, &v);
    for (int i = 0; i < SETTINGS_DIALOG_NUMBERS; i++) show_number(d, &v, i);
    for (size_t i = 0; i < ARRAYSIZE(checks); i++) {
        const struct form_field_view *f = &v.field[checks[i].id];
        CheckDlgButton(dlg, checks[i].box, f->value ? BST_CHECKED : BST_UNCHECKED);
        enable(dlg, checks[i].box, f->enabled);
        note(dlg, checks[i].note, f->locked ? IDS_SET_LOCKED : 0);
    }
    show_snooze(d, &v);
    CheckDlgButton(dlg, IDC_AUTOSTART, v.autostart_checked ? BST_CHECKED : BST_UNCHECKED);
    enable(dlg, IDC_AUTOSTART, v.autostart_enabled);
    show(dlg, IDC_AUTOSTART_MACHINE, v.autostart_machine);
}

/* After a write: the tray looks again, the dialog shows what now applies. */
static void written(struct settings_dialog *d)
{
    d->ops.changed(d->ops.ctx);
    refresh(d);
}

/* Checks row i's text; shows why it is refused (beep: say so at once). */
static BOOL parse_row(struct settings_dialog *d, int i, BOOL beep, uint32_t *value)
{
    const struct number_row *r = &numbers[i];
    const struct setting_desc *s = &settings_table[r->id];
    wchar_t text[32];
    enum form_parse p;

    GetDlgItemTextW(d->hwnd, r->edit, text, ARRAYSIZE(text));
    p = form_parse_number(r->id, text, value);
    d->refused[i] = p != FORM_VALUE_OK;
    if (d->refused[i]) {
        note(d->hwnd, r->note, (UINT)form_refusal_msg(p), (unsigned long)s->min, (unsigned long)s->max);
        if (beep) MessageBeep(MB_ICONWARNING);
    } else {
        note(d->hwnd, r->note, 0);
    }
    return !d->refused[i];
}

/* Saves row i if its text is valid and differs from what applies. */
static BOOL commit_row(struct settings_dialog *d, int i)
{
    const struct number_row *r = &numbers[i];
    uint32_t value;
    LSTATUS rc;

    if (!IsWindowEnabled(GetDlgItem(d->hwnd, r->edit))) return TRUE; /* locked: nothing to save */
    if (!parse_row(d, i, TRUE, &value)) return FALSE;
    if (value == settings_get(&d->set, r->id)) return TRUE;
    rc = regsettings_save(r->id, value);
    if (rc != ERROR_SUCCESS) {
        d->refused[i] = TRUE;
        note(d->hwnd, r->note, IDS_SET_WRITE_FAILED, (unsigned long)rc);
        return FALSE;
    }
    written(d);
    return TRUE;
}

static void on_check(struct settings_dialog *d, const struct check_row *c)
{
    BOOL on = IsDlgButtonChecked(d->hwnd, c->box) == BST_CHECKED;
    LSTATUS rc = regsettings_save(c->id, on ? 1u : 0u);

    if (rc != ERROR_SUCCESS) {
        note(d->hwnd, c->note, IDS_SET_WRITE_FAILED, (unsigned long)rc);
        CheckDlgButton(d->hwnd, c->box, on ? BST_UNCHECKED : BST_CHECKED);
        return;
    }
    written(d);
}

static void on_autostart(struct settings_dialog *d)
{
    BOOL want = IsDlgButtonChecked(d->hwnd, IDC_AUTOSTART) == BST_CHECKED;
    wchar_t exe[1024], cmd[1028];
    DWORD n;

    switch (form_autostart_change(d->run_user != FALSE, d->run_machine != FALSE, want != FALSE)) {
    case FORM_RUN_WRITE:
        n = GetModuleFileNameW(NULL, exe, ARRAYSIZE(exe));
        if (n && n < ARRAYSIZE(exe) && form_run_command(exe, cmd, ARRAYSIZE(cmd))) regsettings_save_autostart(cmd);
        break;
    case FORM_RUN_DELETE: regsettings_save_autostart(NULL); break;
    case FORM_RUN_KEEP: break;
    }
    refresh(d); /* shows what the registry holds now, whether or not the write worked */
}

static void on_snooze(struct settings_dialog *d, BOOL resume)
{
    LRESULT pick = SendDlgItemMessageW(d->hwnd, IDC_SNOOZE_FOR, CB_GETCURSEL, 0, 0);

    if (resume) d->ops.snooze(d->ops.ctx, 0);
    else if (pick >= 0 && (size_t)pick < ARRAYSIZE(snoozes)) d->ops.snooze(d->ops.ctx, snoozes[pick].ms);
    refresh(d);
}

static void close_dialog(struct settings_dialog *d)
{
    d->closing = TRUE;
    DestroyWindow(d->hwnd);
}

/* Enter (the Close button): saves what is typed, unless it is refused:
 * then the dialog stays with the entry selected. */
static void on_ok(struct settings_dialog *d)
{
    for (int i = 0; i < SETTINGS_DIALOG_NUMBERS; i++) {
        if (commit_row(d, i)) continue;
        SendMessageW(d->hwnd, WM_NEXTDLGCTL, (WPARAM)GetDlgItem(d->hwnd, numbers[i].edit), TRUE);
        return;
    }
    close_dialog(d);
}

static int number_of(int ctrl)
{
    for (int i = 0; i < SETTINGS_DIALOG_NUMBERS; i++)
        if (numbers[i].edit == ctrl || numbers[i].spin == ctrl) return i;
    return -1;
}

static void on_command(struct settings_dialog *d, int ctrl, int code)
{
    int row = number_of(ctrl);
    uint32_t ignored;

    if (row >= 0) {
        if (code == EN_CHANGE) parse_row(d, row, FALSE, &ignored); /* say so while typing; save on leaving */
        else if (code == EN_KILLFOCUS && !d->closing) commit_row(d, row);
        return;
    }
    for (size_t i = 0; i < ARRAYSIZE(checks); i++)
        if (checks[i].box == ctrl && code == BN_CLICKED) on_check(d, &checks[i]);
    switch (ctrl) {
    case IDC_AUTOSTART: if (code == BN_CLICKED) on_autostart(d); break;
    case IDC_SNOOZE: if (code == BN_CLICKED) on_snooze(d, FALSE); break;
    case IDC_RESUME: if (code == BN_CLICKED) on_snooze(d, TRUE); break;
    case IDOK: on_ok(d); break;
    case IDCANCEL: close_dialog(d); break; /* Esc: what is being typed is not saved */
    default: break;
    }
}

/* An up-down stepped: saved when the mouse lets go, or when the steps pause. */
static void on_spin(struct settings_dialog *d, int row, int code)
{
    if (row < 0) return;
    if (code == SB_ENDSCROLL) {
        KillTimer(d->hwnd, TIMER_SPIN + (UINT_PTR)row);
        commit_row(d, row);
    } else {
        SetTimer(d->hwnd, TIMER_SPIN + (UINT_PTR)row, SPIN_PAUSE_MS, NULL);
    }
}

static void on_timer(struct settings_dialog *d, WPARAM id)
{
    if (id >= TIMER_SPIN && id < TIMER_SPIN + SETTINGS_DIALOG_NUMBERS) {
        KillTimer(d->hwnd, id);
        commit_row(d, (int)(id - TIMER_SPIN));
    } else {
        refresh(d);
    }
}

static void on_init(HWND dlg, struct settings_dialog *d)
{
    wchar_t text[256];

    d->hwnd = dlg;
    d->closing = FALSE;
    ZeroMemory(d->refused, sizeof(d->refused));
    SetWindowLongPtrW(dlg, DWLP_USER, (LONG_PTR)d);
    str_load(IDS_SET_TITLE, text, ARRAYSIZE(text));
    SetWindowTextW(dlg, text);
    for (size_t i = 0; i < ARRAYSIZE(texts); i++) set_text(dlg, texts[i].ctrl, texts[i].msg);
    for (size_t i = 0; i < ARRAYSIZE(checks); i++) set_text(dlg, checks[i].box, checks[i].msg);
    for (int i = 0; i < SETTINGS_DIALOG_NUMBERS; i++) {
        const struct setting_desc *s = &settings_table[numbers[i].id];
        set_text(dlg, numbers[i].label, numbers[i].label_msg);
        SendDlgItemMessageW(dlg, numbers[i].edit, EM_SETLIMITTEXT, 10, 0);
        SendDlgItemMessageW(dlg, numbers[i].spin, UDM_SETRANGE32, (WPARAM)s->min, (LPARAM)s->max);
    }
    for (size_t i = 0; i < ARRAYSIZE(snoozes); i++) {
        str_load(snoozes[i].msg, text, ARRAYSIZE(text));
        SendDlgItemMessageW(dlg, IDC_SNOOZE_FOR, CB_ADDSTRING, 0, (LPARAM)text);
    }
    SendDlgItemMessageW(dlg, IDC_SNOOZE_FOR, CB_SETCURSEL, 0, 0);
    refresh(d);
    SetTimer(dlg, TIMER_SNOOZE, SNOOZE_REFRESH_MS, NULL);
}

static INT_PTR CALLBACK dialog_proc(HWND dlg, UINT msg, WPARAM wp, LPARAM lp)
{
    struct settings_dialog *d = (struct settings_dialog *)GetWindowLongPtrW(dlg, DWLP_USER);

    if (msg == WM_INITDIALOG) {
        on_init(dlg, (struct settings_dialog *)lp);
        return TRUE; /* the first control gets the focus */
    }
    if (!d) return FALSE;
    switch (msg) {
    case WM_COMMAND: on_command(d, LOWORD(wp), HIWORD(wp)); return TRUE;
    case WM_VSCROLL: on_spin(d, number_of(GetDlgCtrlID((HWND)lp)), LOWORD(wp)); return TRUE;
    case WM_ACTIVATE:
        if (LOWORD(wp) != WA_INACTIVE) refresh(d); /* a policy or the menu's snooze may have changed it */
        return FALSE;
    case WM_TIMER: on_timer(d, wp); return TRUE;
    case WM_CLOSE: close_dialog(d); return TRUE;
    case WM_DESTROY:
        KillTimer(dlg, TIMER_SNOOZE);
        for (int i = 0; i < SETTINGS_DIALOG_NUMBERS; i++) KillTimer(dlg, TIMER_SPIN + (UINT_PTR)i);
        SetWindowLongPtrW(dlg, DWLP_USER, 0);
        d->hwnd = NULL;
        return TRUE;
    default: return FALSE;
    }
}

void settings_dialog_show(struct settings_dialog *d, HWND owner)
{
    if (d->hwnd && IsWindow(d->hwnd)) {
        if (IsIconic(d->hwnd)) ShowWindow(d->hwnd, SW_RESTORE);
        SetForegroundWindow(d->hwnd);
        return;
    }
    d->hwnd = CreateDialogParamW(GetModuleHandleW(NULL), MAKEINTRESOURCEW(IDD_SETTINGS), owner, dialog_proc,
                                 (LPARAM)d);
    if (!d->hwnd) return;
    ShowWindow(d->hwnd, SW_SHOW);
    SetForegroundWindow(d->hwnd);
}

BOOL settings_dialog_message(struct settings_dialog *d, MSG *msg)
{
    return d->hwnd && IsDialogMessageW(d->hwnd, msg);
}
