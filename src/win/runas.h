/* Asking for administrator rights for one action: this executable is started
 * again with ShellExecuteExW "runas" (the UAC prompt) and fixed arguments. */
#ifndef WUTRAY_RUNAS_H
#define WUTRAY_RUNAS_H

#include <windows.h>
#include <stdbool.h>
#include "restart.h"

/* Starts this program (full path from GetModuleFileNameW, never a path from
 * the environment) elevated with `args`, in System32, and waits up to
 * timeout_ms. Returns RESTART_DONE with its exit code in *code;
 * RESTART_ERR_UNSAFE_FOLDER without asking when the program or its folder can
 * be changed without administrator rights (runas_location_trusted);
 * RESTART_ERR_CANCELLED when the prompt was declined; RESTART_ERR_FAILED with
 * a Win32 error in *code when it could not be started or did not finish in
 * time. */
enum restart_result runas_self(const wchar_t *args, DWORD timeout_ms, uint32_t *code);
/* Only administrators, SYSTEM and TrustedInstaller can change the program
 * and its folder (owner and DACL, see trust.h). */
bool runas_location_trusted(const wchar_t *exe_path);
/* The same as runas_self, without the location check, for a given program (tests run wutray.exe from a test program). */
enum restart_result runas_program(const wchar_t *path, const wchar_t *args, DWORD timeout_ms, uint32_t *code);

#endif
