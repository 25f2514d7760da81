/* The Settings dialog's decisions: what it offers, typed numbers against the
 * settings table, locks, the snooze and sign-in rows, the Run command line. */
#include "msg.h"
#include "settings_form.h"
#include "test.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void offered(void)
{
    /* Everything a home user may want; the safety poll is not one. */
    CHECK(!form_offers(SETTING_POLL_MINUTES));
    for (int i = 0; i < SETTING_COUNT; i++)
        if (i != SETTING_POLL_MINUTES) CHECK(form_offers((enum setting_id)i));
    for (int i = 0; i < FORM_FIELDS; i++)
        for (int k = i + 1; k < FORM_FIELDS; k++) CHECK(form_fields[i] != form_fields[k]);
}

static void numbers(void)
{
    static const struct {
        enum setting_id id;
        const wchar_t *text;
        enum form_parse want;
        uint32_t value;
    } rows[] = {
        /* each threshold at min-1, min, max, max+1 (the settings table's ranges) */
        {SETTING_STALLED_SEARCH_DAYS, L"0", FORM_VALUE_OUT_OF_RANGE, 0},
        {SETTING_STALLED_SEARCH_DAYS, L"1", FORM_VALUE_OK, 1},
        {SETTING_STALLED_SEARCH_DAYS, L"90", FORM_VALUE_OK, 90},
        {SETTING_STALLED_SEARCH_DAYS, L"91", FORM_VALUE_OUT_OF_RANGE, 0},
        {SETTING_PATCH_AGE_DAYS, L"19", FORM_VALUE_OUT_OF_RANGE, 0},
        {SETTING_PATCH_AGE_DAYS, L"20", FORM_VALUE_OK, 20},
        {SETTING_PATCH_AGE_DAYS, L"180", FORM_VALUE_OK, 180},
        {SETTING_PATCH_AGE_DAYS, L"181", FORM_VALUE_OUT_OF_RANGE, 0},
        {SETTING_REBOOT_OVERDUE_HOURS, L"0", FORM_VALUE_OUT_OF_RANGE, 0},
        {SETTING_REBOOT_OVERDUE_HOURS, L"1", FORM_VALUE_OK, 1},
        {SETTING_REBOOT_OVERDUE_HOURS, L"720", FORM_VALUE_OK, 720},
        {SETTING_REBOOT_OVERDUE_HOURS, L"721", FORM_VALUE_OUT_OF_RANGE, 0},
        {SETTING_LOW_DISK_GB, L"0", FORM_VALUE_OUT_OF_RANGE, 0},
        {SETTING_LOW_DISK_GB, L"1", FORM_VALUE_OK, 1},
        {SETTING_LOW_DISK_GB, L"100", FORM_VALUE_OK, 100},
        {SETTING_LOW_DISK_GB, L"101", FORM_VALUE_OUT_OF_RANGE, 0},
        /* what people type */
        {SETTING_STALLED_SEARCH_DAYS, L" 14 ", FORM_VALUE_OK, 14},
        {SETTING_STALLED_SEARCH_DAYS, L"\t7", FORM_VALUE_OK, 7},
        {SETTING_STALLED_SEARCH_DAYS, L"007", FORM_VALUE_OK, 7},
        {SETTING_STALLED_SEARCH_DAYS, L"", FORM_VALUE_EMPTY, 0},
        {SETTING_STALLED_SEARCH_DAYS, L"   ", FORM_VALUE_EMPTY, 0},
        {SETTING_STALLED_SEARCH_DAYS, NULL, FORM_VALUE_EMPTY, 0},
        {SETTING_STALLED_SEARCH_DAYS, L"-5", FORM_VALUE_NOT_A_NUMBER, 0},
        {SETTING_STALLED_SEARCH_DAYS, L"+5", FORM_VALUE_NOT_A_NUMBER, 0},
        {SETTING_STALLED_SEARCH_DAYS, L"7.5", FORM_VALUE_NOT_A_NUMBER, 0},
        {SETTING_STALLED_SEARCH_DAYS, L"1 4", FORM_VALUE_NOT_A_NUMBER, 0},
        {SETTING_STALLED_SEARCH_DAYS, L"seven", FORM_VALUE_NOT_A_NUMBER, 0},
        {SETTING_STALLED_SEARCH_DAYS, L"0x10", FORM_VALUE_NOT_A_NUMBER, 0},
        {SETTING_STALLED_SEARCH_DAYS, L"\x0667", FORM_VALUE_NOT_A_NUMBER, 0}, /* Arabic-Indic 7: not ASCII */
        /* too big for a DWORD: wrapping would make 4294967297 a valid 1 */
        {SETTING_STALLED_SEARCH_DAYS, L"4294967297", FORM_VALUE_OUT_OF_RANGE, 0},
        {SETTING_REBOOT_OVERDUE_HOURS, L"99999999999999999999999", FORM_VALUE_OUT_OF_RANGE, 0},
        {SETTING_REBOOT_OVERDUE_HOURS, L"99999999999999999999999x", FORM_VALUE_NOT_A_NUMBER, 0},
        /* no such setting */
        {SETTING_COUNT, L"5", FORM_VALUE_NOT_A_NUMBER, 0},
    };

    for (size_t i = 0; i < N(rows); i++) {
        uint32_t v = 12345;
        enum form_parse got = form_parse_number(rows[i].id, rows[i].text, &v);
        if (got != rows[i].want || v != rows[i].value)
            TEST_FAIL_AT("row %zu: expected %d/%u, got %d/%u", i, rows[i].want, rows[i].value, got, v);
        else test_passed++;
        CHECK_EQ_INT(rows[i].want == FORM_VALUE_OK ? 0 : IDS_SET_NOT_SAVED, form_refusal_msg(got));
    }
    /* Every value a typed number accepts, the settings table accepts too. */
    for (int i = 0; i < FORM_FIELDS; i++) {
        const struct setting_desc *d = &settings_table[form_fields[i]];
        wchar_t text[16];
        uint32_t v;
        struct settings s;
        settings_defaults(&s);
        swprintf(text, 16, L"%u", d->max);
        CHECK_EQ_INT(FORM_VALUE_OK, form_parse_number(d->id, text, &v));
        CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, d->name, v, SETTING_FROM_USER));
        swprintf(text, 16, L"%u", d->max + 1);
        CHECK_EQ_INT(FORM_VALUE_OUT_OF_RANGE, form_parse_number(d->id, text, &v));
    }
}

