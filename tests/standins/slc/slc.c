/* A native slc.dll for Wine (whose licensing calls are stubs): serves the
 * scenario's licensing.csv, as
 *   Get-CimInstance SoftwareLicensingProduct | Select-Object ID,Name,LicenseStatus |
 *     Export-Csv licensing.csv
 * writes it, through the three calls src/win/pcinfo.c makes: SLOpen,
 * SLGetLicensingStatusInformation, SLClose. Every row counts as a product of
 * the Windows application (the export has no ApplicationID column).
 *   - a SKU in the file: S_OK, one SL_LICENSING_STATUS per row with that ID,
 *     eStatus from LicenseStatus (1 licensed, 0 unlicensed, 5 notification,
 *     2/3/4/6 the grace periods), in a LocalAlloc'd array as Windows does;
 *   - a SKU not in the file, or another application: SL_E_PRODUCT_SKU_NOT_INSTALLED;
 *   - no licensing.csv: SLOpen works, each query fails with
 *     HRESULT_FROM_WIN32(ERROR_SERVICE_DISABLED), as when the Software
 *     Protection service cannot run ("that source is unavailable", like the
 *     other stand-ins' missing files). A header-only file is a PC without
 *     any of these licences.
 * The file is read at every query, so a running program sees a new scenario. */
#include <windows.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

/* The Windows SDK's layout (slpublic.h); mingw-w64's header lacks it. */
typedef enum { SL_LIC_UNLICENSED, SL_LIC_LICENSED, SL_LIC_IN_GRACE_PERIOD, SL_LIC_NOTIFICATION } SLLICENSINGSTATUS;
typedef struct {
    GUID SkuId;
    SLLICENSINGSTATUS eStatus;
    DWORD dwGraceTime;
    DWORD dwTotalGraceDays;
    HRESULT hrReason;
    UINT64 qwValidityExpiration;
} SL_LICENSING_STATUS;

#define SL_E_PRODUCT_SKU_NOT_INSTALLED ((HRESULT)0xC004F015L)
#define STANDIN_E_UNAVAILABLE HRESULT_FROM_WIN32(ERROR_SERVICE_DISABLED)
/* hrReason for the grace states, as Windows reports them. */
#define SL_I_OOB_GRACE_PERIOD ((HRESULT)0x4004F00CL)
#define SL_I_OOT_GRACE_PERIOD ((HRESULT)0x4004F00DL)
#define SL_I_NONGENUINE_GRACE_PERIOD ((HRESULT)0x4004F065L)
#define SL_I_TIMEBASED_EXTENDED_GRACE_PERIOD ((HRESULT)0x4004FC06L)

#define MAGIC_OPEN 0x43534c53u /* "SLSC" */
#define MAGIC_DEAD 0xdeaddeadu
#define MAX_ROWS 1024
#define MAX_COLS 64

static const GUID windows_app_id = {0x55c92734, 0xd682, 0x4d71, {0x98, 0x3e, 0xd6, 0xec, 0x3f, 0x16, 0x05, 0x9f}};

struct handle {
    DWORD magic;
};

struct row {
    GUID id;
    int status; /* LicenseStatus 0-6, -1 unreadable */
};

/* ---- licensing.csv ---- */

