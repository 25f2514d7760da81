/* What a user reads for the update states, from the real string table: the
 * tooltip's first word, the balloon's sentence for a failing cumulative
 * update with its explanation and next step, the servicing states, the
 * details window and the JSON fields. The summaries are given here as the
 * adapters would produce them (the adapters' own tests replay scenarios). */
#include <windows.h>
#include <string.h>

#include "health.h"
#include "report.h"
#include "test.h"

#define DAY_MS (24ull * 60 * 60 * 1000)
#define NOW 1764000000000ull /* 2025-11-24T16:00:00Z */
#define CU "2025-11 Cumulative Update for Windows 11 Version 25H2 for x64-based Systems (KB5068861)"

static struct health_snapshot base(void)
{
    struct health_snapshot s;
    ZeroMemory(&s, sizeof(s));
    s.taken_ms = NOW;
    s.os_build = 26200;
    for (int i = 0; i < SVC_COUNT; i++) {
        s.svc[i].presence = SVC_PRESENT;
        s.svc[i].state = SVC_STOPPED;
        s.svc[i].start = SVC_START_DEMAND;
    }
    s.sig.read = true;
    s.wua.read_ms = NOW;
    s.wua.available = true;
    s.wua.last_search_ms = NOW - DAY_MS;
    s.wua.last_install_ms = NOW - DAY_MS / 2;
    s.patches.history_read = true;
    s.patches.system_log_read = true;
    s.patches.last_patch_ms = NOW - 12 * DAY_MS;
    strcpy(s.patches.last_patch_title, "2025-10 Cumulative Update for Windows 11 Version 25H2 (KB5066835)");
    s.patches.installed_ms[UPD_KIND_OS_SECURITY] = s.patches.last_patch_ms;
    s.patches.installed_ms[UPD_KIND_DEFENDER] = NOW - DAY_MS / 2;
    s.pc.os.read = true;
    s.pc.os.build = 26200;
    s.pc.os.ubr = 7171;
    strcpy(s.pc.os.display_version, "25H2");
    strcpy(s.pc.os.edition, "Professional");
    strcpy(s.pc.os.installation_type, "Client");
    s.pc.disk.known = true;
    s.pc.disk.free_bytes = 80ull << 30;
    s.pc.hold.read = true;
    return s;
}

static void has(const char *what, const char *text, const char *needle)
{
    if (strstr(text, needle)) test_passed++;
    else TEST_FAIL_AT("%s: \"%s\" not in \"%s\"", what, needle, text);
}

static void has_w(const char *what, const wchar_t *text, const wchar_t *needle)
{
    if (wcsstr(text, needle)) test_passed++;
    else TEST_FAIL_AT("%s: \"%ls\" not in \"%ls\"", what, needle, text);
}

