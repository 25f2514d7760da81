/* Reads the Windows Update client's event logs (wevtapi): the System log's
 * events from provider Microsoft-Windows-WindowsUpdateClient (19 installed,
 * 20 installation failed, 43 installation started, 44 download started) and
 * the channel Microsoft-Windows-WindowsUpdateClient/Operational (25 search
 * failed, 26 search finished with updateCount, 31 download failed, 41
 * downloaded), newest first, bounded in number (1536 System events, 512
 * Operational) and time (3 s). Each event becomes
 * one record (updates.h), unjudged: patches.c decides what they mean.
 * (Real PCs write the installations to the System log, not to Operational.)
 *
 * No COM needed; may take a few seconds on a slow log, so call it from the
 * worker thread, never from the window's thread. (wutray's own events are
 * written by eventlog.c.) */
#ifndef WUTRAY_WULOG_H
#define WUTRAY_WULOG_H

#include "updates.h"

/* Appends the events to list and sets its system_log_read and
 * operational_log_read (false when the channel cannot be queried: missing,
 * access denied, Wine's stub, or nothing read in time). */
void wulog_read(struct update_list *list);

#endif
