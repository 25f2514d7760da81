/* Every message ID that core hands out, and every ID the programs use, has
 * text in the string table (compiled into this test from res/strings.rc). */
#include <windows.h>

#include "cli_args.h"
#include "health.h"
#include "menu.h"
#include "msg.h"
#include "report.h"
#include "restart.h"
#include "settings_form.h"
#include "strings.h"
#include "test.h"
#include "errtext.h"

static void has_text(int id)
{
    wchar_t buf[1024];
    if (str_load((UINT)id, buf, ARRAYSIZE(buf)) && buf[0]) test_passed++;
    else TEST_FAIL_AT("string %d is missing from the string table", id);
}

int wmain(void)
{
    static const int used_by_programs[] = {
        IDS_ALL_GOOD, IDS_TIP_FORMAT, IDS_TIP_MORE, IDS_BALLOON_TITLE, IDS_RESTART_TITLE,
        IDS_OPEN_FAILED, IDS_TIP_STEP_STOP, IDS_TIP_STEP_START, IDS_EXIT_AFTER_RESTART,
        IDS_PAGE_TROUBLESHOOTER, IDS_PAGE_SETTINGS, IDS_RESTART_STEP_DONE, IDS_WORD_STOPPED,
        IDS_WORD_STARTED, IDS_CLI_USAGE, IDS_CLI_VERSION, IDS_CLI_STATUS_HEAD,
        IDS_CLI_SERVICE_LINE, IDS_CLI_REASONS, IDS_LEVEL_CHECKING, IDS_LEVEL_RESTARTING,
        IDS_REENABLE_TITLE, IDS_TIP_STEP_MANUAL, IDS_MENU_RESUME_ALERTS, IDS_CLI_EXPLAIN, IDS_CLI_WARNING, IDS_SETTING_OUT_OF_RANGE, IDS_SETTING_WRONG_TYPE,
    };
    struct menu_model m;
    struct menu_state st = {0};
    struct svc_reading r;
    wchar_t buf[256];

    /* The Settings dialog and the About box (src/win/settings_dialog.c, dialog.c). */
    static const int dialogs[] = {
        IDS_SET_TITLE, IDS_SET_GROUP_ALERTS, IDS_SET_ALERTS, IDS_SET_SNOOZE_FOR, IDS_SET_SNOOZE_HOUR,
        IDS_SET_SNOOZE_DAY, IDS_SET_SNOOZE_WEEK, IDS_SET_SNOOZE, IDS_SET_SNOOZED_UNTIL, IDS_SET_RESUME,
        IDS_SET_GROUP_WARN, IDS_SET_STALLED_SEARCH, IDS_SET_PATCH_AGE, IDS_SET_REBOOT_OVERDUE, IDS_SET_LOW_DISK,
        IDS_SET_GROUP_OTHER, IDS_SET_INCLUDE_BITS, IDS_SET_AUTOSTART, IDS_SET_AUTOSTART_MACHINE, IDS_SET_LOCKED,
        IDS_SET_WRITE_FAILED, IDS_SET_CLOSE, IDS_ABOUT_TITLE, IDS_ABOUT_HEAD, IDS_ABOUT_WHAT, IDS_ABOUT_EVENTS,
        IDS_ABOUT_LICENSE,
    };
    for (size_t i = 0; i < ARRAYSIZE(used_by_programs); i++) has_text(used_by_programs[i]);
    for (size_t i = 0; i < ARRAYSIZE(dialogs); i++) has_text(dialogs[i]);
    for (int p = FORM_VALUE_EMPTY; p <= FORM_VALUE_OUT_OF_RANGE; p++) has_text(form_refusal_msg((enum form_parse)p));
    for (int k = 0; k < REASON_KIND_COUNT; k++) has_text(health_reason_msg((enum reason_kind)k));
    for (int l = HEALTH_OK; l <= HEALTH_UNKNOWN; l++) has_text(health_level_msg((enum health_level)l));
    for (int st = 0; st < STATE_COUNT; st++) has_text(health_state_msg((enum health_state)st));
    for (int s = SVC_START_UNKNOWN; s <= SVC_START_DISABLED; s++) has_text(svc_start_msg((enum svc_start)s));
    for (int id = 0; id < SVC_COUNT; id++) has_text(svc_label_msg((enum svc_id)id));
    ZeroMemory(&r, sizeof(r));
    for (int p = SVC_PRESENT; p <= SVC_QUERY_FAILED; p++) {
        r.presence = (enum svc_presence)p;
        for (int s = SVC_STATE_UNKNOWN; s <= SVC_PAUSED; s++) {
            r.state = (enum svc_state)s;
            has_text(svc_state_msg(&r));
        }
    }
    for (int res = RESTART_DONE; res <= RESTART_ERR_CANCELLED; res++) {
        for (int act = RESTART_STOP; act <= RESTART_SET_MANUAL; act++) {
            struct restart_outcome o;
            ZeroMemory(&o, sizeof(o));
            o.result = (enum restart_result)res;
            o.action = (enum restart_action)act;
            has_text(restart_outcome_msg(&o));
            o.win32_error = 5;
            has_text(restart_outcome_msg(&o));
        }
    }
    for (int e = CLI_OK; e <= CLI_ERR_TOO_LONG; e++) has_text(cli_error_msg((enum cli_error)e));
    st.have_result = true;
    st.any_disabled = true; /* every item, the conditional one too */
    menu_build(&st, &m);
    for (unsigned i = 0; i < m.n_items; i++)
        if (m.items[i].cmd != MENU_CMD_SEPARATOR) has_text(m.items[i].msg);

    /* The tooltip fits the notification area's 128 characters and says why. */
    {
        struct health_result res;
        ZeroMemory(&res, sizeof(res));
        res.level = HEALTH_BROKEN;
        res.n_reasons = 2;
        res.reasons[0].kind = REASON_DISABLED;
        res.reasons[0].svc = SVC_WUAUSERV;
        res.reasons[1].kind = REASON_MISSING;
        res.reasons[1].svc = SVC_USOSVC;
        report_tooltip(&res, buf, 128);
        CHECK(wcsstr(buf, L"Windows Update: Broken") == buf);
        CHECK(wcsstr(buf, L"The Windows Update service is disabled") != NULL);
        CHECK(wcsstr(buf, L"(+1 more)") != NULL);
        CHECK(wcslen(buf) < 128);
    }
    /* A missing string still shows something rather than nothing. */
    str_format(buf, ARRAYSIZE(buf), 9999);
    CHECK(wcscmp(buf, L"#9999") == 0);
    /* Every error explanation has text; only the fall-backs carry a 0x%08X. */
    {
        static const uint32_t unknown[] = {0x8024ABCD, 0x80244FFE, 0x80246FFE, 0x80072EE1,
                                           0x800736CC, 0x80071234, 0x800F0999, 0x80200010,
                                           0x80D02003, 0x12345678};
        size_t n;
        const struct errtext_info *t = errtext_table(&n);
        wchar_t text[1024];
        for (size_t i = 0; i < n + ARRAYSIZE(unknown); i++) {
            uint32_t code = i < n ? t[i].code : unknown[i - n];
            int what, next;
            errtext_generic(code, &what, &next);
            has_text(what);
            has_text(next);
            str_load((UINT)what, text, ARRAYSIZE(text));
            CHECK((wcsstr(text, L"0x%08X") != NULL) == (i >= n));
            CHECK(wcschr(text, L'%') == wcsrchr(text, L'%'));
            str_load((UINT)next, text, ARRAYSIZE(text));
            CHECK(wcschr(text, L'%') == NULL);
        }
        str_format(text, ARRAYSIZE(text), IDS_WUERR_GENERIC, 0x8024ABCDu);
        CHECK(wcscmp(text, L"Windows Update reported error 0x8024ABCD.") == 0);
    }
    /* The tables of res/lang/ load by language; one wutray lacks gets English;
     * a short buffer gets the start of the text, as LoadString gives it. */
    {
        static const LANGID translated[] = {0x0407, 0x040c, 0x0c0a};
        wchar_t en[128], other[128], cut[3];
        str_set_language(0x0409);
        CHECK(str_load(IDS_MENU_EXIT, en, ARRAYSIZE(en)) && wcscmp(en, L"E&xit") == 0);
        for (size_t i = 0; i < ARRAYSIZE(translated); i++) {
            str_set_language(translated[i]);
            CHECK(str_load(IDS_MENU_EXIT, other, ARRAYSIZE(other)) && other[0]);
            CHECK(wcscmp(en, other) != 0);
            if (!wcscmp(en, other)) fprintf(stderr, "  language 0x%04x shows English\n", translated[i]);
        }
        str_set_language(0x0410); /* Italian */
        CHECK(str_load(IDS_MENU_EXIT, other, ARRAYSIZE(other)) && wcscmp(en, other) == 0);
        str_set_language(0x0409);
        CHECK(str_load(IDS_MENU_EXIT, cut, ARRAYSIZE(cut)) && wcscmp(cut, L"E&") == 0);
        CHECK(!str_load(9999, cut, ARRAYSIZE(cut)) && cut[0] == 0);
    }
    /* Cut to every length, in every language: the whole characters that fit,
     * never half of one (the tables hold UTF-8; "für", "à", "ñ" are two bytes
     * there and one character here). */
    {
        static const LANGID all[] = {0x0409, 0x0407, 0x040c, 0x0c0a};
        static const int ids[] = {IDS_MENU_RESTART, IDS_REASON_STALLED_SEARCH, IDS_CLI_USAGE, IDS_SET_TITLE};
        wchar_t full[2048], part[64];
        for (size_t l = 0; l < ARRAYSIZE(all); l++) {
            str_set_language(all[l]);
            for (size_t i = 0; i < ARRAYSIZE(ids); i++) {
                size_t len, bad = 0;
                CHECK(str_load((UINT)ids[i], full, ARRAYSIZE(full)) && full[0]);
                len = wcslen(full);
                for (size_t k = 1; k < ARRAYSIZE(part) && k <= len; k++) {
                    if (!str_load((UINT)ids[i], part, k + 1) || wcslen(part) != k || wcsncmp(part, full, k)) bad++;
                }
                CHECK_EQ_INT(0, bad);
            }
        }
        str_set_language(0x0409);
    }
    return test_summary("test_strings");
}
