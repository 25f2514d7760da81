/* User-visible text comes from the string table in res/strings.rc. */
#ifndef WUTRAY_STRINGS_H
#define WUTRAY_STRINGS_H

#include <stdarg.h>
#include <windows.h>

/* Copies string `id` into buf; an empty string (and FALSE) if it is missing. */
BOOL str_load(UINT id, wchar_t *buf, size_t cap);
/* printf-style formatting with the string `id` as the format. */
void str_format(wchar_t *buf, size_t cap, UINT id, ...);
void str_vformat(wchar_t *buf, size_t cap, UINT id, va_list ap);

#endif
