/* The Windows Update client's event log, summarised: the newest of each
 * kind whatever the order, failures resolved by a later installation, and
 * nothing made up from unknown IDs or events without a time. */
#include "signals.h"
#include "test.h"
#include "wuevents.h"

#define MAX_EV 8
#define T 1700000000000ull /* 2023-11-14T22:13:20Z */
#define MIN_MS 60000ull

struct wuevents_case {
    const char *name;
    size_t n;
    struct wu_event ev[MAX_EV];
    /* expected */
    uint64_t failure_ms;
    uint32_t failure_code;
    enum wu_op op;
    uint64_t install_ok_ms, found_ms, restart_ms;
};

static const struct wuevents_case cases[] = {
    {"empty", 0, {{0, 0, 0}}, 0, 0, WU_OP_NONE, 0, 0, 0},
    {"install failed", 1, {{20, T, 0x80070005u}}, T, 0x80070005u, WU_OP_INSTALL, 0, 0, 0},
    {"scan failed", 1, {{25, T, 0x8024402Cu}}, T, 0x8024402Cu, WU_OP_SCAN, 0, 0, 0},
    {"download failed", 1, {{31, T, 0x80240034u}}, T, 0x80240034u, WU_OP_DOWNLOAD, 0, 0, 0},
    {"failure without a code", 1, {{20, T, 0}}, T, 0, WU_OP_INSTALL, 0, 0, 0},
    {"a normal cycle",
     5,
     {{26, T, 0}, {43, T + 1 * MIN_MS, 0}, {44, T + 2 * MIN_MS, 0}, {19, T + 3 * MIN_MS, 0}, {21, T + 4 * MIN_MS, 0}},
     0, 0, WU_OP_NONE, T + 3 * MIN_MS, T, T + 4 * MIN_MS},
    {"failure resolved by a later install",
     3,
     {{20, T, 0x80073712u}, {19, T + MIN_MS, 0}, {26, T - MIN_MS, 0}},
     0, 0, WU_OP_NONE, T + MIN_MS, T - MIN_MS, 0},
    {"failure at the same instant as an install: not newer, resolved",
     2,
     {{20, T, 0x80073712u}, {19, T, 0}},
     0, 0, WU_OP_NONE, T, 0, 0},
    {"failure after an install stands",
     3,
     {{19, T, 0}, {31, T + MIN_MS, 0x80240034u}, {26, T - MIN_MS, 0}},
     T + MIN_MS, 0x80240034u, WU_OP_DOWNLOAD, T, T - MIN_MS, 0},
    {"newest failure wins, an older one is dropped",
     4,
     {{25, T + 2 * MIN_MS, 0x8024402Cu}, {20, T + 5 * MIN_MS, 0x80070070u}, {31, T + 3 * MIN_MS, 0x80240034u},
      {19, T + MIN_MS, 0}},
     T + 5 * MIN_MS, 0x80070070u, WU_OP_INSTALL, T + MIN_MS, 0, 0},
    {"a scan failure newest",
     3,
     {{20, T, 0x80070070u}, {25, T + 2 * MIN_MS, 0x8024401Cu}, {26, T + MIN_MS, 0}},
     T + 2 * MIN_MS, 0x8024401Cu, WU_OP_SCAN, 0, T + MIN_MS, 0},
    {"same instant: the later stage wins",
     3,
     {{25, T, 1}, {20, T, 2}, {31, T, 3}},
     T, 2, WU_OP_INSTALL, 0, 0, 0},
    {"newest of each kind",
     7,
     {{26, T, 0}, {26, T + 9 * MIN_MS, 0}, {26, T + 4 * MIN_MS, 0}, {22, T + 2 * MIN_MS, 0}, {21, T + MIN_MS, 0},
      {19, T + 3 * MIN_MS, 0}, {19, T + 7 * MIN_MS, 0}},
     0, 0, WU_OP_NONE, T + 7 * MIN_MS, T + 9 * MIN_MS, T + 2 * MIN_MS},
    {"unknown and unused ids are ignored",
     6,
     {{0, T, 0x80070005u}, {18, T, 1}, {24, T, 2}, {43, T, 0}, {44, T, 0}, {65535, T, 3}},
     0, 0, WU_OP_NONE, 0, 0, 0},
    {"events without a time are ignored",
     5,
     {{20, 0, 0x80070005u}, {19, 0, 0}, {26, 0, 0}, {21, 0, 0}, {25, T, 0x8024402Cu}},
     T, 0x8024402Cu, WU_OP_SCAN, 0, 0, 0},
    {"a timeless failure alone is no failure",
     2,
     {{20, 0, 0x80070005u}, {31, 0, 0x80240034u}},
     0, 0, WU_OP_NONE, 0, 0, 0},
    {"a timeless install does not resolve",
     2,
     {{31, T, 0x80240034u}, {19, 0, 0}},
     T, 0x80240034u, WU_OP_DOWNLOAD, 0, 0, 0},
};

