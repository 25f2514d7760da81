/* Table tests of the servicing rules: every row of the table, the dates the
 * facts guide lists (computed here with a date function of our own, so a
 * wrong table date and a wrong date function both fail), the edition
 * groups, end of service / ending soon / supported / ESU / unknown builds
 * with their boundaries, low disk space and safeguard holds. */
#include "servicing.h"
#include "test.h"

#define DAY (24ull * 60 * 60 * 1000)
#define HOUR (60ull * 60 * 1000)

/* Days since 1970-01-01 by counting years and months: deliberately not the
 * days_from_civil arithmetic servicing.c uses. */
static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static uint64_t days_since_epoch(int y, int m, int d)
{
    static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    uint64_t n = 0;

    for (int i = 1970; i < y; i++) n += leap(i) ? 366 : 365;
    for (int i = 1; i < m; i++) n += (uint64_t)month_days[i - 1] + (i == 2 && leap(y));
    return n + (uint64_t)(d - 1);
}

static uint64_t ymd(int y, int m, int d)
{
    return days_since_epoch(y, m, d) * DAY;
}

#define NOON(y, m, d) (ymd(y, m, d) + 12 * HOUR)
#define TODAY NOON(2026, 12, 1)

/* The date function itself, against values worked out by hand. */
static void own_dates(void)
{
    CHECK_EQ_INT(0, ymd(1970, 1, 1));
    CHECK_EQ_INT(59, days_since_epoch(1970, 3, 1));
    CHECK_EQ_INT(10957, days_since_epoch(2000, 1, 1));
    CHECK_EQ_INT(11017, days_since_epoch(2000, 3, 1)); /* 2000 is a leap year */
    CHECK_EQ_INT(1700000000000ull / DAY, days_since_epoch(2023, 11, 14));
    CHECK_EQ_INT(20438, days_since_epoch(2025, 12, 16));
}

/* Every end date is a Patch Tuesday: the second Tuesday of its month. */
static bool patch_tuesday(uint64_t ms)
{
    uint64_t days = ms / DAY;
    int weekday = (int)((days + 4) % 7); /* 1970-01-01 was a Thursday; 0 = Sunday */
    int y = 1970, m = 1;

    if (ms % DAY) return false;
    while (days_since_epoch(y + 1, 1, 1) <= days) y++;
    while (m < 12 && days_since_epoch(y, m + 1, 1) <= days) m++;
    {
        uint64_t dom = days - days_since_epoch(y, m, 1) + 1;
        return weekday == 2 && dom >= 8 && dom <= 14;
    }
}

static void every_row(void)
{
    size_t n = servicing_row_count();
    uint32_t prev = 0;

    CHECK(n > 0);
    for (size_t i = 0; i < n; i++) {
        const struct servicing_row *r = servicing_row_at(i);
        int failed_before = test_failed;

        CHECK(r != NULL);
        if (!r) continue;
        CHECK(r->build > prev);
        prev = r->build;
        CHECK(r->name != NULL && r->name[0] != 0);
        CHECK(r->home_pro_end != 0);
        CHECK(r->enterprise_end != 0);
        if (r->home_pro_end && r->enterprise_end) CHECK(r->home_pro_end <= r->enterprise_end);
        if (r->ltsc_end) CHECK(r->enterprise_end <= r->ltsc_end);
        if (r->iot_ltsc_end && r->ltsc_end) CHECK(r->ltsc_end <= r->iot_ltsc_end);
        CHECK(patch_tuesday(r->home_pro_end));
        CHECK(patch_tuesday(r->enterprise_end));
        if (r->ltsc_end) CHECK(patch_tuesday(r->ltsc_end));
        if (r->iot_ltsc_end) CHECK(patch_tuesday(r->iot_ltsc_end));
        CHECK(servicing_row_for(r->build) == r);
        if (test_failed != failed_before) fprintf(stderr, "  in row %zu: build %u\n", i, (unsigned)r->build);
    }
    CHECK(servicing_row_at(n) == NULL);
    CHECK_EQ_INT(prev, servicing_newest_build());
    CHECK(servicing_row_for(0) == NULL);
    CHECK(servicing_row_for(12345) == NULL);
    CHECK(servicing_row_for(27000) == NULL);
}

