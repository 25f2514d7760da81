/* The patch rules over records as the adapters give them: the scenarios of
 * the patch-truth issue (a cumulative update failing for weeks while
 * Defender definitions install daily; only a Store app failing; searches
 * that find nothing and an old OS update), what replaces a failure, the
 * thresholds and the neutral states. "Now" is T0; times are days before it. */
#include "patches.h"
#include "readings.h"
#include "test.h"

#define DAY (24ll * 60 * 60 * 1000)
#define AGO(ms) ((uint64_t)((long long)T0 - (ms)))

#define CU_NOV "2026-11 Cumulative Update for Windows 11 Version 25H2 for x64-based Systems (KB5070001)"
#define CU_OCT "2026-10 Cumulative Update for Windows 11 Version 25H2 for x64-based Systems (KB5066001)"
#define CU_DEC "2026-12 Cumulative Update for Windows 11 Version 25H2 for x64-based Systems (KB5072001)"
#define NET_NOV "2026-11 Cumulative Update for .NET Framework 3.5 and 4.8.1 for Windows 11, version 25H2 for x64 (KB5070100)"
#define DEFENDER "Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.441.1.0)"
#define STORE "9NZKPSTSNW4P-Microsoft.XboxGamingOverlay"
#define CU_ID "5d5a9a7e-1111-4a4a-9b9b-000000000001"

static struct update_record storage[256];
static struct update_list list;

static void reset(void)
{
    memset(&list, 0, sizeof(list));
    list.r = storage;
    list.cap = sizeof(storage) / sizeof(storage[0]);
    list.history_read = true;
    list.system_log_read = true;
    list.operational_log_read = true;
}

static struct update_record *add(enum update_what what, enum update_source src, uint64_t t, const char *title,
                                 uint32_t code)
{
    struct update_record *r = updates_append(&list);
    r->what = what;
    r->source = src;
    r->time_ms = t;
    r->hresult = code;
    updates_copy_text(r->title, sizeof(r->title), title);
    if (src != UPD_FROM_HISTORY) updates_copy_text(r->service_id, sizeof(r->service_id), UPD_SERVICE_WINDOWS_UPDATE);
    return r;
}

static struct update_record *search(uint64_t t, uint32_t count, const char *service)
{
    struct update_record *r = add(UPD_SEARCH_DONE, UPD_FROM_OPERATIONAL_LOG, t, "", 0);
    r->count = count;
    updates_copy_text(r->service_id, sizeof(r->service_id), service);
    return r;
}

/* Summarises the list, evaluates, and returns the result. */
static struct health_result judge(struct patch_summary *p, bool neutral, uint32_t age_days)
{
    struct health_result res;
    struct patch_context c = {T0, age_days, neutral, 0};

    memset(&res, 0, sizeof(res));
    patches_summarize(&list, p);
    patches_evaluate(p, &c, &res);
    health_finish(&res);
    return res;
}

static const struct health_reason *find(const struct health_result *res, enum reason_kind k)
{
    for (unsigned i = 0; i < res->n_reasons; i++)
        if (res->reasons[i].kind == k) return &res->reasons[i];
    return NULL;
}

/* A cumulative update failing with 0x800F0922 for three weeks while
 * Defender definitions install every day: Failing, naming the update. */
static void cumulative_failing_defender_daily(void)
{
    struct patch_summary p;
    struct health_result res;
    const struct health_reason *r;

    reset();
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(40 * DAY), CU_OCT, 0);
    for (int d = 0; d < 21; d++) add(UPD_INSTALLED, UPD_FROM_SYSTEM_LOG, AGO(d * DAY + 3600000), DEFENDER, 0);
    for (int w = 0; w < 3; w++) {
        /* Each attempt is in the history and in the System log, a few seconds apart. */
        struct update_record *h = add(UPD_INSTALL_FAILED, UPD_FROM_HISTORY, AGO((21 - w * 7) * DAY), CU_NOV, 0x800F0922u);
        struct update_record *e = add(UPD_INSTALL_FAILED, UPD_FROM_SYSTEM_LOG, AGO((21 - w * 7) * DAY) + 5000, CU_NOV,
                                      0x800F0922u);
        updates_copy_text(h->update_id, sizeof(h->update_id), CU_ID);
        updates_copy_text(e->update_id, sizeof(e->update_id), CU_ID);
    }
    res = judge(&p, false, 0);
    CHECK_EQ_INT(STATE_FAILING, res.state);
    CHECK_EQ_INT(HEALTH_BROKEN, res.level);
    r = find(&res, REASON_PATCH_FAILING);
    CHECK(r != NULL);
    if (!r) return;
    CHECK_EQ_INT(3, r->count);
    CHECK_EQ_INT(AGO(21 * DAY), r->when_ms);
    CHECK_EQ_INT(0x800F0922u, r->code);
    CHECK_EQ_STR(CU_NOV, r->subject);
    CHECK_EQ_INT(REASON_PATCH_FAILING, res.reasons[0].kind);
    /* Defender is a fact, not the newest patch. */
    CHECK_EQ_INT(AGO(40 * DAY), p.last_patch_ms);
    CHECK_EQ_INT(AGO(3600000), p.installed_ms[UPD_KIND_DEFENDER]);
    CHECK(find(&res, REASON_LAST_PATCH) != NULL);
}

