#define COBJMACROS
#include "wua.h"

#include <windows.h>
#include <initguid.h> /* this file defines the GUIDs it uses, once */
#include <wuapi.h>

#include <string.h>

#include "os.h"

/* Bounds: the history is read newest first, so what is cut is the oldest. */
#define WUA_HISTORY_MAX 1000
#define WUA_HISTORY_PAGE 100
#define WUA_PENDING_MAX 200
#define WUA_BUDGET_MS 5000 /* the whole wua_read; a page or an update is not cut in half */
#define WUA_CATEGORIES_MAX 32

/* Missing from the mingw-w64 headers: declared here from the Windows SDK's
 * IIDs. All derive from IDispatch; the vtables list every slot in order. */
DEFINE_GUID(IID_IAutomaticUpdates2_, 0x4a2f5c31, 0xcfd9, 0x410e, 0xb7, 0xfb, 0x29, 0xa6, 0x53, 0x97, 0x3a, 0x0f);
DEFINE_GUID(IID_IUpdateHistoryEntry2_, 0xc2bfb780, 0x4539, 0x4132, 0xab, 0x8c, 0x0a, 0x87, 0x72, 0x01, 0x3a, 0xb6);

typedef struct results_ results_;
typedef struct {
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(results_ *, REFIID, void **);
    ULONG(STDMETHODCALLTYPE *AddRef)(results_ *);
    ULONG(STDMETHODCALLTYPE *Release)(results_ *);
    HRESULT(STDMETHODCALLTYPE *GetTypeInfoCount)(results_ *, UINT *);
    HRESULT(STDMETHODCALLTYPE *GetTypeInfo)(results_ *, UINT, LCID, ITypeInfo **);
    HRESULT(STDMETHODCALLTYPE *GetIDsOfNames)(results_ *, REFIID, LPOLESTR *, UINT, LCID, DISPID *);
    HRESULT(STDMETHODCALLTYPE *Invoke)(results_ *, DISPID, REFIID, LCID, WORD, DISPPARAMS *, VARIANT *,
                                       EXCEPINFO *, UINT *);
    HRESULT(STDMETHODCALLTYPE *get_LastSearchSuccessDate)(results_ *, VARIANT *);
    HRESULT(STDMETHODCALLTYPE *get_LastInstallationSuccessDate)(results_ *, VARIANT *);
} results_vtbl;
struct results_ {
    const results_vtbl *lpVtbl;
};

typedef struct au2_ au2_;
typedef struct {
    IAutomaticUpdatesVtbl base; /* IAutomaticUpdates' slots, then: */
    HRESULT(STDMETHODCALLTYPE *get_Results)(au2_ *, results_ **);
} au2_vtbl;
struct au2_ {
    const au2_vtbl *lpVtbl;
};

typedef struct entry2_ entry2_;
typedef struct {
    IUpdateHistoryEntryVtbl base; /* IUpdateHistoryEntry's slots, then: */
    HRESULT(STDMETHODCALLTYPE *get_Categories)(entry2_ *, ICategoryCollection **);
} entry2_vtbl;
struct entry2_ {
    const entry2_vtbl *lpVtbl;
};

/* VT_DATE (UTC for these two properties) to epoch ms; 0 for VT_EMPTY. */
static uint64_t variant_ms(VARIANT *v)
{
    uint64_t ms = V_VT(v) == VT_DATE ? signals_from_ole_date(V_DATE(v)) : 0;
    VariantClear(v);
    return ms;
}

static void read_results(struct wua_signals *out)
{
    IAutomaticUpdates *au = NULL;
    au2_ *au2 = NULL;
    results_ *res = NULL;
    VARIANT v;

    if (FAILED(CoCreateInstance(&CLSID_AutomaticUpdates, NULL, CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER,
                                &IID_IAutomaticUpdates, (void **)&au)))
        goto cleanup;
    if (FAILED(IAutomaticUpdates_QueryInterface(au, &IID_IAutomaticUpdates2_, (void **)&au2)) || !au2)
        goto cleanup;
    if (FAILED(au2->lpVtbl->get_Results(au2, &res)) || !res) goto cleanup;
    out->available = true;
    VariantInit(&v);
    if (SUCCEEDED(res->lpVtbl->get_LastSearchSuccessDate(res, &v))) out->last_search_ms = variant_ms(&v);
    VariantInit(&v);
    if (SUCCEEDED(res->lpVtbl->get_LastInstallationSuccessDate(res, &v))) out->last_install_ms = variant_ms(&v);

cleanup:
    if (res) res->lpVtbl->Release(res);
    if (au2) au2->lpVtbl->base.Release((IAutomaticUpdates *)au2);
    if (au) IAutomaticUpdates_Release(au);
}

