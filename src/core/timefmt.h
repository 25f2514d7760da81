#ifndef WUTRAY_TIMEFMT_H
#define WUTRAY_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>

/* Formats Unix epoch milliseconds as "YYYY-MM-DDTHH:MM:SSZ" (UTC).
 * Needs 21 bytes; returns 0 with buf emptied (when cap > 0) if the buffer
 * is too small or the date is past 9999-12-31: callers print no time then. */
size_t timefmt_iso8601(uint64_t epoch_ms, char *buf, size_t cap);

#endif
