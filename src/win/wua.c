#define COBJMACROS
#include "wua.h"

#include <windows.h>
#include <initguid.h> /* this file defines the GUIDs it uses, once */
#include <wuapi.h>

#include "os.h"

/* Missing from the mingw-w64 headers: declared here from the Windows SDK's
 * IIDs. Both derive from IDispatch; the vtables list every slot in order. */
DEFINE_GUID(IID_IAutomaticUpdates2_, 0x4a2f5c31, 0xcfd9, 0x410e, 0xb7, 0xfb, 0x29, 0xa6, 0x53, 0x97, 0x3a, 0x0f);

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

/* The newest entry of the update history (installations and removals). */
static void read_history(struct wua_signals *out)
{
    IUpdateSession *session = NULL;
    IUpdateSearcher *searcher = NULL;
    IUpdateHistoryEntryCollection *entries = NULL;
    IUpdateHistoryEntry *entry = NULL;
    OperationResultCode result;
    LONG total = 0;
    HRESULT hr = S_OK;
    DATE date = 0;

    if (FAILED(CoCreateInstance(&CLSID_UpdateSession, NULL, CLSCTX_INPROC_SERVER | CLSCTX_LOCAL_SERVER,
                                &IID_IUpdateSession, (void **)&session)))
        return;
    if (FAILED(IUpdateSession_CreateUpdateSearcher(session, &searcher)) || !searcher) goto cleanup;
    if (FAILED(IUpdateSearcher_GetTotalHistoryCount(searcher, &total))) goto cleanup;
    out->history_known = true; /* an empty history is known, too */
    if (total <= 0) goto cleanup;
    if (FAILED(IUpdateSearcher_QueryHistory(searcher, 0, 1, &entries)) || !entries ||
        FAILED(IUpdateHistoryEntryCollection_get_Item(entries, 0, &entry)) || !entry ||
        FAILED(IUpdateHistoryEntry_get_ResultCode(entry, &result))) {
        out->history_known = false;
        goto cleanup;
    }
    out->last_op_failed = result == orcFailed || result == orcAborted;
    if (SUCCEEDED(IUpdateHistoryEntry_get_HResult(entry, &hr))) out->last_op_hresult = (uint32_t)hr;
    if (SUCCEEDED(IUpdateHistoryEntry_get_Date(entry, &date))) out->last_op_ms = signals_from_ole_date(date);

cleanup:
    if (entry) IUpdateHistoryEntry_Release(entry);
    if (entries) IUpdateHistoryEntryCollection_Release(entries);
    if (searcher) IUpdateSearcher_Release(searcher);
    if (session) IUpdateSession_Release(session);
}

void wua_read(struct wua_signals *out)
{
    ZeroMemory(out, sizeof(*out));
    read_results(out);
    read_reboot(out);
    read_history(out);
    out->read_ms = os_now_epoch_ms();
}