/* The rows the facts guide lists ("Servicing"), date by date. */
static void guide_rows(void)
{
    static const struct {
        uint32_t build;
        const char *name;
        int hp[3], ee[3], ltsc[3]; /* ltsc {0}: not checked */
    } guide[] = {
        {19045, "Windows 10 22H2", {2025, 10, 14}, {2025, 10, 14}, {0}},
        {22000, "Windows 11 21H2", {2023, 10, 10}, {2024, 10, 8}, {0}},
        {22621, "Windows 11 22H2", {2024, 10, 8}, {2025, 10, 14}, {0}},
        {22631, "Windows 11 23H2", {2025, 11, 11}, {2026, 11, 10}, {0}},
        {26100, "Windows 11 24H2", {2026, 10, 13}, {2027, 10, 12}, {2029, 10, 9}},
        {26200, "Windows 11 25H2", {2027, 10, 12}, {2028, 10, 10}, {0}},
        {28000, "Windows 11 26H1", {2028, 3, 14}, {2029, 3, 13}, {0}},
    };

    for (size_t i = 0; i < sizeof(guide) / sizeof(guide[0]); i++) {
        const struct servicing_row *r = servicing_row_for(guide[i].build);
        int failed_before = test_failed;

        CHECK(r != NULL);
        if (!r) continue;
        CHECK_EQ_STR(guide[i].name, r->name);
        CHECK_EQ_INT(ymd(guide[i].hp[0], guide[i].hp[1], guide[i].hp[2]), r->home_pro_end);
        CHECK_EQ_INT(ymd(guide[i].ee[0], guide[i].ee[1], guide[i].ee[2]), r->enterprise_end);
        if (guide[i].ltsc[0]) CHECK_EQ_INT(ymd(guide[i].ltsc[0], guide[i].ltsc[1], guide[i].ltsc[2]), r->ltsc_end);
        if (test_failed != failed_before) fprintf(stderr, "  in guide row: build %u\n", (unsigned)guide[i].build);
    }
    /* Windows 10 LTSC 2021 is build 19044 (21H2). */
    {
        const struct servicing_row *r = servicing_row_for(19044);
        CHECK(r != NULL);
        if (r) CHECK_EQ_INT(ymd(2027, 1, 12), r->ltsc_end);
    }
    CHECK_EQ_INT(28000, servicing_newest_build());
}

static void edition_groups(void)
{
    static const struct {
        const char *edition;
        enum edition_group group;
    } cases[] = {
        {"Core", EDITION_HOME_PRO},
        {"CoreN", EDITION_HOME_PRO},
        {"CoreSingleLanguage", EDITION_HOME_PRO},
        {"Professional", EDITION_HOME_PRO},
        {"ProfessionalWorkstation", EDITION_HOME_PRO},
        {"ProfessionalEducation", EDITION_HOME_PRO},
        {"Enterprise", EDITION_ENTERPRISE},
        {"EnterpriseN", EDITION_ENTERPRISE},
        {"Education", EDITION_ENTERPRISE},
        {"IoTEnterprise", EDITION_ENTERPRISE},
        {"EnterpriseS", EDITION_LTSC},
        {"EnterpriseSN", EDITION_LTSC},
        {"IoTEnterpriseS", EDITION_IOT_LTSC},
        {"ServerRdsh", EDITION_ENTERPRISE},
        {"", EDITION_HOME_PRO},
        {"SomethingNew", EDITION_HOME_PRO},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int failed_before = test_failed;
        CHECK_EQ_INT(cases[i].group, servicing_edition_group(cases[i].edition));
        if (test_failed != failed_before) fprintf(stderr, "  in edition: \"%s\"\n", cases[i].edition);
    }
    CHECK_EQ_INT(EDITION_HOME_PRO, servicing_edition_group(NULL));
}

enum esu_kind { NO_ESU, COMMERCIAL, CONSUMER };

struct eval_case {
    const char *name;
    uint32_t build;
    const char *edition;
    const char *installation_type; /* NULL: "Client" */
    bool unread;                   /* os.read false */
    enum esu_kind esu;
    uint8_t year;                  /* commercial */
    bool consumer_absent;          /* consumer: read, but not present */
    bool consumer_unread;
    uint32_t eligibility, result;  /* consumer */
    uint64_t now;                  /* 0: TODAY */
    /* expected: kind REASON_KIND_COUNT = no reason at all */
    enum reason_kind kind;
    enum health_level level;
    uint64_t when;
    const char *subject;
    uint32_t count;
    enum health_state state;
};

