/* The packed string tables (src/core/strtab.c) and their LZ codec (lz.c),
 * which the programs unpack from their own resources.
 *
 * The first byte picks what the rest is: a stream for lz_unpack into a buffer
 * of exactly the size it claims (ASan sees any byte written past it); bytes to
 * pack, which must unpack to themselves; a packed table for strtab_unpack; or
 * a table for strtab_find, whose answer must lie inside the table. */
#include "fuzz.h"
#include "strtab.h"

static struct lz_work work;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};
    unsigned what = fin_u8(&in), id;
    const uint8_t *p = in.p;
    size_t n = in.n, got;
    uint8_t *buf;

    switch (what % 4) {
    case 0: { /* any stream, unpacked into a buffer sized by its first two bytes */
        size_t cap = n >= 2 ? ((size_t)p[0] | (size_t)p[1] << 8) : 0;
        buf = malloc(cap ? cap : 1);
        if (lz_unpack(p + (n >= 2 ? 2 : n), n - (n >= 2 ? 2 : n), buf, cap, &got)) FUZZ_CHECK(got <= cap);
        free(buf);
        break;
    }
    case 1: { /* what is packed unpacks to itself */
        uint8_t *packed = malloc(LZ_BOUND(n)), *back = malloc(n ? n : 1);
        size_t pn = lz_pack(p, n, packed, LZ_BOUND(n), &work);
        FUZZ_CHECK(pn > 0 && pn <= LZ_BOUND(n));
        FUZZ_CHECK(lz_unpack(packed, pn, back, n, &got) && got == n && memcmp(back, p, n) == 0);
        free(packed);
        free(back);
        break;
    }
    case 2: { /* a packed table: unpacked only when whole and well formed */
        size_t want = strtab_unpacked_size(p, n);
        const char *text;
        size_t len;
        if (want > 1 << 20) break;
        buf = malloc(want ? want : 1);
        if (strtab_unpack(p, n, buf, want)) {
            for (id = 0; id < 64; id++)
                if (strtab_find(buf, want, id, &text, &len))
                    FUZZ_CHECK((const uint8_t *)text >= buf && (const uint8_t *)text + len <= buf + want);
        }
        free(buf);
        break;
    }
    default: { /* a table as it is */
        const char *text;
        size_t len;
        id = fin_u8(&in);
        if (strtab_find(in.p, in.n, id, &text, &len))
            FUZZ_CHECK((const uint8_t *)text >= in.p && (const uint8_t *)text + len <= in.p + in.n);
        break;
    }
    }
    return 0;
}
