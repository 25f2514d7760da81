/* Settings from the registry: the defaults, then the user's own values
 * (HKCU\Software\wutray), then Group Policy's (HKLM\SOFTWARE\Policies\wutray,
 * 64-bit view), which win. Only REG_DWORD values named in settings_table
 * count; a value of another type is ignored, one out of range is refused. */
#ifndef WUTRAY_REGSETTINGS_H
#define WUTRAY_REGSETTINGS_H

#include <windows.h>
#include "settings.h"

#define REGSETTINGS_USER_KEY L"Software\\wutray"            /* under HKEY_CURRENT_USER */
#define REGSETTINGS_POLICY_KEY L"SOFTWARE\\Policies\\wutray" /* under HKEY_LOCAL_MACHINE */

enum regsettings_problem {
    REGSETTINGS_OUT_OF_RANGE, /* a REG_DWORD outside the setting's range: refused */
    REGSETTINGS_WRONG_TYPE    /* not a 4-byte REG_DWORD (REG_SZ, REG_QWORD, ...): ignored */
};

/* One value that was not used, for the caller to log. `type` is the
 * registry type found; `value` is meaningful for REGSETTINGS_OUT_OF_RANGE. */
typedef void (*regsettings_refused_fn)(void *ctx, enum setting_source source, const struct setting_desc *d,
                                       enum regsettings_problem why, DWORD type, DWORD value);

/* Sets *out on every path: missing keys or values leave the defaults. */
void regsettings_read(struct settings *out);
/* The same, calling on_refused (may be NULL) for each value not used;
 * returns how many there were. */
unsigned regsettings_read_ex(struct settings *out, regsettings_refused_fn on_refused, void *ctx);

/* A snooze of the alerts, kept across restarts of wutray: SnoozeUntil
 * (REG_QWORD, epoch ms) in the user's key. 0 = not snoozed (saving 0 deletes
 * the value). Not a setting: Group Policy has no say in it. */
uint64_t regsettings_load_snooze(void);
BOOL regsettings_save_snooze(uint64_t until_ms);

/* Writes one of the user's own values (REG_DWORD in the user's key), checked
 * against the settings table first: a value out of range is never written
 * (ERROR_INVALID_DATA). Returns ERROR_SUCCESS or the registry's error. */
LSTATUS regsettings_save(enum setting_id id, uint32_t value);

/* Starting at sign-in: a "wutray" value under ...\CurrentVersion\Run, the
 * user's own (HKCU) and the MSI's for every user (HKLM, 64-bit view). */
#define REGSETTINGS_RUN_KEY L"Software\\Microsoft\\Windows\\CurrentVersion\\Run"
#define REGSETTINGS_RUN_VALUE L"wutray"
void regsettings_read_autostart(BOOL *user, BOOL *machine);
/* Sets the user's value to `command` (REG_SZ), or deletes it (NULL). */
LSTATUS regsettings_save_autostart(const wchar_t *command);

#endif