#define EOS(when_, subj) .kind = REASON_END_OF_SERVICE, .level = HEALTH_BROKEN, .when = (when_), .subject = (subj), \
                         .state = STATE_UNSUPPORTED
#define SOON(when_, subj) .kind = REASON_END_OF_SERVICE_SOON, .level = HEALTH_ATTENTION, .when = (when_), \
                          .subject = (subj), .state = STATE_ATTENTION
#define SUPPORTED(when_, subj) .kind = REASON_SUPPORTED, .level = HEALTH_OK, .when = (when_), .subject = (subj), \
                               .state = STATE_OK
#define ESU(when_, year_) .kind = REASON_ESU, .level = HEALTH_OK, .when = (when_), .subject = "Windows 10 22H2", \
                          .count = (year_), .state = STATE_OK
#define NEWER(build_) .kind = REASON_BUILD_NEWER, .level = HEALTH_OK, .when = 0, .subject = "", .count = (build_), \
                      .state = STATE_OK
#define NOTHING .kind = REASON_KIND_COUNT, .level = HEALTH_OK, .state = STATE_OK

#define W10 "Windows 10 22H2"
#define W11_23H2 "Windows 11 23H2"

static void evaluate_cases(void)
{
    /* Automatic, not static: the dates are computed. */
    const struct eval_case eval_cases[] = {
        /* Windows 10 22H2 after 2025-10-14: ESU or nothing. */
        {"W10 22H2 Pro without ESU", 19045, "Professional", EOS(ymd(2025, 10, 14), W10)},
        {"W10 22H2 Home without ESU", 19045, "Core", EOS(ymd(2025, 10, 14), W10)},
        {"W10 22H2 Enterprise without ESU", 19045, "Enterprise", EOS(ymd(2025, 10, 14), W10)},
        {"W10 22H2 commercial ESU year 2", 19045, "Professional", .esu = COMMERCIAL, .year = 2,
         ESU(ymd(2027, 10, 12), 2)},
        {"W10 22H2 commercial ESU year 3", 19045, "Enterprise", .esu = COMMERCIAL, .year = 3, ESU(ymd(2028, 10, 10), 3)},
        {"W10 22H2 commercial ESU year 1 only (ended 2026-10-13)", 19045, "Professional", .esu = COMMERCIAL, .year = 1,
         EOS(ymd(2025, 10, 14), W10)},
        {"W10 22H2 commercial ESU year 1, on its last day", 19045, "Professional", .esu = COMMERCIAL, .year = 1,
         .now = NOON(2026, 10, 13), SOON(ymd(2026, 10, 13), W10), .count = 1},
        {"W10 22H2 commercial ESU year 1, the day after", 19045, "Professional", .esu = COMMERCIAL, .year = 1,
         .now = ymd(2026, 10, 14), EOS(ymd(2025, 10, 14), W10)},
        {"W10 22H2 commercial ESU year 2, 41 days before its end", 19045, "Professional", .esu = COMMERCIAL,
         .year = 2, .now = ymd(2027, 9, 1), SOON(ymd(2027, 10, 12), W10), .count = 2},
        {"W10 22H2 consumer ESU 3/1", 19045, "Core", .esu = CONSUMER, .eligibility = 3, .result = 1,
         ESU(ymd(2027, 10, 12), 0)},
        {"W10 22H2 consumer ESU 5/1", 19045, "Core", .esu = CONSUMER, .eligibility = 5, .result = 1,
         ESU(ymd(2027, 10, 12), 0)},
        {"W10 22H2 consumer ESU 11/1", 19045, "Professional", .esu = CONSUMER, .eligibility = 11, .result = 1,
         ESU(ymd(2027, 10, 12), 0)},
        {"W10 22H2 consumer ESU 12/1", 19045, "Professional", .esu = CONSUMER, .eligibility = 12, .result = 1,
         ESU(ymd(2027, 10, 12), 0)},
        {"W10 22H2 consumer eligibility 2: not enrolled", 19045, "Core", .esu = CONSUMER, .eligibility = 2,
         .result = 1, EOS(ymd(2025, 10, 14), W10)},
        {"W10 22H2 consumer result 0: not enrolled", 19045, "Core", .esu = CONSUMER, .eligibility = 3, .result = 0,
         EOS(ymd(2025, 10, 14), W10)},
        {"W10 22H2 consumer key not present", 19045, "Core", .esu = CONSUMER, .consumer_absent = true,
         .eligibility = 3, .result = 1, EOS(ymd(2025, 10, 14), W10)},
        {"W10 22H2 consumer key unreadable", 19045, "Core", .esu = CONSUMER, .consumer_unread = true,
         .eligibility = 3, .result = 1, EOS(ymd(2025, 10, 14), W10)},
        {"W10 22H2 commercial year 1 (over) and consumer: consumer", 19045, "Professional", .esu = CONSUMER,
         .year = 1, .eligibility = 3, .result = 1, ESU(ymd(2027, 10, 12), 0)},
        /* Windows 10 LTSC 2021. */
        {"W10 LTSC 2021: 42 days left", 19044, "EnterpriseS", SOON(ymd(2027, 1, 12), "Windows 10 21H2")},
        {"W10 LTSC 2021 N: 42 days left", 19044, "EnterpriseSN", SOON(ymd(2027, 1, 12), "Windows 10 21H2")},
        {"W10 21H2 Pro: long ended", 19044, "Professional", .kind = REASON_END_OF_SERVICE, .level = HEALTH_BROKEN,
         .when = 0, .subject = "Windows 10 21H2", .state = STATE_UNSUPPORTED},
        /* Windows 11. */
        {"W11 21H2 Enterprise", 22000, "Enterprise", EOS(ymd(2024, 10, 8), "Windows 11 21H2")},
        {"W11 22H2 Education", 22621, "Education", EOS(ymd(2025, 10, 14), "Windows 11 22H2")},
        {"W11 23H2 Pro", 22631, "Professional", EOS(ymd(2025, 11, 11), W11_23H2)},
        {"W11 23H2 Enterprise, ended 2026-11-10", 22631, "Enterprise", EOS(ymd(2026, 11, 10), W11_23H2)},
        {"W11 23H2 Enterprise on 2026-10-01: soon", 22631, "Enterprise", .now = NOON(2026, 10, 1),
         SOON(ymd(2026, 11, 10), W11_23H2)},
        {"W11 23H2 Enterprise on 2026-08-01: supported", 22631, "Enterprise", .now = NOON(2026, 8, 1),
         SUPPORTED(ymd(2026, 11, 10), W11_23H2)},
        {"W11 23H2 Enterprise exactly 60 days before: soon", 22631, "Enterprise",
         .now = ymd(2026, 11, 10) - 60 * DAY, SOON(ymd(2026, 11, 10), W11_23H2)},
        {"W11 23H2 Enterprise 60 days and 1 ms before: supported", 22631, "Enterprise",
         .now = ymd(2026, 11, 10) - 60 * DAY - 1, SUPPORTED(ymd(2026, 11, 10), W11_23H2)},
        {"W11 23H2 Enterprise at 00:00 of the last day: soon", 22631, "Enterprise", .now = ymd(2026, 11, 10),
         SOON(ymd(2026, 11, 10), W11_23H2)},
        {"W11 23H2 Enterprise at noon of the last day: soon", 22631, "Enterprise", .now = NOON(2026, 11, 10),
         SOON(ymd(2026, 11, 10), W11_23H2)},
        {"W11 23H2 Enterprise 1 ms before the day after: soon", 22631, "Enterprise", .now = ymd(2026, 11, 11) - 1,
         SOON(ymd(2026, 11, 10), W11_23H2)},
        {"W11 23H2 Enterprise the day after: ended", 22631, "Enterprise", .now = ymd(2026, 11, 11),
         EOS(ymd(2026, 11, 10), W11_23H2)},
        {"W11 24H2 Pro", 26100, "Professional", EOS(ymd(2026, 10, 13), "Windows 11 24H2")},
        {"W11 24H2 Pro for Workstations", 26100, "ProfessionalWorkstation", EOS(ymd(2026, 10, 13), "Windows 11 24H2")},
        {"W11 24H2 Enterprise", 26100, "Enterprise", SUPPORTED(ymd(2027, 10, 12), "Windows 11 24H2")},
        {"W11 24H2 IoT Enterprise", 26100, "IoTEnterprise", SUPPORTED(ymd(2027, 10, 12), "Windows 11 24H2")},
        {"W11 LTSC 2024", 26100, "EnterpriseS", SUPPORTED(ymd(2029, 10, 9), "Windows 11 24H2")},
        {"W11 25H2 Pro", 26200, "Professional", SUPPORTED(ymd(2027, 10, 12), "Windows 11 25H2")},
        {"W11 25H2 Education", 26200, "Education", SUPPORTED(ymd(2028, 10, 10), "Windows 11 25H2")},
        {"W11 25H2 Pro at noon of its last day: soon", 26200, "Professional", .now = NOON(2027, 10, 12),
         SOON(ymd(2027, 10, 12), "Windows 11 25H2")},
        {"W11 25H2 Pro the day after: ended", 26200, "Professional", .now = ymd(2027, 10, 13),
         EOS(ymd(2027, 10, 12), "Windows 11 25H2")},
        {"W11 26H1 Home", 28000, "Core", SUPPORTED(ymd(2028, 3, 14), "Windows 11 26H1")},
        {"W11 26H1 Enterprise", 28000, "Enterprise", SUPPORTED(ymd(2029, 3, 13), "Windows 11 26H1")},
        /* Unknown builds: information, never an alarm. */
        {"build 27000, not in the table", 27000, "Professional", NEWER(27000)},
        {"build 29000, newer than the table", 29000, "Enterprise", NEWER(29000)},
        /* Nothing about servicing. */
        {"Windows Server", 26100, "ServerStandard", .installation_type = "Server", NOTHING},
        {"Windows Server Core", 17763, "ServerDatacenter", .installation_type = "Server Core", NOTHING},
        {"version not read", 19045, "Professional", .unread = true, NOTHING},
        {"build 0", 0, "Professional", NOTHING},
    };

    for (size_t i = 0; i < sizeof(eval_cases) / sizeof(eval_cases[0]); i++) {
        const struct eval_case *c = &eval_cases[i];
        struct pc_info pc;
        struct servicing_context ctx = {c->now ? c->now : TODAY, 0};
        struct health_result res;
        int failed_before = test_failed;

        memset(&pc, 0, sizeof(pc));
        memset(&res, 0, sizeof(res));
        res.level = HEALTH_OK;
        pc.os.read = !c->unread;
        pc.os.build = c->build;
        snprintf(pc.os.edition, sizeof(pc.os.edition), "%s", c->edition);
        snprintf(pc.os.installation_type, sizeof(pc.os.installation_type), "%s",
                 c->installation_type ? c->installation_type : "Client");
        pc.esu.commercial_read = true;
        pc.esu.commercial_year = c->year;
        pc.esu.consumer_read = true;
        if (c->esu == CONSUMER) {
            pc.esu.consumer_read = !c->consumer_unread;
            pc.esu.consumer_present = !c->consumer_absent;
            pc.esu.consumer_eligibility = c->eligibility;
            pc.esu.consumer_eligibility_result = c->result;
        }
        servicing_evaluate(&pc, &ctx, &res);

        if (c->kind == REASON_KIND_COUNT) {
            CHECK_EQ_INT(0, res.n_reasons);
        } else {
            CHECK_EQ_INT(1, res.n_reasons);
            if (res.n_reasons >= 1) {
                const struct health_reason *r = &res.reasons[0];
                CHECK_EQ_STR(health_reason_code(c->kind), health_reason_code(r->kind));
                CHECK_EQ_STR(health_level_keyword(c->level), health_level_keyword(r->level));
                if (c->when) CHECK_EQ_INT(c->when, r->when_ms);
                CHECK_EQ_STR(c->subject, r->subject);
                CHECK_EQ_INT(c->count, r->count);
                CHECK_EQ_INT(0, r->code);
                CHECK_EQ_INT(SVC_COUNT, r->svc);
            }
        }
        CHECK_EQ_STR(health_level_keyword(c->level), health_level_keyword(res.level));
        health_finish(&res);
        CHECK_EQ_STR(health_state_keyword(c->state), health_state_keyword(res.state));
        if (test_failed != failed_before) fprintf(stderr, "  in case: %s\n", c->name);
    }
}

