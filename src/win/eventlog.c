#include "eventlog.h"

BOOL eventlog_write(enum event_id id, enum event_type type, const wchar_t *head, const wchar_t *details)
{
    const wchar_t *strings[2] = {head, details ? details : L""};
    WORD wtype = type == EVENT_ERROR ? EVENTLOG_ERROR_TYPE
                 : type == EVENT_WARNING ? EVENTLOG_WARNING_TYPE : EVENTLOG_INFORMATION_TYPE;
    HANDLE h = RegisterEventSourceW(NULL, EVENTLOG_SOURCE);
    BOOL ok;

    if (!h) return FALSE;
    ok = ReportEventW(h, wtype, 0, (DWORD)id, NULL, 2, 0, strings, NULL);
    DeregisterEventSource(h);
    return ok;
}
