/* One health check's reading: the services, the registry's signals and the
 * thresholds from the settings. The update agent is read separately (wua.h):
 * it is slow and, on Windows, may start a service.
 * (A restart reads the services only: it needs no signals.) */
#ifndef WUTRAY_CHECK_H
#define WUTRAY_CHECK_H

#include "health.h"
#include "settings.h"

struct check_reading {
    struct health_snapshot snap;
    struct settings set; /* the settings the thresholds came from */
};

void check_read(struct check_reading *c);
/* The rules' thresholds from the settings. */
void check_limits(const struct settings *set, struct health_limits *lim);

#endif
