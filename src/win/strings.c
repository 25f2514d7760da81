#include "strings.h"

#include <stdarg.h>
#include <strsafe.h>

BOOL str_load(UINT id, wchar_t *buf, size_t cap)
{
    if (cap == 0) return FALSE;
    buf[0] = L'\0';
    if (cap > INT_MAX) cap = INT_MAX;
    return LoadStringW(GetModuleHandleW(NULL), id, buf, (int)cap) > 0;
}

void str_vformat(wchar_t *buf, size_t cap, UINT id, va_list ap)
{
    wchar_t fmt[1024];

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