static void only_store_failing(void)
{
    struct patch_summary p;
    struct health_result res;
    struct update_record *r;

    reset();
    add(UPD_INSTALLED, UPD_FROM_SYSTEM_LOG, AGO(10 * DAY), CU_NOV, 0);
    r = add(UPD_INSTALL_FAILED, UPD_FROM_SYSTEM_LOG, AGO(1 * DAY), STORE, 0x80073CF9u);
    updates_copy_text(r->service_id, sizeof(r->service_id), UPD_SERVICE_STORE);
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_FAILING) == NULL);
    CHECK_EQ_INT(STATE_OK, res.state);
    CHECK_EQ_INT(HEALTH_OK, res.level);
    CHECK_EQ_INT(AGO(1 * DAY), p.failed_ms[UPD_KIND_STORE_APP]);
    CHECK_EQ_INT(0x80073CF9u, p.failed_code[UPD_KIND_STORE_APP]);
}

/* Searches that find nothing, many times a day; the last OS update 50 days
 * ago: Stalled, whatever else installs. */
static void searches_find_nothing_old_patch(void)
{
    struct patch_summary p;
    struct health_result res;
    const struct health_reason *r;

    reset();
    add(UPD_INSTALLED, UPD_FROM_SYSTEM_LOG, AGO(50 * DAY), CU_OCT, 0);
    for (int i = 0; i < 30; i++) search(AGO(i * DAY / 3), 0, UPD_SERVICE_WINDOWS_UPDATE);
    search(AGO(DAY / 2), 4, UPD_SERVICE_STORE); /* the Store found something: not Windows Update */
    add(UPD_INSTALLED, UPD_FROM_SYSTEM_LOG, AGO(DAY), DEFENDER, 0);
    res = judge(&p, false, 0);
    CHECK_EQ_INT(STATE_STALLED, res.state);
    r = find(&res, REASON_PATCH_STALLED);
    CHECK(r != NULL);
    if (r) {
        CHECK_EQ_INT(AGO(50 * DAY), r->when_ms);
        CHECK_EQ_STR(CU_OCT, r->subject);
    }
    CHECK_EQ_INT(0, p.updates_found_ms);
    CHECK_EQ_INT(AGO(0), p.last_search_ms);

    search(AGO(2 * DAY), 3, UPD_SERVICE_MICROSOFT_UPDATE);
    res = judge(&p, false, 0);
    CHECK_EQ_INT(AGO(2 * DAY), p.updates_found_ms);
}

static void boundaries(void)
{
    struct patch_summary p;
    struct health_result res;

    reset();
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(45 * DAY), CU_OCT, 0);
    res = judge(&p, false, 0);
    CHECK_EQ_INT(STATE_OK, res.state);
    CHECK(find(&res, REASON_LAST_PATCH) != NULL);
    reset();
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(45 * DAY + 1), CU_OCT, 0);
    res = judge(&p, false, 0);
    CHECK_EQ_INT(STATE_STALLED, res.state);
    /* A longer threshold from the settings. */
    res = judge(&p, false, 60);
    CHECK_EQ_INT(STATE_OK, res.state);
    /* Paused, managed or blocked by a policy: not a stall. */
    res = judge(&p, true, 0);
    CHECK_EQ_INT(STATE_OK, res.state);
    CHECK(find(&res, REASON_PATCH_STALLED) == NULL);
    /* A date in the future (the clock went back): not late. */
    reset();
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(-3 * DAY), CU_OCT, 0);
    res = judge(&p, false, 0);
    CHECK_EQ_INT(STATE_OK, res.state);
    /* A pause that ended 10 days ago: the 45 days count from its end. */
    reset();
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(50 * DAY), CU_OCT, 0);
    {
        struct patch_context c = {T0, 0, false, AGO(10 * DAY)};
        memset(&res, 0, sizeof(res));
        patches_summarize(&list, &p);
        patches_evaluate(&p, &c, &res);
        CHECK(find(&res, REASON_PATCH_STALLED) == NULL);
    }
}

