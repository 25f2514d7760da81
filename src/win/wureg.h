/* Registry adapter: the Windows Update signals kept in HKLM (64-bit view). */
#ifndef WUTRAY_WUREG_H
#define WUTRAY_WUREG_H

#include "signals.h"

void wureg_read(struct update_signals *out);

#endif
