/* Settings read back from the real registry: the user's key, the policy key
 * (which wins), values out of range or of the wrong type, missing keys. */
#include <windows.h>

#include "regsettings.h"
#include "settings.h"
#include "test.h"

#define MAX_REFUSALS 16

struct refusals {
    unsigned n;
    struct {
        enum setting_source source;
        enum setting_id id;
        enum regsettings_problem why;
        DWORD type, value;
    } r[MAX_REFUSALS];
};

static void on_refused(void *ctx, enum setting_source source, const struct setting_desc *d,
                       enum regsettings_problem why, DWORD type, DWORD value)
{
    struct refusals *f = ctx;
    if (f->n < MAX_REFUSALS) {
        f->r[f->n].source = source;
        f->r[f->n].id = d->id;
        f->r[f->n].why = why;
        f->r[f->n].type = type;
        f->r[f->n].value = value;
    }
    f->n++;
}

/* Whether a refusal with these fields was reported. */
static BOOL refused(const struct refusals *f, enum setting_source source, enum setting_id id,
                    enum regsettings_problem why, DWORD type, DWORD value)
{
    for (unsigned i = 0; i < f->n && i < MAX_REFUSALS; i++)
        if (f->r[i].source == source && f->r[i].id == id && f->r[i].why == why && f->r[i].type == type &&
            f->r[i].value == value)
            return TRUE;
    return FALSE;
}

static void delete_keys(void)
{
    HKEY k;
    LSTATUS rc;

    rc = RegDeleteTreeW(HKEY_CURRENT_USER, REGSETTINGS_USER_KEY);
    CHECK(rc == ERROR_SUCCESS || rc == ERROR_FILE_NOT_FOUND);
    if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Policies", 0, KEY_ALL_ACCESS | KEY_WOW64_64KEY, &k) ==
        ERROR_SUCCESS) {
        rc = RegDeleteTreeW(k, L"wutray");
        CHECK(rc == ERROR_SUCCESS || rc == ERROR_FILE_NOT_FOUND);
        RegCloseKey(k);
    }
}

static HKEY create_key(HKEY root, const wchar_t *path, REGSAM view)
{
    HKEY k = NULL;
    LSTATUS rc = RegCreateKeyExW(root, path, 0, NULL, 0, KEY_SET_VALUE | view, NULL, &k, NULL);
    CHECK_EQ_INT(ERROR_SUCCESS, rc);
    return rc == ERROR_SUCCESS ? k : NULL;
}

static void set_dword(HKEY k, const wchar_t *name, DWORD v)
{
    CHECK_EQ_INT(ERROR_SUCCESS, RegSetKeyValueW(k, NULL, name, REG_DWORD, &v, sizeof(v)));
}

static void set_raw(HKEY k, const wchar_t *name, DWORD type, const void *data, DWORD size)
{
    CHECK_EQ_INT(ERROR_SUCCESS, RegSetKeyValueW(k, NULL, name, type, data, size));
}

static void check_all_default(const struct settings *s)
{
    struct settings d;
    settings_defaults(&d);
    for (int i = 0; i < SETTING_COUNT; i++) {
        CHECK_EQ_INT(settings_get(&d, (enum setting_id)i), settings_get(s, (enum setting_id)i));
        CHECK_EQ_INT(SETTING_FROM_DEFAULT, settings_source(s, (enum setting_id)i));
    }
}

static void missing_keys_are_defaults(void)
{
    struct settings s;
    struct refusals f = {0};

    memset(&s, 0xA5, sizeof(s));
    regsettings_read(&s);
    check_all_default(&s);
    CHECK_EQ_INT(0, regsettings_read_ex(&s, on_refused, &f));
    CHECK_EQ_INT(0, f.n);
    check_all_default(&s);
}

static void empty_keys_are_defaults(void)
{
    HKEY user = create_key(HKEY_CURRENT_USER, REGSETTINGS_USER_KEY, 0);
    HKEY policy = create_key(HKEY_LOCAL_MACHINE, REGSETTINGS_POLICY_KEY, KEY_WOW64_64KEY);
    struct settings s;

    regsettings_read(&s);
    check_all_default(&s);
    if (user) RegCloseKey(user);
    if (policy) RegCloseKey(policy);
}

