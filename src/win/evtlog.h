/* Windows Update client event log adapter (wevtapi): reads the newest
 * events of the channel Microsoft-Windows-WindowsUpdateClient/Operational
 * that the rules use (19 installed, 20 install failed, 21/22 restart
 * required, 25 scan failed, 26 updates found, 31 download failed), at most
 * 64 of them, and summarises them with wuevents_summarize.
 *
 * NOT VERIFIED against a real Windows event log: Wine has no event log (its
 * wevtapi is a stub whose EvtQuery returns NULL), so only the clean failure
 * ("not read", everything zero) is tested here. The value paths, the field
 * name errorCode and the types accepted for it come from documentation and
 * other tools' code, not from this project's own measurement.
 *
 * No COM needed; may take up to about two seconds on a slow log, so call it
 * from the worker thread, never from the window's thread. */
#ifndef WUTRAY_EVTLOG_H
#define WUTRAY_EVTLOG_H

#include "wuevents.h"

/* Sets *out on every path: read = false and all zero when the channel
 * cannot be queried (missing, access denied, Wine) or nothing could be read
 * from it in time. */
void evtlog_read(struct wu_event_summary *out);

#endif
