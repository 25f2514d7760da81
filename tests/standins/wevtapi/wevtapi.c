/* A native wevtapi.dll for Wine (whose EvtQuery is a stub returning NULL):
 * serves the events in the *.xml files of the scenario's events folder, as
 * `wevtutil qe CHANNEL /f:xml` prints them, through exactly the calls
 * src/win/wulog.c makes: EvtQuery (channel, a small XPath subset, direction),
 * EvtNext, EvtCreateRenderContext (values), EvtRender (values), EvtClose.
 * The other exports fail with ERROR_NOT_SUPPORTED. tests/standins/README.md
 * says what is implemented and where it stops. */
#include <windows.h>
#include <winevt.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "scenario.h"

#define MAGIC_QUERY 0x59524551u   /* "QERY" */
#define MAGIC_EVENT 0x544e5645u   /* "EVNT" */
#define MAGIC_CONTEXT 0x58544e43u /* "CNTX" */
#define MAGIC_DEAD 0xdeaddeadu

#define EV_MAX_DATA 32    /* Data elements kept per event */
#define XML_MAX_DEPTH 32
#define QUERY_MAX_IDS 64
#define CONTEXT_MAX_PATHS 64
#define NAME_LEN 128

/* ---- Parsed events ---- */

struct ev_data {
    wchar_t *name;
    wchar_t *value; /* entities decoded; "" for <Data Name='x'/> */
};

/* One <Event>, shared by the query and the event handles (refs). */
struct ev {
    LONG refs;
    size_t order; /* position in the files: ties in time keep it */
    BOOL has_id, has_time;
    unsigned id;
    ULONGLONG time; /* FILETIME ticks */
    wchar_t *channel, *provider;
    size_t ndata;
    struct ev_data data[EV_MAX_DATA];
};

struct ev_list {
    struct ev **v;
    size_t n, cap;
    BOOL oom;
};

static void *mem_alloc(size_t n)
{
    return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, n ? n : 1);
}

static void mem_free(void *p)
{
    if (p) HeapFree(GetProcessHeap(), 0, p);
}

static void ev_release(struct ev *e)
{
    if (!e || InterlockedDecrement(&e->refs) > 0) return;
    mem_free(e->channel);
    mem_free(e->provider);
    for (size_t i = 0; i < e->ndata; i++) {
        mem_free(e->data[i].name);
        mem_free(e->data[i].value);
    }
    mem_free(e);
}

/* ---- A small XML reader, enough for wevtutil's output ---- */

enum tag_kind { TAG_OPEN, TAG_CLOSE, TAG_EMPTY };

struct tag {
    enum tag_kind kind;
    const char *name, *attrs, *after; /* after: just past '>' */
    size_t name_len, attrs_len;
};

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_name_char(char c)
{
    return c && !is_space(c) && c != '>' && c != '/' && c != '=' && c != '<';
}

static const char *find(const char *p, const char *end, const char *what)
{
    size_t n = strlen(what);
    for (; p + n <= end; p++)
        if (memcmp(p, what, n) == 0) return p;
    return NULL;
}

/* The next element tag from *pp; comments, <?...?> and <!...> are skipped.
 * FALSE at the end or at a tag that does not close. */
static BOOL next_tag(const char **pp, const char *end, struct tag *t)
{
    const char *p = *pp, *q;

    for (;;) {
        while (p < end && *p != '<') p++;
        if (p >= end) return FALSE;
        if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
            q = find(p + 4, end, "-->");
            if (!q) return FALSE;
            p = q + 3;
            continue;
        }
        if (end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
            q = find(p + 9, end, "]]>");
            if (!q) return FALSE;
            p = q + 3;
            continue;
        }
        if (end - p >= 2 && (p[1] == '?' || p[1] == '!')) {
            q = memchr(p, '>', (size_t)(end - p));
            if (!q) return FALSE;
            p = q + 1;
            continue;
        }
        break;
    }
    p++;
    t->kind = TAG_OPEN;
    if (p < end && *p == '/') {
        t->kind = TAG_CLOSE;
        p++;
    }
    t->name = p;
    while (p < end && is_name_char(*p)) p++;
    t->name_len = (size_t)(p - t->name);
    t->attrs = p;
    /* '>' cannot occur unescaped inside a quoted value in wevtutil's output,
     * but be exact anyway. */
    for (char quote = 0; p < end; p++) {
        if (quote) {
            if (*p == quote) quote = 0;
        } else if (*p == '\'' || *p == '"') {
            quote = *p;
        } else if (*p == '>') {
            break;
        }
    }
    if (p >= end || !t->name_len) return FALSE;
    t->attrs_len = (size_t)(p - t->attrs);
    if (t->attrs_len && t->attrs[t->attrs_len - 1] == '/') {
        t->kind = TAG_EMPTY;
        t->attrs_len--;
    }
    t->after = p + 1;
    *pp = p + 1;
    return TRUE;
}

static BOOL name_is(const char *s, size_t len, const char *want)
{
    const char *colon = memchr(s, ':', len); /* a namespace prefix is ignored */
    if (colon) {
        len -= (size_t)(colon + 1 - s);
        s = colon + 1;
    }
    return strlen(want) == len && memcmp(s, want, len) == 0;
}

