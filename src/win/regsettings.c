#include "regsettings.h"

/* The values of one key, applied with `source`; returns how many were refused. */
static unsigned read_key(struct settings *out, HKEY root, const wchar_t *path, REGSAM view,
                         enum setting_source source, regsettings_refused_fn on_refused, void *ctx)
{
    unsigned refused = 0;
    HKEY key;

    if (RegOpenKeyExW(root, path, 0, KEY_QUERY_VALUE | view, &key) != ERROR_SUCCESS)
        return 0; /* no key: nothing set at this level */
    for (int i = 0; i < SETTING_COUNT; i++) {
        const struct setting_desc *d = &settings_table[i];
        DWORD type = REG_NONE, value = 0, size = sizeof(value);
        LSTATUS rc = RegQueryValueExW(key, d->name, NULL, &type, (BYTE *)&value, &size);

        if (rc != ERROR_SUCCESS && rc != ERROR_MORE_DATA) continue; /* absent (or unreadable): not set */
        /* Bigger than a DWORD, or a DWORD-sized value of another type (REG_BINARY,
         * REG_DWORD_BIG_ENDIAN): not what an administrative template writes. */
        if (rc == ERROR_MORE_DATA || type != REG_DWORD || size != sizeof(value)) {
            refused++;
            if (on_refused) on_refused(ctx, source, d, REGSETTINGS_WRONG_TYPE, type, 0);
            continue;
        }
        if (settings_apply(out, d->name, value, source) == SETTING_OUT_OF_RANGE) {
            refused++;
            if (on_refused) on_refused(ctx, source, d, REGSETTINGS_OUT_OF_RANGE, type, value);
        }
    }
    RegCloseKey(key);
    return refused;
}

unsigned regsettings_read_ex(struct settings *out, regsettings_refused_fn on_refused, void *ctx)
{
    unsigned refused = 0;

    settings_defaults(out);
    refused += read_key(out, HKEY_CURRENT_USER, REGSETTINGS_USER_KEY, 0, SETTING_FROM_USER, on_refused, ctx);
    /* Group Policy writes the 64-bit view; a 32-bit build must read that one too. */
    refused += read_key(out, HKEY_LOCAL_MACHINE, REGSETTINGS_POLICY_KEY, KEY_WOW64_64KEY, SETTING_FROM_POLICY,
                        on_refused, ctx);
    return refused;
}

void regsettings_read(struct settings *out)
{
    regsettings_read_ex(out, NULL, NULL);
}

/* Opens (creating) a key of the user's for writing. */
static LSTATUS open_user_key(const wchar_t *path, HKEY *k)
{
    return RegCreateKeyExW(HKEY_CURRENT_USER, path, 0, NULL, 0, KEY_SET_VALUE, NULL, k, NULL);
}

#define SNOOZE_VALUE L"SnoozeUntil"

uint64_t regsettings_load_snooze(void)
{
    uint64_t v = 0;
    DWORD size = sizeof(v);
    if (RegGetValueW(HKEY_CURRENT_USER, REGSETTINGS_USER_KEY, SNOOZE_VALUE, RRF_RT_REG_QWORD, NULL, &v, &size) !=
        ERROR_SUCCESS)
        return 0;
    return v;
}

BOOL regsettings_save_snooze(uint64_t until_ms)
{
    HKEY k;
    LSTATUS rc;

    if (!until_ms) {
        rc = RegDeleteKeyValueW(HKEY_CURRENT_USER, REGSETTINGS_USER_KEY, SNOOZE_VALUE);
        return rc == ERROR_SUCCESS || rc == ERROR_FILE_NOT_FOUND;
    }
    if (open_user_key(REGSETTINGS_USER_KEY, &k) != ERROR_SUCCESS) return FALSE;
    rc = RegSetValueExW(k, SNOOZE_VALUE, 0, REG_QWORD, (const BYTE *)&until_ms, sizeof(until_ms));
    RegCloseKey(k);
    return rc == ERROR_SUCCESS;
}

LSTATUS regsettings_save(enum setting_id id, uint32_t value)
{
    const struct setting_desc *d;
    struct settings check;
    DWORD v = value;
    HKEY k;
    LSTATUS rc;

    if ((unsigned)id >= SETTING_COUNT) return ERROR_INVALID_PARAMETER;
    d = &settings_table[id];
    settings_defaults(&check);
    if (settings_apply(&check, d->name, value, SETTING_FROM_USER) != SETTING_APPLIED) return ERROR_INVALID_DATA;
    rc = open_user_key(REGSETTINGS_USER_KEY, &k);
    if (rc != ERROR_SUCCESS) return rc;
    rc = RegSetValueExW(k, d->name, 0, REG_DWORD, (const BYTE *)&v, sizeof(v));
    RegCloseKey(k);
    return rc;
}

static BOOL has_value(HKEY root, REGSAM view)
{
    HKEY k;
    LSTATUS rc;

    if (RegOpenKeyExW(root, REGSETTINGS_RUN_KEY, 0, KEY_QUERY_VALUE | view, &k) != ERROR_SUCCESS) return FALSE;
    rc = RegQueryValueExW(k, REGSETTINGS_RUN_VALUE, NULL, NULL, NULL, NULL);
    RegCloseKey(k);
    return rc == ERROR_SUCCESS;
}

void regsettings_read_autostart(BOOL *user, BOOL *machine)
{
    *user = has_value(HKEY_CURRENT_USER, 0);
    /* The MSI is 64-bit and writes the 64-bit view. */
    *machine = has_value(HKEY_LOCAL_MACHINE, KEY_WOW64_64KEY);
}

LSTATUS regsettings_save_autostart(const wchar_t *command)
{
    HKEY k;
    LSTATUS rc;

    if (!command) {
        rc = RegDeleteKeyValueW(HKEY_CURRENT_USER, REGSETTINGS_RUN_KEY, REGSETTINGS_RUN_VALUE);
        return rc == ERROR_FILE_NOT_FOUND ? ERROR_SUCCESS : rc;
    }
    rc = open_user_key(REGSETTINGS_RUN_KEY, &k);
    if (rc != ERROR_SUCCESS) return rc;
    rc = RegSetValueExW(k, REGSETTINGS_RUN_VALUE, 0, REG_SZ, (const BYTE *)command,
                        (DWORD)((wcslen(command) + 1) * sizeof(wchar_t)));
    RegCloseKey(k);
    return rc;
}
