#define COBJMACROS
#include "netcost.h"

#include <windows.h>
#include <initguid.h> /* this file defines the GUIDs it uses, once */
#include <netlistmgr.h>

void netcost_read(struct net_signals *out)
{
    INetworkCostManager *ncm = NULL;
    DWORD cost = 0;

    ZeroMemory(out, sizeof(*out));
    if (FAILED(CoCreateInstance(&CLSID_NetworkListManager, NULL, CLSCTX_ALL, &IID_INetworkCostManager,
                                (void **)&ncm)))
        return;
    if (SUCCEEDED(INetworkCostManager_GetCost(ncm, &cost, NULL)) && cost != NLM_CONNECTION_COST_UNKNOWN) {
        out->known = true;
        out->cost = cost;
        out->metered = signals_cost_metered(cost);
    }
    INetworkCostManager_Release(ncm);
}
