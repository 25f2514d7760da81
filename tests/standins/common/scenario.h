/* For the stand-in DLLs (tests/standins): where the scenario folder is and
 * its files. use.sh writes the folder's Windows path to
 * HKLM\SOFTWARE\wutray-standins\Scenario in the prefix; it is looked up at
 * every call, so a program that is already running sees the next scenario. */
#ifndef STANDIN_SCENARIO_H
#define STANDIN_SCENARIO_H

#include <windows.h>

/* The whole file `name` of the scenario folder, NUL-terminated, from
 * HeapAlloc (free with scenario_free); NULL when the folder is not set or
 * the file does not exist ("that source is unavailable"). A UTF-8 BOM is
 * skipped; a UTF-16LE file (as Windows PowerShell 5 writes) is converted to
 * UTF-8. *len (may be NULL) gets the length without the NUL. */
char *scenario_read(const wchar_t *name, size_t *len);
void scenario_free(char *data);

/* Calls fn for each file of the scenario's subfolder `dir` whose name matches
 * `pattern` (e.g. L"events", L"*.xml"), in name order; returns how many
 * there were, or -1 when the folder (or the scenario) does not exist. */
int scenario_each(const wchar_t *dir, const wchar_t *pattern, void (*fn)(void *ctx, const char *data, size_t len),
                  void *ctx);

#endif
