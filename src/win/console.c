#include "console.h"
#include "strings.h"

#include <stdarg.h>
#include <strsafe.h>

void con_write_utf8(DWORD std_handle, const char *text)
{
    HANDLE h = GetStdHandle(std_handle);
    DWORD written;
    size_t len = strlen(text);

    if (h == NULL || h == INVALID_HANDLE_VALUE) return;
    while (len > 0) {
        DWORD chunk = len > 65536 ? 65536 : (DWORD)len;
        if (!WriteFile(h, text, chunk, &written, NULL) || written == 0) return;
        text += written;
        len -= written;
    }
}

void con_write(DWORD std_handle, const wchar_t *text)
{
    HANDLE h = GetStdHandle(std_handle);
    DWORD mode, written;
    char stack[4096], *utf8 = stack;
    int n;

    if (h == NULL || h == INVALID_HANDLE_VALUE) return;
    if (GetConsoleMode(h, &mode)) {
        WriteConsoleW(h, text, (DWORD)wcslen(text), &written, NULL);
        return;
    }
    n = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
    if (n <= 0) return;
    if (n > (int)sizeof(stack)) utf8 = HeapAlloc(GetProcessHeap(), 0, (SIZE_T)n);
    if (!utf8) return;
    WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, n, NULL, NULL);
    con_write_utf8(std_handle, utf8);
    if (utf8 != stack) HeapFree(GetProcessHeap(), 0, utf8);
}

void con_line(DWORD std_handle, UINT id, ...)
{
    wchar_t line[2048];
    va_list ap;

    va_start(ap, id);
    str_vformat(line, ARRAYSIZE(line) - 2, id, ap);
    va_end(ap);
    StringCchCatW(line, ARRAYSIZE(line), L"\r\n");
    con_write(std_handle, line);
}
