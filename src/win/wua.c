#define COBJMACROS
#include "wua.h"

#include <windows.h>
#include <initguid.h> /* this file defines the GUIDs it uses, once */
#include <wuapi.h>

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

void wua_read(struct wua_signals *out)
{
    IAutomaticUpdates *au = NULL;
    au2_ *au2 = NULL;
    results_ *res = NULL;
    VARIANT v;

    ZeroMemory(out, sizeof(*out));
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