/* An attribute's raw value (entities not yet decoded). */
static BOOL attr(const struct tag *t, const char *want, const char **val, size_t *len)
{
    const char *p = t->attrs, *end = t->attrs + t->attrs_len, *name;
    size_t name_len;
    char quote;

    for (;;) {
        while (p < end && is_space(*p)) p++;
        if (p >= end) return FALSE;
        name = p;
        while (p < end && is_name_char(*p)) p++;
        name_len = (size_t)(p - name);
        while (p < end && is_space(*p)) p++;
        if (p >= end || *p != '=' || !name_len) return FALSE;
        p++;
        while (p < end && is_space(*p)) p++;
        if (p >= end || (*p != '\'' && *p != '"')) return FALSE;
        quote = *p++;
        *val = p;
        while (p < end && *p != quote) p++;
        if (p >= end) return FALSE;
        *len = (size_t)(p - *val);
        p++;
        if (name_is(name, name_len, want)) return TRUE;
    }
}

/* Appends code point c as UTF-8; FALSE for a code point XML does not allow. */
static BOOL put_utf8(char **o, unsigned long c)
{
    char *p = *o;
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return FALSE;
    if (c < 0x80) {
        *p++ = (char)c;
    } else if (c < 0x800) {
        *p++ = (char)(0xC0 | (c >> 6));
        *p++ = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *p++ = (char)(0xE0 | (c >> 12));
        *p++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *p++ = (char)(0x80 | (c & 0x3F));
    } else {
        *p++ = (char)(0xF0 | (c >> 18));
        *p++ = (char)(0x80 | ((c >> 12) & 0x3F));
        *p++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *p++ = (char)(0x80 | (c & 0x3F));
    }
    *o = p;
    return TRUE;
}

/* One entity at s (just past '&'), written to *o; FALSE if it is none of
 * XML's five or a character reference (then '&' is kept as text). */
static BOOL put_entity(const char *s, const char *end, char **o, const char **next)
{
    static const struct {
        const char *name;
        char c;
    } named[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
    const char *semi = memchr(s, ';', (size_t)(end - s));
    unsigned long c = 0;
    const char *p;

    for (size_t i = 0; i < ARRAYSIZE(named); i++) {
        size_t n = strlen(named[i].name);
        if ((size_t)(end - s) >= n && memcmp(s, named[i].name, n) == 0) {
            *(*o)++ = named[i].c;
            *next = s + n;
            return TRUE;
        }
    }
    if (!semi || *s != '#' || semi - s < 2 || semi - s > 10) return FALSE;
    if (s[1] == 'x' || s[1] == 'X') {
        if (semi - s < 3) return FALSE;
        for (p = s + 2; p < semi; p++) {
            int d = (*p >= '0' && *p <= '9') ? *p - '0'
                    : (*p >= 'a' && *p <= 'f') ? *p - 'a' + 10
                    : (*p >= 'A' && *p <= 'F') ? *p - 'A' + 10
                                               : -1;
            if (d < 0) return FALSE;
            c = c * 16 + (unsigned long)d;
        }
    } else {
        for (p = s + 1; p < semi; p++) {
            if (*p < '0' || *p > '9') return FALSE;
            c = c * 10 + (unsigned long)(*p - '0');
        }
    }
    if (!put_utf8(o, c)) return FALSE;
    *next = semi + 1;
    return TRUE;
}

/* Raw XML text (UTF-8, entities) as a decoded wide string from mem_alloc. */
static wchar_t *decode(const char *s, size_t len, BOOL trim)
{
    const char *end = s + len;
    char *buf, *o;
    wchar_t *w = NULL;
    int n;

    if (trim) {
        while (s < end && is_space(*s)) s++;
        while (end > s && is_space(end[-1])) end--;
    }
    /* A decoded entity is never longer than its reference. */
    buf = mem_alloc((size_t)(end - s) + 1);
    if (!buf) return NULL;
    o = buf;
    while (s < end) {
        if (*s == '&' && put_entity(s + 1, end, &o, &s)) continue;
        *o++ = *s++;
    }
    n = MultiByteToWideChar(CP_UTF8, 0, buf, (int)(o - buf), NULL, 0);
    w = mem_alloc(((size_t)n + 1) * sizeof(wchar_t));
    if (w && n) MultiByteToWideChar(CP_UTF8, 0, buf, (int)(o - buf), w, n);
    mem_free(buf);
    return w;
}

/* Text content: up to the next tag. */
static wchar_t *text_of(const struct tag *t, const char *end, BOOL trim)
{
    const char *lt = memchr(t->after, '<', (size_t)(end - t->after));
    return decode(t->after, (size_t)((lt ? lt : end) - t->after), trim);
}

/* "2024-10-09T03:12:40.1234567Z" as FILETIME ticks (UTC); also python-evtx's
 * "2024-10-09 03:12:40.123456" (a space, no Z). */
static BOOL parse_system_time(const wchar_t *s, ULONGLONG *ticks)
{
    SYSTEMTIME st;
    FILETIME ft;
    ULARGE_INTEGER u;
    unsigned y, mo, d, h, mi, se;
    ULONGLONG frac = 0;
    int digits = 0, used = 0;
    wchar_t sep = 0;

    if (!s || swscanf(s, L"%4u-%2u-%2u%lc%2u:%2u:%2u%n", &y, &mo, &d, &sep, &h, &mi, &se, &used) != 7 ||
        (sep != L'T' && sep != L' '))
        return FALSE;
    s += used;
    if (*s == L'.') {
        for (s++; *s >= L'0' && *s <= L'9'; s++, digits++)
            if (digits < 7) frac = frac * 10 + (ULONGLONG)(*s - L'0');
        if (!digits) return FALSE;
        for (; digits < 7; digits++) frac *= 10;
    }
    if (*s == L'Z') s++;
    if (*s) return FALSE;
    ZeroMemory(&st, sizeof(st));
    st.wYear = (WORD)y;
    st.wMonth = (WORD)mo;
    st.wDay = (WORD)d;
    st.wHour = (WORD)h;
    st.wMinute = (WORD)mi;
    st.wSecond = (WORD)se;
    if (!SystemTimeToFileTime(&st, &ft)) return FALSE;
    u.LowPart = ft.dwLowDateTime;
    u.HighPart = ft.dwHighDateTime;
    *ticks = u.QuadPart + frac;
    return TRUE;
}

/* A whole integer in decimal ("-2145107924") or hex ("0x8024402C"). */
static BOOL parse_int(const wchar_t *s, long long *out)
{
    wchar_t *end;
    int neg = 0;
    unsigned long long v;

    if (!s) return FALSE;
    while (iswspace(*s)) s++;
    if (*s == L'-') {
        neg = 1;
        s++;
    }
    if (!iswdigit(*s)) return FALSE;
    errno = 0;
    v = wcstoull(s, &end, (s[0] == L'0' && (s[1] == L'x' || s[1] == L'X')) ? 16 : 10);
    if (errno || end == s) return FALSE;
    while (iswspace(*end)) end++;
    if (*end || v > 0xFFFFFFFFFFull) return FALSE;
    *out = neg ? -(long long)v : (long long)v;
    return TRUE;
}

static int hex_value(wchar_t c)
{
    return (c >= L'0' && c <= L'9') ? c - L'0'
           : (c >= L'a' && c <= L'f') ? c - L'a' + 10
           : (c >= L'A' && c <= L'F') ? c - L'A' + 10
                                      : -1;
}

/* "{8F5E...}" or without braces; each digit checked (swscanf's %x would
 * take a sign, spaces or "0x"). */
static BOOL parse_guid(const wchar_t *s, GUID *g)
{
    unsigned char b[16];
    int braced = s && *s == L'{', n = 0;

    if (!s || wcslen(s) != (size_t)(36 + 2 * braced) || (braced && s[37] != L'}')) return FALSE;
    s += braced;
    for (int i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != L'-') return FALSE;
            continue;
        }
        if (hex_value(s[i]) < 0 || hex_value(s[i + 1]) < 0) return FALSE;
        b[n++] = (unsigned char)(hex_value(s[i]) * 16 + hex_value(s[i + 1]));
        i++;
    }
    g->Data1 = (unsigned long)b[0] << 24 | (unsigned long)b[1] << 16 | (unsigned long)b[2] << 8 | b[3];
    g->Data2 = (unsigned short)(b[4] << 8 | b[5]);
    g->Data3 = (unsigned short)(b[6] << 8 | b[7]);
    memcpy(g->Data4, b + 8, 8);
    return TRUE;
}