static void read_reboot(struct wua_signals *out)
{
    ISystemInformation *si = NULL;
    VARIANT_BOOL required = VARIANT_FALSE;

    if (FAILED(CoCreateInstance(&CLSID_SystemInformation, NULL, CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER,
                                &IID_ISystemInformation, (void **)&si)))
        return;
    if (SUCCEEDED(ISystemInformation_get_RebootRequired(si, &required))) {
        out->reboot_known = true;
        out->reboot_required = required != VARIANT_FALSE;
    }
    ISystemInformation_Release(si);
}

/* A BSTR (NULL is "") as UTF-8, cut on a character boundary. */
static void bstr_utf8(BSTR b, char *dst, size_t cap)
{
    char small[512], *buf = small;
    int len = b ? (int)SysStringLen(b) : 0, n;

    dst[0] = 0;
    if (len <= 0 || (n = WideCharToMultiByte(CP_UTF8, 0, b, len, NULL, 0, NULL, NULL)) <= 0) return;
    if ((size_t)n >= sizeof(small) && !(buf = HeapAlloc(GetProcessHeap(), 0, (SIZE_T)n + 1))) return;
    WideCharToMultiByte(CP_UTF8, 0, b, len, buf, n, NULL, NULL);
    buf[n] = 0;
    updates_copy_text(dst, cap, buf);
    if (buf != small) HeapFree(GetProcessHeap(), 0, buf);
}

static void bstr_guid(BSTR b, char *dst, size_t cap)
{
    char text[64];
    bstr_utf8(b, text, sizeof(text));
    updates_copy_guid(dst, cap, text);
}

/* Adds item to the ';'-separated list in dst when it fits whole: a cut
 * category name would read as another category. */
static void join_item(char *dst, size_t cap, const char *item)
{
    size_t used = strlen(dst), n = strlen(item);

    if (!n || used + (used ? 1 : 0) + n + 1 > cap) return;
    if (used) dst[used++] = ';';
    memcpy(dst + used, item, n + 1);
}

/* The names (in the UI language), or the ID of a category without a name. */
static void read_categories(ICategoryCollection *cats, char *dst, size_t cap)
{
    LONG n = 0;

    dst[0] = 0;
    if (FAILED(ICategoryCollection_get_Count(cats, &n))) return;
    if (n > WUA_CATEGORIES_MAX) n = WUA_CATEGORIES_MAX;
    for (LONG i = 0; i < n; i++) {
        ICategory *c = NULL;
        BSTR name = NULL;
        char item[UPDATE_CATEGORIES_LEN];

        if (FAILED(ICategoryCollection_get_Item(cats, i, &c)) || !c) continue;
        if (FAILED(ICategory_get_Name(c, &name)) || !name || !name[0]) {
            SysFreeString(name);
            name = NULL;
            if (FAILED(ICategory_get_CategoryID(c, &name))) name = NULL;
        }
        bstr_utf8(name, item, sizeof(item));
        join_item(dst, cap, item);
        SysFreeString(name);
        ICategory_Release(c);
    }
}

static void read_identity(IUpdateIdentity *id, struct update_record *r)
{
    BSTR b = NULL;
    LONG revision = 0;

    if (SUCCEEDED(IUpdateIdentity_get_UpdateID(id, &b))) bstr_guid(b, r->update_id, sizeof(r->update_id));
    SysFreeString(b);
    if (SUCCEEDED(IUpdateIdentity_get_RevisionNumber(id, &revision)) && revision > 0)
        r->revision = (uint32_t)revision;
}

static enum update_what history_what(UpdateOperation op, OperationResultCode rc)
{
    if (op != uoInstallation) return UPD_OTHER; /* uninstallations are facts, not judged */
    if (rc == orcSucceeded || rc == orcSucceededWithErrors) return UPD_INSTALLED;
    if (rc == orcFailed || rc == orcAborted) return UPD_INSTALL_FAILED;
    return UPD_OTHER;
}