/* What replaces a failed update, and what does not. */
static void resolution(void)
{
    struct patch_summary p;
    struct health_result res;
    struct update_record *r;

    /* Next month's cumulative update installs: resolved. */
    reset();
    add(UPD_INSTALL_FAILED, UPD_FROM_HISTORY, AGO(20 * DAY), CU_NOV, 0x800F0922u);
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(2 * DAY), CU_DEC, 0);
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_FAILING) == NULL);
    CHECK_EQ_INT(STATE_OK, res.state);

    /* The same update (UpdateID) installs on a retry: resolved. */
    reset();
    r = add(UPD_INSTALL_FAILED, UPD_FROM_HISTORY, AGO(5 * DAY), "Some title", 0x80070005u);
    updates_copy_text(r->update_id, sizeof(r->update_id), CU_ID);
    updates_copy_text(r->categories, sizeof(r->categories), "Security Updates;Windows 11");
    updates_copy_text(r->title, sizeof(r->title), "Security Update for Windows (KB5070001)");
    r = add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(4 * DAY), "Security Update for Windows (KB5070001)", 0);
    updates_copy_text(r->update_id, sizeof(r->update_id), CU_ID);
    updates_copy_text(r->categories, sizeof(r->categories), "Security Updates;Windows 11");
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_FAILING) == NULL);

    /* A Defender update or the .NET update installing afterwards is no fix
     * for the Windows cumulative update. */
    reset();
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(30 * DAY), CU_OCT, 0);
    add(UPD_INSTALL_FAILED, UPD_FROM_HISTORY, AGO(10 * DAY), CU_NOV, 0x800F0922u);
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(9 * DAY), NET_NOV, 0);
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(1 * DAY), DEFENDER, 0);
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_FAILING) != NULL);
    CHECK_EQ_INT(STATE_FAILING, res.state);
    CHECK_EQ_INT(1, p.failing.count);
    /* The .NET update is the newest patch, though. */
    CHECK_EQ_INT(AGO(9 * DAY), p.last_patch_ms);

    /* An older failure that the same series replaced, then a newer one that
     * nothing replaced: the count starts after the installation. */
    reset();
    add(UPD_INSTALL_FAILED, UPD_FROM_HISTORY, AGO(40 * DAY), CU_OCT, 0x80070002u);
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(35 * DAY), CU_OCT, 0);
    add(UPD_INSTALL_FAILED, UPD_FROM_HISTORY, AGO(12 * DAY), CU_NOV, 0x800F0922u);
    add(UPD_INSTALL_FAILED, UPD_FROM_HISTORY, AGO(3 * DAY), CU_NOV, 0x800F0922u);
    res = judge(&p, false, 0);
    CHECK_EQ_INT(2, p.failing.count);
    CHECK_EQ_INT(AGO(12 * DAY), p.failing.first_ms);

    /* A failure last tried longer ago than a patch cycle is no longer being
     * tried: a fact, not a verdict. */
    reset();
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(10 * DAY), NET_NOV, 0);
    add(UPD_INSTALL_FAILED, UPD_FROM_HISTORY, AGO(46 * DAY), CU_OCT, 0x800F0922u);
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_FAILING) == NULL);
    CHECK_EQ_INT(1, p.failing.count);

    /* Titles whose month a translation moved away (a Turkish PC's): the
     * next cumulative update, with a higher KB number, replaces the failed
     * one; an older KB does not. */
    reset();
    add(UPD_INSTALL_FAILED, UPD_FROM_SYSTEM_LOG, AGO(20 * DAY),
        "2024-x64 tabanlı Sistemler için Windows 10 Version 22H2 11 Toplu Güncelleştirmesi (KB5046613)", 0x800F0922u);
    add(UPD_INSTALLED, UPD_FROM_SYSTEM_LOG, AGO(10 * DAY),
        "2024-x64 tabanlı Sistemler için Windows 10 Version 22H2 10 Toplu Güncelleştirmesi (KB5044273)", 0);
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_FAILING) != NULL);
    CHECK_EQ_INT(AGO(10 * DAY), p.last_patch_ms);
    add(UPD_INSTALLED, UPD_FROM_SYSTEM_LOG, AGO(2 * DAY),
        "2024-x64 tabanlı Sistemler için Windows 10 Version 22H2 12 Toplu Güncelleştirmesi (KB5048652)", 0);
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_FAILING) == NULL);
    CHECK_EQ_INT(AGO(2 * DAY), p.last_patch_ms);

    /* A download failure of an OS update counts as an attempt too. */
    reset();
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(20 * DAY), CU_OCT, 0);
    add(UPD_DOWNLOAD_FAILED, UPD_FROM_OPERATIONAL_LOG, AGO(1 * DAY), CU_NOV, 0x80240034u);
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_FAILING) != NULL);
    CHECK_EQ_INT(UPD_DOWNLOAD_FAILED, p.failing.what);
}

