/* User-visible text, in the user's language: the string tables of
 * the files in res/lang/, and dates in the user's own format. */
#ifndef WUTRAY_STRINGS_H
#define WUTRAY_STRINGS_H

#include <stdarg.h>
#include <stdint.h>
#include <windows.h>

/* Copies string `id` into buf, from the table of the user's display
 * language (lang_pick), else from English; empty (and FALSE) if missing. */
BOOL str_load(UINT id, wchar_t *buf, size_t cap);
/* printf-style formatting with the string `id` as the format. */
void str_format(wchar_t *buf, size_t cap, UINT id, ...);
void str_vformat(wchar_t *buf, size_t cap, UINT id, va_list ap);
/* The language str_load uses (a LANGID of res/lang/), picked on first use;
 * str_set_language replaces it (tests, and nothing else). */
LANGID str_language(void);
void str_set_language(LANGID lang);

/* A moment (Unix epoch ms) as the user writes a day ("24.11.2026" in
 * Germany), or a day and time, in local time; "" when it has none or is
 * past what Windows can show. */
void str_day(uint64_t epoch_ms, wchar_t *buf, size_t cap);
void str_day_time(uint64_t epoch_ms, wchar_t *buf, size_t cap);
/* A date that is a day, not a moment (midnight UTC of it: an end of
 * servicing from a table), in the user's format, not moved by time zone. */
void str_calendar_day(uint64_t epoch_ms, wchar_t *buf, size_t cap);

#endif