/* One history entry into a record; false when the list is full. */
static bool read_entry(IUpdateHistoryEntry *e, struct update_list *list)
{
    struct update_record *r = updates_append(list);
    UpdateOperation op = (UpdateOperation)0;
    OperationResultCode rc = orcNotStarted;
    LONG hr = 0;
    DATE date = 0;
    BSTR b = NULL;
    IUpdateIdentity *id = NULL;
    entry2_ *e2 = NULL;
    ICategoryCollection *cats = NULL;

    if (!r) return false;
    r->source = UPD_FROM_HISTORY;
    if (FAILED(IUpdateHistoryEntry_get_Operation(e, &op))) op = (UpdateOperation)0;
    if (FAILED(IUpdateHistoryEntry_get_ResultCode(e, &rc))) rc = orcNotStarted;
    r->what = history_what(op, rc);
    if (SUCCEEDED(IUpdateHistoryEntry_get_HResult(e, &hr))) r->hresult = (uint32_t)hr;
    if (SUCCEEDED(IUpdateHistoryEntry_get_Date(e, &date))) r->time_ms = signals_from_ole_date(date);
    if (SUCCEEDED(IUpdateHistoryEntry_get_Title(e, &b))) bstr_utf8(b, r->title, sizeof(r->title));
    SysFreeString(b);
    b = NULL;
    if (SUCCEEDED(IUpdateHistoryEntry_get_UpdateIdentity(e, &id)) && id) read_identity(id, r);
    if (SUCCEEDED(IUpdateHistoryEntry_get_ServiceID(e, &b))) bstr_guid(b, r->service_id, sizeof(r->service_id));
    SysFreeString(b);
    /* Categories came with IUpdateHistoryEntry2 (Windows 8 and later). */
    if (SUCCEEDED(IUpdateHistoryEntry_QueryInterface(e, &IID_IUpdateHistoryEntry2_, (void **)&e2)) && e2 &&
        SUCCEEDED(e2->lpVtbl->get_Categories(e2, &cats)) && cats)
        read_categories(cats, r->categories, sizeof(r->categories));

    if (cats) ICategoryCollection_Release(cats);
    if (e2) e2->lpVtbl->base.Release((IUpdateHistoryEntry *)e2);
    if (id) IUpdateIdentity_Release(id);
    return true;
}

/* The whole history in pages, newest first. Records of a history that
 * could not be read to the end are dropped: a partial history would read
 * as "nothing failed before". */
static void read_history(IUpdateSearcher *s, struct wua_signals *out, struct update_list *list,
                         ULONGLONG deadline)
{
    size_t first = list->n;
    LONG total = 0;
    bool full = false;
    HRESULT hr = IUpdateSearcher_GetTotalHistoryCount(s, &total);

    if (FAILED(hr)) goto failed;
    if (total > WUA_HISTORY_MAX) total = WUA_HISTORY_MAX;
    for (LONG start = 0; start < total && !full && GetTickCount64() < deadline; start += WUA_HISTORY_PAGE) {
        IUpdateHistoryEntryCollection *page = NULL;
        LONG want = total - start < WUA_HISTORY_PAGE ? total - start : WUA_HISTORY_PAGE, n = 0;

        hr = IUpdateSearcher_QueryHistory(s, start, want, &page);
        if (SUCCEEDED(hr) && !page) hr = E_POINTER;
        if (SUCCEEDED(hr)) hr = IUpdateHistoryEntryCollection_get_Count(page, &n);
        if (FAILED(hr)) {
            if (page) IUpdateHistoryEntryCollection_Release(page);
            goto failed;
        }
        if (n > want) n = want;
        for (LONG i = 0; i < n && !full; i++) {
            IUpdateHistoryEntry *e = NULL;
            if (FAILED(IUpdateHistoryEntryCollection_get_Item(page, i, &e)) || !e) continue;
            full = !read_entry(e, list);
            IUpdateHistoryEntry_Release(e);
        }
        IUpdateHistoryEntryCollection_Release(page);
        if (n == 0) break; /* the history shrank meanwhile */
    }
    list->history_read = true;
    return;

failed:
    list->n = first;
    out->history_hresult = (uint32_t)hr;
    if (hr == E_ACCESSDENIED) out->access_denied = true;
}

/* KB article numbers, digits only, ';'-separated. */
static void read_kbs(IStringCollection *kbs, char *dst, size_t cap)
{
    LONG n = 0;

    dst[0] = 0;
    if (FAILED(IStringCollection_get_Count(kbs, &n))) return;
    for (LONG i = 0; i < n && i < WUA_CATEGORIES_MAX; i++) {
        BSTR b = NULL;
        char text[UPDATE_KB_LEN], item[UPDATE_KB_LEN];
        size_t k = 0;

        if (FAILED(IStringCollection_get_Item(kbs, i, &b))) continue;
        bstr_utf8(b, text, sizeof(text));
        SysFreeString(b);
        for (const char *p = text; *p && k + 1 < sizeof(item); p++)
            if (*p >= '0' && *p <= '9') item[k++] = *p;
        item[k] = 0;
        join_item(dst, cap, item);
    }
}

