/* A native stand-in for Wine's wuapi.dll (tests/standins/README.md): the
 * Windows Update Agent's classes UpdateSession, AutomaticUpdates and
 * SystemInformation with the interfaces and methods src/win/wua.c calls,
 * answered from the scenario folder (history.csv, pending.csv, agent.ini),
 * which is read again at every call. Every other method answers E_NOTIMPL,
 * as Wine's own stub does. */
#include <windows.h>
#include <initguid.h> /* the hand-declared IIDs below, and wuapi.h's */
#include <wuapi.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "scenario.h"

/* Missing from the mingw-w64 headers (IIDs from the Windows SDK). */
DEFINE_GUID(IID_IUpdateHistoryEntry2_, 0xc2bfb780, 0x4539, 0x4132, 0xab, 0x8c, 0x0a, 0x87, 0x72, 0x01, 0x3a, 0xb6);
DEFINE_GUID(IID_IAutomaticUpdates2_, 0x4a2f5c31, 0xcfd9, 0x410e, 0xb7, 0xfb, 0x29, 0xa6, 0x53, 0x97, 0x3a, 0x0f);
DEFINE_GUID(IID_IAutomaticUpdatesResults_, 0xe7a4d634, 0x7942, 0x4dd9, 0xa1, 0x11, 0x82, 0x22, 0x8b, 0xa3, 0x39, 0x01);

/* What the stand-in answers when a scenario file is missing ("the agent
 * cannot tell"), when an online search is asked (there is no network
 * here), and for criteria it does not know. */
#define STANDIN_E_UNAVAILABLE ((HRESULT)0x80240007L)    /* WU_E_INVALIDINDEX */
#define STANDIN_E_OFFLINE ((HRESULT)0x8024402CL)        /* WU_E_PT_WINHTTP_NAME_NOT_RESOLVED */
#define STANDIN_E_CRITERIA ((HRESULT)0x80240032L)       /* WU_E_INVALID_CRITERIA */

/* ---- objects: one header, IUnknown shared, IDispatch not implemented ---- */

struct obj;
typedef void (*obj_free_fn)(struct obj *);
struct obj {
    const void *vtbl;
    LONG refs;
    const IID *iid[2]; /* answered besides IUnknown and IDispatch */
    obj_free_fn destroy;
};

static LONG g_live; /* live objects and server locks, for DllCanUnloadNow */

static void *obj_new(size_t size, const void *vtbl, const IID *a, const IID *b, obj_free_fn destroy)
{
    struct obj *o = calloc(1, size);
    if (!o) return NULL;
    o->vtbl = vtbl;
    o->refs = 1;
    o->iid[0] = a;
    o->iid[1] = b;
    o->destroy = destroy;
    InterlockedIncrement(&g_live);
    return o;
}

static HRESULT obj_qi(struct obj *o, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (IsEqualIID(riid, &IID_IUnknown) || IsEqualIID(riid, &IID_IDispatch) ||
        (o->iid[0] && IsEqualIID(riid, o->iid[0])) || (o->iid[1] && IsEqualIID(riid, o->iid[1]))) {
        InterlockedIncrement(&o->refs);
        *ppv = o;
        return S_OK;
    }
    return E_NOINTERFACE;
}

static ULONG obj_addref(struct obj *o)
{
    return (ULONG)InterlockedIncrement(&o->refs);
}

static ULONG obj_release(struct obj *o)
{
    LONG n = InterlockedDecrement(&o->refs);
    if (n == 0) {
        if (o->destroy) o->destroy(o);
        free(o);
        InterlockedDecrement(&g_live);
    }
    return (ULONG)n;
}

#define SELF(type) struct type *self = (struct type *)(void *)This

/* Methods nobody here calls: E_NOTIMPL, with typed parameters. */
#define STUB0(I, m) \
    static HRESULT STDMETHODCALLTYPE s_##I##_##m(I *This) { (void)This; return E_NOTIMPL; }
#define STUB1(I, m, T1) \
    static HRESULT STDMETHODCALLTYPE s_##I##_##m(I *This, T1 a) { (void)This; (void)a; return E_NOTIMPL; }
#define STUB2(I, m, T1, T2) \
    static HRESULT STDMETHODCALLTYPE s_##I##_##m(I *This, T1 a, T2 b) \
    { (void)This; (void)a; (void)b; return E_NOTIMPL; }
#define STUB3(I, m, T1, T2, T3) \
    static HRESULT STDMETHODCALLTYPE s_##I##_##m(I *This, T1 a, T2 b, T3 c) \
    { (void)This; (void)a; (void)b; (void)c; return E_NOTIMPL; }
#define STUB4(I, m, T1, T2, T3, T4) \
    static HRESULT STDMETHODCALLTYPE s_##I##_##m(I *This, T1 a, T2 b, T3 c, T4 d) \
    { (void)This; (void)a; (void)b; (void)c; (void)d; return E_NOTIMPL; }
#define STUB5(I, m, T1, T2, T3, T4, T5) \
    static HRESULT STDMETHODCALLTYPE s_##I##_##m(I *This, T1 a, T2 b, T3 c, T4 d, T5 e) \
    { (void)This; (void)a; (void)b; (void)c; (void)d; (void)e; return E_NOTIMPL; }
#define STUB8(I, m, T1, T2, T3, T4, T5, T6, T7, T8) \
    static HRESULT STDMETHODCALLTYPE s_##I##_##m(I *This, T1 a, T2 b, T3 c, T4 d, T5 e, T6 f, T7 g, T8 h) \
    { (void)This; (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)g; (void)h; return E_NOTIMPL; }

#define COM_BASE(I) \
    static HRESULT STDMETHODCALLTYPE s_##I##_qi(I *This, REFIID riid, void **ppv) \
    { return obj_qi((struct obj *)(void *)This, riid, ppv); } \
    static ULONG STDMETHODCALLTYPE s_##I##_addref(I *This) { return obj_addref((struct obj *)(void *)This); } \
    static ULONG STDMETHODCALLTYPE s_##I##_release(I *This) { return obj_release((struct obj *)(void *)This); } \
    STUB1(I, gtic, UINT *) \
    STUB3(I, gti, UINT, LCID, ITypeInfo **) \
    STUB5(I, gidn, REFIID, LPOLESTR *, UINT, LCID, DISPID *) \
    STUB8(I, inv, DISPID, REFIID, LCID, WORD, DISPPARAMS *, VARIANT *, EXCEPINFO *, UINT *)

#define COM_SLOTS(I) \
    .QueryInterface = s_##I##_qi, .AddRef = s_##I##_addref, .Release = s_##I##_release, \
    .GetTypeInfoCount = s_##I##_gtic, .GetTypeInfo = s_##I##_gti, .GetIDsOfNames = s_##I##_gidn, \
    .Invoke = s_##I##_inv

/* ---- text ---- */

static wchar_t *wdup(const char *utf8)
{
    int n = MultiByteToWideChar(CP_UTF8, 0, utf8 ? utf8 : "", -1, NULL, 0);
    wchar_t *w = malloc((size_t)(n > 0 ? n : 1) * sizeof(wchar_t));
    if (!w) return NULL;
    w[0] = 0;
    if (n > 0) MultiByteToWideChar(CP_UTF8, 0, utf8 ? utf8 : "", -1, w, n);
    return w;
}

static char *sdup(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s ? s : "", n);
    return d;
}

static HRESULT give_bstr(const wchar_t *s, BSTR *out)
{
    if (!out) return E_POINTER;
    *out = SysAllocString(s ? s : L"");
    return *out ? S_OK : E_OUTOFMEMORY;
}

static const char *skip_spaces(const char *p)
{
    while (*p == ' ' || *p == '\t') p++;
    return p;
}

/* Trims spaces at both ends, in place. */
static char *trim(char *s)
{
    char *e;
    s = (char *)skip_spaces(s);
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) *--e = 0;
    return s;
}

/* A ';'-separated list (categories, KB numbers) as wide strings. */
struct wlist {
    size_t n;
    wchar_t **s;
};

static void wlist_free(struct wlist *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->s[i]);
    free(l->s);
    l->s = NULL;
    l->n = 0;
}