static void user_and_policy(void)
{
    static const wchar_t one_sz[] = L"1";
    static const BYTE four[4] = {14, 0, 0, 0};
    const DWORD big_endian_48 = 0x30000000; /* 48 as REG_DWORD_BIG_ENDIAN */
    const ULONGLONG qword_one = 1;
    HKEY user = create_key(HKEY_CURRENT_USER, REGSETTINGS_USER_KEY, 0);
    HKEY policy = create_key(HKEY_LOCAL_MACHINE, REGSETTINGS_POLICY_KEY, KEY_WOW64_64KEY);
    struct settings s;
    struct refusals f = {0};

    if (!user || !policy) {
        TEST_FAIL_AT("cannot create the settings keys");
        return;
    }
    set_dword(user, L"PollMinutes", 10);
    set_dword(user, L"StalledSearchDays", 14);
    set_dword(user, L"PatchAgeDays", 60);
    set_dword(user, L"RebootOverdueHours", 0);                       /* below 1: refused */
    set_raw(user, L"IncludeBits", REG_SZ, one_sz, sizeof(one_sz));   /* wrong type: ignored */
    set_dword(user, L"Alerts", 0);
    set_dword(user, L"NoSuchSetting", 1);                             /* not ours: not read */

    set_dword(policy, L"PollMinutes", 60);                            /* beats the user's 10 */
    set_dword(policy, L"PatchAgeDays", 400);                          /* above 180: the user's 60 stays */
    set_dword(policy, L"IncludeBits", 1);
    set_raw(policy, L"Alerts", REG_QWORD, &qword_one, sizeof(qword_one));
    set_raw(policy, L"StalledSearchDays", REG_BINARY, four, sizeof(four));
    set_raw(policy, L"RebootOverdueHours", REG_DWORD_BIG_ENDIAN, &big_endian_48, sizeof(big_endian_48));

    CHECK_EQ_INT(6, regsettings_read_ex(&s, on_refused, &f));
    CHECK_EQ_INT(60, s.poll_minutes);
    CHECK_EQ_INT(SETTING_FROM_POLICY, settings_source(&s, SETTING_POLL_MINUTES));
    CHECK(settings_locked(&s, SETTING_POLL_MINUTES));
    CHECK_EQ_INT(14, s.stalled_search_days);
    CHECK_EQ_INT(SETTING_FROM_USER, settings_source(&s, SETTING_STALLED_SEARCH_DAYS));
    CHECK_EQ_INT(60, s.patch_age_days);
    CHECK_EQ_INT(SETTING_FROM_USER, settings_source(&s, SETTING_PATCH_AGE_DAYS));
    CHECK(!settings_locked(&s, SETTING_PATCH_AGE_DAYS));
    CHECK_EQ_INT(24, s.reboot_overdue_hours);
    CHECK_EQ_INT(SETTING_FROM_DEFAULT, settings_source(&s, SETTING_REBOOT_OVERDUE_HOURS));
    CHECK_EQ_INT(1, s.include_bits);
    CHECK_EQ_INT(SETTING_FROM_POLICY, settings_source(&s, SETTING_INCLUDE_BITS));
    CHECK_EQ_INT(0, s.alerts);
    CHECK_EQ_INT(SETTING_FROM_USER, settings_source(&s, SETTING_ALERTS));

    CHECK_EQ_INT(6, f.n);
    CHECK(refused(&f, SETTING_FROM_USER, SETTING_REBOOT_OVERDUE_HOURS, REGSETTINGS_OUT_OF_RANGE, REG_DWORD, 0));
    CHECK(refused(&f, SETTING_FROM_USER, SETTING_INCLUDE_BITS, REGSETTINGS_WRONG_TYPE, REG_SZ, 0));
    CHECK(refused(&f, SETTING_FROM_POLICY, SETTING_PATCH_AGE_DAYS, REGSETTINGS_OUT_OF_RANGE, REG_DWORD, 400));
    CHECK(refused(&f, SETTING_FROM_POLICY, SETTING_ALERTS, REGSETTINGS_WRONG_TYPE, REG_QWORD, 0));
    CHECK(refused(&f, SETTING_FROM_POLICY, SETTING_STALLED_SEARCH_DAYS, REGSETTINGS_WRONG_TYPE, REG_BINARY, 0));
    CHECK(refused(&f, SETTING_FROM_POLICY, SETTING_REBOOT_OVERDUE_HOURS, REGSETTINGS_WRONG_TYPE,
                  REG_DWORD_BIG_ENDIAN, 0));

    /* The plain reader gives the same settings. */
    {
        struct settings t;
        regsettings_read(&t);
        for (int i = 0; i < SETTING_COUNT; i++) {
            CHECK_EQ_INT(settings_get(&s, (enum setting_id)i), settings_get(&t, (enum setting_id)i));
            CHECK_EQ_INT(settings_source(&s, (enum setting_id)i), settings_source(&t, (enum setting_id)i));
        }
    }

    /* A valid policy value replaces a refused one, and the user's stays shadowed. */
    set_dword(policy, L"Alerts", 1);
    set_dword(policy, L"PatchAgeDays", 30);
    regsettings_read(&s);
    CHECK_EQ_INT(1, s.alerts);
    CHECK_EQ_INT(SETTING_FROM_POLICY, settings_source(&s, SETTING_ALERTS));
    CHECK_EQ_INT(30, s.patch_age_days);
    CHECK_EQ_INT(SETTING_FROM_POLICY, settings_source(&s, SETTING_PATCH_AGE_DAYS));
    RegCloseKey(policy);

    /* Without the policy key the user's own values take over. */
    {
        HKEY k;
        if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Policies", 0, KEY_ALL_ACCESS | KEY_WOW64_64KEY, &k) ==
            ERROR_SUCCESS) {
            CHECK_EQ_INT(ERROR_SUCCESS, RegDeleteTreeW(k, L"wutray"));
            RegCloseKey(k);
        }
    }
    memset(&f, 0, sizeof(f));
    CHECK_EQ_INT(2, regsettings_read_ex(&s, on_refused, &f));
    CHECK_EQ_INT(10, s.poll_minutes);
    CHECK_EQ_INT(SETTING_FROM_USER, settings_source(&s, SETTING_POLL_MINUTES));
    CHECK_EQ_INT(0, s.include_bits);
    CHECK_EQ_INT(SETTING_FROM_DEFAULT, settings_source(&s, SETTING_INCLUDE_BITS));
    CHECK_EQ_INT(60, s.patch_age_days);
    CHECK_EQ_INT(0, s.alerts);
    RegCloseKey(user);
}

