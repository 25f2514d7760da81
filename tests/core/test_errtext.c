/* The error-code table: every code from the facts guide is explained, unknown
 * codes fall back by facility, codes are unique, and codes format as 0x%08X. */
#include "errtext.h"
#include "test.h"

static int is_what(int id) { return id >= 800 && id <= 899; }
static int is_next(int id) { return id >= 900 && id <= 999; }
/* Fall-back texts carry "0x%08X"; the table's must not (see msg_errors.h). */
static int is_fallback_what(int id) { return id >= 880 && id <= 899; }

/* The facts guide's codes, with Microsoft's names. */
static void guide_codes(void)
{
    static const struct {
        uint32_t code;
        const char *name;
    } guide[] = {
        {0x80070422, "ERROR_SERVICE_DISABLED"},
        {0x8024A000, "WU_E_AU_NOSERVICE"},
        {0x8024402C, "WU_E_PT_WINHTTP_NAME_NOT_RESOLVED"},
        {0x8024401C, "WU_E_PT_HTTP_STATUS_REQUEST_TIMEOUT"},
        {0x80244022, "WU_E_PT_HTTP_STATUS_SERVICE_UNAVAIL"},
        {0x8024001F, "WU_E_NO_CONNECTION"},
        {0x80240009, "WU_E_OPERATIONINPROGRESS"},
        {0x80070005, "E_ACCESSDENIED"},
        {0x800F0922, "CBS_E_INSTALLERS_FAILED"},
        {0x80070070, "ERROR_DISK_FULL"},
        {0x8024200D, "WU_E_UH_NEEDANOTHERDOWNLOAD"},
        {0x80073712, "ERROR_SXS_COMPONENT_STORE_CORRUPT"},
        {0x80240034, "WU_E_DOWNLOAD_FAILED"},
        {0x8024000B, "WU_E_CALL_CANCELLED"},
    };

    for (size_t i = 0; i < sizeof(guide) / sizeof(guide[0]); i++) {
        const struct errtext_info *e = errtext_find(guide[i].code);
        int what = 0, next = 0;

        CHECK(e != NULL);
        if (!e) {
            fprintf(stderr, "  missing code 0x%08X\n", (unsigned)guide[i].code);
            continue;
        }
        CHECK_EQ_INT(guide[i].code, e->code);
        CHECK_EQ_STR(guide[i].name, e->name);
        CHECK(is_what(e->what_msg));
        CHECK(is_next(e->next_msg));
        errtext_generic(guide[i].code, &what, &next);
        CHECK_EQ_INT(e->what_msg, what);
        CHECK_EQ_INT(e->next_msg, next);
    }
}

/* A few codes whose next step matters most. */
static void next_steps(void)
{
    static const struct {
        uint32_t code;
        int what, next;
    } cases[] = {
        {0x80070422, IDS_WUERR_SERVICE_DISABLED, IDS_WUERR_NEXT_REENABLE},
        {0x8024A000, IDS_WUERR_AU_NOSERVICE, IDS_WUERR_NEXT_RESTART_SERVICES},
        {0x8024402C, IDS_WUERR_NAME_NOT_RESOLVED, IDS_WUERR_NEXT_CHECK_NETWORK},
        {0x80072EE7, IDS_WUERR_NAME_NOT_RESOLVED, IDS_WUERR_NEXT_CHECK_NETWORK},
        {0x8024001F, IDS_WUERR_NO_CONNECTION, IDS_WUERR_NEXT_CHECK_INTERNET},
        {0x80070070, IDS_WUERR_DISK_FULL, IDS_WUERR_NEXT_FREE_SPACE},
        {0x80073712, IDS_WUERR_STORE_CORRUPT, IDS_WUERR_NEXT_REPAIR},
        {0x800F0831, IDS_WUERR_STORE_CORRUPT, IDS_WUERR_NEXT_REPAIR},
        {0x800F0922, IDS_WUERR_INSTALLERS_FAILED, IDS_WUERR_NEXT_VPN},
        {0x80072F8F, IDS_WUERR_NET_SECURE_FAILURE, IDS_WUERR_NEXT_CLOCK},
        {0x8024002E, IDS_WUERR_WU_DISABLED, IDS_WUERR_NEXT_POLICY},
        {0x80240009, IDS_WUERR_IN_PROGRESS, IDS_WUERR_NEXT_WAIT},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct errtext_info *e = errtext_find(cases[i].code);
        CHECK(e != NULL);
        if (!e) continue;
        CHECK_EQ_INT(cases[i].what, e->what_msg);
        CHECK_EQ_INT(cases[i].next, e->next_msg);
    }
}

/* Every entry: an error HRESULT, a name, both messages in range, unique code. */
static void table_is_sound(void)
{
    size_t n = 0;
    const struct errtext_info *t = errtext_table(&n);

    CHECK(t != NULL);
    CHECK(n >= 40);
    for (size_t i = 0; i < n; i++) {
        char code[ERRTEXT_CODE_CHARS];
        errtext_format(t[i].code, code, sizeof(code));
        if (!(t[i].code & 0x80000000u)) TEST_FAIL_AT("%s is not an error code", code);
        else test_passed++;
        if (t[i].name && t[i].name[0]) test_passed++;
        else TEST_FAIL_AT("%s has no name", code);
        if (is_what(t[i].what_msg) && !is_fallback_what(t[i].what_msg)) test_passed++;
        else TEST_FAIL_AT("%s: what_msg %d out of range", code, t[i].what_msg);
        if (is_next(t[i].next_msg)) test_passed++;
        else TEST_FAIL_AT("%s: next_msg %d out of range", code, t[i].next_msg);
        CHECK(errtext_find(t[i].code) == &t[i]);
        for (size_t j = i + 1; j < n; j++)
            if (t[i].code == t[j].code) TEST_FAIL_AT("%s is in the table twice", code);
    }
}