static void check_case(const struct wuevents_case *c, const struct wu_event *ev, const char *order)
{
    struct wu_event_summary s;
    int before = test_failed;

    wuevents_summarize(ev, c->n, &s);
    CHECK(s.read);
    CHECK_EQ_INT(c->failure_ms, s.last_failure_ms);
    CHECK_EQ_INT(c->failure_code, s.last_failure_code);
    CHECK_EQ_INT(c->op, s.last_failure_op);
    CHECK_EQ_INT(c->install_ok_ms, s.last_install_ok_ms);
    CHECK_EQ_INT(c->found_ms, s.updates_found_ms);
    CHECK_EQ_INT(c->restart_ms, s.restart_required_ms);
    if (test_failed != before) fprintf(stderr, "  in case \"%s\" (%s order)\n", c->name, order);
}

/* Each case as written, reversed, and in every rotation: the log is read
 * newest first, but nothing may depend on that. */
static void table(void)
{
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct wuevents_case *c = &cases[i];
        struct wu_event ev[MAX_EV];

        check_case(c, c->ev, "given");
        for (size_t k = 0; k < c->n; k++) ev[k] = c->ev[c->n - 1 - k];
        check_case(c, ev, "reversed");
        for (size_t r = 1; r < c->n; r++) {
            for (size_t k = 0; k < c->n; k++) ev[k] = c->ev[(k + r) % c->n];
            check_case(c, ev, "rotated");
        }
    }
}

static void edges(void)
{
    struct wu_event_summary s;

    /* n = 0 with no array at all; stale contents of out are cleared. */
    memset(&s, 0xA5, sizeof(s));
    wuevents_summarize(NULL, 0, &s);
    CHECK(s.read);
    CHECK_EQ_INT(0, s.last_failure_ms);
    CHECK_EQ_INT(0, s.last_failure_code);
    CHECK_EQ_INT(WU_OP_NONE, s.last_failure_op);
    CHECK_EQ_INT(0, s.last_install_ok_ms);
    CHECK_EQ_INT(0, s.updates_found_ms);
    CHECK_EQ_INT(0, s.restart_required_ms);

    /* The top bit of an HRESULT survives. */
    struct wu_event big = {20, UINT64_MAX, 0xFFFFFFFFu};
    wuevents_summarize(&big, 1, &s);
    CHECK_EQ_INT(0xFFFFFFFFu, s.last_failure_code);
    CHECK(s.last_failure_ms == UINT64_MAX);
}

static void keywords(void)
{
    CHECK_EQ_STR("none", wuevents_op_keyword(WU_OP_NONE));
    CHECK_EQ_STR("scan", wuevents_op_keyword(WU_OP_SCAN));
    CHECK_EQ_STR("download", wuevents_op_keyword(WU_OP_DOWNLOAD));
    CHECK_EQ_STR("install", wuevents_op_keyword(WU_OP_INSTALL));
    CHECK_EQ_STR("none", wuevents_op_keyword((enum wu_op)99));
}

/* TimeCreated/@SystemTime: a FILETIME from the render context, or the text
 * Windows shows in the XML, which signals_parse_time reads (to the second). */
static void times(void)
{
    uint64_t t;

    CHECK_EQ_INT(0, wuevents_from_filetime(0));
    CHECK_EQ_INT(0, wuevents_from_filetime(116444736000000000ull)); /* 1970-01-01: "unknown" */
    CHECK_EQ_INT(1, wuevents_from_filetime(116444736000010000ull));
    CHECK_EQ_INT(T, wuevents_from_filetime(116444736000000000ull + T * 10000ull));
    CHECK_EQ_INT(T + 123, wuevents_from_filetime(116444736000000000ull + T * 10000ull + 1234567ull));

    CHECK(signals_parse_time("2023-11-14T22:13:20.1234567Z", &t));
    CHECK_EQ_INT(T, t);
    CHECK(signals_parse_time("2026-11-20T10:12:13.1234567Z", &t));
    CHECK_EQ_INT(1795169533000ull, t);
}

int main(void)
{
    table();
    edges();
    keywords();
    times();
    return test_summary("test_wuevents");
}
