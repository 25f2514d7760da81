#ifndef WUTRAY_TIMEFMT_H
#define WUTRAY_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>

/* Formats Unix epoch milliseconds as "YYYY-MM-DDTHH:MM:SSZ" (UTC).
 * Needs 21 bytes; returns 0 when the buffer is too small. */
size_t timefmt_iso8601(uint64_t epoch_ms, char *buf, size_t cap);

#endif
