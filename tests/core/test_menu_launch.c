/* The menu model and the choice of Windows page per version. */
#include "launch.h"
#include "menu.h"
#include "msg.h"
#include "test.h"

static const struct menu_item *find(const struct menu_model *m, enum menu_cmd cmd)
{
    for (unsigned i = 0; i < m->n_items; i++)
        if (m->items[i].cmd == cmd) return &m->items[i];
    return NULL;
}

static void menus(void)
{
    struct menu_model m;
    struct menu_state st = {0};

    menu_build(&st, &m);
    CHECK_EQ_INT(MENU_CMD_STATUS, m.items[0].cmd);
    CHECK(!m.items[0].enabled);
    CHECK_EQ_INT(IDS_LEVEL_CHECKING, m.status_msg);
    CHECK_EQ_INT(MENU_CMD_EXIT, m.items[m.n_items - 1].cmd);
    CHECK(find(&m, MENU_CMD_RESTART)->enabled);
    CHECK(find(&m, MENU_CMD_CHECK)->is_default);

    CHECK(!find(&m, MENU_CMD_DETAILS)->enabled); /* nothing to show yet */

    st.have_result = true;
    st.level = HEALTH_BROKEN;
    st.state = STATE_BROKEN;
    menu_build(&st, &m);
    CHECK_EQ_INT(IDS_STATE_NAME_BROKEN, m.status_msg);
    CHECK(find(&m, MENU_CMD_DETAILS)->enabled);
    CHECK(find(&m, MENU_CMD_RESTART)->is_default);
    CHECK(!find(&m, MENU_CMD_CHECK)->is_default);

    CHECK(find(&m, MENU_CMD_REENABLE) == NULL); /* only when something is disabled */

    st.any_disabled = true;
    menu_build(&st, &m);
    CHECK(find(&m, MENU_CMD_REENABLE) != NULL);
    CHECK(find(&m, MENU_CMD_REENABLE)->is_default);
    CHECK(!find(&m, MENU_CMD_RESTART)->is_default);
    st.any_disabled = false;

    /* Snoozing: a submenu (an hour, a day, a week, Resume); Resume only
     * while snoozed, and snoozing again is offered then too. */
    CHECK(find(&m, MENU_CMD_SNOOZE) && !find(&m, MENU_CMD_SNOOZE)->sub);
    CHECK(find(&m, MENU_CMD_SNOOZE_HOUR) && find(&m, MENU_CMD_SNOOZE_HOUR)->sub);
    CHECK(find(&m, MENU_CMD_SNOOZE_DAY) && find(&m, MENU_CMD_SNOOZE_DAY)->sub);
    CHECK(find(&m, MENU_CMD_SNOOZE_WEEK) && find(&m, MENU_CMD_SNOOZE_WEEK)->sub);
    CHECK(find(&m, MENU_CMD_RESUME_ALERTS) && find(&m, MENU_CMD_RESUME_ALERTS)->sub);
    CHECK(!find(&m, MENU_CMD_RESUME_ALERTS)->enabled);
    CHECK(find(&m, MENU_CMD_SNOOZE_HOUR) > find(&m, MENU_CMD_SNOOZE)); /* after their header */
    CHECK(find(&m, MENU_CMD_EXIT) && !find(&m, MENU_CMD_EXIT)->sub);
    st.snoozed = true;
    menu_build(&st, &m);
    CHECK(find(&m, MENU_CMD_RESUME_ALERTS)->enabled);
    CHECK(find(&m, MENU_CMD_SNOOZE_HOUR)->enabled);
    CHECK(m.n_items <= MENU_MAX_ITEMS);
    st.snoozed = false;

    /* wutray's own settings and About: both there, after Snooze's submenu,
     * not in it, and apart from "Open Windows Update settings". */
    CHECK(find(&m, MENU_CMD_WUTRAY_SETTINGS) && find(&m, MENU_CMD_ABOUT));
    CHECK(find(&m, MENU_CMD_SETTINGS) && find(&m, MENU_CMD_WUTRAY_SETTINGS) != find(&m, MENU_CMD_SETTINGS));
    CHECK_EQ_INT(IDS_MENU_WUTRAY_SETTINGS, find(&m, MENU_CMD_WUTRAY_SETTINGS)->msg);
    CHECK_EQ_INT(IDS_MENU_ABOUT, find(&m, MENU_CMD_ABOUT)->msg);
    CHECK(!find(&m, MENU_CMD_WUTRAY_SETTINGS)->sub && !find(&m, MENU_CMD_ABOUT)->sub);
    CHECK(find(&m, MENU_CMD_WUTRAY_SETTINGS) > find(&m, MENU_CMD_RESUME_ALERTS));
    CHECK(find(&m, MENU_CMD_ABOUT) < find(&m, MENU_CMD_EXIT));

    st.restarting = true; /* no second restart at once */
    menu_build(&st, &m);
    CHECK(find(&m, MENU_CMD_WUTRAY_SETTINGS)->enabled); /* settings and About never wait for a restart */
    CHECK(find(&m, MENU_CMD_ABOUT)->enabled);
    CHECK_EQ_INT(IDS_LEVEL_RESTARTING, m.status_msg);
    CHECK(!find(&m, MENU_CMD_RESTART)->enabled);
    CHECK(!find(&m, MENU_CMD_CHECK)->enabled);
    CHECK(find(&m, MENU_CMD_TROUBLESHOOT)->enabled);
    CHECK(find(&m, MENU_CMD_EXIT)->enabled);

    st.exiting = true;
    menu_build(&st, &m);
    CHECK(!find(&m, MENU_CMD_EXIT)->enabled);

    /* The longest menu (every optional item): nothing dropped, Exit still last. */
    st.have_result = st.any_disabled = st.snoozed = true;
    menu_build(&st, &m);
    CHECK(find(&m, MENU_CMD_REENABLE) != NULL);
    CHECK_EQ_INT(MENU_CMD_EXIT, m.items[m.n_items - 1].cmd);

    for (unsigned i = 0; i < m.n_items; i++)
        CHECK(m.items[i].cmd == MENU_CMD_SEPARATOR || m.items[i].msg != 0);
}