static BOOL list_add(struct ev_list *l, struct ev *e)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        struct ev **v = mem_alloc(cap * sizeof(*v));
        if (!v) return FALSE;
        if (l->v) memcpy(v, l->v, l->n * sizeof(*v));
        mem_free(l->v);
        l->v = v;
        l->cap = cap;
    }
    e->order = l->n;
    l->v[l->n++] = e;
    return TRUE;
}

/* What is read from inside one <Event>; the element path decides. */
static void on_event_tag(struct ev *e, const struct tag *t, const char *end, const char *parent, size_t parent_len)
{
    const char *v;
    size_t len;
    long long id;
    wchar_t *w;

    if (name_is(parent, parent_len, "System")) {
        if (name_is(t->name, t->name_len, "Provider") && attr(t, "Name", &v, &len) && !e->provider) {
            e->provider = decode(v, len, TRUE);
        } else if (name_is(t->name, t->name_len, "EventID") && t->kind == TAG_OPEN) {
            w = text_of(t, end, TRUE);
            if (parse_int(w, &id) && id >= 0 && id <= 0xFFFF) {
                e->id = (unsigned)id;
                e->has_id = TRUE;
            }
            mem_free(w);
        } else if (name_is(t->name, t->name_len, "TimeCreated") && attr(t, "SystemTime", &v, &len)) {
            w = decode(v, len, TRUE);
            e->has_time = parse_system_time(w, &e->time);
            mem_free(w);
        } else if (name_is(t->name, t->name_len, "Channel") && t->kind == TAG_OPEN && !e->channel) {
            e->channel = text_of(t, end, TRUE);
        }
    } else if (name_is(parent, parent_len, "EventData") && name_is(t->name, t->name_len, "Data") &&
               e->ndata < EV_MAX_DATA && attr(t, "Name", &v, &len)) {
        struct ev_data *d = &e->data[e->ndata];
        d->name = decode(v, len, TRUE);
        d->value = t->kind == TAG_OPEN ? text_of(t, end, FALSE) : decode("", 0, FALSE);
        if (d->name && d->value) {
            e->ndata++;
        } else {
            mem_free(d->name);
            mem_free(d->value);
            d->name = d->value = NULL;
        }
    }
}