int wmain(void)
{
    static char json[32768];
    static wchar_t head[128], why[4096], signals[4096];
    struct health_snapshot s = base();
    struct health_result r;
    wchar_t text[512];

    /* A service starting while nothing says when Windows last searched:
     * Working, at level unknown. The icon is the working one (it was the
     * grey "?" while the icon went by the level). */
    s.svc[SVC_WUAUSERV].state = SVC_START_PENDING;
    s.svc[SVC_WUAUSERV].wait_hint_ms = 30000;
    s.wua.available = false;
    s.patches.history_read = s.patches.system_log_read = false;
    s.sig.last_search_ms = 0;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_WORKING, r.state);
    CHECK_EQ_INT(HEALTH_UNKNOWN, r.level);
    CHECK_EQ_INT(ICON_WORKING, health_state_icon(r.state));
    s = base();

    /* Healthy: OK, and the newest patch and the support end are said. */
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_OK, r.state);
    report_details(&s, &r, head, ARRAYSIZE(head), why, ARRAYSIZE(why), signals, ARRAYSIZE(signals));
    has_w("details: heading", head, L"Windows Update: OK");
    has_w("details: patch", why, L"Newest security update, installed on 11/12/2025: 2025-10 Cumulative Update");
    has_w("details: supported", why, L"Windows 11 25H2 gets security updates until 10/12/2027.");
    has_w("details: Defender is a fact", signals, L"Defender definitions and platform: installed 11/24/2025; last failure none");
    has_w("details: windows", signals, L"Windows: Windows 11 25H2 (build 26200.7171, Professional)");
    has_w("details: sources", signals, L"Update history: read; System log: read; Operational log: not available");
    has_w("details: disk", signals, L"Free space on the system drive: 80 GB");
    has_w("details: hold", signals, L"Safeguard hold: none");
    has_w("details: services", signals, L"(wuauserv): stopped, start type manual");

    /* Failing: the cumulative update failed three times; the balloon names
     * it, the error, what it means and the next step. */
    s.patches.failing.count = 3;
    s.patches.failing.first_ms = NOW - 20 * DAY_MS;
    s.patches.failing.last_ms = NOW - DAY_MS;
    s.patches.failing.code = 0x800F0922u;
    s.patches.failing.what = UPD_INSTALL_FAILED;
    strcpy(s.patches.failing.title, CU);
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_FAILING, r.state);
    report_tooltip(&r, text, ARRAYSIZE(text));
    has_w("tooltip", text, L"Failing");
    has_w("tooltip: the update by its KB (a tooltip holds 127 characters)", text,
          L"KB5068861 has failed 3 times since 11/4/2025 (error 0x800F0922).");
    CHECK(wcslen(text) <= REPORT_TIP_MAX);
    has_w("tooltip: the count of further reasons stays", text, L"(+");
    {
        wchar_t title[64];
        report_balloon(&r, title, ARRAYSIZE(title), text, ARRAYSIZE(text));
        CHECK(wcscmp(title, L"Windows Update: Failing") == 0);
        CHECK(wcslen(text) <= REPORT_BALLOON_MAX);
        /* The whole title, the meaning and the next step are 330 characters:
         * the balloon keeps the KB number, the count, the error and the step. */
        CHECK(wcscmp(text, L"KB5068861 has failed 3 times since 11/4/2025 (error 0x800F0922). Disconnect any VPN, restart the PC and try again. If the error comes back, "
                           L"run the Windows Update troubleshooter from this menu.") == 0 ||
              (fwprintf(stderr, L"balloon: %ls\n", text), 0));
    }
    report_summary(&r, text, ARRAYSIZE(text));
    has_w("balloon", text, L"2025-11 Cumulative Update for Windows 11 Version 25H2 for x64-based Systems (KB5068861) has "
                           L"failed 3 times since 11/4/2025 (error 0x800F0922).");
    CHECK(report_json(&s, &r, json, sizeof(json)));
    has("json", json, "\"state\":\"failing\"");
    has("json", json, "\"code\":\"patch_failing\"");
    has("json", json, "\"error\":\"0x800F0922\"");
    has("json", json, "\"count\":3");
    has("json", json, "\"failing\":{\"title\":\"" CU "\",\"attempts\":3,\"first\":\"2025-11-04T16:00:00Z\"");
    has("json", json, "\"last_search_source\":\"agent\"");
    has("json", json, "\"windows\":{\"name\":\"Windows 11 25H2\",\"build\":26200,\"ubr\":7171");
    has("json", json, "\"disk_free_gb\":80");
    has("json", json, "\"safeguard_hold\":null");
    s.patches.failing.count = 1;
    s.patches.failing.first_ms = s.patches.failing.last_ms;
    health_evaluate(&s, NULL, &r);
    report_summary(&r, text, ARRAYSIZE(text));
    has_w("balloon, once", text, L"(KB5068861) failed on 11/23/2025 (error 0x800F0922).");
    s.patches.failing.count = 0;

    /* Out of support: the state, the date and the next step. */
    s = base();
    s.pc.os.build = 19045;
    strcpy(s.pc.os.display_version, "22H2");
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_UNSUPPORTED, r.state);
    CHECK_EQ_INT(HEALTH_BROKEN, r.level);
    report_tooltip(&r, text, ARRAYSIZE(text));
    has_w("tooltip, unsupported", text, L"No longer gets security updates");
    report_summary(&r, text, ARRAYSIZE(text));
    has_w("balloon, unsupported", text, L"Windows 10 22H2 no longer gets security updates: they ended on 10/14/2025.");
    has_w("balloon, ESU next step", text, L"Extended Security Updates");
    CHECK(report_json(&s, &r, json, sizeof(json)));
    has("json, unsupported", json, "\"state\":\"unsupported\"");
    has("json, esu", json, "\"esu\":{\"commercial_year\":\"unavailable\",\"consumer\":\"unavailable\"}");
    s.pc.esu.commercial_read = true;
    s.pc.esu.commercial_year = 2;
    s.taken_ms = 1796000000000ull; /* 2026-11-30 */
    s.wua.read_ms = 0; /* not asked yet (the tray asks 10 s after it starts): nothing read */
    ZeroMemory(&s.patches, sizeof(s.patches));
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_OK, r.state);
    report_details(&s, &r, head, ARRAYSIZE(head), why, ARRAYSIZE(why), signals, ARRAYSIZE(signals));
    has_w("details: ESU", why, L"Windows 10 22H2 gets security updates through Extended Security Updates until 10/12/2027");
    has_w("details: ESU line", signals, L"Extended Security Updates: commercial, year 2");
    has_w("details: not asked", signals, L"Update history: not asked yet");

    /* Stalled: no OS patch for 50 days; Defender yesterday does not count. */
    s = base();
    s.patches.last_patch_ms = NOW - 50 * DAY_MS;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_STALLED, r.state);
    report_tooltip(&r, text, ARRAYSIZE(text));
    has_w("tooltip, stalled", text, L"Stalled");
    has_w("tooltip, stalled date", text, L"since 10/5/2025");
    report_state_line(&s, &r, text, ARRAYSIZE(text));
    has_w("state line", text, L"critical wuauserv=stopped UsoSvc=stopped state=stalled");

    /* Low disk space and a safeguard hold. */
    s = base();
    s.pc.disk.free_bytes = 6ull << 30;
    s.pc.hold.held = true;
    strcpy(s.pc.hold.target, "GE25H2"); /* 25H2 held back on a 24H2 PC */
    s.pc.os.build = 26100;
    strcpy(s.pc.os.display_version, "24H2");
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_ATTENTION, r.state);
    report_summary(&r, text, ARRAYSIZE(text));
    has_w("balloon, disk", text, L"Only 6 GB are free on the system drive");
    has_w("balloon, disk next", text, L"Storage");
    report_details(&s, &r, head, ARRAYSIZE(head), why, ARRAYSIZE(why), signals, ARRAYSIZE(signals));
    has_w("details: hold", why, L"Microsoft is holding back GE25H2 on this PC");
    /* An indicator left behind for the version the PC runs says nothing. */
    strcpy(s.pc.hold.target, "GE24H2");
    health_evaluate(&s, NULL, &r);
    report_details(&s, &r, head, ARRAYSIZE(head), why, ARRAYSIZE(why), signals, ARRAYSIZE(signals));
    CHECK(wcsstr(why, L"holding back") == NULL);

    /* The agent and the logs unreadable: unknown, said plainly. */
    s = base();
    s.wua.available = false;
    s.patches.history_read = s.patches.system_log_read = false;
    s.sig.last_search_ms = NOW - 3 * DAY_MS;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_UNKNOWN, r.state);
    report_summary(&r, text, ARRAYSIZE(text));
    has_w("balloon, unknown", text, L"neither the update history nor the System log could be read");
    report_details(&s, &r, head, ARRAYSIZE(head), why, ARRAYSIZE(why), signals, ARRAYSIZE(signals));
    has_w("details: agent missing", signals, L"Windows Update Agent: not available");
    has_w("details: registry date", signals, L"Last successful search for updates: 11/21/2025 (registry)");

    /* A failed search with an unknown code still gets words. */
    s = base();
    s.patches.operational_log_read = true;
    s.patches.search_failed_ms = NOW - DAY_MS / 4;
    s.patches.search_failed_code = 0x8024ABCDu;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_FAILING, r.state);
    report_summary(&r, text, ARRAYSIZE(text));
    has_w("balloon, search failed", text, L"0x8024ABCD");
    CHECK(report_json(&s, &r, json, sizeof(json)));
    has("json, unknown code", json, "\"error_name\":null");
    has("json, search failed", json, "\"search_failed\":{\"date\":\"2025-11-24T10:00:00Z\",\"hresult\":\"0x8024ABCD\"}");

    /* Managed: neutral, and said so. */
    s = base();
    s.sig.managed = true;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(HEALTH_OK, r.level);
    report_tooltip(&r, text, ARRAYSIZE(text));
    has_w("tooltip, managed", text, L"Managed by your organisation");
    return test_summary("test_report");
}