static void fallbacks(void)
{
    static const struct {
        uint32_t code;
        int what, next;
    } cases[] = {
        {0x8024ABCD, IDS_WUERR_GENERIC_WUA, IDS_WUERR_NEXT_GENERIC},
        {0x80248FFE, IDS_WUERR_GENERIC_WUA, IDS_WUERR_NEXT_GENERIC},
        {0x80244FFE, IDS_WUERR_GENERIC_SERVER, IDS_WUERR_NEXT_CHECK_NETWORK},
        {0x80246FFE, IDS_WUERR_GENERIC_DOWNLOAD, IDS_WUERR_NEXT_CHECK_INTERNET},
        {0x80072EE1, IDS_WUERR_GENERIC_NETWORK, IDS_WUERR_NEXT_CHECK_NETWORK},  /* 12001 */
        {0x80072F7D, IDS_WUERR_GENERIC_NETWORK, IDS_WUERR_NEXT_CHECK_NETWORK},  /* 12157 */
        {0x800736CC, IDS_WUERR_GENERIC_SERVICING, IDS_WUERR_NEXT_REPAIR},      /* 14028 */
        {0x80071234, IDS_WUERR_GENERIC_WIN32, IDS_WUERR_NEXT_RESTART_PC_THEN_TROUBLESHOOT},
        {0x80072EDF, IDS_WUERR_GENERIC_WIN32, IDS_WUERR_NEXT_RESTART_PC_THEN_TROUBLESHOOT}, /* 11999 */
        {0x800F0999, IDS_WUERR_GENERIC_SERVICING, IDS_WUERR_NEXT_RESTART_PC_THEN_TROUBLESHOOT},
        {0x80200010, IDS_WUERR_GENERIC_DOWNLOAD, IDS_WUERR_NEXT_CHECK_INTERNET},
        {0x80D02003, IDS_WUERR_GENERIC_DOWNLOAD, IDS_WUERR_NEXT_CHECK_INTERNET},
        {0x12345678, IDS_WUERR_GENERIC, IDS_WUERR_NEXT_GENERIC},
        {0x00240001, IDS_WUERR_GENERIC, IDS_WUERR_NEXT_GENERIC}, /* a success code */
        {0x00000000, IDS_WUERR_GENERIC, IDS_WUERR_NEXT_GENERIC},
        {0xFFFFFFFF, IDS_WUERR_GENERIC, IDS_WUERR_NEXT_GENERIC},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int what = -1, next = -1;
        CHECK(errtext_find(cases[i].code) == NULL);
        errtext_generic(cases[i].code, &what, &next);
        CHECK_EQ_INT(cases[i].what, what);
        CHECK_EQ_INT(cases[i].next, next);
        CHECK(is_fallback_what(what));
    }
    /* Either out-parameter may be left out. */
    {
        int what = -1, next = -1;
        errtext_generic(0x8024402C, &what, NULL);
        CHECK_EQ_INT(IDS_WUERR_NAME_NOT_RESOLVED, what);
        errtext_generic(0x8024402C, NULL, &next);
        CHECK_EQ_INT(IDS_WUERR_NEXT_CHECK_NETWORK, next);
        errtext_generic(0x8024402C, NULL, NULL);
    }
}

static void formatting(void)
{
    char buf[32];

    CHECK_EQ_INT(10, errtext_format(0x8024402C, buf, sizeof(buf)));
    CHECK_EQ_STR("0x8024402C", buf);
    CHECK_EQ_INT(10, errtext_format(0x800f081f, buf, sizeof(buf)));
    CHECK_EQ_STR("0x800F081F", buf);
    CHECK_EQ_INT(10, errtext_format(5, buf, ERRTEXT_CODE_CHARS));
    CHECK_EQ_STR("0x00000005", buf);
    CHECK_EQ_INT(10, errtext_format(0xFFFFFFFF, buf, ERRTEXT_CODE_CHARS));
    CHECK_EQ_STR("0xFFFFFFFF", buf);
    /* Too small: nothing partial, an empty string. */
    memset(buf, 'x', sizeof(buf));
    CHECK_EQ_INT(0, errtext_format(0x8024402C, buf, ERRTEXT_CODE_CHARS - 1));
    CHECK_EQ_STR("", buf);
    CHECK_EQ_INT('x', buf[1]);
    buf[0] = 'x';
    CHECK_EQ_INT(0, errtext_format(0x8024402C, buf, 0));
    CHECK_EQ_INT('x', buf[0]);
}

int main(void)
{
    guide_codes();
    next_steps();
    table_is_sound();
    fallbacks();
    formatting();
    return test_summary("test_errtext");
}