/* A policy value is shown, locked; a user value is shown and changeable. */
static void locks(void)
{
    struct settings s;
    struct form_input in = {&s, 1000, 0, false, false};
    struct form_view v;

    settings_defaults(&s);
    settings_apply(&s, L"PatchAgeDays", 60, SETTING_FROM_POLICY);
    settings_apply(&s, L"PatchAgeDays", 30, SETTING_FROM_USER); /* shadowed: policy wins */
    settings_apply(&s, L"StalledSearchDays", 3, SETTING_FROM_USER);
    settings_apply(&s, L"IncludeBits", 1, SETTING_FROM_POLICY);
    form_view(&in, &v);
    CHECK(v.field[SETTING_PATCH_AGE_DAYS].locked);
    CHECK(!v.field[SETTING_PATCH_AGE_DAYS].enabled);
    CHECK_EQ_INT(60, v.field[SETTING_PATCH_AGE_DAYS].value);
    CHECK(!v.field[SETTING_STALLED_SEARCH_DAYS].locked);
    CHECK(v.field[SETTING_STALLED_SEARCH_DAYS].enabled);
    CHECK_EQ_INT(3, v.field[SETTING_STALLED_SEARCH_DAYS].value);
    CHECK(v.field[SETTING_INCLUDE_BITS].locked && !v.field[SETTING_INCLUDE_BITS].enabled);
    CHECK_EQ_INT(1, v.field[SETTING_INCLUDE_BITS].value);
    CHECK(v.field[SETTING_REBOOT_OVERDUE_HOURS].enabled); /* a default: changeable */
    CHECK_EQ_INT(24, v.field[SETTING_REBOOT_OVERDUE_HOURS].value);
}

