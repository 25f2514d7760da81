/* The Settings dialog's decisions: which settings it offers, which of its
 * controls are locked (by Group Policy, or because they mean nothing now),
 * a typed number checked against the settings table, and the command line
 * written to the Run key for "Start wutray when I sign in". Pure: the
 * dialog itself is src/win/settings_dialog.c. */
#ifndef WUTRAY_SETTINGS_FORM_H
#define WUTRAY_SETTINGS_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "settings.h"

/* The settings the dialog offers, in its order; PollMinutes is not one (see
 * settings_form.c). */
#define FORM_FIELDS 6
extern const enum setting_id form_fields[FORM_FIELDS];
/* Whether the dialog offers this setting. */
bool form_offers(enum setting_id id);

/* A number as typed: digits, with spaces around them allowed. */
enum form_parse {
    FORM_VALUE_OK,
    FORM_VALUE_EMPTY,
    FORM_VALUE_NOT_A_NUMBER, /* a sign, a letter, a decimal point ... */
    FORM_VALUE_OUT_OF_RANGE  /* outside the setting's min..max (or too big for a DWORD) */
};
/* Parses `text` for setting `id`; *value is set on every path (0 unless OK). */
enum form_parse form_parse_number(enum setting_id id, const wchar_t *text, uint32_t *value);
/* The message shown beside a refused entry (format: %lu min, %lu max), or 0 for OK. */
int form_refusal_msg(enum form_parse p);

struct form_field_view {
    bool enabled;    /* the user may change it */
    bool locked;     /* fixed by Group Policy: "Set by your organisation" beside it */
    uint32_t value;  /* what applies now */
};

struct form_input {
    const struct settings *set;  /* as read, with where each value came from */
    uint64_t now_ms;
    uint64_t snooze_until_ms;    /* the tray's snooze (0: none) */
    bool run_user;               /* HKCU\...\CurrentVersion\Run has a "wutray" value */
    bool run_machine;            /* HKLM\...\CurrentVersion\Run has one (the MSI's start for every user) */
};

struct form_view {
    struct form_field_view field[SETTING_COUNT]; /* only the offered ones are filled */
    bool snoozed;          /* show "snoozed until" and Resume, else the snooze choices */
    bool snooze_enabled;   /* alerts are on: snoozing them means something */
    bool autostart_checked;
    bool autostart_enabled;
    bool autostart_machine; /* show "wutray already starts for every user of this PC" */
};

void form_view(const struct form_input *in, struct form_view *out);

enum form_run_change { FORM_RUN_KEEP, FORM_RUN_WRITE, FORM_RUN_DELETE };
/* The user ticked (want) or cleared the sign-in box: what to do with the
 * user's Run value. Never a second start beside the machine's. */
enum form_run_change form_autostart_change(bool run_user, bool run_machine, bool want);

/* The Run value for `exe` (a full path): the path in double quotes, so a
 * folder with spaces cannot be read as another program. False (and out
 * emptied) for an empty or relative path, one with a quote, or one too long. */
bool form_run_command(const wchar_t *exe, wchar_t *out, size_t cap);

#endif
