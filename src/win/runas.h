/* Asking for administrator rights for one action: this executable is started
 * again with ShellExecuteExW "runas" (the UAC prompt) and fixed arguments. */
#ifndef WUTRAY_RUNAS_H
#define WUTRAY_RUNAS_H

#include <windows.h>
#include "restart.h"

/* Starts this program (full path from GetModuleFileNameW, never a path from
 * the environment) elevated with `args` and waits up to timeout_ms. Returns
 * RESTART_DONE with its exit code in *code; RESTART_ERR_CANCELLED when the
 * prompt was declined; RESTART_ERR_FAILED with a Win32 error in *code when it
 * could not be started or did not finish in time. */
enum restart_result runas_self(const wchar_t *args, DWORD timeout_ms, uint32_t *code);
/* The same for a given program (tests run wutray.exe from a test program). */
enum restart_result runas_program(const wchar_t *path, const wchar_t *args, DWORD timeout_ms, uint32_t *code);

#endif