static void policy_only(void)
{
    HKEY policy = create_key(HKEY_LOCAL_MACHINE, REGSETTINGS_POLICY_KEY, KEY_WOW64_64KEY);
    struct settings s;

    if (!policy) return;
    set_dword(policy, L"RebootOverdueHours", 720);
    set_dword(policy, L"pollminutes", 1440); /* value names are case-insensitive */
    RegCloseKey(policy);
    regsettings_read(&s);
    CHECK_EQ_INT(720, s.reboot_overdue_hours);
    CHECK_EQ_INT(1440, s.poll_minutes);
    CHECK_EQ_INT(SETTING_FROM_POLICY, settings_source(&s, SETTING_POLL_MINUTES));
    CHECK_EQ_INT(SETTING_FROM_DEFAULT, settings_source(&s, SETTING_ALERTS));
}

/* The snooze survives a restart of wutray; it is not a setting. */
static void snooze(void)
{
    struct settings s;

    CHECK_EQ_INT(0, regsettings_load_snooze());
    CHECK(regsettings_save_snooze(1800000000000ull));
    CHECK_EQ_INT(1800000000000ull, regsettings_load_snooze());
    regsettings_read(&s); /* ignored by the settings */
    check_all_default(&s);
    CHECK(regsettings_save_snooze(0));
    CHECK_EQ_INT(0, regsettings_load_snooze());
    CHECK(regsettings_save_snooze(0)); /* nothing to delete is fine */
}

/* What the Settings dialog writes: the user's own value, read back as the
 * user's; never a value out of range; policy still wins when read. */
