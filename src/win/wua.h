/* Windows Update Agent adapter (COM): when Windows last searched for and
 * installed updates. Call on a thread that has called CoInitializeEx (STA);
 * never on the window's thread. Answers "not available" rather than guess. */
#ifndef WUTRAY_WUA_H
#define WUTRAY_WUA_H

#include "signals.h"

void wua_read(struct wua_signals *out);

#endif
