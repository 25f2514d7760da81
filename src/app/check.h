/* One health check's reading: the services and the registry's signals.
 * (A restart reads the services only: it needs no signals.) */
#ifndef WUTRAY_CHECK_H
#define WUTRAY_CHECK_H

#include "health.h"

void check_read(struct health_snapshot *s);

#endif
