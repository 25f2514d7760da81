/* Console output: UTF-16 to a real console, UTF-8 to pipes and files. */
#ifndef WUTRAY_CONSOLE_H
#define WUTRAY_CONSOLE_H

#include <windows.h>

void con_write(DWORD std_handle, const wchar_t *text);
void con_write_utf8(DWORD std_handle, const char *text);
/* Formats string-table entry `id` and writes it plus a newline. */
void con_line(DWORD std_handle, UINT id, ...);

#endif
