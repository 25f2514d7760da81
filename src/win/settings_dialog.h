/* The Settings dialog: one modeless window (a second "Settings..." brings
 * the open one to the front) from the template in res/settings.rc. Every
 * change is written at once to the user's key (through regsettings.c) and
 * announced with ops.changed, so the tray checks again with it; the snooze
 * belongs to the tray and goes through ops. What is locked and what a typed
 * number may be is decided in src/core/settings_form.c. */
#ifndef WUTRAY_SETTINGS_DIALOG_H
#define WUTRAY_SETTINGS_DIALOG_H

#include <windows.h>
#include <stdint.h>

#include "settings.h"

struct settings_dialog_ops {
    void *ctx;
    uint64_t (*snoozed_until)(void *ctx);       /* epoch ms; 0 when not snoozed */
    void (*snooze)(void *ctx, uint64_t for_ms); /* 0: resume */
    void (*changed)(void *ctx);                 /* a setting was written: look again */
};

#define SETTINGS_DIALOG_NUMBERS 4 /* the thresholds typed as numbers */

struct settings_dialog {
    HWND hwnd; /* the open dialog, or NULL */
    struct settings_dialog_ops ops;
    /* What the dialog shows, as last read. */
    struct settings set;
    BOOL run_user, run_machine;
    BOOL refused[SETTINGS_DIALOG_NUMBERS]; /* a number row holds text that was not saved */
    BOOL closing;    /* closing without saving the text being typed */
};

/* Opens the dialog, or brings the open one to the front. */
void settings_dialog_show(struct settings_dialog *d, HWND owner);
/* For the message loop: TRUE when msg was the dialog's keyboard input (Tab,
 * access keys, Enter, Esc) and has been handled. */
BOOL settings_dialog_message(struct settings_dialog *d, MSG *msg);

#endif
