#include "strings.h"
#include "lang.h"

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

/* String `id` of the table in `lang`. A string resource is a block of 16
 * counted (not terminated) UTF-16 strings; block id/16+1 holds `id`. */
static BOOL load_in(LANGID lang, UINT id, wchar_t *buf, size_t cap)
{
    HMODULE self = GetModuleHandleW(NULL);
    HRSRC res = FindResourceExW(self, MAKEINTRESOURCEW(6) /* RT_STRING */, MAKEINTRESOURCEW(id / 16 + 1), lang);
    const WCHAR *p, *end;
    HGLOBAL mem;
    size_t n;

    if (!res || !(mem = LoadResource(self, res)) || !(p = LockResource(mem))) return FALSE;
    end = p + SizeofResource(self, res) / sizeof(WCHAR);
    for (UINT i = 0; i < (id & 15); i++) {
        if (p >= end) return FALSE;
        p += 1 + *p;
    }
    if (p >= end || *p == 0 || p + 1 + *p > end) return FALSE;
    n = *p < cap - 1 ? *p : cap - 1; /* cut to fit, as LoadString does */
    memcpy(buf, p + 1, n * sizeof(WCHAR));
    buf[n] = 0;
    return TRUE;
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