static void saving(void)
{
    struct settings s;
    HKEY policy;

    CHECK_EQ_INT(ERROR_SUCCESS, regsettings_save(SETTING_STALLED_SEARCH_DAYS, 3));
    CHECK_EQ_INT(ERROR_SUCCESS, regsettings_save(SETTING_ALERTS, 0));
    regsettings_read(&s);
    CHECK_EQ_INT(3, s.stalled_search_days);
    CHECK_EQ_INT(SETTING_FROM_USER, settings_source(&s, SETTING_STALLED_SEARCH_DAYS));
    CHECK_EQ_INT(0, s.alerts);
    /* Out of range: refused, and the value written before stays. */
    CHECK_EQ_INT(ERROR_INVALID_DATA, regsettings_save(SETTING_STALLED_SEARCH_DAYS, 91));
    CHECK_EQ_INT(ERROR_INVALID_DATA, regsettings_save(SETTING_STALLED_SEARCH_DAYS, 0));
    CHECK_EQ_INT(ERROR_INVALID_DATA, regsettings_save(SETTING_ALERTS, 2));
    CHECK_EQ_INT(ERROR_INVALID_PARAMETER, regsettings_save(SETTING_COUNT, 1));
    regsettings_read(&s);
    CHECK_EQ_INT(3, s.stalled_search_days);
    CHECK_EQ_INT(0, s.alerts);
    /* Written as a REG_DWORD, as an administrator would with reg add. */
    {
        DWORD type = 0, v = 0, size = sizeof(v);
        CHECK_EQ_INT(ERROR_SUCCESS, RegGetValueW(HKEY_CURRENT_USER, REGSETTINGS_USER_KEY, L"StalledSearchDays",
                                                 RRF_RT_ANY, &type, &v, &size));
        CHECK_EQ_INT(REG_DWORD, type);
        CHECK_EQ_INT(3, v);
    }
    /* Policy's value wins over what the user saves. */
    policy = create_key(HKEY_LOCAL_MACHINE, REGSETTINGS_POLICY_KEY, KEY_WOW64_64KEY);
    if (!policy) return;
    set_dword(policy, L"StalledSearchDays", 10);
    RegCloseKey(policy);
    CHECK_EQ_INT(ERROR_SUCCESS, regsettings_save(SETTING_STALLED_SEARCH_DAYS, 5));
    regsettings_read(&s);
    CHECK_EQ_INT(10, s.stalled_search_days);
    CHECK(settings_locked(&s, SETTING_STALLED_SEARCH_DAYS));
}

static void set_run(HKEY root, REGSAM view, const wchar_t *cmd)
{
    HKEY k = create_key(root, REGSETTINGS_RUN_KEY, view);
    if (!k) return;
    set_raw(k, REGSETTINGS_RUN_VALUE, REG_SZ, cmd, (DWORD)((wcslen(cmd) + 1) * sizeof(wchar_t)));
    RegCloseKey(k);
}

/* Start at sign-in: the user's Run value written, read back and deleted; the
 * MSI's for every user is seen in the 64-bit view of HKLM. */
static void autostart(void)
{
    static const wchar_t cmd[] = L"\"C:\\Program Files\\wutray\\wutray.exe\"";
    wchar_t got[128];
    DWORD size = sizeof(got);
    BOOL user = 2, machine = 2;

    RegDeleteKeyValueW(HKEY_CURRENT_USER, REGSETTINGS_RUN_KEY, REGSETTINGS_RUN_VALUE);
    regsettings_read_autostart(&user, &machine);
    CHECK(!user && !machine);
    CHECK_EQ_INT(ERROR_SUCCESS, regsettings_save_autostart(cmd));
    regsettings_read_autostart(&user, &machine);
    CHECK(user && !machine);
    CHECK_EQ_INT(ERROR_SUCCESS, RegGetValueW(HKEY_CURRENT_USER, REGSETTINGS_RUN_KEY, REGSETTINGS_RUN_VALUE,
                                             RRF_RT_REG_SZ, NULL, got, &size));
    CHECK(wcscmp(got, cmd) == 0);
    CHECK_EQ_INT(ERROR_SUCCESS, regsettings_save_autostart(NULL));
    regsettings_read_autostart(&user, &machine);
    CHECK(!user);
    CHECK_EQ_INT(ERROR_SUCCESS, regsettings_save_autostart(NULL)); /* nothing to delete is fine */

    set_run(HKEY_LOCAL_MACHINE, KEY_WOW64_64KEY, cmd);
    regsettings_read_autostart(&user, &machine);
    CHECK(!user && machine);
    CHECK_EQ_INT(ERROR_SUCCESS, RegDeleteKeyValueW(HKEY_LOCAL_MACHINE, REGSETTINGS_RUN_KEY, REGSETTINGS_RUN_VALUE));
    regsettings_read_autostart(&user, &machine);
    CHECK(!machine);
}

int wmain(void)
{
    struct settings s;

    delete_keys(); /* leftovers of an earlier run */
    missing_keys_are_defaults();
    empty_keys_are_defaults();
    delete_keys();
    user_and_policy();
    delete_keys();
    policy_only();
    delete_keys();
    regsettings_read(&s);
    check_all_default(&s);
    delete_keys();
    snooze();
    delete_keys();
    saving();
    delete_keys();
    autostart();
    return test_summary("test_regsettings");
}
