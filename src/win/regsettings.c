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
    if (RegCreateKeyExW(HKEY_CURRENT_USER, REGSETTINGS_USER_KEY, 0, NULL, 0, KEY_SET_VALUE, NULL, &k, NULL) !=
        ERROR_SUCCESS)
        return FALSE;
    rc = RegSetValueExW(k, SNOOZE_VALUE, 0, REG_QWORD, (const BYTE *)&until_ms, sizeof(until_ms));
    RegCloseKey(k);
    return rc == ERROR_SUCCESS;
}
