#include "evtlog.h"

#include <windows.h>
#include <winevt.h>
#include <wchar.h>

#include "signals.h"

#define EVTLOG_CHANNEL L"Microsoft-Windows-WindowsUpdateClient/Operational"
#define EVTLOG_QUERY                                                                                              \
    L"*[System[(EventID=19 or EventID=20 or EventID=21 or EventID=22 or EventID=25 or EventID=26 or "         \
    L"EventID=31)]]"
#define EVTLOG_MAX_EVENTS 64
#define EVTLOG_BATCH 16
#define EVTLOG_NEXT_TIMEOUT_MS 1000 /* one EvtNext call */
#define EVTLOG_BUDGET_MS 2000       /* all of them together */
#define EVTLOG_RENDER_MAX 65536     /* three small values never need more */

/* The values rendered for each event, in this order. */
static const wchar_t *const value_paths[] = {
    L"Event/System/EventID",
    L"Event/System/TimeCreated/@SystemTime",
    L"Event/EventData/Data[@Name='errorCode']",
};

struct render_buf {
    EVT_VARIANT *data; /* HeapAlloc: aligned for EVT_VARIANT */
    DWORD size;
};

static BOOL grow(struct render_buf *b, DWORD need)
{
    if (need <= b->size) return TRUE;
    if (b->data) HeapFree(GetProcessHeap(), 0, b->data);
    b->size = 0;
    b->data = HeapAlloc(GetProcessHeap(), 0, need);
    if (!b->data) return FALSE;
    b->size = need;
    return TRUE;
}

/* A scalar's type, or EvtVarTypeNull for arrays (never expected here). */
static DWORD scalar_type(const EVT_VARIANT *v)
{
    return (v->Type & EVT_VARIANT_TYPE_ARRAY) ? EvtVarTypeNull : (v->Type & EVT_VARIANT_TYPE_MASK);
}

/* TimeCreated/@SystemTime: a FILETIME from a values render context; the
 * other forms are accepted in case a Windows version renders it so. */
static uint64_t variant_time(const EVT_VARIANT *v)
{
    FILETIME ft;
    ULARGE_INTEGER t;
    char a[40];
    uint64_t ms;
    int i;

    switch (scalar_type(v)) {
    case EvtVarTypeFileTime: return wuevents_from_filetime(v->FileTimeVal);
    case EvtVarTypeSysTime:
        if (!v->SysTimeVal || !SystemTimeToFileTime(v->SysTimeVal, &ft)) return 0;
        t.LowPart = ft.dwLowDateTime;
        t.HighPart = ft.dwHighDateTime;
        return wuevents_from_filetime(t.QuadPart);
    case EvtVarTypeString:
        if (!v->StringVal) return 0;
        for (i = 0; v->StringVal[i] && i < (int)sizeof(a) - 1; i++)
            a[i] = v->StringVal[i] < 128 ? (char)v->StringVal[i] : '?';
        a[i] = 0;
        return signals_parse_time(a, &ms) ? ms : 0;
    default: return 0;
    }
}

/* errorCode: an HRESULT, written as HexInt32 (other tools have also seen it
 * as a signed Int32); absent (EvtVarTypeNull) for events without one. */
static uint32_t variant_code(const EVT_VARIANT *v)
{
    switch (scalar_type(v)) {
    case EvtVarTypeInt32:
    case EvtVarTypeUInt32:
    case EvtVarTypeHexInt32: return v->UInt32Val;
    case EvtVarTypeInt64:
    case EvtVarTypeUInt64:
    case EvtVarTypeHexInt64: return (uint32_t)v->UInt64Val;
    case EvtVarTypeString: /* "0x8024402C" or "-2145107924" */
        return v->StringVal ? (uint32_t)wcstoll(v->StringVal, NULL, 0) : 0;
    default: return 0;
    }
}

static BOOL render_event(EVT_HANDLE ctx, EVT_HANDLE event, struct render_buf *b, struct wu_event *out)
{
    DWORD used = 0, count = 0;
    const EVT_VARIANT *v;

    if (!EvtRender(ctx, event, EvtRenderEventValues, b->size, b->data, &used, &count)) {
        if (GetLastError() != ERROR_INSUFFICIENT_BUFFER || used > EVTLOG_RENDER_MAX || !grow(b, used)) return FALSE;
        if (!EvtRender(ctx, event, EvtRenderEventValues, b->size, b->data, &used, &count)) return FALSE;
    }
    if (count < ARRAYSIZE(value_paths)) return FALSE;
    v = b->data;
    if (scalar_type(&v[0]) != EvtVarTypeUInt16) return FALSE;
    out->id = v[0].UInt16Val;
    out->time_ms = variant_time(&v[1]);
    out->code = variant_code(&v[2]);
    return TRUE;
}

void evtlog_read(struct wu_event_summary *out)
{
    struct wu_event events[EVTLOG_MAX_EVENTS];
    EVT_HANDLE batch[EVTLOG_BATCH];
    EVT_HANDLE query = NULL, ctx = NULL;
    struct render_buf buf = {NULL, 0};
    size_t n = 0;
    BOOL complete = FALSE;
    ULONGLONG deadline;

    ZeroMemory(out, sizeof(*out));
    /* Newest first: the first 64 matches are the 64 newest. */
    query = EvtQuery(NULL, EVTLOG_CHANNEL, EVTLOG_QUERY, EvtQueryChannelPath | EvtQueryReverseDirection);
    if (!query) goto cleanup; /* channel missing, access denied, or Wine's stub */
    ctx = EvtCreateRenderContext(ARRAYSIZE(value_paths), (LPCWSTR *)value_paths, EvtRenderContextValues);
    if (!ctx) goto cleanup;
    if (!grow(&buf, 16 * sizeof(EVT_VARIANT))) goto cleanup;

    deadline = GetTickCount64() + EVTLOG_BUDGET_MS;
    while (n < EVTLOG_MAX_EVENTS) {
        ULONGLONG now = GetTickCount64();
        DWORD want = (DWORD)min(EVTLOG_BATCH, EVTLOG_MAX_EVENTS - n), got = 0, i;
        DWORD timeout = (DWORD)min(EVTLOG_NEXT_TIMEOUT_MS, deadline > now ? deadline - now : 0);

        if (!timeout) break;
        if (!EvtNext(query, want, batch, timeout, 0, &got)) {
            complete = GetLastError() == ERROR_NO_MORE_ITEMS;
            break;
        }
        for (i = 0; i < got; i++) {
            if (i < want && render_event(ctx, batch[i], &buf, &events[n])) n++;
            EvtClose(batch[i]);
        }
        if (!got) break;
    }
    if (n == EVTLOG_MAX_EVENTS) complete = TRUE;
    /* Cut short (timeout, an error) with nothing read: say "not read" rather
     * than "no failures, nothing found". A partial read is still the newest. */
    if (complete || n) wuevents_summarize(events, n, out);

cleanup:
    if (buf.data) HeapFree(GetProcessHeap(), 0, buf.data);
    if (ctx) EvtClose(ctx);
    if (query) EvtClose(query);
}