static void snooze_rows(void)
{
    static const struct {
        bool alerts_on;
        uint64_t until, now;
        bool snoozed, enabled;
    } rows[] = {
        {true, 0, 1000, false, true},     /* not snoozed: the choices */
        {true, 5000, 1000, true, true},   /* snoozed: "until ..." and Resume */
        {true, 1000, 1000, false, true},  /* ends now: over */
        {true, 999, 1000, false, true},   /* ended */
        {false, 0, 1000, false, false},   /* alerts off: nothing to snooze */
        {false, 5000, 1000, true, false}, /* off, but a snooze is still saved: it shows */
    };
    for (size_t i = 0; i < N(rows); i++) {
        struct settings s;
        struct form_input in;
        struct form_view v;
        settings_defaults(&s);
        settings_apply(&s, L"Alerts", rows[i].alerts_on ? 1 : 0, SETTING_FROM_USER);
        in = (struct form_input){&s, rows[i].now, rows[i].until, false, false};
        form_view(&in, &v);
        CHECK_EQ_INT(rows[i].snoozed, v.snoozed);
        CHECK_EQ_INT(rows[i].enabled, v.snooze_enabled);
    }
}

/* "Start wutray when I sign in": the user's own Run value, never a second
 * start beside the MSI's for every user. */
static void autostart(void)
{
    static const struct {
        bool user, machine;
        bool checked, enabled, machine_note;
        enum form_run_change tick, clear;
    } rows[] = {
        {false, false, false, true, false, FORM_RUN_WRITE, FORM_RUN_KEEP},
        {true, false, true, true, false, FORM_RUN_KEEP, FORM_RUN_DELETE},
        {false, true, false, false, true, FORM_RUN_KEEP, FORM_RUN_KEEP},
        {true, true, true, true, true, FORM_RUN_KEEP, FORM_RUN_DELETE}, /* an old one beside the MSI's: may go */
    };
    for (size_t i = 0; i < N(rows); i++) {
        struct settings s;
        struct form_input in;
        struct form_view v;
        settings_defaults(&s);
        in = (struct form_input){&s, 0, 0, rows[i].user, rows[i].machine};
        form_view(&in, &v);
        CHECK_EQ_INT(rows[i].checked, v.autostart_checked);
        CHECK_EQ_INT(rows[i].enabled, v.autostart_enabled);
        CHECK_EQ_INT(rows[i].machine_note, v.autostart_machine);
        CHECK_EQ_INT(rows[i].tick, form_autostart_change(rows[i].user, rows[i].machine, true));
        CHECK_EQ_INT(rows[i].clear, form_autostart_change(rows[i].user, rows[i].machine, false));
    }
}

/* Compares a wide result with an ASCII expectation (the paths are ASCII). */
static void check_run(const wchar_t *exe, size_t cap, bool want_ok, const char *want)
{
    wchar_t out[300];
    char got[300];
    size_t i;
    bool ok;

    wmemset(out, L'#', 300);
    ok = form_run_command(exe, out, cap);
    for (i = 0; i < 299 && cap && out[i]; i++) got[i] = out[i] < 128 ? (char)out[i] : '?';
    got[cap ? i : 0] = 0;
    CHECK_EQ_INT(want_ok, ok);
    CHECK_EQ_STR(want, got);
}

static void run_command(void)
{
    check_run(L"C:\\Program Files\\wutray\\wutray.exe", 300, true, "\"C:\\Program Files\\wutray\\wutray.exe\"");
    check_run(L"D:\\Tools\\wutray.exe", 300, true, "\"D:\\Tools\\wutray.exe\"");
    check_run(L"\\\\server\\share\\wutray.exe", 300, true, "\"\\\\server\\share\\wutray.exe\"");
    /* exactly enough room for the quotes and the terminator, and one less */
    check_run(L"C:\\a.exe", 11, true, "\"C:\\a.exe\"");
    check_run(L"C:\\a.exe", 10, false, "");
    /* not a full path, or one that the quotes could not hold together */
    check_run(L"wutray.exe", 300, false, "");
    check_run(L"Tools\\wutray.exe", 300, false, "");
    check_run(L"C:wutray.exe", 300, false, "");
    check_run(L"\\wutray.exe", 300, false, "");
    check_run(L"C:\\odd\"name\\wutray.exe", 300, false, "");
    check_run(L"", 300, false, "");
    check_run(NULL, 300, false, "");
}

int main(void)
{
    offered();
    numbers();
    locks();
    snooze_rows();
    autostart();
    run_command();
    return test_summary("test_settings_form");
}