/* A click on the icon or a balloon does what fits the state; otherwise it
 * opens the menu. */
static void clicks(void)
{
    static const struct {
        enum health_state state;
        enum health_level level;
        bool disabled, busy;
        enum menu_cmd want;
    } rows[] = {
        {STATE_BROKEN, HEALTH_BROKEN, false, false, MENU_CMD_RESTART},
        {STATE_BROKEN, HEALTH_BROKEN, true, false, MENU_CMD_REENABLE},
        {STATE_BROKEN, HEALTH_BROKEN, false, true, MENU_CMD_NONE},
        {STATE_STALLED, HEALTH_BROKEN, false, false, MENU_CMD_TROUBLESHOOT},
        {STATE_FAILING, HEALTH_BROKEN, false, false, MENU_CMD_TROUBLESHOOT},
        {STATE_ATTENTION, HEALTH_ATTENTION, false, false, MENU_CMD_NONE},
        {STATE_RESTART_NEEDED, HEALTH_ATTENTION, false, false, MENU_CMD_SETTINGS},
        {STATE_WORKING, HEALTH_OK, false, false, MENU_CMD_NONE},
        {STATE_UNKNOWN, HEALTH_UNKNOWN, false, false, MENU_CMD_NONE},
        {STATE_PAUSED, HEALTH_OK, false, false, MENU_CMD_NONE},
        {STATE_MANAGED, HEALTH_OK, false, false, MENU_CMD_NONE},
        {STATE_OK, HEALTH_OK, false, false, MENU_CMD_NONE},
    };
    struct menu_state st = {0};
    struct menu_model m;

    CHECK_EQ_INT(MENU_CMD_NONE, menu_click_action(&st)); /* before the first check */
    st.have_result = true;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        st.state = rows[i].state;
        st.level = rows[i].level;
        st.any_disabled = rows[i].disabled;
        st.restarting = rows[i].busy;
        CHECK_EQ_INT(rows[i].want, menu_click_action(&st));
        /* and the bold item is the same action, or "Check now" */
        menu_build(&st, &m);
        for (unsigned k = 0; k < m.n_items; k++)
            if (m.items[k].is_default)
                CHECK_EQ_INT(rows[i].want == MENU_CMD_NONE ? MENU_CMD_CHECK : rows[i].want, m.items[k].cmd);
        CHECK_EQ_INT(health_state_msg(rows[i].state), rows[i].busy ? health_state_msg(rows[i].state) : m.status_msg);
    }
}

