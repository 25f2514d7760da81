/* The Windows Update Agent adapter under Wine, whose wuapi is mostly stubs
 * (no IAutomaticUpdates2): it must say "not available", never guess and
 * never crash, however often it is asked. */
#include <windows.h>
#include <objbase.h>

#include "os.h"
#include "test.h"
#include "wua.h"

static void plausible(const struct wua_signals *w)
{
    uint64_t now = os_now_epoch_ms();
    if (w->available) {
        /* Real Windows: dates in the past, or unknown. */
        CHECK(w->last_search_ms <= now + 86400000ull);
        CHECK(w->last_install_ms <= now + 86400000ull);
    } else {
        CHECK_EQ_INT(0, w->last_search_ms);
        CHECK_EQ_INT(0, w->last_install_ms);
    }
    if (!w->reboot_known) CHECK(!w->reboot_required);
    if (!w->history_known) {
        CHECK(!w->last_op_failed);
        CHECK_EQ_INT(0, w->last_op_hresult);
        CHECK_EQ_INT(0, w->last_op_ms);
    }
    /* It says when it asked, so the rules know it was asked. */
    CHECK(w->read_ms > 0 && w->read_ms <= now && now - w->read_ms < 60000);
}

int wmain(void)
{
    struct wua_signals w;

    /* Without COM initialised: nothing known, not a crash. */
    wua_read(&w);
    CHECK(!w.available);
    CHECK(!w.reboot_known);
    CHECK(!w.history_known);
    plausible(&w);

    CHECK(SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED)));
    wua_read(&w);
    printf("Windows Update Agent results available: %s\n", w.available ? "yes" : "no");
    printf("reboot required known: %s, history known: %s\n", w.reboot_known ? "yes" : "no",
           w.history_known ? "yes" : "no");
    CHECK(!w.available); /* Wine 8: IAutomaticUpdates2 is E_NOINTERFACE */
    CHECK(!w.history_known); /* Wine 8: the history is E_NOTIMPL */
    CHECK(w.reboot_known && !w.reboot_required); /* Wine 8: SystemInformation answers FALSE */
    plausible(&w);

    /* Asked often, it stays unavailable and does not fail. (A leak check is
     * not possible here: Wine reports 0 handles and erratic private bytes.) */
    for (int i = 0; i < 500; i++) {
        wua_read(&w);
        if (w.available) break;
    }
    CHECK(!w.available);
    CoUninitialize();
    return test_summary("test_wua");
}
