/* The classifier: titles as real PCs write them (English and Turkish, from
 * the facts guide's recording), categories by name and by GUID, the
 * service ID, KB numbers; and the helpers for month, series and KB. */
#include "test.h"
#include "update_kind.h"

static struct update_record rec(const char *title, const char *cats, const char *service)
{
    struct update_record r;
    memset(&r, 0, sizeof(r));
    updates_copy_text(r.title, sizeof(r.title), title);
    updates_copy_text(r.categories, sizeof(r.categories), cats);
    updates_copy_text(r.service_id, sizeof(r.service_id), service);
    return r;
}

static void kinds(void)
{
    static const struct {
        const char *title, *cats, *service;
        enum update_kind kind;
    } rows[] = {
        /* OS patches, by title shape alone (events carry no categories). */
        {"2024-10 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5044273)", "", "",
         UPD_KIND_OS_SECURITY},
        {"2024-10 x64 Tabanlı Sistemler için Windows 10 Version 22H2 Toplu Güncelleştirmesi (KB5044273)", "", "",
         UPD_KIND_OS_SECURITY},
        {"2024-10 Cumulative Update for .NET Framework 3.5, 4.8 and 4.8.1 for Windows 10 Version 22H2 for x64 (KB5044089)",
         "", "", UPD_KIND_OS_SECURITY},
        {"2022-08 Servicing Stack Update for Windows 10 Version 21H2 for x64-based Systems (KB5016705)", "", "",
         UPD_KIND_OS_SECURITY},
        {"2026-11 Cumulative Update Preview for Windows 11 Version 25H2 for x64-based Systems (KB5070000)", "Updates",
         UPD_SERVICE_WINDOWS_UPDATE, UPD_KIND_OS_SECURITY},
        /* As a Turkish PC wrote them (tests/scenarios/recorded-win10-22h2-tr-*): the
         * month apart from the year, or the date in the middle. */
        {"2024-x64 tabanlı Sistemler için Windows 10 Version 22H2 11 Toplu Güncelleştirmesi (KB5046613)", "", "",
         UPD_KIND_OS_SECURITY},
        {"x64 Tabanlı Sistemler için Windows 10 Version 22H2 2024-10 Toplu Güncelleştirmesi (KB5044273)", "", "",
         UPD_KIND_OS_SECURITY},
        {"x64 Tabanlı Sistemler için Windows 10 Version 22H2 2022-11 Güncelleştirmesi (KB5020683)", "", "",
         UPD_KIND_OTHER},
        {"2024-10 Update for Windows 10 Version 22H2 for x64-based Systems (KB5001716)", "Updates", "", UPD_KIND_OTHER},
        /* By category, name or GUID, with a Windows title. */
        {"Security Update for Windows 10 Version 1607 (KB4013429)", "Security Updates;Windows 10", "",
         UPD_KIND_OS_SECURITY},
        {"Güvenlik Güncelleştirmesi Windows 10 (KB4013429)", "0FA1201D-4330-4FA8-8AE9-B877473B6441", "",
         UPD_KIND_OS_SECURITY},
        {"Security Update for Microsoft Office 2016 (KB5002623) 32-Bit Edition", "Security Updates;Office 2016", "",
         UPD_KIND_OTHER},
        /* Defender and MSRT by KB, whatever the category or language. */
        {"Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.421.1234.0) - Current Channel (Broad)",
         "Definition Updates;Microsoft Defender Antivirus", "", UPD_KIND_DEFENDER},
        {"Microsoft Defender Virüsten Koruma için Güvenlik Zekası Güncelleştirmesi - KB2267602 (Sürüm 1.419.12.0)", "",
         UPD_SERVICE_WINDOWS_UPDATE, UPD_KIND_DEFENDER},
        {"Update for Microsoft Defender Antivirus antimalware platform - KB4052623 (Version 4.18.24090.11)",
         "Critical Updates", "", UPD_KIND_DEFENDER},
        {"Definition Update for Windows Defender - KB915597 (Definition 1.231.0.0)", "", "", UPD_KIND_DEFENDER},
        {"2024-10 Windows Malicious Software Removal Tool x64 - v5.128 (KB890830)", "Update Rollups", "",
         UPD_KIND_MSRT},
        {"Windows Kötü Amaçlı Yazılımları Temizleme Aracı x64 - v5.128 (KB890830)", "", "", UPD_KIND_MSRT},
        {"2021-05 Update for Windows 10 Version 20H2 for x64-based Systems (KB4023057)", "", "", UPD_KIND_OTHER},
        {"Something (KB9999999)", "Definition Updates", "", UPD_KIND_DEFENDER},
        /* Store apps: the service ID, a product ID before the name, a package family. */
        {"9NZKPSTSNW4P-Microsoft.XboxGamingOverlay", "", "", UPD_KIND_STORE_APP},
        {"Anything at all", "", UPD_SERVICE_STORE, UPD_KIND_STORE_APP},
        {"Microsoft.WindowsStore_8wekyb3d8bbwe", "", "", UPD_KIND_STORE_APP},
        {"9nzkpstsnw4p-lowercase is not a product ID", "", "", UPD_KIND_OTHER},
        /* Drivers and feature updates. */
        {"Intel Corporation - Display - 31.0.101.4502", "", "", UPD_KIND_DRIVER},
        {"Realtek Semiconductor Corp. - Extension - 10.0.22000.21", "", "", UPD_KIND_DRIVER},
        {"Some driver", "Drivers", "", UPD_KIND_DRIVER},
        {"Windows 11, version 24H2", "", "", UPD_KIND_FEATURE},
        {"Windows 11, sürüm 24H2", "", "", UPD_KIND_FEATURE},
        {"Feature update to Windows 10, version 22H2", "", "", UPD_KIND_FEATURE},
        {"Windows 11", "Upgrades", "", UPD_KIND_FEATURE},
        /* Flash Player through Windows Update (a real 2017 PC's log): not a Windows patch. */
        {"2017-09 Security Update for Adobe Flash Player for Windows 10 Version 1703 for x64-based Systems (KB4038806)",
         "", "", UPD_KIND_OTHER},
        /* Neither: other. */
        {"Update for Windows Security platform - KB5007651 (Version 10.0.27840.1000)", "Updates", "", UPD_KIND_OTHER},
        {"", "", "", UPD_KIND_OTHER},
        {"2024-10 something without a KB for Windows", "", "", UPD_KIND_OTHER},
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct update_record r = rec(rows[i].title, rows[i].cats, rows[i].service);
        enum update_kind got = update_kind_of(&r);
        if (got != rows[i].kind)
            fprintf(stderr, "row %zu \"%s\": expected %s, got %s\n", i, rows[i].title,
                    update_kind_keyword(rows[i].kind), update_kind_keyword(got));
        CHECK_EQ_INT(rows[i].kind, got);
    }
}

