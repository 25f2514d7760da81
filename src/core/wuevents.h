/* What the Windows Update client's own event log says (channel
 * Microsoft-Windows-WindowsUpdateClient/Operational): the newest failed
 * operation that no installation has resolved since, and when updates were
 * last found, installed, and asked for a restart. Read by src/win/evtlog.c;
 * the summary is pure so that the rules around it can be table-tested. */
#ifndef WUTRAY_WUEVENTS_H
#define WUTRAY_WUEVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The event IDs the summary uses (43/44, install/download started, are
 * known but not needed: they are ignored like any other ID). */
enum wu_event_id {
    WU_EV_INSTALL_OK = 19,
    WU_EV_INSTALL_FAILED = 20,
    WU_EV_RESTART_REQUIRED = 21,
    WU_EV_RESTART_SCHEDULED = 22, /* restart required, within minutes */
    WU_EV_SCAN_FAILED = 25,
    WU_EV_UPDATES_FOUND = 26,
    WU_EV_DOWNLOAD_FAILED = 31
};

struct wu_event {
    uint16_t id;
    uint64_t time_ms; /* epoch ms; 0 = unknown, the event is ignored */
    uint32_t code;    /* HRESULT from the event's errorCode data, 0 if none */
};

struct wu_event_summary {
    bool read; /* the log could be read (an empty log is read, too) */
    /* The newest failure (20, 25 or 31) if it is newer than the newest
     * successful installation; all zero otherwise (resolved, or none). */
    uint64_t last_failure_ms;
    uint32_t last_failure_code;
    enum wu_op { WU_OP_NONE, WU_OP_SCAN, WU_OP_DOWNLOAD, WU_OP_INSTALL } last_failure_op;
    uint64_t last_install_ok_ms;  /* newest 19 */
    uint64_t updates_found_ms;    /* newest 26 */
    uint64_t restart_required_ms; /* newest 21 or 22 */
};

/* Summarises n events given in any order (ev may be NULL when n is 0).
 * Sets read = true: the caller decides whether the log was readable. */
void wuevents_summarize(const struct wu_event *ev, size_t n, struct wu_event_summary *out);

/* "scan", "download", "install" or "none" (also for a value out of range). */
const char *wuevents_op_keyword(enum wu_op op);

/* A FILETIME (100 ns ticks since 1601-01-01 UTC) to epoch ms; 0 before 1970.
 * The log's TimeCreated/@SystemTime arrives in this form; as text
 * ("2026-11-20T10:12:13.1234567Z") it goes through signals_parse_time. */
uint64_t wuevents_from_filetime(uint64_t ticks);

#endif
