/* When to raise a balloon: only when health got worse and two evaluations in
 * a row agree, once per incident, the same incident at most once a day, never
 * while snoozed, and not during quiet time (then later). Pure; time comes in. */
#ifndef WUTRAY_ALERT_H
#define WUTRAY_ALERT_H

#include <stdbool.h>
#include "health.h"

/* What an incident is, for "at most once a day": the level and its first reason. */
struct alert_incident {
    enum health_level level;
    enum reason_kind kind;
    enum svc_id svc;
};

struct alert_gate {
    enum health_level candidate;  /* level of the previous evaluation */
    unsigned streak;              /* evaluations in a row at candidate */
    enum health_level alerted;    /* worst level already alerted this incident */
    bool deferred;                /* confirmed during quiet time: show when it ends */
    uint64_t snooze_until_ms;     /* no alerts before this time */
    uint64_t snooze_ms;           /* the snooze's length: what is left never exceeds it */
    struct alert_incident last;   /* the last incident shown ... */
    uint64_t last_shown_ms;       /* ... and when (0: never) */
};

#define ALERT_REPEAT_MS (24ull * 60 * 60 * 1000)
#define ALERT_SNOOZE_HOUR_MS (60ull * 60 * 1000)
#define ALERT_SNOOZE_DAY_MS (24ull * ALERT_SNOOZE_HOUR_MS)
#define ALERT_SNOOZE_WEEK_MS (7ull * ALERT_SNOOZE_DAY_MS)

void alert_gate_init(struct alert_gate *g);
/* The confirmation step alone: true when `level` is newly confirmed worse. */
bool alert_gate_feed(struct alert_gate *g, enum health_level level);

enum alert_decision { ALERT_NONE, ALERT_SHOW };
/* One evaluation: `quiet` is the user's quiet time (presentation, full-screen,
 * Focus assist). Returns ALERT_SHOW when a balloon should appear now. A
 * snooze that has more left than its length (the clock went back) is cut
 * to its length from now: the caller saves snooze_until_ms again if it moved. */
enum alert_decision alert_decide(struct alert_gate *g, const struct health_result *r,
                                 uint64_t now_ms, bool quiet);
void alert_snooze(struct alert_gate *g, uint64_t now_ms, uint64_t for_ms);
void alert_resume(struct alert_gate *g);
/* A snooze saved before wutray last exited: honoured if it ends in the future
 * but no later than a week from now (the longest snooze; a value from
 * elsewhere, or a clock that went back, cannot silence alerts for longer). */
void alert_restore_snooze(struct alert_gate *g, uint64_t now_ms, uint64_t until_ms);
bool alert_snoozed(const struct alert_gate *g, uint64_t now_ms);

#endif
