#include "strings.h"
#include "lang.h"
#include "strtab.h"

#include <strsafe.h>

static LANGID language; /* 0 until first use */

LANGID str_language(void)
{
    if (!language) language = (LANGID)lang_pick(GetUserDefaultUILanguage());
    return language;
}

void str_set_language(LANGID lang)
{
    language = lang;
}

/* The languages' tables, unpacked on first use (a table is about 20 KB) and
 * kept: the user's language and, for a string it lacks, English. */
#define MAX_TABLES 8
static struct table {
    LANGID lang;
    BOOL tried;
    uint8_t *text; /* NULL when the exe has no table in that language */
    size_t size;
} tables[MAX_TABLES];
static SRWLOCK tables_lock = SRWLOCK_INIT;

static void unpack_table(struct table *t)
{
    HMODULE self = GetModuleHandleW(NULL);
    HRSRC res = FindResourceExW(self, MAKEINTRESOURCEW(10) /* RT_RCDATA */, L"WUTRAY_STRINGS", t->lang);
    const uint8_t *packed;
    HGLOBAL mem;
    DWORD n;

    if (!res || !(mem = LoadResource(self, res)) || !(packed = LockResource(mem))) return;
    n = SizeofResource(self, res);
    t->size = strtab_unpacked_size(packed, n);
    if (!t->size || !(t->text = HeapAlloc(GetProcessHeap(), 0, t->size))) return;
    if (!strtab_unpack(packed, n, t->text, t->size)) {
        HeapFree(GetProcessHeap(), 0, t->text);
        t->text = NULL;
    }
}

static const struct table *table_for(LANGID lang)
{
    struct table *t = NULL;

    AcquireSRWLockExclusive(&tables_lock);
    for (size_t i = 0; i < MAX_TABLES && !t; i++)
        if (!tables[i].tried || tables[i].lang == lang) t = &tables[i];
    if (t && !t->tried) {
        t->lang = lang;
        t->tried = TRUE;
        unpack_table(t);
    }
    ReleaseSRWLockExclusive(&tables_lock);
    return t;
}

/* The bytes of the whole characters of text[0..len) (valid UTF-8, as
 * scripts/strpack.c writes it) that fit in `units` UTF-16 units: a
 * four-byte character takes two, any other one. */
static size_t utf8_fitting(const char *text, size_t len, int units)
{
    size_t at = 0;

    while (at < len) {
        unsigned char lead = (unsigned char)text[at];
        size_t bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        int need = bytes == 4 ? 2 : 1;
        if (need > units || bytes > len - at) break;
        units -= need;
        at += bytes;
    }
    return at;
}

/* String `id` of the table in `lang`, cut to fit as LoadString does. */
static BOOL load_in(LANGID lang, UINT id, wchar_t *buf, size_t cap)
{
    const struct table *t = table_for(lang);
    const char *text;
    size_t len;
    int cap16 = cap - 1 > INT_MAX ? INT_MAX : (int)(cap - 1), n;

    if (!t || !t->text || !strtab_find(t->text, t->size, id, &text, &len) || !len || len > INT_MAX) return FALSE;
    if (MultiByteToWideChar(CP_UTF8, 0, text, (int)len, NULL, 0) > cap16) len = utf8_fitting(text, len, cap16);
    n = len ? MultiByteToWideChar(CP_UTF8, 0, text, (int)len, buf, cap16) : 0;
    buf[n > 0 ? n : 0] = 0;
    return n > 0;
}

BOOL str_load(UINT id, wchar_t *buf, size_t cap)
{
    LANGID lang = str_language();

    if (cap == 0) return FALSE;
    buf[0] = L'\0';
    if (load_in(lang, id, buf, cap)) return TRUE;
    return lang != LANG_FALLBACK && load_in(LANG_FALLBACK, id, buf, cap);
}

void str_vformat(wchar_t *buf, size_t cap, UINT id, va_list ap)
{
    wchar_t fmt[2048]; /* the longest, IDS_CLI_USAGE, is checked to fit (tests/core/lang_test.sh) */

    if (cap == 0) return;
    if (!str_load(id, fmt, ARRAYSIZE(fmt))) {
        StringCchPrintfW(buf, cap, L"#%u", id); /* a missing string must still show something */
        return;
    }
    StringCchVPrintfW(buf, cap, fmt, ap);
}

void str_format(wchar_t *buf, size_t cap, UINT id, ...)
{
    va_list ap;
    va_start(ap, id);
    str_vformat(buf, cap, id, ap);
    va_end(ap);
}

/* epoch ms -> the user's local time (or UTC for a calendar day); FALSE for 0
 * or what SYSTEMTIME cannot hold. */
static BOOL to_systemtime(uint64_t epoch_ms, BOOL local, SYSTEMTIME *out)
{
    const uint64_t epoch_to_1601_ms = 11644473600000ull;
    ULARGE_INTEGER t;
    FILETIME ft;
    SYSTEMTIME utc;

    if (!epoch_ms || epoch_ms > (UINT64_MAX / 10000u) - epoch_to_1601_ms) return FALSE;
    t.QuadPart = (epoch_ms + epoch_to_1601_ms) * 10000u;
    ft.dwLowDateTime = t.LowPart;
    ft.dwHighDateTime = t.HighPart;
    if (!FileTimeToSystemTime(&ft, &utc)) return FALSE;
    if (!local) {
        *out = utc;
        return TRUE;
    }
    return SystemTimeToTzSpecificLocalTime(NULL, &utc, out);
}

static void day_into(const SYSTEMTIME *st, wchar_t *buf, size_t cap)
{
    int n = cap > INT_MAX ? INT_MAX : (int)cap;
    if (!GetDateFormatEx(LOCALE_NAME_USER_DEFAULT, DATE_SHORTDATE, st, NULL, buf, n, NULL)) buf[0] = 0;
}

static void day_text(uint64_t epoch_ms, BOOL local, wchar_t *buf, size_t cap)
{
    SYSTEMTIME st;

    if (cap == 0) return;
    buf[0] = 0;
    if (to_systemtime(epoch_ms, local, &st)) day_into(&st, buf, cap);
}

void str_day(uint64_t epoch_ms, wchar_t *buf, size_t cap)
{
    day_text(epoch_ms, TRUE, buf, cap);
}

void str_calendar_day(uint64_t epoch_ms, wchar_t *buf, size_t cap)
{
    day_text(epoch_ms, FALSE, buf, cap);
}

void str_day_time(uint64_t epoch_ms, wchar_t *buf, size_t cap)
{
    SYSTEMTIME st;
    size_t used;

    if (cap == 0) return;
    buf[0] = 0;
    if (!to_systemtime(epoch_ms, TRUE, &st)) return;
    day_into(&st, buf, cap);
    used = wcslen(buf);
    if (!used || used + 2 >= cap) return;
    buf[used++] = L' ';
    if (!GetTimeFormatEx(LOCALE_NAME_USER_DEFAULT, TIME_NOSECONDS, &st, NULL, buf + used, (int)(cap - used)))
        buf[used - 1] = 0; /* the day alone */
}
