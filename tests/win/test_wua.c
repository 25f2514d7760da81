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
}

int wmain(void)
{
    struct wua_signals w;

    /* Without COM initialised: unavailable, not a crash. */
    wua_read(&w);
    CHECK(!w.available);
    plausible(&w);

    CHECK(SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED)));
    wua_read(&w);
    printf("Windows Update Agent results available: %s\n", w.available ? "yes" : "no");
    CHECK(!w.available); /* Wine 8: IAutomaticUpdates2 is E_NOINTERFACE */
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
