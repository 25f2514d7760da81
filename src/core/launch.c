#include "launch.h"
#include "service.h"

unsigned launch_chain(enum launch_action action, uint32_t os_build,
                      enum launch_target out[LAUNCH_MAX_TARGETS])
{
    unsigned n = 0;
    bool settings_app = os_build >= OS_BUILD_WIN10;

    if (action == LAUNCH_TROUBLESHOOTER) {
        if (os_build >= OS_BUILD_WIN11_22H2) out[n++] = TARGET_GETHELP_WU;
        else if (settings_app) out[n++] = TARGET_MSDT_WU;
        if (settings_app) out[n++] = TARGET_SETTINGS_TROUBLESHOOT;
        out[n++] = TARGET_CPL_TROUBLESHOOTING;
    } else {
        if (settings_app) out[n++] = TARGET_SETTINGS_WINDOWSUPDATE;
        out[n++] = TARGET_CPL_WINDOWSUPDATE;
    }
    return n;
}

enum launch_target launch_pick(enum launch_action action, uint32_t os_build,
                               bool (*available)(void *ctx, enum launch_target t),
                               void *ctx)
{
    enum launch_target chain[LAUNCH_MAX_TARGETS];
    unsigned n = launch_chain(action, os_build, chain);

    for (unsigned i = 0; i < n; i++)
        if (available(ctx, chain[i])) return chain[i];
    return TARGET_NONE;
}