static int hex(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* "f520e45e-7413-4a34-a497-d2765967d094", with or without braces. */
static BOOL parse_guid(const char *s, GUID *g)
{
    static const int group[5] = {8, 4, 4, 4, 12};
    unsigned char b[16];
    int nb = 0, half = -1;

    while (*s == ' ') s++;
    if (*s == '{') s++;
    for (int i = 0; i < 5; i++) {
        if (i && *s++ != '-') return FALSE;
        for (int j = 0; j < group[i]; j++, s++) {
            int v = hex(*s);
            if (v < 0) return FALSE;
            if (half < 0) {
                half = v;
            } else {
                b[nb++] = (unsigned char)(half << 4 | v);
                half = -1;
            }
        }
    }
    if (*s == '}') s++;
    while (*s == ' ') s++;
    if (*s) return FALSE;
    g->Data1 = (DWORD)b[0] << 24 | (DWORD)b[1] << 16 | (DWORD)b[2] << 8 | b[3];
    g->Data2 = (WORD)(b[4] << 8 | b[5]);
    g->Data3 = (WORD)(b[6] << 8 | b[7]);
    memcpy(g->Data4, b + 8, 8);
    return TRUE;
}

/* Splits one CSV record in place (quoted fields, "" inside them); returns
 * the number of fields and moves *p past the line. */
static int split_record(char **p, char **field, int cap)
{
    char *s = *p;
    int n = 0;

    for (;;) {
        char *w = s, *start = s;
        if (*s == '"') {
            start = w = ++s;
            while (*s) {
                if (*s == '"') {
                    if (s[1] != '"') {
                        s++;
                        break;
                    }
                    s++;
                }
                *w++ = *s++;
            }
            while (*s && *s != ',' && *s != '\n' && *s != '\r') s++;
        } else {
            while (*s && *s != ',' && *s != '\n' && *s != '\r') w++, s++;
        }
        char delim = *s;
        *w = 0;
        if (n < cap) field[n++] = start;
        if (delim == ',') {
            s++;
            continue;
        }
        /* The terminator may be where the NUL was just written (an unquoted
         * last field): go by what it was. */
        if (delim == '\r' && *++s == '\n') s++;
        else if (delim == '\n') s++;
        break;
    }
    *p = s;
    return n;
}

/* The rows of licensing.csv; -1 when the file does not exist. */
static int load_rows(struct row *rows, int cap)
{
    char *text = scenario_read(L"licensing.csv", NULL), *p, *field[MAX_COLS];
    int id_col = -1, status_col = -1, n = 0, nf;

    if (!text) return -1;
    p = text;
    /* Windows PowerShell 5 starts with "#TYPE Microsoft.Management.Infrastructure.CimInstance#...". */
    while (*p == '#' || *p == '\r' || *p == '\n') {
        while (*p && *p != '\n') p++;
        if (*p) p++;
    }
    nf = split_record(&p, field, MAX_COLS);
    for (int i = 0; i < nf; i++) {
        if (_stricmp(field[i], "ID") == 0) id_col = i;
        if (_stricmp(field[i], "LicenseStatus") == 0) status_col = i;
    }
    while (*p && id_col >= 0 && n < cap) {
        char *end;
        long v;
        nf = split_record(&p, field, MAX_COLS);
        if (nf <= id_col || !parse_guid(field[id_col], &rows[n].id)) continue; /* blank or foreign line */
        rows[n].status = -1;
        if (status_col >= 0 && status_col < nf) {
            v = strtol(field[status_col], &end, 10);
            if (end != field[status_col] && *end == 0 && v >= 0 && v <= 6) rows[n].status = (int)v;
        }
        n++;
    }
    scenario_free(text);
    return n;
}

/* SoftwareLicensingProduct.LicenseStatus → SLLICENSINGSTATUS (+ hrReason). */
static void map_status(int license_status, SL_LICENSING_STATUS *out)
{
    switch (license_status) {
    case 1: out->eStatus = SL_LIC_LICENSED; break;
    case 2: out->eStatus = SL_LIC_IN_GRACE_PERIOD; out->hrReason = SL_I_OOB_GRACE_PERIOD; break;
    case 3: out->eStatus = SL_LIC_IN_GRACE_PERIOD; out->hrReason = SL_I_OOT_GRACE_PERIOD; break;
    case 4: out->eStatus = SL_LIC_IN_GRACE_PERIOD; out->hrReason = SL_I_NONGENUINE_GRACE_PERIOD; break;
    case 5: out->eStatus = SL_LIC_NOTIFICATION; break;
    case 6: out->eStatus = SL_LIC_IN_GRACE_PERIOD; out->hrReason = SL_I_TIMEBASED_EXTENDED_GRACE_PERIOD; break;
    default: out->eStatus = SL_LIC_UNLICENSED; break; /* 0, or a value this stand-in cannot read */
    }
}

/* ---- exports ---- */

HRESULT WINAPI SLOpen(void **out)
{
    struct handle *h;

    if (!out) return E_INVALIDARG;
    *out = NULL;
    h = HeapAlloc(GetProcessHeap(), 0, sizeof(*h));
    if (!h) return E_OUTOFMEMORY;
    h->magic = MAGIC_OPEN;
    *out = h;
    return S_OK;
}

HRESULT WINAPI SLClose(void *handle)
{
    struct handle *h = handle;

    if (!h || h->magic != MAGIC_OPEN) return E_INVALIDARG;
    h->magic = MAGIC_DEAD;
    HeapFree(GetProcessHeap(), 0, h);
    return S_OK;
}

/* pProductSkuId NULL: every product of the application. pwszRightName is
 * not looked at (there are no rights in the file). */
HRESULT WINAPI SLGetLicensingStatusInformation(void *handle, const GUID *app, const GUID *sku, const WCHAR *right,
                                               UINT *count, SL_LICENSING_STATUS **status)
{
    struct handle *h = handle;
    struct row *rows = NULL;
    SL_LICENSING_STATUS *out;
    HRESULT hr;
    int n, match = 0, k = 0;

    (void)right;
    if (!h || h->magic != MAGIC_OPEN || !app || !count || !status) return E_INVALIDARG;
    *count = 0;
    *status = NULL;
    /* On the heap, per call: 16 KB is a lot for a caller's stack, and a
     * static buffer would be shared by threads. */
    rows = HeapAlloc(GetProcessHeap(), 0, MAX_ROWS * sizeof(*rows));
    if (!rows) return E_OUTOFMEMORY;
    n = load_rows(rows, MAX_ROWS);
    if (n < 0) {
        hr = STANDIN_E_UNAVAILABLE;
        goto cleanup;
    }
    for (int i = 0; i < n; i++)
        if (!sku || IsEqualGUID(sku, &rows[i].id)) match++;
    if (!match || !IsEqualGUID(app, &windows_app_id)) {
        hr = SL_E_PRODUCT_SKU_NOT_INSTALLED;
        goto cleanup;
    }
    /* The caller frees it with LocalFree, as with Windows' own slc.dll. */
    out = LocalAlloc(LMEM_FIXED | LMEM_ZEROINIT, (SIZE_T)match * sizeof(*out));
    if (!out) {
        hr = E_OUTOFMEMORY;
        goto cleanup;
    }
    for (int i = 0; i < n; i++) {
        if (sku && !IsEqualGUID(sku, &rows[i].id)) continue;
        out[k].SkuId = rows[i].id;
        map_status(rows[i].status, &out[k]);
        k++;
    }
    *count = (UINT)match;
    *status = out;
    hr = S_OK;
cleanup:
    HeapFree(GetProcessHeap(), 0, rows);
    return hr;
}
