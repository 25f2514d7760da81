/* Prints the longest tray menu (every optional item shown) as its string
 * IDs, one line each: "top ID" or "sub ID" (in the Snooze submenu).
 * tests/core/menu_keys_test.sh checks each language's access keys with it. */
#include <stdio.h>

#include "menu.h"

int main(void)
{
    struct menu_state st = {0};
    struct menu_model m;

    st.have_result = st.any_disabled = st.snoozed = true;
    menu_build(&st, &m);
    for (unsigned i = 0; i < m.n_items; i++) {
        const struct menu_item *it = &m.items[i];
        if (it->cmd == MENU_CMD_SEPARATOR || it->cmd == MENU_CMD_STATUS) continue; /* no key: the status line is greyed */
        printf("%s %d\n", it->sub ? "sub" : "top", it->msg);
    }
    return 0;
}
