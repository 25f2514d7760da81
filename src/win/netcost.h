/* Whether the network connection is metered (Network List Manager, COM):
 * Windows may then wait to download updates, which is neutral, not a fault.
 * Call on a thread that has called CoInitializeEx; "not known" rather than
 * guess. */
#ifndef WUTRAY_NETCOST_H
#define WUTRAY_NETCOST_H

#include "signals.h"

void netcost_read(struct net_signals *out);

#endif