static void helpers(void)
{
    struct update_record r = rec("Update (KB5044273) and KB123", "", "");
    char s[UPDATE_TITLE_LEN];

    CHECK_EQ_INT(5044273, update_kb_number(&r));
    updates_copy_text(r.kb, sizeof(r.kb), "890830;5044273");
    CHECK_EQ_INT(890830, update_kb_number(&r));
    r = rec("MKB5044273 is not a KB", "", "");
    CHECK_EQ_INT(0, update_kb_number(&r));
    r = rec("KB1234 is too short", "", "");
    CHECK_EQ_INT(0, update_kb_number(&r));

    CHECK_EQ_INT(202410, update_month("2024-10 Cumulative Update"));
    CHECK_EQ_INT(0, update_month("2024-13 Cumulative Update"));
    CHECK_EQ_INT(0, update_month("2024-10-Cumulative"));
    CHECK_EQ_INT(0, update_month("1999-10 old"));
    CHECK_EQ_INT(0, update_month(NULL));
    CHECK_EQ_INT(0, update_month("2024"));
    CHECK_EQ_INT(202410, update_month("x64 için Windows 10 2024-10 Toplu (KB5044273)"));
    CHECK_EQ_INT(202400, update_month("2024-x64 Windows 10 Version 22H2 11 Toplu (KB5046613)"));
    CHECK_EQ_INT(0, update_month("x2024-10 glued"));
    CHECK_EQ_INT(0, update_month("version 2024-10x"));
    CHECK(!update_series("x64 için Windows 10 2024-10 Toplu (KB5044273)", s, sizeof(s)));

    CHECK(update_series("2024-10 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5044273)", s,
                        sizeof(s)));
    CHECK_EQ_STR("Cumulative Update for Windows 10 Version 22H2 for x64-based Systems", s);
    {
        char t[UPDATE_TITLE_LEN];
        CHECK(update_series("2024-11 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5046613)",
                            t, sizeof(t)));
        CHECK_EQ_STR(s, t);
    }
    CHECK(!update_series("Windows 11, version 24H2", s, sizeof(s)));
    CHECK_EQ_STR("", s);
    CHECK(update_series("2024-10 x (KB1) tail", s, 4));
    CHECK_EQ_STR("x t", s);
    {
        /* A title that is only the month (found by fuzzing: the series was
         * read from one past its NUL); exactly sized so ASan sees it. */
        char only[8] = "2024-10";
        CHECK(!update_series(only, s, sizeof(s)));
        CHECK_EQ_STR("", s);
    }

    CHECK_EQ_STR("os_security", update_kind_keyword(UPD_KIND_OS_SECURITY));
    CHECK_EQ_STR("store_app", update_kind_keyword(UPD_KIND_STORE_APP));
    CHECK_EQ_STR("other", update_kind_keyword(UPD_KIND_COUNT));
}