/* scenario_each's callback: every <Event> of one file, at any depth (so a
 * file wrapped in <Events> from `wevtutil qe /e:Events` works too). */
static void load_file(void *ctx, const char *data, size_t len)
{
    struct ev_list *l = ctx;
    const char *p = data, *end = data + len;
    const char *stack[XML_MAX_DEPTH];
    size_t stack_len[XML_MAX_DEPTH];
    size_t depth = 0, event_depth = 0;
    struct ev *e = NULL;
    struct tag t;

    while (next_tag(&p, end, &t)) {
        if (t.kind == TAG_CLOSE) {
            if (depth) depth--;
            if (e && depth == event_depth) {
                if (!list_add(l, e)) {
                    l->oom = TRUE;
                    ev_release(e);
                }
                e = NULL;
            }
            continue;
        }
        if (!e && name_is(t.name, t.name_len, "Event")) {
            if (t.kind == TAG_EMPTY) continue;
            e = mem_alloc(sizeof(*e));
            if (!e) {
                l->oom = TRUE;
                break;
            }
            e->refs = 1;
            event_depth = depth;
        } else if (e && depth > event_depth) {
            on_event_tag(e, &t, end, stack[depth - 1], stack_len[depth - 1]);
        }
        if (t.kind == TAG_OPEN) {
            if (depth == XML_MAX_DEPTH) break;
            stack[depth] = t.name;
            stack_len[depth] = t.name_len;
            depth++;
        }
    }
    ev_release(e); /* an <Event> the file did not close */
}

/* ---- The query: a subset of the XPath that event log queries use ---- */

struct filter {
    BOOL all_ids;
    size_t nids;
    unsigned ids[QUERY_MAX_IDS];
    wchar_t provider[NAME_LEN]; /* "" = any */
};

static void skip_ws(const wchar_t **s)
{
    while (iswspace(**s)) (*s)++;
}

static BOOL eat(const wchar_t **s, const wchar_t *lit)
{
    size_t n = wcslen(lit);
    skip_ws(s);
    if (wcsncmp(*s, lit, n) != 0) return FALSE;
    *s += n;
    return TRUE;
}

/* A keyword ("and", "or") that is not the start of a longer name. */
static BOOL eat_word(const wchar_t **s, const wchar_t *word)
{
    const wchar_t *p = *s;
    if (!eat(&p, word) || iswalnum(*p) || *p == L'_') return FALSE;
    *s = p;
    return TRUE;
}

/* EventID=N */
static BOOL parse_id(const wchar_t **s, struct filter *f)
{
    wchar_t *end;
    unsigned long v;

    if (!eat(s, L"EventID") || !eat(s, L"=")) return FALSE;
    skip_ws(s);
    if (!iswdigit(**s)) return FALSE;
    v = wcstoul(*s, &end, 10);
    if (v > 0xFFFF || f->nids == QUERY_MAX_IDS) return FALSE;
    f->ids[f->nids++] = (unsigned)v;
    *s = end;
    return TRUE;
}

/* Provider[@Name='X'] (either quote) */
static BOOL parse_provider(const wchar_t **s, struct filter *f)
{
    wchar_t quote;
    size_t n = 0;

    if (!eat(s, L"Provider") || !eat(s, L"[") || !eat(s, L"@Name") || !eat(s, L"=")) return FALSE;
    skip_ws(s);
    quote = **s;
    if (quote != L'\'' && quote != L'"') return FALSE;
    for ((*s)++; **s && **s != quote; (*s)++) {
        if (n + 1 == NAME_LEN) return FALSE;
        f->provider[n++] = **s;
    }
    if (**s != quote || !n) return FALSE;
    f->provider[n] = 0;
    (*s)++;
    return eat(s, L"]");
}

/* One condition of System[...]: a provider, an ID, or IDs or-ed in (). */
static BOOL parse_cond(const wchar_t **s, struct filter *f, BOOL *had_provider, BOOL *had_ids)
{
    const wchar_t *p = *s;

    skip_ws(&p);
    if (wcsncmp(p, L"Provider", 8) == 0) {
        if (*had_provider) return FALSE; /* one provider only */
        *had_provider = TRUE;
        if (!parse_provider(&p, f)) return FALSE;
    } else {
        BOOL paren;
        if (*had_ids) return FALSE; /* one ID group only */
        *had_ids = TRUE;
        paren = eat(&p, L"(");
        if (!parse_id(&p, f)) return FALSE;
        while (paren && eat_word(&p, L"or"))
            if (!parse_id(&p, f)) return FALSE;
        if (paren && !eat(&p, L")")) return FALSE;
    }
    *s = p;
    return TRUE;
}

/* "*", or "*[System[COND and COND]]". FALSE for anything else. */
static BOOL parse_query(const wchar_t *q, struct filter *f)
{
    BOOL had_provider = FALSE, had_ids = FALSE;

    ZeroMemory(f, sizeof(*f));
    f->all_ids = TRUE;
    if (!q) return TRUE;
    if (!eat(&q, L"*")) return FALSE;
    skip_ws(&q);
    if (!*q) return TRUE;
    if (!eat(&q, L"[") || !eat(&q, L"System") || !eat(&q, L"[")) return FALSE;
    do {
        if (!parse_cond(&q, f, &had_provider, &had_ids)) return FALSE;
    } while (eat_word(&q, L"and"));
    if (!eat(&q, L"]") || !eat(&q, L"]")) return FALSE;
    skip_ws(&q);
    f->all_ids = !had_ids;
    return *q == 0;
}

