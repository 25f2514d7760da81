/* Windows Update Agent adapter (COM): when Windows last searched for and
 * installed updates, whether it wants a restart, the whole update history
 * (IUpdateSearcher::QueryHistory in pages, bounded) and the updates waiting
 * to be installed (an offline search of the agent's cache: Online = false,
 * nothing is downloaded). Call on a thread that has called CoInitializeEx
 * (STA); never on the window's thread. Each part answers "not known" rather
 * than guess. On Windows, asking may start the Windows Update service (it is
 * trigger-started): the tray asks rarely. */
#ifndef WUTRAY_WUA_H
#define WUTRAY_WUA_H

#include "signals.h"
#include "updates.h"

/* Sets *out on every path; appends history records (UPD_FROM_HISTORY) and
 * waiting updates (UPD_PENDING, UPD_FROM_SEARCH) to list, and sets its
 * history_read and pending_read. list may be NULL (the dates only). */
void wua_read(struct wua_signals *out, struct update_list *list);

#endif
