#include "servicing.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define DAY_MS (24ull * 60 * 60 * 1000)

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; Howard Hinnant's
 * days_from_civil, rewritten here), as epoch ms at 00:00 UTC. */
static uint64_t day(int y, int m, int d)
{
    int era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (uint64_t)(era * 146097 + doe - 719468) * DAY_MS;
}

#define D(y, m, d) day(y, m, d)

/* End of servicing: the last day with security updates, from Microsoft's
 * release information and lifecycle pages ("Windows 10 release
 * information", "Windows 11 release information", the lifecycle pages of
 * the LTSC editions), as collected in shared/guide/windows-update-facts.md
 * (read 2026-08) for Windows 10 22H2 and Windows 11; the older Windows 10
 * versions and Windows 7/8.1 from the same lifecycle pages (all long ended,
 * so only their order matters). tests/core/test_servicing.c checks every row. */
static struct servicing_row rows[] = {
    {7601, "Windows 7 SP1", 0, 0, 0, 0},
    {9200, "Windows 8", 0, 0, 0, 0},
    {9600, "Windows 8.1", 0, 0, 0, 0},
    {10240, "Windows 10 1507", 0, 0, 0, 0},
    {10586, "Windows 10 1511", 0, 0, 0, 0},
    {14393, "Windows 10 1607", 0, 0, 0, 0},
    {15063, "Windows 10 1703", 0, 0, 0, 0},
    {16299, "Windows 10 1709", 0, 0, 0, 0},
    {17134, "Windows 10 1803", 0, 0, 0, 0},
    {17763, "Windows 10 1809", 0, 0, 0, 0},
    {18362, "Windows 10 1903", 0, 0, 0, 0},
    {18363, "Windows 10 1909", 0, 0, 0, 0},
    {19041, "Windows 10 2004", 0, 0, 0, 0},
    {19042, "Windows 10 20H2", 0, 0, 0, 0},
    {19043, "Windows 10 21H1", 0, 0, 0, 0},
    {19044, "Windows 10 21H2", 0, 0, 0, 0},
    {19045, "Windows 10 22H2", 0, 0, 0, 0},
    {22000, "Windows 11 21H2", 0, 0, 0, 0},
    {22621, "Windows 11 22H2", 0, 0, 0, 0},
    {22631, "Windows 11 23H2", 0, 0, 0, 0},
    {26100, "Windows 11 24H2", 0, 0, 0, 0},
    {26200, "Windows 11 25H2", 0, 0, 0, 0},
    {28000, "Windows 11 26H1", 0, 0, 0, 0},
};

/* Filled once: C11 has no constant expression for a date. */
static void fill(void)
{
    static bool done;
    static const struct {
        uint32_t build;
        int hp[3], ee[3], ltsc[3], iot[3];
    } dates[] = {
        {7601, {2020, 1, 14}, {2020, 1, 14}, {0}, {0}},
        {9200, {2016, 1, 12}, {2016, 1, 12}, {0}, {0}},
        {9600, {2023, 1, 10}, {2023, 1, 10}, {0}, {0}},
        {10240, {2017, 5, 9}, {2017, 5, 9}, {2025, 10, 14}, {2025, 10, 14}}, /* LTSB 2015 */
        {10586, {2017, 10, 10}, {2018, 4, 10}, {0}, {0}},
        {14393, {2018, 4, 10}, {2019, 4, 9}, {2026, 10, 13}, {2026, 10, 13}}, /* LTSB 2016 */
        {15063, {2018, 10, 9}, {2019, 10, 8}, {0}, {0}},
        {16299, {2019, 4, 9}, {2020, 10, 13}, {0}, {0}},
        {17134, {2019, 11, 12}, {2021, 5, 11}, {0}, {0}},
        {17763, {2020, 11, 10}, {2021, 5, 11}, {2029, 1, 9}, {2029, 1, 9}}, /* LTSC 2019 */
        {18362, {2020, 12, 8}, {2020, 12, 8}, {0}, {0}},
        {18363, {2021, 5, 11}, {2022, 5, 10}, {0}, {0}},
        {19041, {2021, 12, 14}, {2021, 12, 14}, {0}, {0}},
        {19042, {2022, 5, 10}, {2023, 5, 9}, {0}, {0}},
        {19043, {2022, 12, 13}, {2022, 12, 13}, {0}, {0}},
        {19044, {2023, 6, 13}, {2024, 6, 11}, {2027, 1, 12}, {2032, 1, 13}}, /* LTSC 2021 */
        {19045, {2025, 10, 14}, {2025, 10, 14}, {0}, {0}},                   /* then ESU only */
        {22000, {2023, 10, 10}, {2024, 10, 8}, {0}, {0}},
        {22621, {2024, 10, 8}, {2025, 10, 14}, {0}, {0}},
        {22631, {2025, 11, 11}, {2026, 11, 10}, {0}, {0}},
        {26100, {2026, 10, 13}, {2027, 10, 12}, {2029, 10, 9}, {2034, 10, 10}}, /* LTSC 2024 */
        {26200, {2027, 10, 12}, {2028, 10, 10}, {0}, {0}},
        {28000, {2028, 3, 14}, {2029, 3, 13}, {0}, {0}}, /* new devices only */
    };
    if (done) return;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        for (size_t j = 0; j < sizeof(dates) / sizeof(dates[0]); j++) {
            if (dates[j].build != rows[i].build) continue;
            rows[i].home_pro_end = D(dates[j].hp[0], dates[j].hp[1], dates[j].hp[2]);
            rows[i].enterprise_end = D(dates[j].ee[0], dates[j].ee[1], dates[j].ee[2]);
            if (dates[j].ltsc[0]) rows[i].ltsc_end = D(dates[j].ltsc[0], dates[j].ltsc[1], dates[j].ltsc[2]);
            if (dates[j].iot[0]) rows[i].iot_ltsc_end = D(dates[j].iot[0], dates[j].iot[1], dates[j].iot[2]);
        }
    }
    done = true;
}

