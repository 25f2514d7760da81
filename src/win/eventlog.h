/* Writes an event to the Application log under the source "wutray" (see
 * src/core/events.h for which and when). The installer registers the source
 * with wutray.exe as its message file; without that, Windows still keeps
 * the event and shows its text with a note that the description is missing. */
#ifndef WUTRAY_EVENTLOG_H
#define WUTRAY_EVENTLOG_H

#include <windows.h>
#include "events.h"

#define EVENTLOG_SOURCE L"wutray"

BOOL eventlog_write(enum event_id id, enum event_type type, const wchar_t *head, const wchar_t *details);

#endif
