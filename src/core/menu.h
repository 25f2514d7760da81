/* The tray's context menu as data: which items, in which order, enabled or
 * not, for a given state. The tray adapter turns it into an HMENU. */
#ifndef WUTRAY_MENU_H
#define WUTRAY_MENU_H

#include <stdbool.h>
#include "health.h"

enum menu_cmd {
    MENU_CMD_NONE = 0,
    MENU_CMD_STATUS = 1000, /* the disabled first line */
    MENU_CMD_DETAILS,       /* every signal, its value and what it means */
    MENU_CMD_RESTART,
    MENU_CMD_REENABLE, /* only while a service is disabled */
    MENU_CMD_TROUBLESHOOT,
    MENU_CMD_SETTINGS,
    MENU_CMD_CHECK,
    MENU_CMD_SNOOZE_DAY,
    MENU_CMD_SNOOZE_WEEK,
    MENU_CMD_RESUME_ALERTS, /* enabled only while snoozed */
    MENU_CMD_EXIT,
    MENU_CMD_SEPARATOR,
    MENU_CMD_SNOOZE,        /* "Snooze alerts": the submenu of the items marked `sub` after it */
    MENU_CMD_SNOOZE_HOUR,
    MENU_CMD_WUTRAY_SETTINGS, /* wutray's own settings dialog (MENU_CMD_SETTINGS opens Windows') */
    MENU_CMD_ABOUT
};

struct menu_item {
    enum menu_cmd cmd;
    int msg;      /* string table ID; 0 for a separator */
    bool enabled;
    bool is_default;
    bool sub; /* in the submenu of the MENU_CMD_SNOOZE item before it */
};

#define MENU_MAX_ITEMS 20

struct menu_model {
    unsigned n_items;
    struct menu_item items[MENU_MAX_ITEMS];
    int status_msg; /* level word shown in the status line */
};

struct menu_state {
    bool have_result;  /* false until the first evaluation finished */
    enum health_level level;
    enum health_state state;
    bool restarting;   /* a restart or re-enable is running */
    bool exiting;      /* exit was asked while a restart runs */
    bool any_disabled; /* a service's start type is Disabled */
    bool snoozed;      /* alerts are snoozed */
};

void menu_build(const struct menu_state *st, struct menu_model *out);
/* What a click on the icon or its balloon does: the action that fits the
 * state (re-enable or restart when a service is broken, the troubleshooter
 * when updates stall or fail, Windows Update settings when a restart is
 * waiting), or MENU_CMD_NONE: open the menu. It is also the menu's bold item. */
enum menu_cmd menu_click_action(const struct menu_state *st);

#endif
