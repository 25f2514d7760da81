/* The network-cost adapter under Wine: it answers, or says "not known",
 * consistently and without failing, however often it is asked. */
#include <windows.h>
#include <objbase.h>

#include "netcost.h"
#include "test.h"

int wmain(void)
{
    struct net_signals n;

    netcost_read(&n); /* without COM: not known */
    CHECK(!n.known && !n.metered && n.cost == 0);

    CHECK(SUCCEEDED(CoInitializeEx(NULL, COINIT_APARTMENTTHREADED)));
    netcost_read(&n);
    printf("network cost known: %s, cost 0x%lx, metered: %s\n", n.known ? "yes" : "no", (unsigned long)n.cost,
           n.metered ? "yes" : "no");
    if (n.known) CHECK_EQ_INT(signals_cost_metered(n.cost), n.metered);
    else CHECK(!n.metered && n.cost == 0);
    for (int i = 0; i < 200; i++) {
        struct net_signals again;
        netcost_read(&again);
        if (again.known != n.known || again.metered != n.metered) {
            TEST_FAIL_AT("answer changed at call %d", i);
            break;
        }
    }
    CoUninitialize();
    return test_summary("test_netcost");
}
