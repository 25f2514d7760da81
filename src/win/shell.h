/* Opening Windows pages: checks that a target has a handler before launching
 * it, and launches off the UI thread. Never uses ms-msdt:. */
#ifndef WUTRAY_SHELL_H
#define WUTRAY_SHELL_H

#include <windows.h>
#include "launch.h"

/* TRUE if the URI scheme (without ':') has a registered handler. */
BOOL shell_scheme_available(const wchar_t *scheme);
/* TRUE if Windows can open this target on this machine. */
BOOL shell_target_available(enum launch_target target);
/* Opens the target now, on the calling thread; returns a Win32 error or 0.
 * When wutray runs elevated, the target is opened by the desktop's shell,
 * under the user's own token, or not at all: SHELL_ERROR_ELEVATED. */
#define SHELL_ERROR_ELEVATED 0x20000740u /* an application-defined code (bit 29) */
DWORD shell_open_target(enum launch_target target);

/* Picks the first available target for `action` and opens it on a new thread.
 * When done it posts `msg` to `hwnd` with wParam = the target opened
 * (TARGET_NONE if none could be) and lParam = the Win32 error (0 on success). */
BOOL shell_launch_async(enum launch_action action, uint32_t os_build, HWND hwnd, UINT msg);

#endif
