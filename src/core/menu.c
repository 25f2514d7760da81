#include "menu.h"
#include "msg.h"

#include <string.h>

static void add(struct menu_model *m, enum menu_cmd cmd, int msg, bool enabled)
{
    if (m->n_items >= MENU_MAX_ITEMS) return;
    m->items[m->n_items].cmd = cmd;
    m->items[m->n_items].msg = msg;
    m->items[m->n_items].enabled = enabled;
    m->items[m->n_items].is_default = false;
    m->items[m->n_items].sub = false;
    m->n_items++;
}

static void add_sub(struct menu_model *m, enum menu_cmd cmd, int msg, bool enabled)
{
    add(m, cmd, msg, enabled);
    if (m->n_items && m->items[m->n_items - 1].cmd == cmd) m->items[m->n_items - 1].sub = true;
}

void menu_build(const struct menu_state *st, struct menu_model *out)
{
    bool busy = st->restarting || st->exiting;

    memset(out, 0, sizeof(*out));
    if (st->restarting) out->status_msg = IDS_LEVEL_RESTARTING;
    else if (!st->have_result) out->status_msg = IDS_LEVEL_CHECKING;
    else out->status_msg = health_state_msg(st->state);

    add(out, MENU_CMD_STATUS, IDS_MENU_STATUS, false);
    add(out, MENU_CMD_DETAILS, IDS_MENU_DETAILS, st->have_result);
    add(out, MENU_CMD_SEPARATOR, 0, false);
    /* Never silently: re-enabling is its own item, shown only when needed. */
    if (st->have_result && st->any_disabled) add(out, MENU_CMD_REENABLE, IDS_MENU_REENABLE, !busy);
    add(out, MENU_CMD_RESTART, IDS_MENU_RESTART, !busy);
    add(out, MENU_CMD_TROUBLESHOOT, IDS_MENU_TROUBLESHOOT, true);
    add(out, MENU_CMD_SETTINGS, IDS_MENU_SETTINGS, true);
    add(out, MENU_CMD_CHECK, IDS_MENU_CHECK, !busy);
    /* Snoozing again replaces the snooze; Resume only while snoozed. */
    add(out, MENU_CMD_SNOOZE, IDS_MENU_SNOOZE, true);
    add_sub(out, MENU_CMD_SNOOZE_HOUR, IDS_MENU_SNOOZE_HOUR, true);
    add_sub(out, MENU_CMD_SNOOZE_DAY, IDS_MENU_SNOOZE_DAY, true);
    add_sub(out, MENU_CMD_SNOOZE_WEEK, IDS_MENU_SNOOZE_WEEK, true);
    add_sub(out, MENU_CMD_RESUME_ALERTS, IDS_MENU_RESUME_ALERTS, st->snoozed);
    add(out, MENU_CMD_SEPARATOR, 0, false);
    /* Always available: neither changes the services. */
    add(out, MENU_CMD_WUTRAY_SETTINGS, IDS_MENU_WUTRAY_SETTINGS, true);
    add(out, MENU_CMD_ABOUT, IDS_MENU_ABOUT, true);
    add(out, MENU_CMD_EXIT, IDS_MENU_EXIT, !st->exiting);

    /* The bold item is what a click does; "Check now" when a click only opens the menu. */
    for (unsigned i = 0; i < out->n_items; i++) {
        enum menu_cmd want = menu_click_action(st);
        if (want == MENU_CMD_NONE) want = MENU_CMD_CHECK;
        if (out->items[i].cmd == want && out->items[i].enabled)
            out->items[i].is_default = true;
    }
}

enum menu_cmd menu_click_action(const struct menu_state *st)
{
    if (!st->have_result || st->restarting || st->exiting) return MENU_CMD_NONE;
    switch (health_state_action(st->state)) {
    case ACTION_FIX_SERVICES:
        /* A service that is disabled, missing or stuck: the restart helps
         * (or re-enabling, the one thing it will not do by itself). */
        if (st->any_disabled) return MENU_CMD_REENABLE;
        return st->level == HEALTH_BROKEN ? MENU_CMD_RESTART : MENU_CMD_NONE;
    case ACTION_TROUBLESHOOT: return MENU_CMD_TROUBLESHOOT;
    case ACTION_UPDATE_SETTINGS: return MENU_CMD_SETTINGS;
    case ACTION_MENU: break;
    }
    return MENU_CMD_NONE; /* nothing to fix: the menu */
}