static void sources(void)
{
    struct patch_summary p;
    struct health_result res;

    /* Neither the history nor the System log: wutray cannot tell. */
    reset();
    list.history_read = list.system_log_read = false;
    res = judge(&p, false, 0);
    CHECK_EQ_INT(STATE_UNKNOWN, res.state);
    CHECK(find(&res, REASON_PATCH_UNKNOWN) != NULL);
    /* Read, and no OS patch on record (only Defender): cannot tell when. */
    reset();
    list.system_log_read = false;
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(DAY), DEFENDER, 0);
    res = judge(&p, false, 0);
    CHECK_EQ_INT(STATE_UNKNOWN, res.state);
    CHECK(find(&res, REASON_PATCH_NONE) != NULL);
    /* Only the System log (the agent refused): enough. */
    reset();
    list.history_read = false;
    add(UPD_INSTALLED, UPD_FROM_SYSTEM_LOG, AGO(DAY), CU_NOV, 0);
    res = judge(&p, false, 0);
    CHECK_EQ_INT(STATE_OK, res.state);
    /* Records without a time are skipped. */
    reset();
    add(UPD_INSTALLED, UPD_FROM_HISTORY, 0, CU_NOV, 0);
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_NONE) != NULL);
}

/* The System log names an update by UpdateID and title only: it is
 * classified with the categories the agent gives for the same UpdateID
 * (here the waiting update), so a localised title without a month still
 * counts as the OS patch it is. */
static void shared_facts(void)
{
    static const char *title_tr = "Windows için Güvenlik Güncelleştirmesi"; /* no month, no KB */
    struct patch_summary p;
    struct health_result res;
    struct update_record *r;

    reset();
    list.pending_read = true;
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(10 * DAY), CU_OCT, 0);
    r = add(UPD_PENDING, UPD_FROM_SEARCH, AGO(20 * DAY), title_tr, 0);
    updates_copy_text(r->update_id, sizeof(r->update_id), CU_ID);
    updates_copy_text(r->categories, sizeof(r->categories), "Security Updates");
    updates_copy_text(r->service_id, sizeof(r->service_id), UPD_SERVICE_WINDOWS_UPDATE);
    for (int i = 0; i < 3; i++) {
        r = add(UPD_INSTALL_FAILED, UPD_FROM_SYSTEM_LOG, AGO((3 - i) * DAY), title_tr, 0x800F0922u);
        updates_copy_text(r->update_id, sizeof(r->update_id), CU_ID);
        r->service_id[0] = 0;
    }
    CHECK_EQ_INT(UPD_KIND_OTHER, update_kind_of(&list.r[list.n - 1]));
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_FAILING) == NULL); /* unclassified: not seen as a patch */

    updates_share_facts(&list);
    CHECK_EQ_INT(UPD_KIND_OS_SECURITY, update_kind_of(&list.r[list.n - 1]));
    CHECK_EQ_STR(UPD_SERVICE_WINDOWS_UPDATE, list.r[list.n - 1].service_id);
    CHECK_EQ_STR("Security Updates", list.r[list.n - 1].categories);
    CHECK_EQ_STR("", list.r[0].categories); /* the agent's own records are left alone */
    res = judge(&p, false, 0);
    CHECK_EQ_INT(STATE_FAILING, res.state);
    CHECK(find(&res, REASON_PATCH_FAILING) != NULL);
    if (find(&res, REASON_PATCH_FAILING)) CHECK_EQ_INT(3, find(&res, REASON_PATCH_FAILING)->count);

    /* Another UpdateID shares nothing. */
    reset();
    r = add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(DAY), title_tr, 0);
    updates_copy_text(r->update_id, sizeof(r->update_id), "5d5a9a7e-1111-4a4a-9b9b-000000000002");
    updates_copy_text(r->categories, sizeof(r->categories), "Security Updates");
    r = add(UPD_INSTALL_FAILED, UPD_FROM_SYSTEM_LOG, AGO(DAY), title_tr, 0x800F0922u);
    updates_copy_text(r->update_id, sizeof(r->update_id), CU_ID);
    updates_share_facts(&list);
    CHECK_EQ_STR("", list.r[1].categories);
}

