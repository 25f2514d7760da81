/* Settings: defaults, ranges at their boundaries, policy over user. */
#include "health.h"
#include "settings.h"
#include "test.h"

static void defaults(void)
{
    struct settings s;

    memset(&s, 0xA5, sizeof(s));
    settings_defaults(&s);
    CHECK_EQ_INT(5, s.poll_minutes);
    CHECK_EQ_INT(7, s.stalled_search_days);
    CHECK_EQ_INT(45, s.patch_age_days);
    CHECK_EQ_INT(24, s.reboot_overdue_hours);
    CHECK_EQ_INT(0, s.include_bits);
    CHECK_EQ_INT(1, s.alerts);
    CHECK_EQ_INT(10, s.low_disk_gb);
    /* The outcome rules use the same defaults when no setting is given. */
    CHECK_EQ_INT(HEALTH_STALLED_SEARCH_DAYS, s.stalled_search_days);
    CHECK_EQ_INT(PATCH_AGE_DAYS, s.patch_age_days);
    CHECK_EQ_INT(DISK_LOW_DEFAULT_GB, s.low_disk_gb);
    CHECK_EQ_INT(HEALTH_REBOOT_OVERDUE_HOURS, s.reboot_overdue_hours);
    for (int i = 0; i < SETTING_COUNT; i++) {
        const struct setting_desc *d = &settings_table[i];
        CHECK_EQ_INT(i, d->id);
        CHECK_EQ_INT(SETTING_FROM_DEFAULT, settings_source(&s, d->id));
        CHECK(!settings_locked(&s, d->id));
        CHECK_EQ_INT(d->def, settings_get(&s, d->id));
        CHECK(d->min <= d->def && d->def <= d->max);
        CHECK(d->type != SETTING_TYPE_BOOL || (d->min == 0 && d->max == 1));
        CHECK(settings_find(d->name) == d);
    }
}

/* Each setting at min-1, min, max, max+1, from either source. */
static void boundaries(void)
{
    static const struct {
        const wchar_t *name;
        enum setting_id id;
        uint32_t min, max;
    } rows[] = {
        {L"PollMinutes", SETTING_POLL_MINUTES, 1, 1440},
        {L"StalledSearchDays", SETTING_STALLED_SEARCH_DAYS, 1, 90},
        {L"PatchAgeDays", SETTING_PATCH_AGE_DAYS, 20, 180},
        {L"RebootOverdueHours", SETTING_REBOOT_OVERDUE_HOURS, 1, 720},
        {L"IncludeBits", SETTING_INCLUDE_BITS, 0, 1},
        {L"Alerts", SETTING_ALERTS, 0, 1},
        {L"LowDiskSpaceGB", SETTING_LOW_DISK_GB, 1, 100},
    };
    static const enum setting_source sources[] = {SETTING_FROM_USER, SETTING_FROM_POLICY};

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        for (size_t k = 0; k < 2; k++) {
            const struct {
                uint32_t value;
                enum setting_apply want;
            } cases[] = {
                {rows[i].min - 1, SETTING_OUT_OF_RANGE}, /* 0 - 1 wraps to 0xFFFFFFFF: also out */
                {rows[i].min, SETTING_APPLIED},
                {rows[i].max, SETTING_APPLIED},
                {rows[i].max + 1, SETTING_OUT_OF_RANGE},
            };
            for (size_t c = 0; c < 4; c++) {
                struct settings s;
                uint32_t def;
                enum setting_apply got;

                settings_defaults(&s);
                def = settings_get(&s, rows[i].id);
                got = settings_apply(&s, rows[i].name, cases[c].value, sources[k]);
                CHECK_EQ_INT(cases[c].want, got);
                if (cases[c].want == SETTING_APPLIED) {
                    CHECK_EQ_INT(cases[c].value, settings_get(&s, rows[i].id));
                    CHECK_EQ_INT(sources[k], settings_source(&s, rows[i].id));
                } else {
                    CHECK_EQ_INT(def, settings_get(&s, rows[i].id));
                    CHECK_EQ_INT(SETTING_FROM_DEFAULT, settings_source(&s, rows[i].id));
                }
            }
        }
    }
}

static void booleans_only_0_or_1(void)
{
    static const uint32_t bad[] = {2, 3, 0x100, 0x7FFFFFFF, 0xFFFFFFFF};
    struct settings s;

    settings_defaults(&s);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CHECK_EQ_INT(SETTING_OUT_OF_RANGE, settings_apply(&s, L"IncludeBits", bad[i], SETTING_FROM_USER));
        CHECK_EQ_INT(SETTING_OUT_OF_RANGE, settings_apply(&s, L"Alerts", bad[i], SETTING_FROM_POLICY));
    }
    CHECK_EQ_INT(0, s.include_bits);
    CHECK_EQ_INT(1, s.alerts);
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"IncludeBits", 1, SETTING_FROM_USER));
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"Alerts", 0, SETTING_FROM_USER));
    CHECK_EQ_INT(1, s.include_bits);
    CHECK_EQ_INT(0, s.alerts);
}

