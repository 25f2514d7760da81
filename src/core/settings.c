#include "settings.h"

#include <string.h>

/* Defaults agree with health.h's HEALTH_* thresholds (checked by test_settings). */
const struct setting_desc settings_table[SETTING_COUNT] = {
    [SETTING_POLL_MINUTES] = {SETTING_POLL_MINUTES, L"PollMinutes", SETTING_TYPE_UINT, 5, 1, 1440},
    [SETTING_STALLED_SEARCH_DAYS] = {SETTING_STALLED_SEARCH_DAYS, L"StalledSearchDays", SETTING_TYPE_UINT, 7, 1, 90},
    [SETTING_PATCH_AGE_DAYS] = {SETTING_PATCH_AGE_DAYS, L"PatchAgeDays", SETTING_TYPE_UINT, 45, 20, 180},
    [SETTING_REBOOT_OVERDUE_HOURS] = {SETTING_REBOOT_OVERDUE_HOURS, L"RebootOverdueHours", SETTING_TYPE_UINT, 24, 1, 720},
    [SETTING_INCLUDE_BITS] = {SETTING_INCLUDE_BITS, L"IncludeBits", SETTING_TYPE_BOOL, 0, 0, 1},
    [SETTING_ALERTS] = {SETTING_ALERTS, L"Alerts", SETTING_TYPE_BOOL, 1, 0, 1},
    [SETTING_LOW_DISK_GB] = {SETTING_LOW_DISK_GB, L"LowDiskSpaceGB", SETTING_TYPE_UINT, 10, 1, 100},
};

/* ASCII only, like the names in the table; locale-independent on purpose. */
static wchar_t fold(wchar_t c)
{
    return c >= L'A' && c <= L'Z' ? (wchar_t)(c - L'A' + L'a') : c;
}

static bool name_equal(const wchar_t *a, const wchar_t *b)
{
    for (; *a && *b; a++, b++)
        if (fold(*a) != fold(*b)) return false;
    return *a == *b;
}

static void set_value(struct settings *s, enum setting_id id, uint32_t v)
{
    switch (id) {
    case SETTING_POLL_MINUTES: s->poll_minutes = v; break;
    case SETTING_STALLED_SEARCH_DAYS: s->stalled_search_days = v; break;
    case SETTING_PATCH_AGE_DAYS: s->patch_age_days = v; break;
    case SETTING_REBOOT_OVERDUE_HOURS: s->reboot_overdue_hours = v; break;
    case SETTING_INCLUDE_BITS: s->include_bits = v != 0; break;
    case SETTING_ALERTS: s->alerts = v != 0; break;
    case SETTING_LOW_DISK_GB: s->low_disk_gb = v; break;
    case SETTING_COUNT: break;
    }
}

uint32_t settings_get(const struct settings *s, enum setting_id id)
{
    switch (id) {
    case SETTING_POLL_MINUTES: return s->poll_minutes;
    case SETTING_STALLED_SEARCH_DAYS: return s->stalled_search_days;
    case SETTING_PATCH_AGE_DAYS: return s->patch_age_days;
    case SETTING_REBOOT_OVERDUE_HOURS: return s->reboot_overdue_hours;
    case SETTING_INCLUDE_BITS: return s->include_bits ? 1u : 0u;
    case SETTING_ALERTS: return s->alerts ? 1u : 0u;
    case SETTING_LOW_DISK_GB: return s->low_disk_gb;
    case SETTING_COUNT: break;
    }
    return 0;
}

void settings_defaults(struct settings *s)
{
    memset(s, 0, sizeof(*s));
    for (int i = 0; i < SETTING_COUNT; i++) {
        set_value(s, settings_table[i].id, settings_table[i].def);
        s->source[i] = SETTING_FROM_DEFAULT;
    }
}

const struct setting_desc *settings_find(const wchar_t *name)
{
    if (!name) return NULL;
    for (int i = 0; i < SETTING_COUNT; i++)
        if (name_equal(settings_table[i].name, name)) return &settings_table[i];
    return NULL;
}

enum setting_apply settings_apply(struct settings *s, const wchar_t *name, uint32_t value,
                                  enum setting_source source)
{
    const struct setting_desc *d = settings_find(name);

    if (!d) return SETTING_UNKNOWN_NAME;
    /* A bad value is refused even when it would be shadowed: it is still a
     * mistake worth reporting to whoever wrote it. */
    if (value < d->min || value > d->max) return SETTING_OUT_OF_RANGE;
    if (s->source[d->id] > source) return SETTING_SHADOWED;
    set_value(s, d->id, value);
    s->source[d->id] = source;
    return SETTING_APPLIED;
}

enum setting_source settings_source(const struct settings *s, enum setting_id id)
{
    return (unsigned)id < SETTING_COUNT ? s->source[id] : SETTING_FROM_DEFAULT;
}

bool settings_locked(const struct settings *s, enum setting_id id)
{
    return settings_source(s, id) == SETTING_FROM_POLICY;
}
