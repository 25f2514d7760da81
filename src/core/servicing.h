/* Does this Windows still get security updates? A dated table of Windows
 * versions (build → name and end of servicing per edition group), Extended
 * Security Updates for Windows 10 22H2, and two facts about the PC that
 * decide whether updates can install: free space on the system drive, and a
 * safeguard hold on the next version. Pure; read by src/win/pcinfo.c. */
#ifndef WUTRAY_SERVICING_H
#define WUTRAY_SERVICING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reasons.h"

/* HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion */
struct os_version {
    bool read;
    uint32_t build;            /* CurrentBuild */
    uint32_t ubr;              /* UBR: the cumulative update's revision */
    char display_version[16];  /* "22H2" (ReleaseId stays at 2009, so not that) */
    char edition[48];          /* EditionID: "Professional", "Enterprise", "EnterpriseS", ... */
    char installation_type[16]; /* "Client", "Server", "Server Core" */
};

/* Extended Security Updates for Windows 10 22H2. */
struct esu_signals {
    bool commercial_read;      /* the licensing API answered */
    uint8_t commercial_year;   /* the newest ESU year (1-3) whose licence is active; 0 none */
    bool consumer_read;        /* HKCU\...\Windows\ConsumerESU could be read (present or not) */
    bool consumer_present;
    uint32_t consumer_eligibility;        /* ESUEligibility */
    uint32_t consumer_eligibility_result; /* ESUEligibilityResult */
};

struct disk_signals {
    bool known;
    uint64_t free_bytes; /* on the system drive, available to the caller */
};

/* ...\AppCompatFlags\TargetVersionUpgradeExperienceIndicators\<target> */
struct safeguard_signals {
    bool read;
    bool held;                 /* GatedBlockId is set and not "None" */
    char target[32];           /* the subkey: the version held back, e.g. "GE24H2" */
    char block_id[64];
};

struct pc_info {
    struct os_version os;
    struct esu_signals esu;
    struct disk_signals disk;
    struct safeguard_signals hold;
};

/* A row of the table. Dates are epoch ms at 00:00 UTC of the day updates
 * end (the last Patch Tuesday with updates). 0 = no such edition group. */
struct servicing_row {
    uint32_t build;
    const char *name;       /* "Windows 11 24H2" */
    uint64_t home_pro_end;  /* Home, Pro, Pro Education, Pro for Workstations */
    uint64_t enterprise_end; /* Enterprise, Education, IoT Enterprise */
    uint64_t ltsc_end;      /* the LTSC editions of that build */
    uint64_t iot_ltsc_end;  /* IoT Enterprise LTSC */
};

/* The row for a build (exact match), NULL if none. */
const struct servicing_row *servicing_row_for(uint32_t build);
/* The newest build in the table. */
uint32_t servicing_newest_build(void);
size_t servicing_row_count(void);
const struct servicing_row *servicing_row_at(size_t i);

enum edition_group { EDITION_HOME_PRO, EDITION_ENTERPRISE, EDITION_LTSC, EDITION_IOT_LTSC };
enum edition_group servicing_edition_group(const char *edition_id);

/* Consumer ESU enrolment as Windows reports it (community-documented
 * values: ESUEligibility 3, 5, 11 or 12 with ESUEligibilityResult 1). */
bool servicing_consumer_esu_enrolled(const struct esu_signals *e);

#define SERVICING_WARN_DAYS 60u
#define DISK_LOW_DEFAULT_GB 10u

struct servicing_context {
    uint64_t now_ms;
    uint32_t low_disk_gb; /* 0 = the default */
};

/* A version name's rank: "GE24H2", "24H2" → 242; anything else → 0. */
unsigned servicing_version_rank(const char *name);

/* Whether a hold on TARGET (a TargetVersionUpgradeExperienceIndicators
 * subkey) still concerns this PC: a Windows 11 target on Windows 10, or a
 * later version of the same Windows. An indicator left behind for the
 * version the PC already runs (or an older one) is not a hold. Unknown
 * versions on either side count as a hold. */
bool servicing_hold_applies(const struct os_version *os, const char *target);

/* Adds: end of service (or within 60 days of it), supported until, ESU,
 * a build newer than the table, low disk space, a safeguard hold. Nothing
 * about servicing when the version could not be read, or for Windows Server
 * (its servicing is not in the table). */
void servicing_evaluate(const struct pc_info *pc, const struct servicing_context *c, struct health_result *out);

#endif
