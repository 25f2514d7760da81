/* The event log adapter under Wine, which has no event log (wevtapi is a
 * stub): it must say "not read" with everything zero, quickly, and never
 * crash, however often it is asked. Reading a real log is not tested here. */
#include <windows.h>

#include "evtlog.h"
#include "test.h"

static void all_zero(const struct wu_event_summary *s)
{
    CHECK(!s->read);
    CHECK_EQ_INT(0, s->last_failure_ms);
    CHECK_EQ_INT(0, s->last_failure_code);
    CHECK_EQ_INT(WU_OP_NONE, s->last_failure_op);
    CHECK_EQ_INT(0, s->last_install_ok_ms);
    CHECK_EQ_INT(0, s->updates_found_ms);
    CHECK_EQ_INT(0, s->restart_required_ms);
}

static double elapsed_ms(LARGE_INTEGER from, LARGE_INTEGER to, LARGE_INTEGER freq)
{
    return (double)(to.QuadPart - from.QuadPart) * 1000.0 / (double)freq.QuadPart;
}

int wmain(void)
{
    struct wu_event_summary s;
    LARGE_INTEGER freq, t0, t1;
    double ms, max_ms = 0, total_ms = 0;
    int i, odd = 0;

    QueryPerformanceFrequency(&freq);

    /* Stale contents are overwritten, not kept. */
    memset(&s, 0xA5, sizeof(s));
    QueryPerformanceCounter(&t0);
    evtlog_read(&s);
    QueryPerformanceCounter(&t1);
    printf("first read: %s, %.3f ms\n", s.read ? "read" : "not read", elapsed_ms(t0, t1, freq));
    all_zero(&s);

    /* Asked often: the same answer every time, no crash, no build-up. */
    for (i = 0; i < 200; i++) {
        memset(&s, 0x5A, sizeof(s));
        QueryPerformanceCounter(&t0);
        evtlog_read(&s);
        QueryPerformanceCounter(&t1);
        ms = elapsed_ms(t0, t1, freq);
        total_ms += ms;
        if (ms > max_ms) max_ms = ms;
        if (s.read || s.last_failure_ms || s.last_failure_code || s.last_failure_op != WU_OP_NONE ||
            s.last_install_ok_ms || s.updates_found_ms || s.restart_required_ms)
            odd++;
    }
    CHECK_EQ_INT(0, odd);
    all_zero(&s);
    printf("200 reads: %.3f ms each on average, %.3f ms at most\n", total_ms / 200, max_ms);
    return test_summary("test_evtlog");
}
