/* Windows Update Agent adapter (COM): when Windows last searched for and
 * installed updates, whether it wants a restart, and how the newest
 * operation in the update history ended. Call on a thread that has called
 * CoInitializeEx (STA); never on the window's thread. Each part answers
 * "not known" rather than guess. On Windows, asking may start the Windows
 * Update service (it is trigger-started): the tray asks rarely. */
#ifndef WUTRAY_WUA_H
#define WUTRAY_WUA_H

#include "signals.h"

void wua_read(struct wua_signals *out);

#endif
