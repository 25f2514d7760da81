/* Settings: one table of descriptors (registry value name, type, default,
 * range) that every consumer uses, and their validation. A value comes from
 * the user (HKCU) or from Group Policy (HKLM\SOFTWARE\Policies); policy wins
 * whatever the order the values arrive in, and each setting remembers where
 * its value came from so the UI can grey out what policy fixes. Pure. */
#ifndef WUTRAY_SETTINGS_H
#define WUTRAY_SETTINGS_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

enum setting_id {
    SETTING_POLL_MINUTES,          /* safety poll of the services */
    SETTING_STALLED_SEARCH_DAYS,   /* no successful search for longer = stalled */
    SETTING_PATCH_AGE_DAYS,        /* no OS security update installed for longer = stalled */
    SETTING_REBOOT_OVERDUE_HOURS,  /* a pending restart is worth attention after */
    SETTING_INCLUDE_BITS,          /* a restart also restarts BITS */
    SETTING_ALERTS,                /* balloons on/off */
    SETTING_LOW_DISK_GB,           /* less free space on the system drive = needs attention */
    SETTING_COUNT
};

enum setting_type {
    SETTING_TYPE_UINT, /* REG_DWORD, min..max */
    SETTING_TYPE_BOOL  /* REG_DWORD, 0 or 1 only */
};

/* Ordered by precedence: a value never replaces one from a higher source. */
enum setting_source { SETTING_FROM_DEFAULT, SETTING_FROM_USER, SETTING_FROM_POLICY };

enum setting_apply {
    SETTING_APPLIED,      /* valid, and now the setting's value */
    SETTING_SHADOWED,     /* valid, but policy already fixes this setting: policy's value stays */
    SETTING_OUT_OF_RANGE, /* refused: the value it had stays */
    SETTING_UNKNOWN_NAME  /* refused: no such setting */
};

struct setting_desc {
    enum setting_id id;
    const wchar_t *name; /* registry value name, e.g. L"PollMinutes" */
    enum setting_type type;
    uint32_t def, min, max;
};

/* Indexed by enum setting_id. */
extern const struct setting_desc settings_table[SETTING_COUNT];

struct settings {
    uint32_t poll_minutes;
    uint32_t stalled_search_days;
    uint32_t patch_age_days;
    uint32_t reboot_overdue_hours;
    bool include_bits;
    bool alerts;
    uint32_t low_disk_gb;
    enum setting_source source[SETTING_COUNT]; /* where each value came from */
};

/* Every setting at its default, from SETTING_FROM_DEFAULT. */
void settings_defaults(struct settings *s);
/* The descriptor for a registry value name (compared case-insensitively, as
 * the registry does), or NULL. */
const struct setting_desc *settings_find(const wchar_t *name);
/* Applies one raw value from `source` (SETTING_FROM_USER or _POLICY). */
enum setting_apply settings_apply(struct settings *s, const wchar_t *name, uint32_t value,
                                  enum setting_source source);
/* A setting's current value as its raw DWORD (booleans as 0/1). */
uint32_t settings_get(const struct settings *s, enum setting_id id);
enum setting_source settings_source(const struct settings *s, enum setting_id id);
/* Fixed by Group Policy: the UI shows it but does not let the user change it. */
bool settings_locked(const struct settings *s, enum setting_id id);

#endif
