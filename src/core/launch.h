/* Which Windows page to open for an action, best first, by Windows version.
 * The adapter checks each target's handler and falls back to the next one.
 * The Update troubleshooter: Windows 11 22H2 and later run it in the Get Help
 * app (the old one was removed there); Windows 10 and earlier Windows 11 still
 * have the classic one (msdt.exe by full path; never the ms-msdt: scheme);
 * then the Settings page that lists troubleshooters; Windows 7/8.1 only have
 * the Control Panel page. */
#ifndef WUTRAY_LAUNCH_H
#define WUTRAY_LAUNCH_H

#include <stdbool.h>
#include <stdint.h>

enum launch_action { LAUNCH_TROUBLESHOOTER, LAUNCH_UPDATE_SETTINGS };

enum launch_target {
    TARGET_NONE,
    TARGET_GETHELP_WU,              /* ms-contact-support://smc-to-emerald/WUTroubleshooter (Get Help) */
    TARGET_MSDT_WU,                 /* %SystemRoot%\System32\msdt.exe -id WindowsUpdateDiagnostic */
    TARGET_SETTINGS_TROUBLESHOOT,   /* ms-settings:troubleshoot */
    TARGET_SETTINGS_WINDOWSUPDATE,  /* ms-settings:windowsupdate */
    TARGET_CPL_TROUBLESHOOTING,     /* control.exe /name Microsoft.Troubleshooting */
    TARGET_CPL_WINDOWSUPDATE        /* control.exe /name Microsoft.WindowsUpdate */
};

#define LAUNCH_MAX_TARGETS 4
#define OS_BUILD_WIN11_22H2 22621u

/* Fills `out` with the candidates for this action and build; returns the count. */
unsigned launch_chain(enum launch_action action, uint32_t os_build,
                      enum launch_target out[LAUNCH_MAX_TARGETS]);

/* First target in the chain for which `available` says yes; TARGET_NONE if none. */
enum launch_target launch_pick(enum launch_action action, uint32_t os_build,
                               bool (*available)(void *ctx, enum launch_target t),
                               void *ctx);

#endif