static void searches(void)
{
    struct patch_summary p;

    reset();
    add(UPD_SEARCH_FAILED, UPD_FROM_OPERATIONAL_LOG, AGO(2 * DAY), "", 0x8024402Cu);
    judge(&p, false, 0);
    CHECK_EQ_INT(AGO(2 * DAY), p.search_failed_ms);
    CHECK_EQ_INT(0x8024402Cu, p.search_failed_code);
    search(AGO(1 * DAY), 0, UPD_SERVICE_WINDOWS_UPDATE);
    judge(&p, false, 0);
    CHECK_EQ_INT(0, p.search_failed_ms);
    /* A Store search is not Windows Update's. */
    reset();
    add(UPD_SEARCH_FAILED, UPD_FROM_OPERATIONAL_LOG, AGO(2 * DAY), "", 0x8024402Cu);
    search(AGO(1 * DAY), 0, UPD_SERVICE_STORE);
    judge(&p, false, 0);
    CHECK_EQ_INT(AGO(2 * DAY), p.search_failed_ms);
    CHECK_EQ_INT(0, p.last_search_ms);
}

static void waiting(void)
{
    struct patch_summary p;
    struct health_result res;
    struct update_record *r;

    reset();
    list.pending_read = true;
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(20 * DAY), CU_OCT, 0);
    r = add(UPD_PENDING, UPD_FROM_SEARCH, AGO(20 * DAY), CU_NOV, 0);
    updates_copy_text(r->severity, sizeof(r->severity), "Critical");
    r = add(UPD_PENDING, UPD_FROM_SEARCH, AGO(30 * DAY), "2026-10 Cumulative Update Preview for Windows 11 Version 25H2 (KB5067000)", 0);
    res = judge(&p, false, 0);
    CHECK_EQ_INT(1, p.pending_count);
    r = (struct update_record *)find(&res, REASON_PATCH_WAITING);
    CHECK(r != NULL);
    if (r) CHECK_EQ_INT(AGO(20 * DAY), ((const struct health_reason *)r)->when_ms);
    CHECK_EQ_INT(STATE_ATTENTION, res.state);
    CHECK_EQ_INT(HEALTH_ATTENTION, res.level);
    /* 14 days exactly: not yet. */
    reset();
    list.pending_read = true;
    add(UPD_INSTALLED, UPD_FROM_HISTORY, AGO(20 * DAY), CU_OCT, 0);
    r = add(UPD_PENDING, UPD_FROM_SEARCH, AGO(14 * DAY), CU_NOV, 0);
    updates_copy_text(r->severity, sizeof(r->severity), "Important");
    res = judge(&p, false, 0);
    CHECK(find(&res, REASON_PATCH_WAITING) == NULL);
    CHECK_EQ_INT(STATE_OK, res.state);
}

int main(void)
{
    cumulative_failing_defender_daily();
    only_store_failing();
    searches_find_nothing_old_patch();
    boundaries();
    resolution();
    sources();
    shared_facts();
    searches();
    waiting();
    return test_summary("test_patches");
}
