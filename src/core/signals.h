/* What the registry says about updating itself (not about the services):
 * a restart is waiting, updates are paused, an organisation manages them, or
 * a policy blocks them. Read by src/win/wureg.c; judged in health.c. */
#ifndef WUTRAY_SIGNALS_H
#define WUTRAY_SIGNALS_H

#include <stdbool.h>
#include <stdint.h>

/* Policy values that turn updating off on purpose (bits of policy_blocks). */
enum policy_block {
    POLICY_NO_AUTO_UPDATE = 1u << 0,          /* ...\WindowsUpdate\AU\NoAutoUpdate = 1 */
    POLICY_DISABLE_WU_ACCESS = 1u << 1,       /* ...\WindowsUpdate\DisableWindowsUpdateAccess = 1 */
    POLICY_NO_INTERNET_LOCATIONS = 1u << 2    /* ...\WindowsUpdate\DoNotConnectToWindowsUpdateInternetLocations = 1 */
};

struct update_signals {
    bool read;                   /* false: the registry could not be read at all */
    bool reboot_required;        /* ...\WindowsUpdate\Auto Update\RebootRequired exists */
    uint64_t reboot_since_ms;    /* when that key was written (epoch ms), 0 if unknown */
    bool reboot_pending;         /* ...\Component Based Servicing\RebootPending exists */
    uint64_t paused_until_ms;    /* UX\Settings\PauseUpdatesExpiryTime, 0 if not paused */
    bool managed;                /* Policies\...\AU\UseWUServer = 1 (WSUS) */
    uint32_t policy_blocks;      /* enum policy_block bits */
};

/* A restart counts as overdue after this long (Windows itself nags sooner). */
#define SIGNALS_REBOOT_OVERDUE_MS (24ull * 60 * 60 * 1000)

/* What the Windows Update Agent (COM) says; `available` is false where it
 * cannot tell (Wine's wuapi is a stub; IAutomaticUpdates2 is missing before
 * Windows 7). Times are epoch ms, 0 when unknown. */
struct wua_signals {
    bool available;
    uint64_t last_search_ms;
    uint64_t last_install_ms;
};

/* An OLE Automation DATE (days since 1899-12-30, UTC here) to epoch ms;
 * 0 for dates before 1970 or not a number. */
uint64_t signals_from_ole_date(double date);

/* Parses "YYYY-MM-DDTHH:MM:SSZ" (the pause expiry's format; fractional
 * seconds and a missing Z are accepted) into epoch ms. false if malformed. */
bool signals_parse_time(const char *s, uint64_t *epoch_ms);

#endif
