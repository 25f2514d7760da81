#include "wuevents.h"

#include <string.h>

/* 100 ns ticks from 1601-01-01 to 1970-01-01. */
#define FILETIME_1970 116444736000000000ull

static enum wu_op failure_op(uint16_t id)
{
    switch (id) {
    case WU_EV_SCAN_FAILED: return WU_OP_SCAN;
    case WU_EV_DOWNLOAD_FAILED: return WU_OP_DOWNLOAD;
    case WU_EV_INSTALL_FAILED: return WU_OP_INSTALL;
    default: return WU_OP_NONE;
    }
}

static void keep_newest(uint64_t *slot, uint64_t t)
{
    if (t > *slot) *slot = t;
}

/* Is failure (t, op, code) to be preferred to the one kept? Newest first;
 * at the same instant the later stage, then the larger code, so that the
 * result does not depend on the order the events came in. */
static bool newer_failure(const struct wu_event_summary *s, uint64_t t, enum wu_op op, uint32_t code)
{
    if (t != s->last_failure_ms) return t > s->last_failure_ms;
    if (op != s->last_failure_op) return op > s->last_failure_op;
    return code > s->last_failure_code;
}

void wuevents_summarize(const struct wu_event *ev, size_t n, struct wu_event_summary *out)
{
    memset(out, 0, sizeof(*out));
    out->read = true;
    for (size_t i = 0; i < n; i++) {
        const struct wu_event *e = &ev[i];
        enum wu_op op = failure_op(e->id);

        if (!e->time_ms) continue;
        if (op != WU_OP_NONE) {
            if (newer_failure(out, e->time_ms, op, e->code)) {
                out->last_failure_ms = e->time_ms;
                out->last_failure_op = op;
                out->last_failure_code = e->code;
            }
        } else if (e->id == WU_EV_INSTALL_OK) {
            keep_newest(&out->last_install_ok_ms, e->time_ms);
        } else if (e->id == WU_EV_UPDATES_FOUND) {
            keep_newest(&out->updates_found_ms, e->time_ms);
        } else if (e->id == WU_EV_RESTART_REQUIRED || e->id == WU_EV_RESTART_SCHEDULED) {
            keep_newest(&out->restart_required_ms, e->time_ms);
        }
    }
    /* A later successful installation resolves the failure. */
    if (out->last_failure_ms && out->last_failure_ms <= out->last_install_ok_ms) {
        out->last_failure_ms = 0;
        out->last_failure_code = 0;
        out->last_failure_op = WU_OP_NONE;
    }
}

const char *wuevents_op_keyword(enum wu_op op)
{
    switch (op) {
    case WU_OP_SCAN: return "scan";
    case WU_OP_DOWNLOAD: return "download";
    case WU_OP_INSTALL: return "install";
    default: return "none";
    }
}

uint64_t wuevents_from_filetime(uint64_t ticks)
{
    return ticks > FILETIME_1970 ? (ticks - FILETIME_1970) / 10000u : 0;
}
