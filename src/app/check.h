/* One health check's reading: the services, the registry's signals and the
 * thresholds from the settings; it runs on every service or registry change.
 * The update agent, the update logs and this PC's facts (Windows version,
 * ESU, disk, safeguard hold) are read separately and rarely
 * (check_read_updates): they are slow or change seldom, and on Windows
 * asking the agent may start a service. (A restart reads the services only.) */
#ifndef WUTRAY_CHECK_H
#define WUTRAY_CHECK_H

#include "health.h"
#include "regsettings.h"
#include "settings.h"

/* A settings value that was not used: out of its range, or not a REG_DWORD. */
struct refused_setting {
    enum setting_source source; /* SETTING_FROM_USER or SETTING_FROM_POLICY */
    enum setting_id id;
    enum regsettings_problem why;
    uint32_t value; /* for REGSETTINGS_OUT_OF_RANGE */
};
#define CHECK_MAX_REFUSED (SETTING_COUNT * 2)

struct check_reading {
    struct health_snapshot snap;
    struct settings set; /* the settings the thresholds came from */
    unsigned n_refused;  /* values ignored, to be said where people look */
    struct refused_setting refused[CHECK_MAX_REFUSED];
};

/* scm: a service-manager handle the caller keeps, or NULL to open one. */
void check_read(struct check_reading *c, SC_HANDLE scm);
/* The slow part: the update agent (wua.c) and the update logs (wulog.c),
 * read into a buffer of records and summarised (patches.c), and this PC's
 * facts (pcinfo.c). Call on a thread with COM initialised (STA); without COM
 * the agent says "not available" and the rest is still read. */
void check_read_updates(struct wua_signals *agent, struct patch_summary *patches, struct pc_info *pc);
/* The rules' thresholds from the settings. */
void check_limits(const struct settings *set, struct health_limits *lim);

#endif