size_t servicing_row_count(void)
{
    return sizeof(rows) / sizeof(rows[0]);
}

const struct servicing_row *servicing_row_at(size_t i)
{
    fill();
    return i < servicing_row_count() ? &rows[i] : NULL;
}

const struct servicing_row *servicing_row_for(uint32_t build)
{
    fill();
    for (size_t i = 0; i < servicing_row_count(); i++)
        if (rows[i].build == build) return &rows[i];
    return NULL;
}

uint32_t servicing_newest_build(void)
{
    return rows[servicing_row_count() - 1].build;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

enum edition_group servicing_edition_group(const char *e)
{
    if (!e) return EDITION_HOME_PRO;
    /* EnterpriseS, EnterpriseSN (LTSC); IoTEnterpriseS, IoTEnterpriseSK. */
    if (starts_with(e, "IoTEnterpriseS")) return EDITION_IOT_LTSC;
    if (starts_with(e, "EnterpriseS")) return EDITION_LTSC;
    if (starts_with(e, "Enterprise") || starts_with(e, "Education") || starts_with(e, "IoTEnterprise") ||
        strcmp(e, "ServerRdsh") == 0)
        return EDITION_ENTERPRISE;
    /* Core*, Professional*, Cloud*, and anything unknown: the shorter dates. */
    return EDITION_HOME_PRO;
}

bool servicing_consumer_esu_enrolled(const struct esu_signals *e)
{
    uint32_t v = e->consumer_eligibility;
    return e->consumer_read && e->consumer_present && (v == 3 || v == 5 || v == 11 || v == 12) &&
           e->consumer_eligibility_result == 1;
}

/* Commercial ESU for Windows 10 22H2: each year's licence covers until
 * that year's end (facts guide: year 1 ended 2026-10-13). */
static uint64_t commercial_esu_end(uint8_t year)
{
    switch (year) {
    case 1: return D(2026, 10, 13);
    case 2: return D(2027, 10, 12);
    case 3: return D(2028, 10, 10);
    default: return 0;
    }
}
/* Consumer ESU: Microsoft's page said 2026-10-13; an extension to
 * 2027-10-12 was reported (facts guide). Enrolment alone is not trusted:
 * the patch rules check that ESU updates actually arrive. */
#define CONSUMER_ESU_END D(2027, 10, 12)

static struct health_reason *add(struct health_result *out, enum reason_kind kind, enum health_level level,
                                 uint64_t when, const char *subject)
{
    struct health_reason *r = health_add_reason(out, kind, SVC_COUNT, level, when, 0);
    if (r && subject) snprintf(r->subject, sizeof(r->subject), "%s", subject);
    return r;
}

/* Supported until `end`: a warning within 60 days of it, a fault after. */
static void judge_end(uint64_t now, uint64_t end, enum reason_kind ok_kind, const char *name, uint32_t count,
                      struct health_result *out)
{
    struct health_reason *r;

    if (now >= end + DAY_MS) r = add(out, REASON_END_OF_SERVICE, HEALTH_BROKEN, end, name);
    else if (now >= end || end - now <= SERVICING_WARN_DAYS * DAY_MS) r = add(out, REASON_END_OF_SERVICE_SOON, HEALTH_ATTENTION, end, name);
    else r = add(out, ok_kind, HEALTH_OK, end, name);
    if (r) r->count = count;
}

static void evaluate_version(const struct pc_info *pc, uint64_t now, struct health_result *out)
{
    const struct os_version *v = &pc->os;
    const struct servicing_row *row;
    uint64_t end;
    char name[64];

    if (!v->read || !v->build || starts_with(v->installation_type, "Server")) return;
    row = servicing_row_for(v->build);
    /* A build between the rows of versions that have all ended (Windows 10
     * and older) ended with the row before it; one beyond them is unknown. */
    if (!row && v->build < 19045) {
        for (size_t i = 0; i < servicing_row_count(); i++)
            if (rows[i].build < v->build) row = &rows[i];
    }
    if (!row) {
        struct health_reason *r = add(out, REASON_BUILD_NEWER, HEALTH_OK, 0, NULL);
        if (r) r->count = v->build;
        return;
    }
    switch (servicing_edition_group(v->edition)) {
    case EDITION_IOT_LTSC: end = row->iot_ltsc_end ? row->iot_ltsc_end : row->enterprise_end; break;
    case EDITION_LTSC: end = row->ltsc_end ? row->ltsc_end : row->enterprise_end; break;
    case EDITION_ENTERPRISE: end = row->enterprise_end; break;
    default: end = row->home_pro_end; break;
    }
    snprintf(name, sizeof(name), "%s", row->name);
    if (row->build == 19045 && now >= end + DAY_MS) {
        /* Windows 10 22H2 past its end: supported only through ESU. */
        uint64_t esu = pc->esu.commercial_read ? commercial_esu_end(pc->esu.commercial_year) : 0;
        if (esu && now < esu + DAY_MS) {
            judge_end(now, esu, REASON_ESU, name, pc->esu.commercial_year, out);
            return;
        }
        if (servicing_consumer_esu_enrolled(&pc->esu)) {
            judge_end(now, CONSUMER_ESU_END, REASON_ESU, name, 0, out);
            return;
        }
    }
    judge_end(now, end, REASON_SUPPORTED, name, 0, out);
}

unsigned servicing_version_rank(const char *name)
{
    size_t n = strlen(name);
    const char *v;

    if (n < 4) return 0;
    v = name + n - 4;
    if (!isdigit((unsigned char)v[0]) || !isdigit((unsigned char)v[1]) || (v[2] != 'H' && v[2] != 'h') ||
        !isdigit((unsigned char)v[3]))
        return 0;
    return (unsigned)((v[0] - '0') * 100 + (v[1] - '0') * 10 + (v[3] - '0'));
}

bool servicing_hold_applies(const struct os_version *os, const char *target)
{
    unsigned want = servicing_version_rank(target), have;
    /* Windows 11's indicators carry a codename ("NI23H2", "GE24H2");
     * Windows 10's are the bare version ("21H2"). */
    bool target_11 = strlen(target) > 4 && isalpha((unsigned char)target[0]);
    bool on_11;

    if (!os->read || want == 0) return true;
    on_11 = os->build >= 22000;
    if (target_11 != on_11) return target_11;
    have = servicing_version_rank(os->display_version);
    return have == 0 || want > have;
}

void servicing_evaluate(const struct pc_info *pc, const struct servicing_context *c, struct health_result *out)
{
    uint64_t low = (uint64_t)(c->low_disk_gb ? c->low_disk_gb : DISK_LOW_DEFAULT_GB) << 30;

    evaluate_version(pc, c->now_ms, out);
    if (pc->disk.known && pc->disk.free_bytes < low) {
        struct health_reason *r = health_add_reason(out, REASON_LOW_DISK, SVC_COUNT, HEALTH_ATTENTION, 0, 0);
        if (r) r->count = (uint32_t)(pc->disk.free_bytes >> 30);
    }
    if (pc->hold.read && pc->hold.held && servicing_hold_applies(&pc->os, pc->hold.target)) add(out, REASON_SAFEGUARD_HOLD, HEALTH_OK, 0, pc->hold.target);
}
