#include "wulog.h"
#include "os.h"

#include <windows.h>
#include <winevt.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include "signals.h"

/* The newest events per channel. Defender alone writes 44, 43 and 19 to
 * System several times a day (about 15 events a day), so System needs
 * room for more than the 45 days of the patch-age rule; Operational only
 * has to hold the newest searches. */
#define WULOG_MAX_SYSTEM 1536
#define WULOG_MAX_OPERATIONAL 512
#define WULOG_BATCH 32              /* handles per EvtNext */
#define WULOG_NEXT_TIMEOUT_MS 1000  /* one EvtNext call */
#define WULOG_BUDGET_MS 3000        /* both channels together */
#define WULOG_RENDER_MAX 65536      /* eight small values never need more */
#define WULOG_EPOCH_TICKS 116444736000000000ull /* 1970-01-01 as a FILETIME */

/* wevtapi.dll is not a KnownDLL: linked normally, Windows would look for it
 * beside the exe first, and a planted copy would run in the elevated
 * instance too. So it is loaded here, at run time, from System32 only. */
struct evt_api {
    HMODULE dll;
    EVT_HANDLE(WINAPI *query)(EVT_HANDLE, LPCWSTR, LPCWSTR, DWORD);
    EVT_HANDLE(WINAPI *create_render_context)(DWORD, LPCWSTR *, DWORD);
    BOOL(WINAPI *render)(EVT_HANDLE, EVT_HANDLE, DWORD, DWORD, PVOID, PDWORD, PDWORD);
    BOOL(WINAPI *next)(EVT_HANDLE, DWORD, EVT_HANDLE *, DWORD, DWORD, PDWORD);
    BOOL(WINAPI *close)(EVT_HANDLE);
};

