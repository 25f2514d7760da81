/* Dates: the registry's and the event log's text times (signals_parse_time),
 * OLE Automation dates from the update agent (signals_from_ole_date), and
 * their printing (timefmt_iso8601). A time that is accepted prints, and
 * prints back as the text it came from; printing fails only with an empty
 * buffer, never past its end.
 *
 * Input: one byte of mode (0: text, 1: epoch ms and a buffer size, 2: an
 * OLE date), then the text, or the number's bytes. */
#include "fuzz.h"
#include "signals.h"
#include "timefmt.h"

#define ISO_LEN 20 /* "YYYY-MM-DDTHH:MM:SSZ" */

/* Prints ms into a buffer of exactly cap bytes; returns the text (malloc'd)
 * or NULL when it did not fit or the date cannot be printed. */
static char *print(uint64_t ms, size_t cap)
{
    char *buf = fuzz_buffer(cap);
    size_t n = timefmt_iso8601(ms, buf, cap);

    if (cap) FUZZ_CHECK(memchr(buf, 0, cap) != NULL);
    if (!n) {
        FUZZ_CHECK(!cap || buf[0] == 0);
        free(buf);
        return NULL;
    }
    FUZZ_CHECK(n == ISO_LEN && n < cap && strlen(buf) == n);
    return buf;
}

/* A printed time parses back to itself (to the second). */
static void reparse(const char *iso, uint64_t ms)
{
    uint64_t back = 1;
    FUZZ_CHECK(signals_parse_time(iso, &back));
    FUZZ_CHECK(back == ms / 1000 * 1000);
}

static void text(struct fuzz_in *in)
{
    char *s = fin_strdup(in, 64), *iso;
    uint64_t ms = 1;

    if (!signals_parse_time(s, &ms)) {
        FUZZ_CHECK(ms == 0);
        free(s);
        return;
    }
    FUZZ_CHECK(ms % 1000 == 0);
    iso = print(ms, 32);
    FUZZ_CHECK(iso != NULL);
    /* The same date and time: nothing was carried into the next minute or day. */
    FUZZ_CHECK(memcmp(iso, s, 19) == 0);
    reparse(iso, ms);
    free(iso);
    free(s);
}

static void epoch(struct fuzz_in *in)
{
    uint64_t ms = fin_u64(in);
    size_t cap = fin_u8(in) % 40;
    char *iso;

    /* Half of the inputs near the range the printer handles. */
    if (fin_u8(in) & 1) ms %= 320000000000000ull;
    iso = print(ms, cap);
    if (iso) reparse(iso, ms);
    else if (cap > ISO_LEN) FUZZ_CHECK(ms >= 253402300800000ull); /* 10000-01-01 */
    free(iso);
}

static void ole(struct fuzz_in *in)
{
    double d = fin_double(in);
    uint64_t ms = signals_from_ole_date(d);
    char *iso;

    if (!ms) return;
    iso = print(ms, 32);
    FUZZ_CHECK(iso != NULL);
    reparse(iso, ms);
    free(iso);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};

    switch (fin_u8(&in) % 3) {
    case 0: text(&in); break;
    case 1: epoch(&in); break;
    default: ole(&in); break;
    }
    return 0;
}
