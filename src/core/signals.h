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
    /* ...\WindowsUpdate\Auto Update\Results\{Detect,Install}\LastSuccessTime
     * (UTC text, epoch ms here; 0 if absent). Windows 7 and 8.1 keep them up
     * to date; Windows 10 and 11 leave them alone, so the agent comes first. */
    uint64_t last_search_ms;
    uint64_t last_install_ms;
};


/* What the Windows Update Agent (COM) says, besides the update history and
 * the waiting updates (those are records, updates.h). Each part says whether
 * it could be read (Wine's wuapi is a stub; IAutomaticUpdates2 is missing
 * before Windows 7). Times are epoch ms, 0 when unknown. */
struct wua_signals {
    bool available;              /* IAutomaticUpdates2::get_Results answered */
    uint64_t last_search_ms;
    uint64_t last_install_ms;    /* of anything, Defender definitions too: a fact, not a verdict */
    bool reboot_known;           /* ISystemInformation::get_RebootRequired answered */
    bool reboot_required;
    /* The agent refused this session (E_ACCESSDENIED: it does not serve
     * remote or non-interactive sessions such as WinRM or SSH). */
    bool access_denied;
    uint32_t history_hresult;    /* why the history could not be read, 0 if it was (or never asked) */
    uint64_t read_ms;            /* when this was read (0: never) */
};

/* The network's cost (Network List Manager): on a metered connection
 * Windows may wait to download updates. Neutral, never a fault. */
struct net_signals {
    bool known;
    bool metered;
    uint32_t cost; /* NLM_CONNECTION_COST bits as read */
};

/* Metered: a fixed or variable cost, roaming, or over the data limit
 * (NLM_CONNECTION_COST_FIXED 0x2, _VARIABLE 0x4, _OVERDATALIMIT 0x10000,
 * _ROAMING 0x40000). Unrestricted (0x1) alone is not. */
bool signals_cost_metered(uint32_t cost);

/* An OLE Automation DATE (days since 1899-12-30, UTC here) to epoch ms;
 * 0 for dates before 1970 or not a number. */
uint64_t signals_from_ole_date(double date);

/* Parses "YYYY-MM-DDTHH:MM:SSZ" (the pause expiry's format; fractional
 * seconds and a missing Z are accepted) into epoch ms. false if malformed,
 * before 1970, or not a real date and time (Feb 29 of a common year, a
 * 31st in a short month, second 60). */
bool signals_parse_time(const char *s, uint64_t *epoch_ms);

#endif