static bool wlist_split(struct wlist *l, const char *text, bool kb)
{
    char *copy = sdup(text), *p, *next;
    bool ok = copy != NULL;

    l->n = 0;
    l->s = NULL;
    for (p = copy; ok && p && *p; p = next) {
        char *item;
        wchar_t **grown;
        next = strchr(p, ';');
        if (next) *next++ = 0;
        item = trim(p);
        if (kb && (item[0] == 'K' || item[0] == 'k') && (item[1] == 'B' || item[1] == 'b')) item += 2;
        if (!*item) continue;
        grown = realloc(l->s, (l->n + 1) * sizeof(*l->s));
        if (!grown) { ok = false; break; }
        l->s = grown;
        if (!(l->s[l->n] = wdup(item))) { ok = false; break; }
        l->n++;
    }
    free(copy);
    if (!ok) wlist_free(l);
    return ok;
}

static bool is_guid(const char *s)
{
    size_t n;
    if (*s == '{') s++;
    n = strlen(s);
    if (n != 36 && !(n == 37 && s[36] == '}')) return false;
    for (size_t i = 0; i < 36; i++) {
        char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

/* ---- values as the files write them ---- */

static const char *digits(const char *p, int *v, int max)
{
    int n = 0, d = 0;
    while (d < max && *p >= '0' && *p <= '9') n = n * 10 + (*p++ - '0'), d++;
    if (!d) return NULL;
    *v = n;
    return p;
}

static int64_t days_from_civil(int64_t y, int m, int d)
{
    int64_t era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* A UTC time to an OLE DATE. ISO 8601 ("2026-11-12T03:14:15Z", a space for
 * the T, fractions, an offset), and what Export-Csv writes in the en-US
 * ("11/12/2026 3:14:15 AM") and German ("12.11.2026 03:14:15") cultures. */
static bool parse_date(const char *s, DATE *out)
{
    int a, b, c, y, mo, d, h = 0, mi = 0, sec = 0, sign, oh = 0, om = 0;
    double frac = 0, scale = 0.1;
    long offset = 0;
    const char *p = skip_spaces(s), *q;
    char sep;

    if (!(p = digits(p, &a, 4))) return false;
    sep = *p;
    if (sep != '-' && sep != '/' && sep != '.') return false;
    if (!(p = digits(p + 1, &b, 2)) || *p != sep || !(p = digits(p + 1, &c, 4))) return false;
    if (sep == '-') y = a, mo = b, d = c;
    else if (sep == '/') mo = a, d = b, y = c;
    else d = a, mo = b, y = c;
    if (*p == 'T' || *p == ' ') {
        q = skip_spaces(p + 1);
        if (*q >= '0' && *q <= '9') {
            if (!(q = digits(q, &h, 2)) || *q != ':' || !(q = digits(q + 1, &mi, 2))) return false;
            if (*q == ':') {
                if (!(q = digits(q + 1, &sec, 2))) return false;
                if (*q == '.' || *q == ',')
                    for (q++; *q >= '0' && *q <= '9'; q++, scale /= 10) frac += (*q - '0') * scale;
            }
            p = q;
        }
    }
    p = skip_spaces(p);
    if ((p[0] == 'A' || p[0] == 'P' || p[0] == 'a' || p[0] == 'p') && (p[1] == 'M' || p[1] == 'm')) {
        if (h < 1 || h > 12) return false;
        h = h % 12 + ((p[0] == 'P' || p[0] == 'p') ? 12 : 0);
        p = skip_spaces(p + 2);
    }
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        sign = *p == '-' ? -1 : 1;
        if (!(q = digits(p + 1, &oh, 2))) return false;
        if (*q == ':') q++;
        if (*q >= '0' && *q <= '9' && !(q = digits(q, &om, 2))) return false;
        offset = sign * (oh * 3600L + om * 60L);
        p = q;
    }
    if (*skip_spaces(p)) return false;
    if (y < 1601 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return false;
    *out = (double)(days_from_civil(y, mo, d) + 25569) + (h * 3600.0 + mi * 60.0 + sec + frac - offset) / 86400.0;
    return true;
}

/* Decimal (also negative, as Export-Csv writes an HResult) or 0x hex. */
static bool parse_long(const char *s, LONG *out)
{
    char *end;
    long long v;
    s = skip_spaces(s);
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) v = (long long)strtoull(s + 2, &end, 16);
    else v = strtoll(s, &end, 10);
    if (end == s || *skip_spaces(end) || v < INT32_MIN || v > (long long)UINT32_MAX) return false;
    *out = (LONG)(uint32_t)v;
    return true;
}

/* A number or one of the names (with or without the enum's prefix). */
static LONG parse_enum(const char *s, const char *prefix, const char *const *names, int n)
{
    LONG v = 0;
    size_t plen = strlen(prefix);
    s = skip_spaces(s);
    if (parse_long(s, &v)) return v;
    if (_strnicmp(s, prefix, plen) == 0) s += plen;
    for (int i = 0; i < n; i++)
        if (names[i] && _stricmp(s, names[i]) == 0) return i;
    return 0;
}

static const char *const result_names[] = {"NotStarted", "InProgress", "Succeeded", "SucceededWithErrors",
                                           "Failed", "Aborted"};
static const char *const operation_names[] = {NULL, "Installation", "Uninstallation"};

static bool parse_bool(const char *s)
{
    s = skip_spaces(s);
    return _stricmp(s, "True") == 0 || _stricmp(s, "yes") == 0 || strcmp(s, "1") == 0 ||
           _stricmp(s, "$true") == 0;
}

/* ---- CSV as Export-Csv writes it ---- */

struct csv {
    char *text;    /* the file, unquoted in place: every cell points into it */
    char **cell;   /* row after row */
    size_t *first; /* index of each row's first cell; first[rows] = end */
    size_t rows;   /* the header included */
    size_t ncells;
};

static void csv_free(struct csv *c)
{
    scenario_free(c->text);
    free(c->cell);
    free(c->first);
    memset(c, 0, sizeof(*c));
}

static bool csv_push(void **arr, size_t *cap, size_t n, size_t elem)
{
    void *grown;
    if (n < *cap) return true;
    *cap = *cap ? *cap * 2 : 256;
    if (!(grown = realloc(*arr, *cap * elem))) return false;
    *arr = grown;
    return true;
}

/* false: the file does not exist (or no memory). */
static bool csv_load(struct csv *c, const wchar_t *name)
{
    size_t cells_cap = 0, rows_cap = 0;
    char *p;

    memset(c, 0, sizeof(*c));
    if (!(c->text = scenario_read(name, NULL))) return false;
    p = c->text;
    /* Windows PowerShell 5 starts with "#TYPE System.__ComObject#{...}". */
    while (strncmp(p, "#TYPE", 5) == 0) {
        while (*p && *p != '\n') p++;
        if (*p) p++;
    }
    while (*p) {
        size_t row_first = c->ncells;
        bool any = false;
        for (;;) {
            char *start = p, *w = p, delim;
            if (*p == '"') {
                for (p++; *p; ) {
                    if (*p == '"') {
                        if (p[1] != '"') { p++; break; }
                        p++;
                    }
                    *w++ = *p++;
                }
                while (*p && *p != ',' && *p != '\n' && *p != '\r') p++;
            } else {
                while (*p && *p != ',' && *p != '\n' && *p != '\r') *w++ = *p++;
            }
            delim = *p; /* before the NUL, which may land on it */
            *w = 0;
            if (*start) any = true;
            if (!csv_push((void **)&c->cell, &cells_cap, c->ncells, sizeof(char *))) goto fail;
            c->cell[c->ncells++] = start;
            if (delim) p++;
            if (delim == ',') continue;
            if (delim == '\r' && *p == '\n') p++;
            break;
        }
        if (!any && c->ncells - row_first == 1) { /* an empty line */
            c->ncells = row_first;
            continue;
        }
        if (!csv_push((void **)&c->first, &rows_cap, c->rows + 1, sizeof(size_t))) goto fail;
        c->first[c->rows++] = row_first;
    }
    if (!csv_push((void **)&c->first, &rows_cap, c->rows, sizeof(size_t))) goto fail;
    c->first[c->rows] = c->ncells;
    return true;
fail:
    csv_free(c);
    return false;
}

static size_t csv_data_rows(const struct csv *c)
{
    return c->rows ? c->rows - 1 : 0;
}

static int csv_col(const struct csv *c, const char *name)
{
    if (!c->rows) return -1;
    for (size_t i = c->first[0]; i < c->first[1]; i++)
        if (_stricmp(trim(c->cell[i]), name) == 0) return (int)(i - c->first[0]);
    return -1;
}

/* The cell of data row `row` (0-based) in column `col`; "" if absent. */
static const char *csv_at(const struct csv *c, size_t row, int col)
{
    size_t r = row + 1;
    if (col < 0 || r >= c->rows || c->first[r] + (size_t)col >= c->first[r + 1]) return "";
    return c->cell[c->first[r] + (size_t)col];
}

/* ---- agent.ini ---- */

struct agent {
    bool present;
    bool has_search, has_install, has_reboot, has_history_hr, has_search_hr;
    DATE search, install;
    bool reboot;
    LONG history_hr, search_hr;
};

static void agent_load(struct agent *a)
{
    char *text = scenario_read(L"agent.ini", NULL), *line, *next;

    memset(a, 0, sizeof(*a));
    if (!text) return;
    a->present = true;
    for (line = text; line && *line; line = next) {
        char *eq, *key, *value;
        next = strchr(line, '\n');
        if (next) *next++ = 0;
        line = trim(line);
        if (!*line || *line == ';' || *line == '#' || *line == '[' || !(eq = strchr(line, '='))) continue;
        *eq = 0;
        key = trim(line);
        value = trim(eq + 1);
        if (_stricmp(key, "LastSearchSuccessDate") == 0) a->has_search = parse_date(value, &a->search);
        else if (_stricmp(key, "LastInstallationSuccessDate") == 0) a->has_install = parse_date(value, &a->install);
        else if (_stricmp(key, "RebootRequired") == 0) a->has_reboot = true, a->reboot = parse_bool(value);
        else if (_stricmp(key, "HistoryHResult") == 0) a->has_history_hr = parse_long(value, &a->history_hr);
        else if (_stricmp(key, "SearchHResult") == 0) a->has_search_hr = parse_long(value, &a->search_hr);
    }
    scenario_free(text);
}

/* ---- ICategory, ICategoryCollection ---- */

struct category {
    struct obj o;
    wchar_t *name, *id;
};

static void category_free(struct obj *o)
{
    struct category *c = (struct category *)o;
    free(c->name);
    free(c->id);
}

COM_BASE(ICategory)
static HRESULT STDMETHODCALLTYPE category_get_Name(ICategory *This, BSTR *r)
{
    SELF(category);
    return give_bstr(self->name, r);
}
static HRESULT STDMETHODCALLTYPE category_get_CategoryID(ICategory *This, BSTR *r)
{
    SELF(category);
    return give_bstr(self->id, r);
}
STUB1(ICategory, get_Children, ICategoryCollection **)
STUB1(ICategory, get_Description, BSTR *)
STUB1(ICategory, get_Image, IImageInformation **)
STUB1(ICategory, get_Order, LONG *)
STUB1(ICategory, get_Parent, ICategory **)
STUB1(ICategory, get_Type, BSTR *)
STUB1(ICategory, get_Updates, IUpdateCollection **)

static const ICategoryVtbl category_vtbl = {
    COM_SLOTS(ICategory),
    .get_Name = category_get_Name,
    .get_CategoryID = category_get_CategoryID,
    .get_Children = s_ICategory_get_Children,
    .get_Description = s_ICategory_get_Description,
    .get_Image = s_ICategory_get_Image,
    .get_Order = s_ICategory_get_Order,
    .get_Parent = s_ICategory_get_Parent,
    .get_Type = s_ICategory_get_Type,
    .get_Updates = s_ICategory_get_Updates,
};

/* A listed GUID is the category's ID and (as far as the file says) its
 * name; a plain name has no ID here. */
static ICategory *category_new(const wchar_t *text)
{
    struct category *c = obj_new(sizeof(*c), &category_vtbl, &IID_ICategory, NULL, category_free);
    char utf8[128];
    const wchar_t *id = L"";
    size_t n;

    if (!c) return NULL;
    if (WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, sizeof(utf8), NULL, NULL) > 0 && is_guid(utf8))
        id = text[0] == L'{' ? text + 1 : text;
    c->name = _wcsdup(text);
    c->id = _wcsdup(id);
    if (c->id && (n = wcslen(c->id)) > 0 && c->id[n - 1] == L'}') c->id[n - 1] = 0;
    if (!c->name || !c->id) {
        obj_release(&c->o);
        return NULL;
    }
    return (ICategory *)(void *)c;
}

struct categories {
    struct obj o;
    struct wlist l;
};

static void categories_free(struct obj *o)
{
    wlist_free(&((struct categories *)o)->l);
}

COM_BASE(ICategoryCollection)
static HRESULT STDMETHODCALLTYPE categories_get_Item(ICategoryCollection *This, LONG i, ICategory **r)
{
    SELF(categories);
    if (!r) return E_POINTER;
    *r = NULL;
    if (i < 0 || (size_t)i >= self->l.n) return E_INVALIDARG;
    return (*r = category_new(self->l.s[i])) ? S_OK : E_OUTOFMEMORY;
}
static HRESULT STDMETHODCALLTYPE categories_get_Count(ICategoryCollection *This, LONG *r)
{
    SELF(categories);
    if (!r) return E_POINTER;
    *r = (LONG)self->l.n;
    return S_OK;
}
STUB1(ICategoryCollection, get__NewEnum, IUnknown **)

static const ICategoryCollectionVtbl categories_vtbl = {
    COM_SLOTS(ICategoryCollection),
    .get_Item = categories_get_Item,
    .get__NewEnum = s_ICategoryCollection_get__NewEnum,
    .get_Count = categories_get_Count,
};

static HRESULT categories_new(const char *names, ICategoryCollection **r)
{
    struct categories *c;
    if (!r) return E_POINTER;
    *r = NULL;
    if (!(c = obj_new(sizeof(*c), &categories_vtbl, &IID_ICategoryCollection, NULL, categories_free)))
        return E_OUTOFMEMORY;
    if (!wlist_split(&c->l, names, false)) {
        obj_release(&c->o);
        return E_OUTOFMEMORY;
    }
    *r = (ICategoryCollection *)(void *)c;
    return S_OK;
}

/* ---- IStringCollection (KB article numbers) ---- */

struct strings {
    struct obj o;
    struct wlist l;
};

static void strings_free(struct obj *o)
{
    wlist_free(&((struct strings *)o)->l);
}

COM_BASE(IStringCollection)
static HRESULT STDMETHODCALLTYPE strings_get_Item(IStringCollection *This, LONG i, BSTR *r)
{
    SELF(strings);
    if (!r) return E_POINTER;
    *r = NULL;
    if (i < 0 || (size_t)i >= self->l.n) return E_INVALIDARG;
    return give_bstr(self->l.s[i], r);
}
static HRESULT STDMETHODCALLTYPE strings_get_Count(IStringCollection *This, LONG *r)
{
    SELF(strings);
    if (!r) return E_POINTER;
    *r = (LONG)self->l.n;
    return S_OK;
}
STUB2(IStringCollection, put_Item, LONG, BSTR)
STUB1(IStringCollection, get__NewEnum, IUnknown **)
STUB1(IStringCollection, get_ReadOnly, VARIANT_BOOL *)
STUB2(IStringCollection, Add, BSTR, LONG *)
STUB0(IStringCollection, Clear)
STUB1(IStringCollection, Copy, IStringCollection **)
STUB2(IStringCollection, Insert, LONG, BSTR)
STUB1(IStringCollection, RemoveAt, LONG)

static const IStringCollectionVtbl strings_vtbl = {
    COM_SLOTS(IStringCollection),
    .get_Item = strings_get_Item,
    .put_Item = s_IStringCollection_put_Item,
    .get__NewEnum = s_IStringCollection_get__NewEnum,
    .get_Count = strings_get_Count,
    .get_ReadOnly = s_IStringCollection_get_ReadOnly,
    .Add = s_IStringCollection_Add,
    .Clear = s_IStringCollection_Clear,
    .Copy = s_IStringCollection_Copy,
    .Insert = s_IStringCollection_Insert,
    .RemoveAt = s_IStringCollection_RemoveAt,
};

static HRESULT strings_new(const char *list, IStringCollection **r)
{
    struct strings *s;
    if (!r) return E_POINTER;
    *r = NULL;
    if (!(s = obj_new(sizeof(*s), &strings_vtbl, &IID_IStringCollection, NULL, strings_free)))
        return E_OUTOFMEMORY;
    if (!wlist_split(&s->l, list, true)) {
        obj_release(&s->o);
        return E_OUTOFMEMORY;
    }
    *r = (IStringCollection *)(void *)s;
    return S_OK;
}

/* ---- IUpdateIdentity ---- */

struct identity {
    struct obj o;
    wchar_t *id;
    LONG revision;
};

static void identity_free(struct obj *o)
{
    free(((struct identity *)o)->id);
}

COM_BASE(IUpdateIdentity)
static HRESULT STDMETHODCALLTYPE identity_get_RevisionNumber(IUpdateIdentity *This, LONG *r)
{
    SELF(identity);
    if (!r) return E_POINTER;
    *r = self->revision;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE identity_get_UpdateID(IUpdateIdentity *This, BSTR *r)
{
    SELF(identity);
    return give_bstr(self->id, r);
}

static const IUpdateIdentityVtbl identity_vtbl = {
    COM_SLOTS(IUpdateIdentity),
    .get_RevisionNumber = identity_get_RevisionNumber,
    .get_UpdateID = identity_get_UpdateID,
};

static HRESULT identity_new(const wchar_t *id, LONG revision, IUpdateIdentity **r)
{
    struct identity *o;
    if (!r) return E_POINTER;
    *r = NULL;
    if (!(o = obj_new(sizeof(*o), &identity_vtbl, &IID_IUpdateIdentity, NULL, identity_free)))
        return E_OUTOFMEMORY;
    if (!(o->id = _wcsdup(id ? id : L""))) {
        obj_release(&o->o);
        return E_OUTOFMEMORY;
    }
    o->revision = revision;
    *r = (IUpdateIdentity *)(void *)o;
    return S_OK;
}

/* ---- IUpdateHistoryEntry(2): one row of history.csv ---- */

typedef struct {
    IUpdateHistoryEntryVtbl base;
    HRESULT(STDMETHODCALLTYPE *get_Categories)(IUpdateHistoryEntry *, ICategoryCollection **);
} entry2_vtbl;

struct entry {
    struct obj o;
    LONG operation, result, hresult, revision;
    DATE date;
    wchar_t *title, *update_id, *service_id, *client_id;
    char *categories;
};

static void entry_free(struct obj *o)
{
    struct entry *e = (struct entry *)o;
    free(e->title);
    free(e->update_id);
    free(e->service_id);
    free(e->client_id);
    free(e->categories);
}

COM_BASE(IUpdateHistoryEntry)
static HRESULT STDMETHODCALLTYPE entry_get_Operation(IUpdateHistoryEntry *This, UpdateOperation *r)
{
    SELF(entry);
    if (!r) return E_POINTER;
    *r = (UpdateOperation)self->operation;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE entry_get_ResultCode(IUpdateHistoryEntry *This, OperationResultCode *r)
{
    SELF(entry);
    if (!r) return E_POINTER;
    *r = (OperationResultCode)self->result;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE entry_get_HResult(IUpdateHistoryEntry *This, LONG *r)
{
    SELF(entry);
    if (!r) return E_POINTER;
    *r = self->hresult;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE entry_get_Date(IUpdateHistoryEntry *This, DATE *r)
{
    SELF(entry);
    if (!r) return E_POINTER;
    *r = self->date;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE entry_get_UpdateIdentity(IUpdateHistoryEntry *This, IUpdateIdentity **r)
{
    SELF(entry);
    return identity_new(self->update_id, self->revision, r);
}
static HRESULT STDMETHODCALLTYPE entry_get_Title(IUpdateHistoryEntry *This, BSTR *r)
{
    SELF(entry);
    return give_bstr(self->title, r);
}
static HRESULT STDMETHODCALLTYPE entry_get_ClientApplicationID(IUpdateHistoryEntry *This, BSTR *r)
{
    SELF(entry);
    return give_bstr(self->client_id, r);
}
static HRESULT STDMETHODCALLTYPE entry_get_ServiceID(IUpdateHistoryEntry *This, BSTR *r)
{
    SELF(entry);
    return give_bstr(self->service_id, r);
}
static HRESULT STDMETHODCALLTYPE entry_get_Categories(IUpdateHistoryEntry *This, ICategoryCollection **r)
{
    SELF(entry);
    return categories_new(self->categories, r);
}
STUB1(IUpdateHistoryEntry, get_Description, BSTR *)
STUB1(IUpdateHistoryEntry, get_UnmappedResultCode, LONG *)
STUB1(IUpdateHistoryEntry, get_ServerSelection, ServerSelection *)
STUB1(IUpdateHistoryEntry, get_UninstallationSteps, IStringCollection **)
STUB1(IUpdateHistoryEntry, get_UninstallationNotes, BSTR *)
STUB1(IUpdateHistoryEntry, get_SupportUrl, BSTR *)

static const entry2_vtbl entry_vtbl = {
    .base = {
        COM_SLOTS(IUpdateHistoryEntry),
        .get_Operation = entry_get_Operation,
        .get_ResultCode = entry_get_ResultCode,
        .get_HResult = entry_get_HResult,
        .get_Date = entry_get_Date,
        .get_UpdateIdentity = entry_get_UpdateIdentity,
        .get_Title = entry_get_Title,
        .get_Description = s_IUpdateHistoryEntry_get_Description,
        .get_UnmappedResultCode = s_IUpdateHistoryEntry_get_UnmappedResultCode,
        .get_ClientApplicationID = entry_get_ClientApplicationID,
        .get_ServerSelection = s_IUpdateHistoryEntry_get_ServerSelection,
        .get_ServiceID = entry_get_ServiceID,
        .get_UninstallationSteps = s_IUpdateHistoryEntry_get_UninstallationSteps,
        .get_UninstallationNotes = s_IUpdateHistoryEntry_get_UninstallationNotes,
        .get_SupportUrl = s_IUpdateHistoryEntry_get_SupportUrl,
    },
    .get_Categories = entry_get_Categories,
};

struct history_cols {
    int date, operation, result, hresult, title, update_id, revision, service_id, client_id, categories;
};

static void history_cols(const struct csv *c, struct history_cols *k)
{
    k->date = csv_col(c, "Date");
    k->operation = csv_col(c, "Operation");
    k->result = csv_col(c, "ResultCode");
    k->hresult = csv_col(c, "HResult");
    k->title = csv_col(c, "Title");
    k->update_id = csv_col(c, "UpdateID");
    k->revision = csv_col(c, "RevisionNumber");
    k->service_id = csv_col(c, "ServiceID");
    k->client_id = csv_col(c, "ClientApplicationID");
    k->categories = csv_col(c, "Categories");
}

static IUpdateHistoryEntry *entry_new(const struct csv *c, const struct history_cols *k, size_t row)
{
    struct entry *e = obj_new(sizeof(*e), &entry_vtbl, &IID_IUpdateHistoryEntry, &IID_IUpdateHistoryEntry2_,
                              entry_free);
    if (!e) return NULL;
    e->operation = parse_enum(csv_at(c, row, k->operation), "uo", operation_names, 3);
    e->result = parse_enum(csv_at(c, row, k->result), "orc", result_names, 6);
    if (!parse_long(csv_at(c, row, k->hresult), &e->hresult)) e->hresult = 0;
    if (!parse_long(csv_at(c, row, k->revision), &e->revision)) e->revision = 0;
    if (!parse_date(csv_at(c, row, k->date), &e->date)) e->date = 0;
    e->title = wdup(csv_at(c, row, k->title));
    e->update_id = wdup(csv_at(c, row, k->update_id));
    e->service_id = wdup(csv_at(c, row, k->service_id));
    e->client_id = wdup(csv_at(c, row, k->client_id));
    e->categories = sdup(csv_at(c, row, k->categories));
    if (!e->title || !e->update_id || !e->service_id || !e->client_id || !e->categories) {
        obj_release(&e->o);
        return NULL;
    }
    return (IUpdateHistoryEntry *)(void *)e;
}

/* ---- IUpdateHistoryEntryCollection ---- */

struct entries {
    struct obj o;
    size_t n;
    IUpdateHistoryEntry **e;
};

static void entries_free(struct obj *o)
{
    struct entries *c = (struct entries *)o;
    for (size_t i = 0; i < c->n; i++) c->e[i]->lpVtbl->Release(c->e[i]);
    free(c->e);
}

COM_BASE(IUpdateHistoryEntryCollection)
static HRESULT STDMETHODCALLTYPE entries_get_Item(IUpdateHistoryEntryCollection *This, LONG i,
                                                  IUpdateHistoryEntry **r)
{
    SELF(entries);
    if (!r) return E_POINTER;
    *r = NULL;
    if (i < 0 || (size_t)i >= self->n) return E_INVALIDARG;
    self->e[i]->lpVtbl->AddRef(self->e[i]);
    *r = self->e[i];
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE entries_get_Count(IUpdateHistoryEntryCollection *This, LONG *r)
{
    SELF(entries);
    if (!r) return E_POINTER;
    *r = (LONG)self->n;
    return S_OK;
}
STUB1(IUpdateHistoryEntryCollection, get__NewEnum, IUnknown **)

static const IUpdateHistoryEntryCollectionVtbl entries_vtbl = {
    COM_SLOTS(IUpdateHistoryEntryCollection),
    .get_Item = entries_get_Item,
    .get__NewEnum = s_IUpdateHistoryEntryCollection_get__NewEnum,
    .get_Count = entries_get_Count,
};

/* ---- IUpdate: one row of pending.csv; IUpdateCollection; ISearchResult ---- */

struct update {
    struct obj o;
    wchar_t *title, *update_id, *severity;
    LONG revision;
    DATE deployed;
    VARIANT_BOOL downloaded;
    char *kbs, *categories;
};

static void update_free(struct obj *o)
{
    struct update *u = (struct update *)o;
    free(u->title);
    free(u->update_id);
    free(u->severity);
    free(u->kbs);
    free(u->categories);
}

COM_BASE(IUpdate)
static HRESULT STDMETHODCALLTYPE update_get_Title(IUpdate *This, BSTR *r)
{
    SELF(update);
    return give_bstr(self->title, r);
}
static HRESULT STDMETHODCALLTYPE update_get_Identity(IUpdate *This, IUpdateIdentity **r)
{
    SELF(update);
    return identity_new(self->update_id, self->revision, r);
}
static HRESULT STDMETHODCALLTYPE update_get_KBArticleIDs(IUpdate *This, IStringCollection **r)
{
    SELF(update);
    return strings_new(self->kbs, r);
}
static HRESULT STDMETHODCALLTYPE update_get_LastDeploymentChangeTime(IUpdate *This, DATE *r)
{
    SELF(update);
    if (!r) return E_POINTER;
    *r = self->deployed;
    return S_OK;
}
/* No severity is a NULL BSTR, as the agent gives it for non-security updates. */
static HRESULT STDMETHODCALLTYPE update_get_MsrcSeverity(IUpdate *This, BSTR *r)
{
    SELF(update);
    if (!r) return E_POINTER;
    *r = NULL;
    return self->severity[0] ? give_bstr(self->severity, r) : S_OK;
}
static HRESULT STDMETHODCALLTYPE update_get_Categories(IUpdate *This, ICategoryCollection **r)
{
    SELF(update);
    return categories_new(self->categories, r);
}
static HRESULT STDMETHODCALLTYPE update_get_IsDownloaded(IUpdate *This, VARIANT_BOOL *r)
{
    SELF(update);
    if (!r) return E_POINTER;
    *r = self->downloaded;
    return S_OK;
}
STUB1(IUpdate, get_AutoSelectOnWebSites, VARIANT_BOOL *)
STUB1(IUpdate, get_BundledUpdates, IUpdateCollection **)
STUB1(IUpdate, get_CanRequireSource, VARIANT_BOOL *)
STUB1(IUpdate, get_Deadline, VARIANT *)
STUB1(IUpdate, get_DeltaCompressedContentAvailable, VARIANT_BOOL *)
STUB1(IUpdate, get_DeltaCompressedContentPreferred, VARIANT_BOOL *)
STUB1(IUpdate, get_Description, BSTR *)
STUB1(IUpdate, get_EulaAccepted, VARIANT_BOOL *)
STUB1(IUpdate, get_EulaText, BSTR *)
STUB1(IUpdate, get_HandlerID, BSTR *)
STUB1(IUpdate, get_Image, IImageInformation **)
STUB1(IUpdate, get_InstallationBehavior, IInstallationBehavior **)
STUB1(IUpdate, get_IsBeta, VARIANT_BOOL *)
STUB1(IUpdate, get_IsHidden, VARIANT_BOOL *)
STUB1(IUpdate, put_IsHidden, VARIANT_BOOL)
STUB1(IUpdate, get_IsInstalled, VARIANT_BOOL *)
STUB1(IUpdate, get_IsMandatory, VARIANT_BOOL *)
STUB1(IUpdate, get_IsUninstallable, VARIANT_BOOL *)
STUB1(IUpdate, get_Languages, IStringCollection **)
STUB1(IUpdate, get_MaxDownloadSize, DECIMAL *)
STUB1(IUpdate, get_MinDownloadSize, DECIMAL *)
STUB1(IUpdate, get_MoreInfoUrls, IStringCollection **)
STUB1(IUpdate, get_RecommendedCpuSpeed, LONG *)
STUB1(IUpdate, get_RecommendedHardDiskSpace, LONG *)
STUB1(IUpdate, get_RecommendedMemory, LONG *)
STUB1(IUpdate, get_ReleaseNotes, BSTR *)
STUB1(IUpdate, get_SecurityBulletinIDs, IStringCollection **)
STUB1(IUpdate, get_SupersededUpdateIDs, IStringCollection **)
STUB1(IUpdate, get_SupportUrl, BSTR *)
STUB1(IUpdate, get_Type, UpdateType *)
STUB1(IUpdate, get_UninstallationNotes, BSTR *)
STUB1(IUpdate, get_UninstallationBehavior, IInstallationBehavior **)
STUB1(IUpdate, get_UninstallationSteps, IStringCollection **)
STUB0(IUpdate, AcceptEula)
STUB1(IUpdate, get_DeploymentAction, DeploymentAction *)
STUB2(IUpdate, CopyFromCache, BSTR, VARIANT_BOOL)
STUB1(IUpdate, get_DownloadPriority, DownloadPriority *)
STUB1(IUpdate, get_DownloadContents, IUpdateDownloadContentCollection **)

#define UPDATE_STUB(m) .m = s_IUpdate_##m
static const IUpdateVtbl update_vtbl = {
    COM_SLOTS(IUpdate),
    .get_Title = update_get_Title,
    .get_Categories = update_get_Categories,
    .get_Identity = update_get_Identity,
    .get_IsDownloaded = update_get_IsDownloaded,
    .get_LastDeploymentChangeTime = update_get_LastDeploymentChangeTime,
    .get_MsrcSeverity = update_get_MsrcSeverity,
    .get_KBArticleIDs = update_get_KBArticleIDs,
    UPDATE_STUB(get_AutoSelectOnWebSites), UPDATE_STUB(get_BundledUpdates), UPDATE_STUB(get_CanRequireSource),
    UPDATE_STUB(get_Deadline), UPDATE_STUB(get_DeltaCompressedContentAvailable),
    UPDATE_STUB(get_DeltaCompressedContentPreferred), UPDATE_STUB(get_Description), UPDATE_STUB(get_EulaAccepted),
    UPDATE_STUB(get_EulaText), UPDATE_STUB(get_HandlerID), UPDATE_STUB(get_Image),
    UPDATE_STUB(get_InstallationBehavior), UPDATE_STUB(get_IsBeta), UPDATE_STUB(get_IsHidden),
    UPDATE_STUB(put_IsHidden), UPDATE_STUB(get_IsInstalled), UPDATE_STUB(get_IsMandatory),
    UPDATE_STUB(get_IsUninstallable), UPDATE_STUB(get_Languages), UPDATE_STUB(get_MaxDownloadSize),
    UPDATE_STUB(get_MinDownloadSize), UPDATE_STUB(get_MoreInfoUrls), UPDATE_STUB(get_RecommendedCpuSpeed),
    UPDATE_STUB(get_RecommendedHardDiskSpace), UPDATE_STUB(get_RecommendedMemory), UPDATE_STUB(get_ReleaseNotes),
    UPDATE_STUB(get_SecurityBulletinIDs), UPDATE_STUB(get_SupersededUpdateIDs), UPDATE_STUB(get_SupportUrl),
    UPDATE_STUB(get_Type), UPDATE_STUB(get_UninstallationNotes), UPDATE_STUB(get_UninstallationBehavior),
    UPDATE_STUB(get_UninstallationSteps), UPDATE_STUB(AcceptEula), UPDATE_STUB(get_DeploymentAction),
    UPDATE_STUB(CopyFromCache), UPDATE_STUB(get_DownloadPriority), UPDATE_STUB(get_DownloadContents),
};

static IUpdate *update_new(const struct csv *c, size_t row)
{
    struct update *u = obj_new(sizeof(*u), &update_vtbl, &IID_IUpdate, NULL, update_free);
    if (!u) return NULL;
    if (!parse_long(csv_at(c, row, csv_col(c, "RevisionNumber")), &u->revision)) u->revision = 0;
    if (!parse_date(csv_at(c, row, csv_col(c, "LastDeploymentChangeTime")), &u->deployed)) u->deployed = 0;
    u->downloaded = parse_bool(csv_at(c, row, csv_col(c, "IsDownloaded"))) ? VARIANT_TRUE : VARIANT_FALSE;
    u->title = wdup(csv_at(c, row, csv_col(c, "Title")));
    u->update_id = wdup(csv_at(c, row, csv_col(c, "UpdateID")));
    u->severity = wdup(csv_at(c, row, csv_col(c, "MsrcSeverity")));
    u->kbs = sdup(csv_at(c, row, csv_col(c, "KBArticleIDs")));
    u->categories = sdup(csv_at(c, row, csv_col(c, "Categories")));
    if (!u->title || !u->update_id || !u->severity || !u->kbs || !u->categories) {
        obj_release(&u->o);
        return NULL;
    }
    return (IUpdate *)(void *)u;
}

struct updates {
    struct obj o;
    size_t n;
    IUpdate **u;
};

static void updates_free(struct obj *o)
{
    struct updates *c = (struct updates *)o;
    for (size_t i = 0; i < c->n; i++) c->u[i]->lpVtbl->Release(c->u[i]);
    free(c->u);
}

COM_BASE(IUpdateCollection)
static HRESULT STDMETHODCALLTYPE updates_get_Item(IUpdateCollection *This, LONG i, IUpdate **r)
{
    SELF(updates);
    if (!r) return E_POINTER;
    *r = NULL;
    if (i < 0 || (size_t)i >= self->n) return E_INVALIDARG;
    self->u[i]->lpVtbl->AddRef(self->u[i]);
    *r = self->u[i];
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE updates_get_Count(IUpdateCollection *This, LONG *r)
{
    SELF(updates);
    if (!r) return E_POINTER;
    *r = (LONG)self->n;
    return S_OK;
}
STUB2(IUpdateCollection, put_Item, LONG, IUpdate *)
STUB1(IUpdateCollection, get__NewEnum, IUnknown **)
STUB1(IUpdateCollection, get_ReadOnly, VARIANT_BOOL *)
STUB2(IUpdateCollection, Add, IUpdate *, LONG *)
STUB0(IUpdateCollection, Clear)
STUB1(IUpdateCollection, Copy, IUpdateCollection **)
STUB2(IUpdateCollection, Insert, LONG, IUpdate *)
STUB1(IUpdateCollection, RemoveAt, LONG)

static const IUpdateCollectionVtbl updates_vtbl = {
    COM_SLOTS(IUpdateCollection),
    .get_Item = updates_get_Item,
    .put_Item = s_IUpdateCollection_put_Item,
    .get__NewEnum = s_IUpdateCollection_get__NewEnum,
    .get_Count = updates_get_Count,
    .get_ReadOnly = s_IUpdateCollection_get_ReadOnly,
    .Add = s_IUpdateCollection_Add,
    .Clear = s_IUpdateCollection_Clear,
    .Copy = s_IUpdateCollection_Copy,
    .Insert = s_IUpdateCollection_Insert,
    .RemoveAt = s_IUpdateCollection_RemoveAt,
};

struct result {
    struct obj o;
    IUpdateCollection *updates;
};

static void result_free(struct obj *o)
{
    struct result *r = (struct result *)o;
    if (r->updates) r->updates->lpVtbl->Release(r->updates);
}

COM_BASE(ISearchResult)
static HRESULT STDMETHODCALLTYPE result_get_ResultCode(ISearchResult *This, OperationResultCode *r)
{
    (void)This;
    if (!r) return E_POINTER;
    *r = orcSucceeded;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE result_get_Updates(ISearchResult *This, IUpdateCollection **r)
{
    SELF(result);
    if (!r) return E_POINTER;
    self->updates->lpVtbl->AddRef(self->updates);
    *r = self->updates;
    return S_OK;
}
STUB1(ISearchResult, get_RootCategories, ICategoryCollection **)
STUB1(ISearchResult, get_Warnings, IUpdateExceptionCollection **)

static const ISearchResultVtbl result_vtbl = {
    COM_SLOTS(ISearchResult),
    .get_ResultCode = result_get_ResultCode,
    .get_RootCategories = s_ISearchResult_get_RootCategories,
    .get_Updates = result_get_Updates,
    .get_Warnings = s_ISearchResult_get_Warnings,
};

/* ---- IUpdateSearcher ---- */

struct searcher {
    struct obj o;
    VARIANT_BOOL online;
};

COM_BASE(IUpdateSearcher)
static HRESULT STDMETHODCALLTYPE searcher_get_Online(IUpdateSearcher *This, VARIANT_BOOL *r)
{
    SELF(searcher);
    if (!r) return E_POINTER;
    *r = self->online;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE searcher_put_Online(IUpdateSearcher *This, VARIANT_BOOL v)
{
    SELF(searcher);
    self->online = v ? VARIANT_TRUE : VARIANT_FALSE;
    return S_OK;
}

/* agent.ini's HistoryHResult / SearchHResult make that call fail (as the
 * agent does for a remote session: E_ACCESSDENIED). */
static HRESULT scenario_failure(bool history)
{
    struct agent a;
    agent_load(&a);
    if (history && a.has_history_hr && FAILED(a.history_hr)) return a.history_hr;
    if (!history && a.has_search_hr && FAILED(a.search_hr)) return a.search_hr;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE searcher_GetTotalHistoryCount(IUpdateSearcher *This, LONG *r)
{
    struct csv c;
    HRESULT hr;
    (void)This;
    if (!r) return E_POINTER;
    *r = 0;
    if (FAILED(hr = scenario_failure(true))) return hr;
    if (!csv_load(&c, L"history.csv")) return STANDIN_E_UNAVAILABLE;
    *r = (LONG)csv_data_rows(&c);
    csv_free(&c);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE searcher_QueryHistory(IUpdateSearcher *This, LONG start, LONG count,
                                                       IUpdateHistoryEntryCollection **r)
{
    struct history_cols k;
    struct entries *list = NULL;
    struct csv c;
    size_t rows, end;
    HRESULT hr;

    (void)This;
    if (!r) return E_POINTER;
    *r = NULL;
    if (start < 0 || count < 0) return E_INVALIDARG;
    if (FAILED(hr = scenario_failure(true))) return hr;
    if (!csv_load(&c, L"history.csv")) return STANDIN_E_UNAVAILABLE;
    rows = csv_data_rows(&c);
    end = (size_t)start + (size_t)count < rows ? (size_t)start + (size_t)count : rows;
    hr = E_OUTOFMEMORY;
    if (!(list = obj_new(sizeof(*list), &entries_vtbl, &IID_IUpdateHistoryEntryCollection, NULL, entries_free)))
        goto cleanup;
    if (end > (size_t)start && !(list->e = calloc(end - (size_t)start, sizeof(*list->e)))) goto cleanup;
    history_cols(&c, &k);
    for (size_t i = (size_t)start; i < end; i++) {
        if (!(list->e[list->n] = entry_new(&c, &k, i))) goto cleanup;
        list->n++;
    }
    *r = (IUpdateHistoryEntryCollection *)(void *)list;
    list = NULL;
    hr = S_OK;
cleanup:
    if (list) obj_release(&list->o);
    csv_free(&c);
    return hr;
}

/* Only what the adapter asks: every update not installed and not hidden
 * (pending.csv lists exactly those), from the cache. */
static bool criteria_known(const wchar_t *criteria)
{
    wchar_t squeezed[64];
    size_t n = 0;
    for (const wchar_t *p = criteria ? criteria : L""; *p; p++) {
        if (*p == L' ') continue;
        if (n + 1 >= ARRAYSIZE(squeezed)) return false;
        squeezed[n++] = (wchar_t)towlower(*p);
    }
    squeezed[n] = 0;
    return wcscmp(squeezed, L"isinstalled=0andishidden=0") == 0 ||
           wcscmp(squeezed, L"ishidden=0andisinstalled=0") == 0 || wcscmp(squeezed, L"isinstalled=0") == 0;
}

static HRESULT STDMETHODCALLTYPE searcher_Search(IUpdateSearcher *This, BSTR criteria, ISearchResult **r)
{
    SELF(searcher);
    struct updates *list = NULL;
    struct result *res = NULL;
    struct csv c;
    size_t rows;
    HRESULT hr;

    if (!r) return E_POINTER;
    *r = NULL;
    if (self->online) return STANDIN_E_OFFLINE;
    if (!criteria_known(criteria)) return STANDIN_E_CRITERIA;
    if (FAILED(hr = scenario_failure(false))) return hr;
    if (!csv_load(&c, L"pending.csv")) return STANDIN_E_UNAVAILABLE;
    rows = csv_data_rows(&c);
    hr = E_OUTOFMEMORY;
    if (!(list = obj_new(sizeof(*list), &updates_vtbl, &IID_IUpdateCollection, NULL, updates_free))) goto cleanup;
    if (rows && !(list->u = calloc(rows, sizeof(*list->u)))) goto cleanup;
    for (size_t i = 0; i < rows; i++) {
        if (!(list->u[list->n] = update_new(&c, i))) goto cleanup;
        list->n++;
    }
    if (!(res = obj_new(sizeof(*res), &result_vtbl, &IID_ISearchResult, NULL, result_free))) goto cleanup;
    res->updates = (IUpdateCollection *)(void *)list;
    list = NULL;
    *r = (ISearchResult *)(void *)res;
    hr = S_OK;
cleanup:
    if (list) obj_release(&list->o);
    csv_free(&c);
    return hr;
}

STUB1(IUpdateSearcher, get_CanAutomaticallyUpgradeService, VARIANT_BOOL *)
STUB1(IUpdateSearcher, put_CanAutomaticallyUpgradeService, VARIANT_BOOL)
STUB1(IUpdateSearcher, get_ClientApplicationID, BSTR *)
STUB1(IUpdateSearcher, put_ClientApplicationID, BSTR)
STUB1(IUpdateSearcher, get_IncludePotentiallySupersededUpdates, VARIANT_BOOL *)
STUB1(IUpdateSearcher, put_IncludePotentiallySupersededUpdates, VARIANT_BOOL)
STUB1(IUpdateSearcher, get_ServerSelection, ServerSelection *)
STUB1(IUpdateSearcher, put_ServerSelection, ServerSelection)
STUB4(IUpdateSearcher, BeginSearch, BSTR, IUnknown *, VARIANT, ISearchJob **)
STUB2(IUpdateSearcher, EndSearch, ISearchJob *, ISearchResult **)
STUB2(IUpdateSearcher, EscapeString, BSTR, BSTR *)
STUB1(IUpdateSearcher, get_ServiceID, BSTR *)
STUB1(IUpdateSearcher, put_ServiceID, BSTR)

#define SEARCHER_STUB(m) .m = s_IUpdateSearcher_##m
static const IUpdateSearcherVtbl searcher_vtbl = {
    COM_SLOTS(IUpdateSearcher),
    .QueryHistory = searcher_QueryHistory,
    .Search = searcher_Search,
    .get_Online = searcher_get_Online,
    .put_Online = searcher_put_Online,
    .GetTotalHistoryCount = searcher_GetTotalHistoryCount,
    SEARCHER_STUB(get_CanAutomaticallyUpgradeService), SEARCHER_STUB(put_CanAutomaticallyUpgradeService),
    SEARCHER_STUB(get_ClientApplicationID), SEARCHER_STUB(put_ClientApplicationID),
    SEARCHER_STUB(get_IncludePotentiallySupersededUpdates), SEARCHER_STUB(put_IncludePotentiallySupersededUpdates),
    SEARCHER_STUB(get_ServerSelection), SEARCHER_STUB(put_ServerSelection), SEARCHER_STUB(BeginSearch),
    SEARCHER_STUB(EndSearch), SEARCHER_STUB(EscapeString), SEARCHER_STUB(get_ServiceID),
    SEARCHER_STUB(put_ServiceID),
};

/* ---- IUpdateSession ---- */

COM_BASE(IUpdateSession)
static HRESULT STDMETHODCALLTYPE session_CreateUpdateSearcher(IUpdateSession *This, IUpdateSearcher **r)
{
    struct searcher *s;
    (void)This;
    if (!r) return E_POINTER;
    *r = NULL;
    if (!(s = obj_new(sizeof(*s), &searcher_vtbl, &IID_IUpdateSearcher, NULL, NULL))) return E_OUTOFMEMORY;
    s->online = VARIANT_TRUE; /* the agent's default: an online scan */
    *r = (IUpdateSearcher *)(void *)s;
    return S_OK;
}
STUB1(IUpdateSession, get_ClientApplicationID, BSTR *)
STUB1(IUpdateSession, put_ClientApplicationID, BSTR)
STUB1(IUpdateSession, get_ReadOnly, VARIANT_BOOL *)
STUB1(IUpdateSession, get_WebProxy, IWebProxy **)
STUB1(IUpdateSession, put_WebProxy, IWebProxy *)
STUB1(IUpdateSession, CreateUpdateDownloader, IUpdateDownloader **)
STUB1(IUpdateSession, CreateUpdateInstaller, IUpdateInstaller **)

static const IUpdateSessionVtbl session_vtbl = {
    COM_SLOTS(IUpdateSession),
    .get_ClientApplicationID = s_IUpdateSession_get_ClientApplicationID,
    .put_ClientApplicationID = s_IUpdateSession_put_ClientApplicationID,
    .get_ReadOnly = s_IUpdateSession_get_ReadOnly,
    .get_WebProxy = s_IUpdateSession_get_WebProxy,
    .put_WebProxy = s_IUpdateSession_put_WebProxy,
    .CreateUpdateSearcher = session_CreateUpdateSearcher,
    .CreateUpdateDownloader = s_IUpdateSession_CreateUpdateDownloader,
    .CreateUpdateInstaller = s_IUpdateSession_CreateUpdateInstaller,
};

/* ---- IAutomaticUpdates(2), IAutomaticUpdatesResults ---- */

typedef struct AUResults_ AUResults_;
typedef struct {
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(AUResults_ *, REFIID, void **);
    ULONG(STDMETHODCALLTYPE *AddRef)(AUResults_ *);
    ULONG(STDMETHODCALLTYPE *Release)(AUResults_ *);
    HRESULT(STDMETHODCALLTYPE *GetTypeInfoCount)(AUResults_ *, UINT *);
    HRESULT(STDMETHODCALLTYPE *GetTypeInfo)(AUResults_ *, UINT, LCID, ITypeInfo **);
    HRESULT(STDMETHODCALLTYPE *GetIDsOfNames)(AUResults_ *, REFIID, LPOLESTR *, UINT, LCID, DISPID *);
    HRESULT(STDMETHODCALLTYPE *Invoke)(AUResults_ *, DISPID, REFIID, LCID, WORD, DISPPARAMS *, VARIANT *,
                                       EXCEPINFO *, UINT *);
    HRESULT(STDMETHODCALLTYPE *get_LastSearchSuccessDate)(AUResults_ *, VARIANT *);
    HRESULT(STDMETHODCALLTYPE *get_LastInstallationSuccessDate)(AUResults_ *, VARIANT *);
} AUResults_Vtbl;
struct AUResults_ {
    const AUResults_Vtbl *lpVtbl;
};

/* The dates as agent.ini had them when get_Results was called. */
struct au_results {
    struct obj o;
    struct agent a;
};

static HRESULT give_date(bool known, DATE d, VARIANT *v)
{
    if (!v) return E_POINTER;
    VariantInit(v);
    if (known) {
        V_VT(v) = VT_DATE;
        V_DATE(v) = d;
    }
    return S_OK;
}

COM_BASE(AUResults_)
static HRESULT STDMETHODCALLTYPE results_get_LastSearchSuccessDate(AUResults_ *This, VARIANT *v)
{
    SELF(au_results);
    return give_date(self->a.has_search, self->a.search, v);
}
static HRESULT STDMETHODCALLTYPE results_get_LastInstallationSuccessDate(AUResults_ *This, VARIANT *v)
{
    SELF(au_results);
    return give_date(self->a.has_install, self->a.install, v);
}

static const AUResults_Vtbl results_vtbl = {
    COM_SLOTS(AUResults_),
    .get_LastSearchSuccessDate = results_get_LastSearchSuccessDate,
    .get_LastInstallationSuccessDate = results_get_LastInstallationSuccessDate,
};

typedef struct {
    IAutomaticUpdatesVtbl base;
    HRESULT(STDMETHODCALLTYPE *get_Results)(IAutomaticUpdates *, AUResults_ **);
} au2_vtbl;

COM_BASE(IAutomaticUpdates)
static HRESULT STDMETHODCALLTYPE au_get_Results(IAutomaticUpdates *This, AUResults_ **r)
{
    struct au_results *res;
    struct agent a;
    (void)This;
    if (!r) return E_POINTER;
    *r = NULL;
    agent_load(&a);
    if (!a.present) return E_NOTIMPL; /* as Wine's stub: nothing known */
    if (!(res = obj_new(sizeof(*res), &results_vtbl, &IID_IAutomaticUpdatesResults_, NULL, NULL)))
        return E_OUTOFMEMORY;
    res->a = a;
    *r = (AUResults_ *)(void *)res;
    return S_OK;
}
STUB0(IAutomaticUpdates, DetectNow)
STUB0(IAutomaticUpdates, Pause)
STUB0(IAutomaticUpdates, Resume)
STUB0(IAutomaticUpdates, ShowSettingsDialog)
STUB1(IAutomaticUpdates, get_Settings, IAutomaticUpdatesSettings **)
STUB1(IAutomaticUpdates, get_ServiceEnabled, VARIANT_BOOL *)
STUB0(IAutomaticUpdates, EnableService)

static const au2_vtbl au_vtbl = {
    .base = {
        COM_SLOTS(IAutomaticUpdates),
        .DetectNow = s_IAutomaticUpdates_DetectNow,
        .Pause = s_IAutomaticUpdates_Pause,
        .Resume = s_IAutomaticUpdates_Resume,
        .ShowSettingsDialog = s_IAutomaticUpdates_ShowSettingsDialog,
        .get_Settings = s_IAutomaticUpdates_get_Settings,
        .get_ServiceEnabled = s_IAutomaticUpdates_get_ServiceEnabled,
        .EnableService = s_IAutomaticUpdates_EnableService,
    },
    .get_Results = au_get_Results,
};

/* ---- ISystemInformation ---- */

COM_BASE(ISystemInformation)
static HRESULT STDMETHODCALLTYPE sysinfo_get_RebootRequired(ISystemInformation *This, VARIANT_BOOL *r)
{
    struct agent a;
    (void)This;
    if (!r) return E_POINTER;
    *r = VARIANT_FALSE;
    agent_load(&a);
    if (!a.present) return E_NOTIMPL;
    *r = a.has_reboot && a.reboot ? VARIANT_TRUE : VARIANT_FALSE;
    return S_OK;
}
STUB1(ISystemInformation, get_OemHardwareSupportLink, BSTR *)

static const ISystemInformationVtbl sysinfo_vtbl = {
    COM_SLOTS(ISystemInformation),
    .get_OemHardwareSupportLink = s_ISystemInformation_get_OemHardwareSupportLink,
    .get_RebootRequired = sysinfo_get_RebootRequired,
};

/* ---- the class factory and the exports ---- */

struct factory {
    IClassFactory iface;
    const CLSID *clsid;
};

static HRESULT STDMETHODCALLTYPE factory_qi(IClassFactory *This, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!IsEqualIID(riid, &IID_IUnknown) && !IsEqualIID(riid, &IID_IClassFactory)) return E_NOINTERFACE;
    *ppv = This;
    return S_OK;
}
static ULONG STDMETHODCALLTYPE factory_addref(IClassFactory *This)
{
    (void)This;
    return 2; /* static */
}
static ULONG STDMETHODCALLTYPE factory_release(IClassFactory *This)
{
    (void)This;
    return 1;
}

static HRESULT STDMETHODCALLTYPE factory_CreateInstance(IClassFactory *This, IUnknown *outer, REFIID riid,
                                                        void **ppv)
{
    struct factory *f = (struct factory *)(void *)This;
    struct obj *o;
    HRESULT hr;

    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (outer) return CLASS_E_NOAGGREGATION;
    if (IsEqualCLSID(f->clsid, &CLSID_UpdateSession))
        o = obj_new(sizeof(*o), &session_vtbl, &IID_IUpdateSession, NULL, NULL);
    else if (IsEqualCLSID(f->clsid, &CLSID_AutomaticUpdates))
        o = obj_new(sizeof(*o), &au_vtbl, &IID_IAutomaticUpdates, &IID_IAutomaticUpdates2_, NULL);
    else
        o = obj_new(sizeof(*o), &sysinfo_vtbl, &IID_ISystemInformation, NULL, NULL);
    if (!o) return E_OUTOFMEMORY;
    hr = obj_qi(o, riid, ppv);
    obj_release(o);
    return hr;
}

static HRESULT STDMETHODCALLTYPE factory_LockServer(IClassFactory *This, BOOL lock)
{
    (void)This;
    if (lock) InterlockedIncrement(&g_live);
    else InterlockedDecrement(&g_live);
    return S_OK;
}

static IClassFactoryVtbl factory_vtbl = { /* mingw's lpVtbl is not const */
    .QueryInterface = factory_qi,
    .AddRef = factory_addref,
    .Release = factory_release,
    .CreateInstance = factory_CreateInstance,
    .LockServer = factory_LockServer,
};

static struct factory factories[] = {
    {{&factory_vtbl}, &CLSID_UpdateSession},
    {{&factory_vtbl}, &CLSID_AutomaticUpdates},
    {{&factory_vtbl}, &CLSID_SystemInformation},
};

/* A slot left out of a designated initialiser would be a NULL the adapter
 * jumps to: refuse to serve instead. */
static bool vtbl_complete(const void *vtbl, size_t size)
{
    void (*const *slot)(void) = vtbl;
    for (size_t i = 0; i < size / sizeof(*slot); i++)
        if (!slot[i]) return false;
    return true;
}

static bool vtbls_complete(void)
{
    return vtbl_complete(&category_vtbl, sizeof(category_vtbl)) &&
           vtbl_complete(&categories_vtbl, sizeof(categories_vtbl)) &&
           vtbl_complete(&strings_vtbl, sizeof(strings_vtbl)) &&
           vtbl_complete(&identity_vtbl, sizeof(identity_vtbl)) && vtbl_complete(&entry_vtbl, sizeof(entry_vtbl)) &&
           vtbl_complete(&entries_vtbl, sizeof(entries_vtbl)) && vtbl_complete(&update_vtbl, sizeof(update_vtbl)) &&
           vtbl_complete(&updates_vtbl, sizeof(updates_vtbl)) && vtbl_complete(&result_vtbl, sizeof(result_vtbl)) &&
           vtbl_complete(&searcher_vtbl, sizeof(searcher_vtbl)) &&
           vtbl_complete(&session_vtbl, sizeof(session_vtbl)) &&
           vtbl_complete(&results_vtbl, sizeof(results_vtbl)) && vtbl_complete(&au_vtbl, sizeof(au_vtbl)) &&
           vtbl_complete(&sysinfo_vtbl, sizeof(sysinfo_vtbl));
}

HRESULT WINAPI DllGetClassObject(REFCLSID clsid, REFIID riid, void **ppv)
{
    if (!ppv) return E_POINTER;
    *ppv = NULL;
    if (!vtbls_complete()) {
        OutputDebugStringW(L"wuapi stand-in: a vtable slot is missing\n");
        return E_UNEXPECTED;
    }
    for (size_t i = 0; i < ARRAYSIZE(factories); i++)
        if (IsEqualCLSID(clsid, factories[i].clsid)) return factory_qi(&factories[i].iface, riid, ppv);
    return CLASS_E_CLASSNOTAVAILABLE;
}

HRESULT WINAPI DllCanUnloadNow(void)
{
    return g_live > 0 ? S_FALSE : S_OK;
}

/* The prefix's registry already names wuapi.dll for these classes. */
HRESULT WINAPI DllRegisterServer(void)
{
    return S_OK;
}

HRESULT WINAPI DllUnregisterServer(void)
{
    return S_OK;
}