static void records(void)
{
    struct update_record storage[2];
    struct update_list l = {0, 2, storage, false, false, false, false, false};
    char buf[8];

    CHECK(updates_append(&l) != NULL);
    CHECK(updates_append(&l) != NULL);
    CHECK(updates_append(&l) == NULL);
    CHECK(l.truncated);
    CHECK_EQ_INT(2, l.n);

    /* UTF-8 is cut on a character boundary: "ğ" is two bytes. */
    updates_copy_text(buf, 7, "abcdeğh");
    CHECK_EQ_STR("abcde", buf);
    updates_copy_text(buf, sizeof(buf), "abcdeğh");
    CHECK_EQ_STR("abcdeğ", buf);
    updates_copy_text(buf, sizeof(buf), NULL);
    CHECK_EQ_STR("", buf);

    {
        char g[UPDATE_GUID_LEN];
        updates_copy_guid(g, sizeof(g), "{9482F4B4-E343-43B6-B170-9A65BC822C77}");
        CHECK_EQ_STR(UPD_SERVICE_WINDOWS_UPDATE, g);
        updates_copy_guid(g, sizeof(g), "9482f4b4-e343-43b6-b170-9a65bc822c77");
        CHECK_EQ_STR(UPD_SERVICE_WINDOWS_UPDATE, g);
        updates_copy_guid(g, sizeof(g), "9482f4b4-e343-43b6-b170-9a65bc822c7");
        CHECK_EQ_STR("", g);
        updates_copy_guid(g, sizeof(g), "9482f4b4+e343-43b6-b170-9a65bc822c77");
        CHECK_EQ_STR("", g);
        updates_copy_guid(g, sizeof(g), "{9482f4b4-e343-43b6-b170-9a65bc822c77}x");
        CHECK_EQ_STR("", g);
        updates_copy_guid(g, sizeof(g), NULL);
        CHECK_EQ_STR("", g);
    }
}

int main(void)
{
    kinds();
    helpers();
    records();
    return test_summary("test_update_kind");
}
