/* What a user reads for the update states, from the real string table: the
 * tooltip's first word, the balloon's sentence for a failure with its
 * explanation and next step, and the JSON fields. The update agent's history
 * is a stub under Wine, so the failure is given here as the agent would. */
#include <windows.h>
#include <string.h>

#include "health.h"
#include "report.h"
#include "test.h"

#define DAY_MS (24ull * 60 * 60 * 1000)
#define NOW 1764000000000ull /* 2025-11-24T16:00:00Z */

static struct health_snapshot base(void)
{
    struct health_snapshot s;
    ZeroMemory(&s, sizeof(s));
    s.taken_ms = NOW;
    s.os_build = 19045;
    for (int i = 0; i < SVC_COUNT; i++) {
        s.svc[i].presence = SVC_PRESENT;
        s.svc[i].state = SVC_STOPPED;
        s.svc[i].start = SVC_START_DEMAND;
    }
    s.sig.read = true;
    s.wua.read_ms = NOW;
    s.wua.available = true;
    s.wua.last_search_ms = NOW - DAY_MS;
    s.wua.last_install_ms = NOW - 5 * DAY_MS;
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
    static char json[8192];
    struct health_snapshot s = base();
    struct health_result r;
    wchar_t text[512];

    /* Failing: the last installation failed because the server's name did not resolve. */
    s.wua.history_known = true;
    s.wua.last_op_failed = true;
    s.wua.last_op_hresult = 0x8024402Cu;
    s.wua.last_op_ms = NOW - DAY_MS / 2;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_FAILING, r.state);
    report_tooltip(&r, text, ARRAYSIZE(text));
    has_w("tooltip", text, L"Failing");
    report_summary(&r, text, ARRAYSIZE(text));
    has_w("balloon", text, L"The last update attempt (2025-11-24) failed with error 0x8024402C.");
    has_w("balloon: the next step", text, L"internet");
    CHECK(report_json(&s, &r, json, sizeof(json)));
    has("json", json, "\"state\":\"failing\"");
    has("json", json, "\"code\":\"last_operation_failed\"");
    has("json", json, "\"error\":\"0x8024402C\"");
    has("json", json, "\"error_name\":\"WU_E_PT_WINHTTP_NAME_NOT_RESOLVED\"");
    has("json", json, "\"next_step\":");
    has("json", json, "\"last_operation\":{\"failed\":true,\"hresult\":\"0x8024402C\"");
    has("json", json, "\"last_search_source\":\"agent\"");
    {
        /* The details window: the state, every reason with the explanation,
         * and every signal with its value and source. */
        static wchar_t head[128], why[2048], signals[2048];
        report_details(&s, &r, head, ARRAYSIZE(head), why, ARRAYSIZE(why), signals, ARRAYSIZE(signals));
        has_w("details: heading", head, L"Windows Update: Failing");
        has_w("details: why", why, L"failed with error 0x8024402C");
        has_w("details: why explains", why, L"\n");
        has_w("details: agent", signals, L"Windows Update Agent: available");
        has_w("details: search and its source", signals,
              L"Last successful search for updates: 2025-11-23 (Windows Update Agent)");
        has_w("details: history", signals, L"Last update attempt: failed on 2025-11-24 with error 0x8024402C");
        has_w("details: services", signals, L"(wuauserv): stopped, start type manual");
        has_w("details: policies", signals, L"Policies that turn updating off: none");
        s.wua.available = false;
        s.wua.history_known = false;
        s.sig.last_search_ms = NOW - 3 * DAY_MS;
        health_evaluate(&s, NULL, &r);
        report_details(&s, &r, head, ARRAYSIZE(head), why, ARRAYSIZE(why), signals, ARRAYSIZE(signals));
        has_w("details: agent missing", signals, L"Windows Update Agent: not available");
        has_w("details: registry date", signals, L"Last successful search for updates: 2025-11-21 (registry)");
        has_w("details: install unknown", signals, L"Last successful installation of updates: not available");
        has_w("details: no history", signals, L"Update history: not available");
        s.wua.read_ms = 0; /* not asked yet (the tray asks 10 s after it starts) */
        report_details(&s, &r, head, ARRAYSIZE(head), why, ARRAYSIZE(why), signals, ARRAYSIZE(signals));
        has_w("details: agent not asked", signals, L"Windows Update Agent: not asked yet");
        has_w("details: history not asked", signals, L"Update history: not asked yet");
        has_w("details: events not asked", signals, L"Unresolved failures in the update event log: not asked yet");
        s = base();
        s.wua.history_known = true;
        s.wua.last_op_failed = true;
        s.wua.last_op_ms = NOW - DAY_MS / 2;
    }

    /* An unknown code still gets words and a next step. */
    s.wua.last_op_hresult = 0x8024ABCDu;
    health_evaluate(&s, NULL, &r);
    report_summary(&r, text, ARRAYSIZE(text));
    has_w("balloon, unknown code", text, L"0x8024ABCD");
    CHECK(report_json(&s, &r, json, sizeof(json)));
    has("json, unknown code", json, "\"error_name\":null");

    /* The event log's failure, newer than the history's: its code, in JSON and details. */
    s = base();
    s.ev.read = true;
    s.ev.last_failure_ms = NOW - DAY_MS / 4;
    s.ev.last_failure_op = WU_OP_DOWNLOAD;
    s.ev.last_failure_code = 0x80240034u;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(STATE_FAILING, r.state);
    CHECK(report_json(&s, &r, json, sizeof(json)));
    has("json: event log", json,
        "\"event_log\":{\"last_failure\":{\"operation\":\"download\",\"hresult\":\"0x80240034\",\"date\":\"2025-11-24T10:00:00Z\"},\"updates_found\":null}");
    has("json: the reason's name", json, "\"error_name\":\"WU_E_DOWNLOAD_FAILED\"");

    /* Stalled: the tooltip names the state and the date. */
    s = base();
    s.wua.last_search_ms = NOW - 10 * DAY_MS;
    health_evaluate(&s, NULL, &r);
    report_tooltip(&r, text, ARRAYSIZE(text));
    has_w("tooltip, stalled", text, L"Stalled");
    has_w("tooltip, stalled", text, L"since 2025-11-14");
    report_state_line(&s, &r, text, ARRAYSIZE(text));
    has_w("state line", text, L"critical wuauserv=stopped UsoSvc=stopped state=stalled");

    /* Managed: neutral, and said so. */
    s.sig.managed = true;
    health_evaluate(&s, NULL, &r);
    CHECK_EQ_INT(HEALTH_OK, r.level);
    report_tooltip(&r, text, ARRAYSIZE(text));
    has_w("tooltip, managed", text, L"Managed by your organisation");
    return test_summary("test_report");
}