static void consumer_enrolment(void)
{
    struct esu_signals e;

    memset(&e, 0, sizeof(e));
    e.consumer_read = true;
    e.consumer_present = true;
    e.consumer_eligibility_result = 1;
    for (uint32_t v = 0; v <= 20; v++) {
        e.consumer_eligibility = v;
        CHECK_EQ_INT(v == 3 || v == 5 || v == 11 || v == 12, servicing_consumer_esu_enrolled(&e));
    }
    e.consumer_eligibility = 3;
    e.consumer_eligibility_result = 2;
    CHECK(!servicing_consumer_esu_enrolled(&e));
    e.consumer_eligibility_result = 1;
    e.consumer_present = false;
    CHECK(!servicing_consumer_esu_enrolled(&e));
    e.consumer_present = true;
    e.consumer_read = false;
    CHECK(!servicing_consumer_esu_enrolled(&e));
}

#define GIB (1ull << 30)

/* The PC's facts: low disk space and a safeguard hold (version not read, so
 * they are the only reasons). */
static void disk_and_hold(void)
{
    static const struct {
        const char *name;
        bool known;
        uint64_t free_bytes;
        uint32_t low_disk_gb;
        bool low;
        uint32_t count;
    } disk[] = {
        {"9 GiB free, default 10", true, 9 * GIB, 0, true, 9},
        {"exactly 10 GiB free, default 10", true, 10 * GIB, 0, false, 0},
        {"1 byte under 10 GiB, default 10: 9 whole GB", true, 10 * GIB - 1, 0, true, 9},
        {"nothing free", true, 0, 0, true, 0},
        {"6 GiB free, limit 5", true, 6 * GIB, 5, false, 0},
        {"4 GiB free, limit 5", true, 4 * GIB, 5, true, 4},
        {"99 GiB free, limit 100", true, 99 * GIB, 100, true, 99},
        {"disk not known", false, 0, 0, false, 0},
    };

    for (size_t i = 0; i < sizeof(disk) / sizeof(disk[0]); i++) {
        struct pc_info pc;
        struct servicing_context ctx = {TODAY, disk[i].low_disk_gb};
        struct health_result res;
        int failed_before = test_failed;

        memset(&pc, 0, sizeof(pc));
        memset(&res, 0, sizeof(res));
        res.level = HEALTH_OK;
        pc.disk.known = disk[i].known;
        pc.disk.free_bytes = disk[i].free_bytes;
        servicing_evaluate(&pc, &ctx, &res);
        CHECK_EQ_INT(disk[i].low ? 1 : 0, res.n_reasons);
        if (disk[i].low && res.n_reasons == 1) {
            CHECK_EQ_STR("low_disk", health_reason_code(res.reasons[0].kind));
            CHECK_EQ_STR("warning", health_level_keyword(res.reasons[0].level));
            CHECK_EQ_INT(disk[i].count, res.reasons[0].count);
            CHECK_EQ_INT(SVC_COUNT, res.reasons[0].svc);
        }
        health_finish(&res);
        CHECK_EQ_STR(disk[i].low ? "attention" : "ok", health_state_keyword(res.state));
        if (test_failed != failed_before) fprintf(stderr, "  in disk case: %s\n", disk[i].name);
    }

    {
        struct pc_info pc;
        struct servicing_context ctx = {TODAY, 0};
        struct health_result res;

        memset(&pc, 0, sizeof(pc));
        memset(&res, 0, sizeof(res));
        res.level = HEALTH_OK;
        pc.hold.read = true;
        pc.hold.held = true;
        snprintf(pc.hold.target, sizeof(pc.hold.target), "GE24H2");
        snprintf(pc.hold.block_id, sizeof(pc.hold.block_id), "12345678");
        servicing_evaluate(&pc, &ctx, &res);
        CHECK_EQ_INT(1, res.n_reasons);
        CHECK_EQ_STR("safeguard_hold", health_reason_code(res.reasons[0].kind));
        CHECK_EQ_STR("ok", health_level_keyword(res.reasons[0].level));
        CHECK_EQ_STR("GE24H2", res.reasons[0].subject);
        CHECK_EQ_STR("ok", health_level_keyword(res.level));
        health_finish(&res);
        CHECK_EQ_STR("ok", health_state_keyword(res.state));

        memset(&res, 0, sizeof(res));
        res.level = HEALTH_OK;
        pc.hold.held = false;
        servicing_evaluate(&pc, &ctx, &res);
        CHECK_EQ_INT(0, res.n_reasons);

        pc.hold.held = true;
        pc.hold.read = false; /* an unread key's values do not count */
        servicing_evaluate(&pc, &ctx, &res);
        CHECK_EQ_INT(0, res.n_reasons);
    }

    /* A hold counts only for a version the PC does not run yet. */
    {
        static const struct {
            uint32_t build;      /* 0: version not read */
            const char *display; /* DisplayVersion */
            const char *target;
            bool applies;
        } holds[] = {
            {26100, "24H2", "GE25H2", true},
            {26100, "24H2", "GE24H2", false}, /* left behind after the upgrade */
            {26100, "24H2", "NI23H2", false},
            {22631, "23H2", "GE24H2", true},
            {19045, "22H2", "NI23H2", true},  /* Windows 11 offered to Windows 10 */
            {19045, "22H2", "GE24H2", true},
            {19045, "22H2", "21H2", false},
            {19044, "21H2", "22H2", true},
            {22631, "23H2", "22H2", false},   /* a Windows 10 indicator on Windows 11 */
            {26100, "", "GE25H2", true},      /* DisplayVersion missing */
            {0, "", "GE24H2", true},          /* version not read */
            {26100, "24H2", "UNV", true},     /* no version in the name */
        };

        for (size_t i = 0; i < sizeof(holds) / sizeof(holds[0]); i++) {
            struct os_version os;
            int failed_before = test_failed;

            memset(&os, 0, sizeof(os));
            os.read = holds[i].build != 0;
            os.build = holds[i].build;
            snprintf(os.display_version, sizeof(os.display_version), "%s", holds[i].display);
            CHECK_EQ_INT(holds[i].applies, servicing_hold_applies(&os, holds[i].target));
            if (test_failed != failed_before)
                fprintf(stderr, "  in hold case: %s on %u %s\n", holds[i].target, holds[i].build, holds[i].display);
        }
        CHECK_EQ_INT(242, servicing_version_rank("GE24H2"));
        CHECK_EQ_INT(222, servicing_version_rank("22h2"));
        CHECK_EQ_INT(0, servicing_version_rank("2009"));
    }

    /* All at once: end of service wins the state and comes first. */
    {
        struct pc_info pc;
        struct servicing_context ctx = {TODAY, 0};
        struct health_result res;

        memset(&pc, 0, sizeof(pc));
        memset(&res, 0, sizeof(res));
        res.level = HEALTH_OK;
        pc.os.read = true;
        pc.os.build = 22631;
        snprintf(pc.os.edition, sizeof(pc.os.edition), "Professional");
        snprintf(pc.os.installation_type, sizeof(pc.os.installation_type), "Client");
        pc.disk.known = true;
        pc.disk.free_bytes = 3 * GIB;
        pc.hold.read = pc.hold.held = true;
        snprintf(pc.hold.target, sizeof(pc.hold.target), "GE24H2");
        servicing_evaluate(&pc, &ctx, &res);
        CHECK_EQ_INT(3, res.n_reasons);
        CHECK_EQ_STR("critical", health_level_keyword(res.level));
        health_finish(&res);
        CHECK_EQ_STR("unsupported", health_state_keyword(res.state));
        CHECK_EQ_STR("end_of_service", health_reason_code(res.reasons[0].kind));
        CHECK_EQ_STR("low_disk", health_reason_code(res.reasons[1].kind));
        CHECK_EQ_INT(3, res.reasons[1].count);
    }
}

/* The servicing table's dates are days: shown as that day in every time zone
 * (report.c), while the other reasons' times are moments in local time. */
static void calendar_days(void)
{
    for (int k = 0; k < REASON_KIND_COUNT; k++) {
        bool day = k == REASON_END_OF_SERVICE || k == REASON_END_OF_SERVICE_SOON || k == REASON_SUPPORTED ||
                   k == REASON_ESU;
        if (health_reason_calendar_day((enum reason_kind)k) == day) test_passed++;
        else TEST_FAIL_AT("%s: calendar day %d", health_reason_code((enum reason_kind)k), !day);
    }
    CHECK(!health_reason_calendar_day(REASON_KIND_COUNT));
}

int main(void)
{
    own_dates();
    calendar_days();
    every_row();
    guide_rows();
    edition_groups();
    evaluate_cases();
    consumer_enrolment();
    disk_and_hold();
    return test_summary("test_servicing");
}
