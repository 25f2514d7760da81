/* Building service readings and snapshots for core tests. */
#ifndef WUTRAY_TEST_READINGS_H
#define WUTRAY_TEST_READINGS_H

#include <string.h>
#include "health.h"

#define T0 1700000000000ull /* a fixed "now" */

static inline struct svc_reading present(enum svc_state state, enum svc_start start)
{
    struct svc_reading r;
    memset(&r, 0, sizeof(r));
    r.presence = SVC_PRESENT;
    r.state = state;
    r.start = start;
    return r;
}

static inline struct svc_reading absent(enum svc_presence p)
{
    struct svc_reading r;
    memset(&r, 0, sizeof(r));
    r.presence = p;
    return r;
}

static inline struct health_snapshot snap(uint32_t build, struct svc_reading wu, struct svc_reading uso)
{
    struct health_snapshot s;
    memset(&s, 0, sizeof(s));
    s.taken_ms = T0;
    s.os_build = build;
    s.svc[SVC_WUAUSERV] = wu;
    s.svc[SVC_USOSVC] = uso;
    return s;
}

#endif