/* One update waiting into a record; false when the list is full. */
static bool read_update(IUpdate *u, struct update_list *list)
{
    struct update_record *r = updates_append(list);
    BSTR b = NULL;
    DATE date = 0;
    VARIANT_BOOL downloaded = VARIANT_FALSE;
    IUpdateIdentity *id = NULL;
    IStringCollection *kbs = NULL;
    ICategoryCollection *cats = NULL;

    if (!r) return false;
    r->what = UPD_PENDING;
    r->source = UPD_FROM_SEARCH;
    if (SUCCEEDED(IUpdate_get_Title(u, &b))) bstr_utf8(b, r->title, sizeof(r->title));
    SysFreeString(b);
    b = NULL;
    if (SUCCEEDED(IUpdate_get_Identity(u, &id)) && id) read_identity(id, r);
    if (SUCCEEDED(IUpdate_get_KBArticleIDs(u, &kbs)) && kbs) read_kbs(kbs, r->kb, sizeof(r->kb));
    if (SUCCEEDED(IUpdate_get_LastDeploymentChangeTime(u, &date))) r->time_ms = signals_from_ole_date(date);
    if (SUCCEEDED(IUpdate_get_MsrcSeverity(u, &b))) bstr_utf8(b, r->severity, sizeof(r->severity));
    SysFreeString(b);
    if (SUCCEEDED(IUpdate_get_Categories(u, &cats)) && cats)
        read_categories(cats, r->categories, sizeof(r->categories));
    if (SUCCEEDED(IUpdate_get_IsDownloaded(u, &downloaded))) r->downloaded = downloaded != VARIANT_FALSE;

    if (cats) ICategoryCollection_Release(cats);
    if (kbs) IStringCollection_Release(kbs);
    if (id) IUpdateIdentity_Release(id);
    return true;
}

/* The updates waiting, from the agent's cache: Online = false, so nothing
 * is scanned online and nothing is downloaded. */
static void read_pending(IUpdateSearcher *s, struct wua_signals *out, struct update_list *list,
                         ULONGLONG deadline)
{
    BSTR criteria = NULL;
    ISearchResult *res = NULL;
    IUpdateCollection *updates = NULL;
    OperationResultCode rc = orcNotStarted;
    LONG n = 0;
    HRESULT hr;

    if (GetTickCount64() >= deadline) return;
    /* Without Online = false the agent would scan online: then not at all. */
    if (FAILED(IUpdateSearcher_put_Online(s, VARIANT_FALSE))) return;
    if (!(criteria = SysAllocString(L"IsInstalled=0 and IsHidden=0"))) return;
    hr = IUpdateSearcher_Search(s, criteria, &res);
    if (FAILED(hr) || !res) {
        if (hr == E_ACCESSDENIED) out->access_denied = true;
        goto cleanup;
    }
    if (FAILED(ISearchResult_get_ResultCode(res, &rc)) || (rc != orcSucceeded && rc != orcSucceededWithErrors))
        goto cleanup;
    if (FAILED(ISearchResult_get_Updates(res, &updates)) || !updates ||
        FAILED(IUpdateCollection_get_Count(updates, &n)))
        goto cleanup;
    list->pending_read = true;
    if (n > WUA_PENDING_MAX) n = WUA_PENDING_MAX;
    for (LONG i = 0; i < n && GetTickCount64() < deadline; i++) {
        IUpdate *u = NULL;
        bool room;
        if (FAILED(IUpdateCollection_get_Item(updates, i, &u)) || !u) continue;
        room = read_update(u, list);
        IUpdate_Release(u);
        if (!room) break;
    }

cleanup:
    if (updates) IUpdateCollection_Release(updates);
    if (res) ISearchResult_Release(res);
    SysFreeString(criteria);
}

static void read_updates(struct wua_signals *out, struct update_list *list, ULONGLONG deadline)
{
    IUpdateSession *session = NULL;
    IUpdateSearcher *searcher = NULL;
    HRESULT hr;

    hr = CoCreateInstance(&CLSID_UpdateSession, NULL, CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER,
                          &IID_IUpdateSession, (void **)&session);
    if (SUCCEEDED(hr) && !session) hr = E_POINTER;
    if (SUCCEEDED(hr)) hr = IUpdateSession_CreateUpdateSearcher(session, &searcher);
    if (SUCCEEDED(hr) && !searcher) hr = E_POINTER;
    if (FAILED(hr)) {
        out->history_hresult = (uint32_t)hr;
        if (hr == E_ACCESSDENIED) out->access_denied = true;
        goto cleanup;
    }
    read_history(searcher, out, list, deadline);
    read_pending(searcher, out, list, deadline);

cleanup:
    if (searcher) IUpdateSearcher_Release(searcher);
    if (session) IUpdateSession_Release(session);
}

void wua_read(struct wua_signals *out, struct update_list *list)
{
    ULONGLONG deadline = GetTickCount64() + WUA_BUDGET_MS;

    ZeroMemory(out, sizeof(*out));
    read_results(out);
    read_reboot(out);
    if (list) {
        list->history_read = false;
        list->pending_read = false;
        read_updates(out, list, deadline);
    }
    out->read_ms = os_now_epoch_ms();
}