/* The one table of each state's face: its name, icon and click. Every state
 * has all three; the icon follows the state (Working is the working icon
 * whatever the level); each of the nine badges is used, stalled and
 * failing share one, paused and managed another. */
static void state_faces(void)
{
    static const struct {
        enum health_state state;
        int name;
        enum state_icon icon;
        enum state_action click;
    } rows[] = {
        {STATE_BROKEN, IDS_STATE_NAME_BROKEN, ICON_BROKEN, ACTION_FIX_SERVICES},
        {STATE_UNSUPPORTED, IDS_STATE_NAME_UNSUPPORTED, ICON_UNSUPPORTED, ACTION_UPDATE_SETTINGS},
        {STATE_STALLED, IDS_STATE_NAME_STALLED, ICON_FAILING, ACTION_TROUBLESHOOT},
        {STATE_FAILING, IDS_STATE_NAME_FAILING, ICON_FAILING, ACTION_TROUBLESHOOT},
        {STATE_ATTENTION, IDS_STATE_NAME_ATTENTION, ICON_ATTENTION, ACTION_MENU},
        {STATE_RESTART_NEEDED, IDS_STATE_NAME_RESTART_NEEDED, ICON_RESTART, ACTION_UPDATE_SETTINGS},
        {STATE_WORKING, IDS_STATE_NAME_WORKING, ICON_WORKING, ACTION_MENU},
        {STATE_UNKNOWN, IDS_STATE_NAME_UNKNOWN, ICON_UNKNOWN, ACTION_MENU},
        {STATE_PAUSED, IDS_STATE_NAME_PAUSED, ICON_PAUSED, ACTION_MENU},
        {STATE_MANAGED, IDS_STATE_NAME_MANAGED, ICON_PAUSED, ACTION_MENU},
        {STATE_OK, IDS_STATE_NAME_OK, ICON_OK, ACTION_MENU},
    };

    CHECK_EQ_INT(STATE_COUNT, (int)(sizeof(rows) / sizeof(rows[0])));
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        CHECK_EQ_INT(rows[i].name, health_state_msg(rows[i].state));
        CHECK_EQ_INT(rows[i].icon, health_state_icon(rows[i].state));
        CHECK_EQ_INT(rows[i].click, health_state_action(rows[i].state));
    }
    CHECK_EQ_INT(ICON_UNKNOWN, health_state_icon(STATE_COUNT));
    CHECK_EQ_INT(ACTION_MENU, health_state_action(STATE_COUNT));
    for (int icon = 0; icon < ICON_APP; icon++) { /* every badge stands for a state */
        int used = 0;
        for (int st = 0; st < STATE_COUNT; st++) used += (int)health_state_icon((enum health_state)st) == icon;
        if (used) test_passed++;
        else TEST_FAIL_AT("icon %d stands for no state", icon);
    }
}

static bool only_cpl(void *ctx, enum launch_target t)
{
    (void)ctx;
    return t == TARGET_CPL_TROUBLESHOOTING || t == TARGET_CPL_WINDOWSUPDATE;
}
static bool all(void *ctx, enum launch_target t) { (void)ctx; (void)t; return true; }
static bool none(void *ctx, enum launch_target t) { (void)ctx; (void)t; return false; }

static bool all_but_gethelp(void *ctx, enum launch_target t)
{
    (void)ctx;
    return t != TARGET_GETHELP_WU;
}
static bool only_settings(void *ctx, enum launch_target t)
{
    (void)ctx;
    return t == TARGET_SETTINGS_TROUBLESHOOT || t == TARGET_SETTINGS_WINDOWSUPDATE;
}

