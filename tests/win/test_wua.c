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
    /* It says when it asked, so the rules know it was asked. */
    CHECK(w->read_ms > 0 && w->read_ms <= now && now - w->read_ms < 60000);
}

static struct update_record storage[64];

static struct update_list empty_list(void)
{
    struct update_list l;
    ZeroMemory(&l, sizeof(l));
    l.r = storage;
    l.cap = 64;
    return l;
}

int wmain(void)
{
    struct wua_signals w;
    struct update_list l = empty_list();

    /* Without COM initialised: nothing known, not a crash. */
    wua_read(&w, &l);
    CHECK(!w.available);
    CHECK(!w.reboot_known);
    CHECK(!l.history_read);
    CHECK(!l.pending_read);
    CHECK_EQ_INT(0, l.n);
    plausible(&w);

    CHECK(SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED)));
    l = empty_list();
    wua_read(&w, &l);
    printf("Windows Update Agent results available: %s\n", w.available ? "yes" : "no");
    printf("reboot required known: %s, history read: %s\n", w.reboot_known ? "yes" : "no",
           l.history_read ? "yes" : "no");
    CHECK(!w.available); /* Wine 8: IAutomaticUpdates2 is E_NOINTERFACE */
    CHECK(!l.history_read); /* Wine 8: the history is E_NOTIMPL */
    CHECK(!l.pending_read); /* and so is Search */
    CHECK_EQ_INT(0, l.n);
    /* Without a list: the dates only. */
    wua_read(&w, NULL);
    CHECK(!w.available);
    CHECK(w.reboot_known && !w.reboot_required); /* Wine 8: SystemInformation answers FALSE */
    plausible(&w);

    /* Asked often, it stays unavailable and does not fail. (A leak check is
     * not possible here: Wine reports 0 handles and erratic private bytes.) */
    for (int i = 0; i < 500; i++) {
        l = empty_list();
        wua_read(&w, &l);
        if (w.available) break;
    }
    CHECK(!w.available);
    CoUninitialize();
    return test_summary("test_wua");
}