static BOOL same_name(const wchar_t *a, const wchar_t *b)
{
    return a && b && CompareStringOrdinal(a, -1, b, -1, TRUE) == CSTR_EQUAL;
}

static BOOL matches(const struct filter *f, const struct ev *e)
{
    if (f->provider[0] && !same_name(f->provider, e->provider)) return FALSE;
    if (f->all_ids) return TRUE;
    if (!e->has_id) return FALSE;
    for (size_t i = 0; i < f->nids; i++)
        if (f->ids[i] == e->id) return TRUE;
    return FALSE;
}

/* Oldest first; equal times keep the files' order. */
static int by_time(const void *a, const void *b)
{
    const struct ev *x = *(struct ev *const *)a, *y = *(struct ev *const *)b;
    ULONGLONG tx = x->has_time ? x->time : 0, ty = y->has_time ? y->time : 0;
    if (tx != ty) return tx < ty ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* ---- Handles ---- */

struct query {
    DWORD magic;
    struct ev **v; /* one ref each */
    size_t n, pos;
};

struct event_handle {
    DWORD magic;
    struct ev *e; /* one ref */
};

enum path_kind { PATH_EVENT_ID, PATH_SYSTEM_TIME, PATH_DATA };

struct value_path {
    enum path_kind kind;
    wchar_t name[NAME_LEN]; /* PATH_DATA */
};

struct context {
    DWORD magic;
    DWORD n;
    struct value_path paths[CONTEXT_MAX_PATHS];
};

static DWORD magic_of(EVT_HANDLE h)
{
    return h ? *(const DWORD *)h : 0;
}

static void query_free(struct query *q)
{
    for (size_t i = 0; i < q->n; i++) ev_release(q->v[i]);
    mem_free(q->v);
    q->magic = MAGIC_DEAD;
    mem_free(q);
}

EVT_HANDLE WINAPI EvtQuery(EVT_HANDLE Session, LPCWSTR Path, LPCWSTR Query, DWORD Flags)
{
    const DWORD known = EvtQueryChannelPath | EvtQueryFilePath | EvtQueryForwardDirection |
                        EvtQueryReverseDirection | EvtQueryTolerateQueryErrors;
    struct ev_list all = {NULL, 0, 0, FALSE};
    struct filter f;
    struct query *q = NULL;
    BOOL channel_seen = FALSE;
    DWORD err = ERROR_SUCCESS;

    if (Session) {
        err = ERROR_NOT_SUPPORTED; /* remote sessions */
        goto cleanup;
    }
    if (!Path || (Flags & ~known) ||
        (Flags & (EvtQueryForwardDirection | EvtQueryReverseDirection)) ==
            (EvtQueryForwardDirection | EvtQueryReverseDirection)) {
        err = ERROR_INVALID_PARAMETER;
        goto cleanup;
    }
    if (!(Flags & EvtQueryChannelPath) || (Flags & EvtQueryFilePath)) {
        err = ERROR_NOT_SUPPORTED; /* .evtx files */
        goto cleanup;
    }
    if (!parse_query(Query, &f)) {
        err = ERROR_EVT_INVALID_QUERY; /* also structured <QueryList> queries */
        goto cleanup;
    }
    scenario_each(L"events", L"*.xml", load_file, &all);
    if (all.oom) {
        err = ERROR_OUTOFMEMORY;
        goto cleanup;
    }
    q = mem_alloc(sizeof(*q));
    if (!q || (all.n && !(q->v = mem_alloc(all.n * sizeof(*q->v))))) {
        err = ERROR_OUTOFMEMORY;
        goto cleanup;
    }
    q->magic = MAGIC_QUERY;
    /* A channel exists when some event of the files names it. */
    for (size_t i = 0; i < all.n; i++) {
        struct ev *e = all.v[i];
        if (!same_name(e->channel, Path)) continue;
        channel_seen = TRUE;
        if (!matches(&f, e)) continue;
        InterlockedIncrement(&e->refs);
        q->v[q->n++] = e;
    }
    if (!channel_seen) {
        err = ERROR_EVT_CHANNEL_NOT_FOUND;
        goto cleanup;
    }
    qsort(q->v, q->n, sizeof(*q->v), by_time);
    if (Flags & EvtQueryReverseDirection) {
        for (size_t i = 0; i < q->n / 2; i++) {
            struct ev *t = q->v[i];
            q->v[i] = q->v[q->n - 1 - i];
            q->v[q->n - 1 - i] = t;
        }
    }

cleanup:
    for (size_t i = 0; i < all.n; i++) ev_release(all.v[i]);
    mem_free(all.v);
    if (err != ERROR_SUCCESS) {
        if (q) query_free(q);
        SetLastError(err);
        return NULL;
    }
    return q;
}

/* The events are in memory: Timeout never runs out. */
WINBOOL WINAPI EvtNext(EVT_HANDLE ResultSet, DWORD EventArraySize, EVT_HANDLE *EventArray, DWORD Timeout, DWORD Flags,
                       PDWORD Returned)
{
    struct query *q = ResultSet;
    DWORD got = 0;

    (void)Timeout;
    if (Returned) *Returned = 0;
    if (magic_of(ResultSet) != MAGIC_QUERY) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (!EventArraySize || !EventArray || !Returned || Flags) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    while (got < EventArraySize && q->pos < q->n) {
        struct event_handle *h = mem_alloc(sizeof(*h));
        if (!h) break;
        h->magic = MAGIC_EVENT;
        h->e = q->v[q->pos++];
        InterlockedIncrement(&h->e->refs);
        EventArray[got++] = h;
    }
    *Returned = got;
    if (!got) {
        SetLastError(q->pos < q->n ? ERROR_OUTOFMEMORY : ERROR_NO_MORE_ITEMS);
        return FALSE;
    }
    return TRUE;
}

/* "Event/System/EventID", "Event/System/TimeCreated/@SystemTime",
 * "Event/EventData/Data[@Name='X']" (either quote); nothing else. */
static BOOL parse_value_path(const wchar_t *s, struct value_path *out)
{
    static const wchar_t data[] = L"Event/EventData/Data[@Name=";
    size_t n = 0;
    wchar_t quote;

    ZeroMemory(out, sizeof(*out));
    if (!s) return FALSE;
    if (wcscmp(s, L"Event/System/EventID") == 0) {
        out->kind = PATH_EVENT_ID;
        return TRUE;
    }
    if (wcscmp(s, L"Event/System/TimeCreated/@SystemTime") == 0) {
        out->kind = PATH_SYSTEM_TIME;
        return TRUE;
    }
    if (wcsncmp(s, data, ARRAYSIZE(data) - 1) != 0) return FALSE;
    s += ARRAYSIZE(data) - 1;
    quote = *s++;
    if (quote != L'\'' && quote != L'"') return FALSE;
    for (; *s && *s != quote; s++) {
        if (n + 1 == NAME_LEN) return FALSE;
        out->name[n++] = *s;
    }
    if (!n || s[0] != quote || s[1] != L']' || s[2]) return FALSE;
    out->kind = PATH_DATA;
    return TRUE;
}

EVT_HANDLE WINAPI EvtCreateRenderContext(DWORD ValuePathsCount, LPCWSTR *ValuePaths, DWORD Flags)
{
    struct context *c;

    if (Flags != EvtRenderContextValues) {
        SetLastError(Flags <= EvtRenderContextUser ? ERROR_NOT_SUPPORTED : ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!ValuePathsCount || !ValuePaths || ValuePathsCount > CONTEXT_MAX_PATHS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    c = mem_alloc(sizeof(*c));
    if (!c) {
        SetLastError(ERROR_OUTOFMEMORY);
        return NULL;
    }
    for (DWORD i = 0; i < ValuePathsCount; i++) {
        if (!parse_value_path(ValuePaths[i], &c->paths[i])) {
            mem_free(c);
            SetLastError(ERROR_INVALID_PARAMETER);
            return NULL;
        }
    }
    c->magic = MAGIC_CONTEXT;
    c->n = ValuePathsCount;
    return c;
}

/* The types the provider's manifest gives its data; other names are text. */
static DWORD data_type(const wchar_t *name)
{
    static const struct {
        const wchar_t *name;
        DWORD type;
    } types[] = {
        {L"errorCode", EvtVarTypeHexInt32},  {L"updateRevisionNumber", EvtVarTypeUInt32},
        {L"updateCount", EvtVarTypeUInt32},  {L"updateGuid", EvtVarTypeGuid},
        {L"serviceGuid", EvtVarTypeGuid},    {L"updateTitle", EvtVarTypeString},
    };
    for (size_t i = 0; i < ARRAYSIZE(types); i++)
        if (wcscmp(types[i].name, name) == 0) return types[i].type;
    return EvtVarTypeString;
}

/* One value, before it is laid out: its variant, and what it points to. */
struct planned {
    EVT_VARIANT v;
    GUID guid;
    const wchar_t *text; /* EvtVarTypeString */
};

static void plan_value(const struct value_path *p, const struct ev *e, struct planned *out)
{
    const wchar_t *text = NULL;
    long long n;
    DWORD type;

    ZeroMemory(out, sizeof(*out));
    out->v.Type = EvtVarTypeNull;
    switch (p->kind) {
    case PATH_EVENT_ID:
        if (!e->has_id) return;
        out->v.Type = EvtVarTypeUInt16;
        out->v.UInt16Val = (UINT16)e->id;
        return;
    case PATH_SYSTEM_TIME:
        if (!e->has_time) return;
        out->v.Type = EvtVarTypeFileTime;
        out->v.FileTimeVal = e->time;
        return;
    case PATH_DATA:
        for (size_t i = 0; i < e->ndata && !text; i++)
            if (wcscmp(e->data[i].name, p->name) == 0) text = e->data[i].value;
        break;
    }
    if (!text) return; /* no such Data element */
    type = data_type(p->name);
    if (type != EvtVarTypeString && !*text) return; /* empty number or GUID: no value */
    /* Text the declared type cannot hold comes through as text. */
    if (type == EvtVarTypeHexInt32 && parse_int(text, &n) && n >= INT32_MIN && n <= (long long)UINT32_MAX) {
        out->v.Type = type;
        out->v.UInt32Val = (UINT32)n;
    } else if (type == EvtVarTypeUInt32 && parse_int(text, &n) && n >= 0 && n <= (long long)UINT32_MAX) {
        out->v.Type = type;
        out->v.UInt32Val = (UINT32)n;
    } else if (type == EvtVarTypeGuid && parse_guid(text, &out->guid)) {
        out->v.Type = type;
    } else {
        out->v.Type = EvtVarTypeString;
        out->text = text;
    }
}

/* The values as Windows lays them out: the EVT_VARIANT array, then what its
 * pointers point to (GUIDs, then strings), all in the caller's buffer. */
WINBOOL WINAPI EvtRender(EVT_HANDLE Context, EVT_HANDLE Fragment, DWORD Flags, DWORD BufferSize, PVOID Buffer,
                         PDWORD BufferUsed, PDWORD PropertyCount)
{
    struct context *c = Context;
    struct event_handle *h = Fragment;
    struct planned *plan = NULL;
    size_t need, nguid = 0, chars = 0;
    EVT_VARIANT *out;
    GUID *guids;
    wchar_t *text;
    DWORD err = ERROR_SUCCESS;

    if (BufferUsed) *BufferUsed = 0;
    if (PropertyCount) *PropertyCount = 0;
    if (Flags != EvtRenderEventValues) {
        err = Flags <= EvtRenderBookmark ? ERROR_NOT_SUPPORTED : ERROR_INVALID_PARAMETER;
        goto cleanup;
    }
    if (magic_of(Context) != MAGIC_CONTEXT || magic_of(Fragment) != MAGIC_EVENT) {
        err = ERROR_INVALID_HANDLE;
        goto cleanup;
    }
    if (!BufferUsed || !PropertyCount || (BufferSize && !Buffer)) {
        err = ERROR_INVALID_PARAMETER;
        goto cleanup;
    }
    plan = mem_alloc(c->n * sizeof(*plan));
    if (!plan) {
        err = ERROR_OUTOFMEMORY;
        goto cleanup;
    }
    for (DWORD i = 0; i < c->n; i++) {
        plan_value(&c->paths[i], h->e, &plan[i]);
        if (plan[i].v.Type == EvtVarTypeGuid) nguid++;
        if (plan[i].v.Type == EvtVarTypeString) chars += wcslen(plan[i].text) + 1;
    }
    need = c->n * sizeof(EVT_VARIANT) + nguid * sizeof(GUID) + chars * sizeof(wchar_t);
    *BufferUsed = (DWORD)need;
    *PropertyCount = c->n;
    if (BufferSize < need) {
        err = ERROR_INSUFFICIENT_BUFFER;
        goto cleanup;
    }
    out = Buffer;
    guids = (GUID *)(out + c->n);
    text = (wchar_t *)(guids + nguid);
    for (DWORD i = 0; i < c->n; i++) {
        out[i] = plan[i].v;
        out[i].Count = 0;
        if (plan[i].v.Type == EvtVarTypeGuid) {
            *guids = plan[i].guid;
            out[i].GuidVal = guids++;
        } else if (plan[i].v.Type == EvtVarTypeString) {
            size_t n = wcslen(plan[i].text) + 1;
            memcpy(text, plan[i].text, n * sizeof(wchar_t));
            out[i].StringVal = text;
            text += n;
        }
    }

cleanup:
    mem_free(plan);
    if (err != ERROR_SUCCESS) {
        SetLastError(err);
        return FALSE;
    }
    return TRUE;
}

WINBOOL WINAPI EvtClose(EVT_HANDLE Object)
{
    switch (magic_of(Object)) {
    case MAGIC_QUERY: query_free(Object); return TRUE;
    case MAGIC_EVENT: {
        struct event_handle *h = Object;
        ev_release(h->e);
        h->magic = MAGIC_DEAD;
        mem_free(h);
        return TRUE;
    }
    case MAGIC_CONTEXT:
        ((struct context *)Object)->magic = MAGIC_DEAD;
        mem_free(Object);
        return TRUE;
    default: SetLastError(ERROR_INVALID_HANDLE); return FALSE;
    }
}

/* ---- Not served: the rest of the commonly imported API ---- */

#define NOT_SUPPORTED(ret)                                                                                          \
    do {                                                                                                            \
        SetLastError(ERROR_NOT_SUPPORTED);                                                                          \
        return ret;                                                                                                 \
    } while (0)

WINBOOL WINAPI EvtCancel(EVT_HANDLE Object)
{
    (void)Object;
    NOT_SUPPORTED(FALSE);
}

WINBOOL WINAPI EvtSeek(EVT_HANDLE ResultSet, LONGLONG Position, EVT_HANDLE Bookmark, DWORD Timeout, DWORD Flags)
{
    (void)ResultSet, (void)Position, (void)Bookmark, (void)Timeout, (void)Flags;
    NOT_SUPPORTED(FALSE);
}

EVT_HANDLE WINAPI EvtSubscribe(EVT_HANDLE Session, HANDLE SignalEvent, LPCWSTR ChannelPath, LPCWSTR Query,
                               EVT_HANDLE Bookmark, PVOID context, EVT_SUBSCRIBE_CALLBACK Callback, DWORD Flags)
{
    (void)Session, (void)SignalEvent, (void)ChannelPath, (void)Query, (void)Bookmark, (void)context, (void)Callback,
        (void)Flags;
    NOT_SUPPORTED(NULL);
}

EVT_HANDLE WINAPI EvtCreateBookmark(LPCWSTR BookmarkXml)
{
    (void)BookmarkXml;
    NOT_SUPPORTED(NULL);
}

WINBOOL WINAPI EvtUpdateBookmark(EVT_HANDLE Bookmark, EVT_HANDLE Event)
{
    (void)Bookmark, (void)Event;
    NOT_SUPPORTED(FALSE);
}

EVT_HANDLE WINAPI EvtOpenSession(EVT_LOGIN_CLASS LoginClass, PVOID Login, DWORD Timeout, DWORD Flags)
{
    (void)LoginClass, (void)Login, (void)Timeout, (void)Flags;
    NOT_SUPPORTED(NULL);
}

EVT_HANDLE WINAPI EvtOpenLog(EVT_HANDLE Session, LPCWSTR Path, DWORD Flags)
{
    (void)Session, (void)Path, (void)Flags;
    NOT_SUPPORTED(NULL);
}

WINBOOL WINAPI EvtGetLogInfo(EVT_HANDLE Log, EVT_LOG_PROPERTY_ID PropertyId, DWORD PropertyValueBufferSize,
                             PEVT_VARIANT PropertyValueBuffer, PDWORD PropertyValueBufferUsed)
{
    (void)Log, (void)PropertyId, (void)PropertyValueBufferSize, (void)PropertyValueBuffer;
    if (PropertyValueBufferUsed) *PropertyValueBufferUsed = 0;
    NOT_SUPPORTED(FALSE);
}

WINBOOL WINAPI EvtGetQueryInfo(EVT_HANDLE QueryOrSubscription, EVT_QUERY_PROPERTY_ID PropertyId,
                               DWORD PropertyValueBufferSize, PEVT_VARIANT PropertyValueBuffer,
                               PDWORD PropertyValueBufferUsed)
{
    (void)QueryOrSubscription, (void)PropertyId, (void)PropertyValueBufferSize, (void)PropertyValueBuffer;
    if (PropertyValueBufferUsed) *PropertyValueBufferUsed = 0;
    NOT_SUPPORTED(FALSE);
}

WINBOOL WINAPI EvtGetEventInfo(EVT_HANDLE Event, EVT_EVENT_PROPERTY_ID PropertyId, DWORD PropertyValueBufferSize,
                               PEVT_VARIANT PropertyValueBuffer, PDWORD PropertyValueBufferUsed)
{
    (void)Event, (void)PropertyId, (void)PropertyValueBufferSize, (void)PropertyValueBuffer;
    if (PropertyValueBufferUsed) *PropertyValueBufferUsed = 0;
    NOT_SUPPORTED(FALSE);
}

EVT_HANDLE WINAPI EvtOpenPublisherMetadata(EVT_HANDLE Session, LPCWSTR PublisherIdentity, LPCWSTR LogFilePath,
                                           LCID Locale, DWORD Flags)
{
    (void)Session, (void)PublisherIdentity, (void)LogFilePath, (void)Locale, (void)Flags;
    NOT_SUPPORTED(NULL);
}

WINBOOL WINAPI EvtFormatMessage(EVT_HANDLE PublisherMetadata, EVT_HANDLE Event, DWORD MessageId, DWORD ValueCount,
                                PEVT_VARIANT Values, DWORD Flags, DWORD BufferSize, LPWSTR Buffer,
                                PDWORD BufferUsed)
{
    (void)PublisherMetadata, (void)Event, (void)MessageId, (void)ValueCount, (void)Values, (void)Flags,
        (void)BufferSize, (void)Buffer;
    if (BufferUsed) *BufferUsed = 0;
    NOT_SUPPORTED(FALSE);
}

EVT_HANDLE WINAPI EvtOpenChannelEnum(EVT_HANDLE Session, DWORD Flags)
{
    (void)Session, (void)Flags;
    NOT_SUPPORTED(NULL);
}

WINBOOL WINAPI EvtNextChannelPath(EVT_HANDLE ChannelEnum, DWORD ChannelPathBufferSize, LPWSTR ChannelPathBuffer,
                                  PDWORD ChannelPathBufferUsed)
{
    (void)ChannelEnum, (void)ChannelPathBufferSize, (void)ChannelPathBuffer;
    if (ChannelPathBufferUsed) *ChannelPathBufferUsed = 0;
    NOT_SUPPORTED(FALSE);
}

WINBOOL WINAPI EvtExportLog(EVT_HANDLE Session, LPCWSTR Path, LPCWSTR Query, LPCWSTR TargetFilePath, DWORD Flags)
{
    (void)Session, (void)Path, (void)Query, (void)TargetFilePath, (void)Flags;
    NOT_SUPPORTED(FALSE);
}

WINBOOL WINAPI EvtClearLog(EVT_HANDLE Session, LPCWSTR ChannelPath, LPCWSTR TargetFilePath, DWORD Flags)
{
    (void)Session, (void)ChannelPath, (void)TargetFilePath, (void)Flags;
    NOT_SUPPORTED(FALSE);
}

DWORD WINAPI EvtGetExtendedStatus(DWORD BufferSize, LPWSTR Buffer, PDWORD BufferUsed)
{
    (void)BufferSize, (void)Buffer;
    if (BufferUsed) *BufferUsed = 0;
    return ERROR_NOT_SUPPORTED;
}