/* Renders a chain as "gethelp,settings,cpl". */
static const char *chain_str(enum launch_action action, uint32_t build)
{
    static char buf[128];
    static const char *names[] = {"none", "gethelp", "msdt", "settings", "settings-wu", "cpl", "cpl-wu"};
    enum launch_target chain[LAUNCH_MAX_TARGETS];
    unsigned n = launch_chain(action, build, chain);
    buf[0] = 0;
    for (unsigned i = 0; i < n; i++) {
        if (i) strcat(buf, ",");
        strcat(buf, names[chain[i]]);
    }
    return buf;
}

static void launches(void)
{
    /* The troubleshooter, per Windows version. */
    CHECK_EQ_STR("cpl", chain_str(LAUNCH_TROUBLESHOOTER, 7601));                /* Windows 7 */
    CHECK_EQ_STR("cpl", chain_str(LAUNCH_TROUBLESHOOTER, 9600));                /* Windows 8.1 */
    CHECK_EQ_STR("msdt,settings,cpl", chain_str(LAUNCH_TROUBLESHOOTER, 10240)); /* Windows 10 RTM */
    CHECK_EQ_STR("msdt,settings,cpl", chain_str(LAUNCH_TROUBLESHOOTER, 19045)); /* Windows 10 22H2 */
    CHECK_EQ_STR("msdt,settings,cpl", chain_str(LAUNCH_TROUBLESHOOTER, 22000)); /* Windows 11 21H2 */
    CHECK_EQ_STR("gethelp,settings,cpl", chain_str(LAUNCH_TROUBLESHOOTER, 22621)); /* Windows 11 22H2 */
    CHECK_EQ_STR("gethelp,settings,cpl", chain_str(LAUNCH_TROUBLESHOOTER, 26100)); /* Windows 11 24H2 */
    /* Windows Update settings. */
    CHECK_EQ_STR("cpl-wu", chain_str(LAUNCH_UPDATE_SETTINGS, 9600));
    CHECK_EQ_STR("settings-wu,cpl-wu", chain_str(LAUNCH_UPDATE_SETTINGS, 10240));
    CHECK_EQ_STR("settings-wu,cpl-wu", chain_str(LAUNCH_UPDATE_SETTINGS, 26100));

    /* Fall-backs: each missing handler moves to the next entry. */
    CHECK_EQ_INT(TARGET_GETHELP_WU, launch_pick(LAUNCH_TROUBLESHOOTER, 22631, all, NULL));
    CHECK_EQ_INT(TARGET_SETTINGS_TROUBLESHOOT, launch_pick(LAUNCH_TROUBLESHOOTER, 22631, all_but_gethelp, NULL));
    CHECK_EQ_INT(TARGET_MSDT_WU, launch_pick(LAUNCH_TROUBLESHOOTER, 19045, all, NULL));
    CHECK_EQ_INT(TARGET_SETTINGS_TROUBLESHOOT, launch_pick(LAUNCH_TROUBLESHOOTER, 19045, only_settings, NULL));
    CHECK_EQ_INT(TARGET_CPL_TROUBLESHOOTING, launch_pick(LAUNCH_TROUBLESHOOTER, 19045, only_cpl, NULL));
    CHECK_EQ_INT(TARGET_CPL_TROUBLESHOOTING, launch_pick(LAUNCH_TROUBLESHOOTER, 9600, all, NULL));
    CHECK_EQ_INT(TARGET_NONE, launch_pick(LAUNCH_TROUBLESHOOTER, 19045, none, NULL));
    CHECK_EQ_INT(TARGET_SETTINGS_WINDOWSUPDATE, launch_pick(LAUNCH_UPDATE_SETTINGS, 10240, all, NULL));
    CHECK_EQ_INT(TARGET_CPL_WINDOWSUPDATE, launch_pick(LAUNCH_UPDATE_SETTINGS, 10239, all, NULL));
}

int main(void)
{
    state_faces();
    menus();
    clicks();
    launches();
    return test_summary("test_menu_launch");
}