static BOOL evt_load(struct evt_api *e)
{
    ZeroMemory(e, sizeof(*e));
    e->dll = LoadLibraryExW(L"wevtapi.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    if (!e->dll) return FALSE;
    e->query = OS_PROC(EVT_HANDLE(WINAPI *)(EVT_HANDLE, LPCWSTR, LPCWSTR, DWORD), e->dll, "EvtQuery");
    e->create_render_context =
        OS_PROC(EVT_HANDLE(WINAPI *)(DWORD, LPCWSTR *, DWORD), e->dll, "EvtCreateRenderContext");
    e->render = OS_PROC(BOOL(WINAPI *)(EVT_HANDLE, EVT_HANDLE, DWORD, DWORD, PVOID, PDWORD, PDWORD), e->dll, "EvtRender");
    e->next = OS_PROC(BOOL(WINAPI *)(EVT_HANDLE, DWORD, EVT_HANDLE *, DWORD, DWORD, PDWORD), e->dll, "EvtNext");
    e->close = OS_PROC(BOOL(WINAPI *)(EVT_HANDLE), e->dll, "EvtClose");
    if (e->query && e->create_render_context && e->render && e->next && e->close) return TRUE;
    FreeLibrary(e->dll);
    e->dll = NULL;
    return FALSE;
}

/* The values rendered for each event, in this order. */
enum wulog_value { V_ID, V_TIME, V_CODE, V_TITLE, V_UPDATE, V_REVISION, V_SERVICE, V_COUNT, V_N };
static const wchar_t *const value_paths[V_N] = {
    L"Event/System/EventID",
    L"Event/System/TimeCreated/@SystemTime",
    L"Event/EventData/Data[@Name='errorCode']",
    L"Event/EventData/Data[@Name='updateTitle']",
    L"Event/EventData/Data[@Name='updateGuid']",
    L"Event/EventData/Data[@Name='updateRevisionNumber']",
    L"Event/EventData/Data[@Name='serviceGuid']",
    L"Event/EventData/Data[@Name='updateCount']",
};

struct wulog_channel {
    const wchar_t *path;
    const wchar_t *query;
    enum update_source source;
    size_t max_events;
};

/* Real PCs write installations to System (provider WindowsUpdateClient),
 * searches and download failures to Operational. */
static const struct wulog_channel channels[] = {
    {L"System",
     L"*[System[Provider[@Name='Microsoft-Windows-WindowsUpdateClient'] and "
     L"(EventID=19 or EventID=20 or EventID=43 or EventID=44)]]",
     UPD_FROM_SYSTEM_LOG, WULOG_MAX_SYSTEM},
    {L"Microsoft-Windows-WindowsUpdateClient/Operational",
     L"*[System[(EventID=25 or EventID=26 or EventID=31 or EventID=41)]]", UPD_FROM_OPERATIONAL_LOG,
     WULOG_MAX_OPERATIONAL},
};

/* What each event ID of each channel means; anything else is skipped. */
static const struct {
    enum update_source source;
    unsigned id;
    enum update_what what;
} event_kinds[] = {
    {UPD_FROM_SYSTEM_LOG, 19, UPD_INSTALLED},
    {UPD_FROM_SYSTEM_LOG, 20, UPD_INSTALL_FAILED},
    {UPD_FROM_SYSTEM_LOG, 43, UPD_OTHER},
    {UPD_FROM_SYSTEM_LOG, 44, UPD_OTHER},
    {UPD_FROM_OPERATIONAL_LOG, 25, UPD_SEARCH_FAILED},
    {UPD_FROM_OPERATIONAL_LOG, 26, UPD_SEARCH_DONE},
    {UPD_FROM_OPERATIONAL_LOG, 31, UPD_DOWNLOAD_FAILED},
    {UPD_FROM_OPERATIONAL_LOG, 41, UPD_OTHER},
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

static BOOL kind_of(enum update_source source, unsigned id, enum update_what *what)
{
    for (size_t i = 0; i < ARRAYSIZE(event_kinds); i++) {
        if (event_kinds[i].source == source && event_kinds[i].id == id) {
            *what = event_kinds[i].what;
            return TRUE;
        }
    }
    return FALSE;
}

/* A scalar's type, or EvtVarTypeNull for arrays (never expected here). */
static DWORD scalar_type(const EVT_VARIANT *v)
{
    return (v->Type & EVT_VARIANT_TYPE_ARRAY) ? EvtVarTypeNull : (v->Type & EVT_VARIANT_TYPE_MASK);
}

static uint64_t epoch_ms(ULONGLONG ticks)
{
    return ticks > WULOG_EPOCH_TICKS ? (ticks - WULOG_EPOCH_TICKS) / 10000ull : 0;
}

/* Wide text that should be ASCII (a date, a number) as a char string;
 * anything else becomes '?', so it fails to parse rather than misparses. */
static void ascii_of(const wchar_t *s, char *out, size_t cap)
{
    size_t i = 0;

    for (; s && s[i] && i + 1 < cap; i++) out[i] = s[i] < 128 ? (char)s[i] : '?';
    out[i] = 0;
}

/* TimeCreated/@SystemTime: a FILETIME from a values render context; the
 * other forms are accepted in case a Windows version renders it so. */
static uint64_t variant_time(const EVT_VARIANT *v)
{
    FILETIME ft;
    ULARGE_INTEGER t;
    char a[40];
    uint64_t ms;

    switch (scalar_type(v)) {
    case EvtVarTypeFileTime: return epoch_ms(v->FileTimeVal);
    case EvtVarTypeSysTime:
        if (!v->SysTimeVal || !SystemTimeToFileTime(v->SysTimeVal, &ft)) return 0;
        t.LowPart = ft.dwLowDateTime;
        t.HighPart = ft.dwHighDateTime;
        return epoch_ms(t.QuadPart);
    case EvtVarTypeString:
        ascii_of(v->StringVal, a, sizeof(a));
        return signals_parse_time(a, &ms) ? ms : 0;
    default: return 0;
    }
}

/* errorCode (HexInt32 in the manifest; other tools have seen it as a signed
 * Int32), the revision and updateCount (UInt32): any integer form, or text
 * ("0x8024402C", "-2145107924"); 0 when absent (EvtVarTypeNull). */
static uint32_t variant_u32(const EVT_VARIANT *v)
{
    char a[32];

    switch (scalar_type(v)) {
    case EvtVarTypeByte: return v->ByteVal;
    case EvtVarTypeUInt16: return v->UInt16Val;
    case EvtVarTypeInt16: return (uint32_t)(int32_t)v->Int16Val;
    case EvtVarTypeInt32:
    case EvtVarTypeUInt32:
    case EvtVarTypeHexInt32: return v->UInt32Val;
    case EvtVarTypeInt64:
    case EvtVarTypeUInt64:
    case EvtVarTypeHexInt64: return (uint32_t)v->UInt64Val;
    case EvtVarTypeString:
        ascii_of(v->StringVal, a, sizeof(a));
        return (uint32_t)strtoll(a, NULL, 0);
    default: return 0;
    }
}

/* A Guid (or its text) in the records' form; "" when absent. */
static void variant_guid(const EVT_VARIANT *v, char *dst, size_t cap)
{
    const GUID *g;
    char a[48];

    switch (scalar_type(v)) {
    case EvtVarTypeGuid:
        g = v->GuidVal;
        if (!g) break;
        snprintf(a, sizeof(a), "%08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x", (unsigned long)g->Data1,
                 g->Data2, g->Data3, g->Data4[0], g->Data4[1], g->Data4[2], g->Data4[3], g->Data4[4], g->Data4[5],
                 g->Data4[6], g->Data4[7]);
        updates_copy_guid(dst, cap, a);
        return;
    case EvtVarTypeString:
        ascii_of(v->StringVal, a, sizeof(a));
        updates_copy_guid(dst, cap, a);
        return;
    default: break;
    }
    dst[0] = 0;
}

/* updateTitle, UTF-16 to UTF-8. Only the first UPDATE_TITLE_LEN units are
 * converted: they give at least as many bytes as the record holds, so what
 * is cut there (even half a surrogate pair) lies past what
 * updates_copy_text keeps, and it cuts on a character boundary. */
static void variant_title(const EVT_VARIANT *v, char *dst, size_t cap)
{
    char utf8[UPDATE_TITLE_LEN * 3 + 1]; /* at most 3 bytes per UTF-16 unit */
    int n;

    dst[0] = 0;
    if (scalar_type(v) != EvtVarTypeString || !v->StringVal || !v->StringVal[0]) return;
    n = WideCharToMultiByte(CP_UTF8, 0, v->StringVal, (int)wcsnlen(v->StringVal, UPDATE_TITLE_LEN), utf8,
                            (int)sizeof(utf8) - 1, NULL, NULL);
    if (n <= 0) return;
    utf8[n] = 0;
    updates_copy_text(dst, cap, utf8);
}

/* Renders one event's values into b; NULL when it cannot. */
static const EVT_VARIANT *render_values(const struct evt_api *e, EVT_HANDLE ctx, EVT_HANDLE event,
                                        struct render_buf *b)
{
    DWORD used = 0, count = 0, err;

    if (!e->render(ctx, event, EvtRenderEventValues, b->size, b->data, &used, &count)) {
        err = GetLastError();
        if (err != ERROR_INSUFFICIENT_BUFFER || used > WULOG_RENDER_MAX || !grow(b, used)) return NULL;
        if (!e->render(ctx, event, EvtRenderEventValues, b->size, b->data, &used, &count)) return NULL;
    }
    return count >= V_N ? b->data : NULL;
}

/* The values as a record; FALSE for an event this channel does not expect. */
static BOOL to_record(const EVT_VARIANT *v, enum update_source source, struct update_record *tmp)
{
    enum update_what what;

    if (scalar_type(&v[V_ID]) != EvtVarTypeUInt16 || !kind_of(source, v[V_ID].UInt16Val, &what)) return FALSE;
    ZeroMemory(tmp, sizeof(*tmp));
    tmp->source = source;
    tmp->what = what;
    tmp->time_ms = variant_time(&v[V_TIME]);
    tmp->hresult = variant_u32(&v[V_CODE]);
    tmp->count = variant_u32(&v[V_COUNT]);
    tmp->revision = variant_u32(&v[V_REVISION]);
    variant_guid(&v[V_UPDATE], tmp->update_id, sizeof(tmp->update_id));
    variant_guid(&v[V_SERVICE], tmp->service_id, sizeof(tmp->service_id));
    variant_title(&v[V_TITLE], tmp->title, sizeof(tmp->title));
    /* kb stays "": the core finds KB numbers in the titles. */
    return TRUE;
}

/* Appends a channel's newest events; TRUE when it counts as read: it ran to
 * its end or to the cap, or gave at least one event before time ran out (a
 * partial read is still the newest events, nothing read says nothing). */
static BOOL read_channel(const struct evt_api *e, const struct wulog_channel *ch, EVT_HANDLE *ctx,
                         struct render_buf *buf, ULONGLONG deadline, struct update_list *list)
{
    EVT_HANDLE batch[WULOG_BATCH];
    EVT_HANDLE query = NULL;
    struct update_record rec, *slot;
    size_t seen = 0, added = 0;
    BOOL complete = FALSE, full = FALSE;
    DWORD err;

    /* Newest first: the first matches are the newest. */
    query = e->query(NULL, ch->path, ch->query, EvtQueryChannelPath | EvtQueryReverseDirection);
    if (!query) goto cleanup; /* channel missing, access denied, or Wine's stub */
    /* Only after a query opened: in Wine, EvtQuery fails cleanly but
     * EvtCreateRenderContext and EvtRender are unimplemented stubs that end
     * the process. */
    if (!*ctx) *ctx = e->create_render_context(V_N, (LPCWSTR *)value_paths, EvtRenderContextValues);
    if (!*ctx) goto cleanup;
    while (seen < ch->max_events && !full) {
        ULONGLONG now = GetTickCount64();
        DWORD want = (DWORD)min(WULOG_BATCH, ch->max_events - seen), got = 0, i;
        DWORD timeout = (DWORD)min(WULOG_NEXT_TIMEOUT_MS, deadline > now ? deadline - now : 0);

        if (!timeout) break;
        if (!e->next(query, want, batch, timeout, 0, &got)) {
            err = GetLastError();
            complete = err == ERROR_NO_MORE_ITEMS;
            break;
        }
        if (!got) break;
        for (i = 0; i < got; i++) {
            const EVT_VARIANT *v = full ? NULL : render_values(e, *ctx, batch[i], buf);
            if (v && to_record(v, ch->source, &rec)) {
                slot = updates_append(list);
                if (slot) {
                    *slot = rec;
                    added++;
                } else {
                    full = TRUE; /* list->truncated says so */
                }
            }
            e->close(batch[i]);
        }
        seen += got;
    }
    if (seen >= ch->max_events) complete = TRUE;

cleanup:
    if (query) e->close(query);
    return complete || added > 0;
}

void wulog_read(struct update_list *list)
{
    EVT_HANDLE ctx = NULL; /* created by the first channel that opens */
    struct render_buf buf = {NULL, 0};
    struct evt_api e;
    ULONGLONG deadline;

    list->system_log_read = false;
    list->operational_log_read = false;
    if (!evt_load(&e)) return; /* no event log API: both logs unread */
    if (!grow(&buf, 1024)) goto cleanup;

    deadline = GetTickCount64() + WULOG_BUDGET_MS;
    list->system_log_read = read_channel(&e, &channels[0], &ctx, &buf, deadline, list);
    list->operational_log_read = read_channel(&e, &channels[1], &ctx, &buf, deadline, list);

cleanup:
    if (buf.data) HeapFree(GetProcessHeap(), 0, buf.data);
    if (ctx) e.close(ctx);
    FreeLibrary(e.dll);
}