static void policy_beats_user(void)
{
    struct settings s;

    /* User first, then policy. */
    settings_defaults(&s);
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"PollMinutes", 10, SETTING_FROM_USER));
    CHECK_EQ_INT(SETTING_FROM_USER, settings_source(&s, SETTING_POLL_MINUTES));
    CHECK(!settings_locked(&s, SETTING_POLL_MINUTES));
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"PollMinutes", 60, SETTING_FROM_POLICY));
    CHECK_EQ_INT(60, s.poll_minutes);
    CHECK_EQ_INT(SETTING_FROM_POLICY, settings_source(&s, SETTING_POLL_MINUTES));
    CHECK(settings_locked(&s, SETTING_POLL_MINUTES));

    /* Policy first, then user: the user's value is valid but shadowed. */
    settings_defaults(&s);
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"PollMinutes", 60, SETTING_FROM_POLICY));
    CHECK_EQ_INT(SETTING_SHADOWED, settings_apply(&s, L"PollMinutes", 10, SETTING_FROM_USER));
    CHECK_EQ_INT(60, s.poll_minutes);
    CHECK_EQ_INT(SETTING_FROM_POLICY, settings_source(&s, SETTING_POLL_MINUTES));
    /* A bad user value is reported as bad, even under a policy. */
    CHECK_EQ_INT(SETTING_OUT_OF_RANGE, settings_apply(&s, L"PollMinutes", 0, SETTING_FROM_USER));
    CHECK_EQ_INT(60, s.poll_minutes);

    /* Booleans, both orders: policy turns alerts off whatever the user says. */
    settings_defaults(&s);
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"Alerts", 1, SETTING_FROM_USER));
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"Alerts", 0, SETTING_FROM_POLICY));
    CHECK_EQ_INT(0, s.alerts);
    settings_defaults(&s);
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"Alerts", 0, SETTING_FROM_POLICY));
    CHECK_EQ_INT(SETTING_SHADOWED, settings_apply(&s, L"Alerts", 1, SETTING_FROM_USER));
    CHECK_EQ_INT(0, s.alerts);

    /* An out-of-range policy value is refused: the user's value stays. */
    settings_defaults(&s);
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"PatchAgeDays", 60, SETTING_FROM_USER));
    CHECK_EQ_INT(SETTING_OUT_OF_RANGE, settings_apply(&s, L"PatchAgeDays", 19, SETTING_FROM_POLICY));
    CHECK_EQ_INT(60, s.patch_age_days);
    CHECK_EQ_INT(SETTING_FROM_USER, settings_source(&s, SETTING_PATCH_AGE_DAYS));
    CHECK(!settings_locked(&s, SETTING_PATCH_AGE_DAYS));

    /* Later values from the same source replace earlier ones. */
    settings_defaults(&s);
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"RebootOverdueHours", 2, SETTING_FROM_POLICY));
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"RebootOverdueHours", 3, SETTING_FROM_POLICY));
    CHECK_EQ_INT(3, s.reboot_overdue_hours);

    /* Only the setting named changes source. */
    for (int i = 0; i < SETTING_COUNT; i++)
        if (i != SETTING_REBOOT_OVERDUE_HOURS)
            CHECK_EQ_INT(SETTING_FROM_DEFAULT, settings_source(&s, (enum setting_id)i));
}

static void names(void)
{
    static const wchar_t *const unknown[] = {L"", L"Poll", L"PollMinutesX", L"Poll Minutes",
                                             L"PollMinute", L"IncludeBITS2", L"Alert"};
    struct settings s;

    settings_defaults(&s);
    for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
        CHECK_EQ_INT(SETTING_UNKNOWN_NAME, settings_apply(&s, unknown[i], 1, SETTING_FROM_USER));
        CHECK(settings_find(unknown[i]) == NULL);
    }
    CHECK_EQ_INT(SETTING_UNKNOWN_NAME, settings_apply(&s, NULL, 1, SETTING_FROM_POLICY));
    for (int i = 0; i < SETTING_COUNT; i++) {
        CHECK_EQ_INT(settings_table[i].def, settings_get(&s, (enum setting_id)i));
        CHECK_EQ_INT(SETTING_FROM_DEFAULT, settings_source(&s, (enum setting_id)i));
    }

    /* Registry value names are case-insensitive. */
    CHECK(settings_find(L"pollminutes") == &settings_table[SETTING_POLL_MINUTES]);
    CHECK(settings_find(L"INCLUDEBITS") == &settings_table[SETTING_INCLUDE_BITS]);
    CHECK_EQ_INT(SETTING_APPLIED, settings_apply(&s, L"stalledsearchdays", 14, SETTING_FROM_USER));
    CHECK_EQ_INT(14, s.stalled_search_days);
}

int main(void)
{
    defaults();
    boundaries();
    booleans_only_0_or_1();
    policy_beats_user();
    names();
    return test_summary("test_settings");
}
