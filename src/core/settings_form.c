#include "settings_form.h"
#include "msg.h"

#include <string.h>

/* What a home user may want to change. PollMinutes is left out: the service
 * manager and the registry tell wutray of every change, the poll is only a
 * safety net for what they miss, and a shorter one only costs battery.
 * LowDiskSpaceGB is in: on a small disk the 10 GB default can keep the icon
 * amber for good. */
const enum setting_id form_fields[FORM_FIELDS] = {
    SETTING_ALERTS,       SETTING_STALLED_SEARCH_DAYS, SETTING_PATCH_AGE_DAYS, SETTING_REBOOT_OVERDUE_HOURS,
    SETTING_LOW_DISK_GB, SETTING_INCLUDE_BITS,
};

bool form_offers(enum setting_id id)
{
    for (int i = 0; i < FORM_FIELDS; i++)
        if (form_fields[i] == id) return true;
    return false;
}

static bool is_space(wchar_t c)
{
    return c == L' ' || c == L'\t';
}

enum form_parse form_parse_number(enum setting_id id, const wchar_t *text, uint32_t *value)
{
    const struct setting_desc *d;
    uint64_t v = 0;
    bool big = false;
    const wchar_t *p = text;

    *value = 0;
    if ((unsigned)id >= SETTING_COUNT) return FORM_VALUE_NOT_A_NUMBER;
    d = &settings_table[id];
    if (!p) return FORM_VALUE_EMPTY;
    while (is_space(*p)) p++;
    if (!*p) return FORM_VALUE_EMPTY;
    for (; *p >= L'0' && *p <= L'9'; p++) {
        v = v * 10 + (uint64_t)(*p - L'0');
        if (v > UINT32_MAX) {
            big = true; /* keep reading: "99999999999x" is still not a number */
            v = UINT32_MAX;
        }
    }
    while (is_space(*p)) p++;
    if (*p) return FORM_VALUE_NOT_A_NUMBER;
    if (big || v < d->min || v > d->max) return FORM_VALUE_OUT_OF_RANGE;
    *value = (uint32_t)v;
    return FORM_VALUE_OK;
}

int form_refusal_msg(enum form_parse p)
{
    return p == FORM_VALUE_OK ? 0 : IDS_SET_NOT_SAVED;
}

void form_view(const struct form_input *in, struct form_view *out)
{
    memset(out, 0, sizeof(*out));
    for (int i = 0; i < FORM_FIELDS; i++) {
        enum setting_id id = form_fields[i];
        struct form_field_view *f = &out->field[id];
        f->locked = settings_locked(in->set, id);
        f->enabled = !f->locked;
        f->value = settings_get(in->set, id);
    }
    out->snoozed = in->snooze_until_ms > in->now_ms;
    /* With alerts off there is nothing to snooze; Resume stays usable. */
    out->snooze_enabled = in->set->alerts;
    /* The machine's start covers this user; a user value beside it (from
     * before the MSI) can still be cleared, but not set again. */
    out->autostart_machine = in->run_machine;
    out->autostart_checked = in->run_user;
    out->autostart_enabled = !in->run_machine || in->run_user;
}

enum form_run_change form_autostart_change(bool run_user, bool run_machine, bool want)
{
    if (want) return run_user || run_machine ? FORM_RUN_KEEP : FORM_RUN_WRITE;
    return run_user ? FORM_RUN_DELETE : FORM_RUN_KEEP;
}

static bool is_full_path(const wchar_t *p)
{
    bool drive = ((p[0] >= L'A' && p[0] <= L'Z') || (p[0] >= L'a' && p[0] <= L'z')) && p[1] == L':' && p[2] == L'\\';
    bool unc = p[0] == L'\\' && p[1] == L'\\' && p[2] && p[2] != L'\\';
    return drive || unc;
}

bool form_run_command(const wchar_t *exe, wchar_t *out, size_t cap)
{
    size_t n;

    if (cap) out[0] = L'\0';
    if (!exe || !is_full_path(exe) || wcschr(exe, L'"')) return false;
    n = wcslen(exe);
    if (n + 3 > cap) return false; /* two quotes and the terminator */
    out[0] = L'"';
    memcpy(out + 1, exe, n * sizeof(wchar_t));
    out[n + 1] = L'"';
    out[n + 2] = L'\0';
    return true;
}
