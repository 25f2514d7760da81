#include "strtab.h"

#include <string.h>

#define HEAD 2  /* the count */
#define ENTRY 4 /* id, length */

static unsigned get16(const uint8_t *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static void put16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v & 0xFF);
    p[1] = (uint8_t)(v >> 8 & 0xFF);
}

size_t strtab_write(const struct strtab_entry *e, size_t n, uint8_t *out, size_t cap)
{
    size_t size = HEAD + n * ENTRY, at;

    if (n > 0xFFFF) return 0;
    for (size_t i = 0; i < n; i++) {
        if (e[i].id > 0xFFFF || e[i].len > 0xFFFF || (i && e[i].id <= e[i - 1].id)) return 0;
        size += e[i].len;
    }
    if (size > cap) return 0;
    put16(out, (unsigned)n);
    at = HEAD + n * ENTRY;
    for (size_t i = 0; i < n; i++) {
        put16(out + HEAD + i * ENTRY, e[i].id);
        put16(out + HEAD + i * ENTRY + 2, (unsigned)e[i].len);
        memcpy(out + at, e[i].text, e[i].len);
        at += e[i].len;
    }
    return size;
}

/* A table whose entries ascend and whose lengths add up to exactly its text. */
static bool well_formed(const uint8_t *tab, size_t n)
{
    size_t count, text = 0;

    if (n < HEAD) return false;
    count = get16(tab);
    if (n - HEAD < count * ENTRY) return false;
    for (size_t i = 0; i < count; i++) {
        const uint8_t *e = tab + HEAD + i * ENTRY;
        if (i && get16(e) <= get16(e - ENTRY)) return false;
        text += get16(e + 2);
    }
    return text == n - HEAD - count * ENTRY;
}

bool strtab_find(const uint8_t *tab, size_t n, unsigned id, const char **text, size_t *len)
{
    size_t count, at;

    if (n < HEAD) return false;
    count = get16(tab);
    if (n - HEAD < count * ENTRY) return false;
    at = HEAD + count * ENTRY;
    for (size_t i = 0; i < count; i++) {
        const uint8_t *e = tab + HEAD + i * ENTRY;
        size_t l = get16(e + 2);
        if (l > n - at) return false;
        if (get16(e) == id) {
            *text = (const char *)tab + at;
            *len = l;
            return true;
        }
        at += l;
    }
    return false;
}

size_t strtab_pack(const uint8_t *tab, size_t n, uint8_t *out, size_t cap, struct lz_work *work)
{
    size_t packed;

    if (cap < 4 || n > UINT32_MAX) return 0;
    packed = lz_pack(tab, n, out + 4, cap - 4, work);
    if (!packed) return 0;
    for (int i = 0; i < 4; i++) out[i] = (uint8_t)(n >> (8 * i) & 0xFF);
    return packed + 4;
}

size_t strtab_unpacked_size(const uint8_t *packed, size_t n)
{
    if (n < 4) return 0;
    return (size_t)packed[0] | (size_t)packed[1] << 8 | (size_t)packed[2] << 16 | (size_t)packed[3] << 24;
}

bool strtab_unpack(const uint8_t *packed, size_t n, uint8_t *out, size_t cap)
{
    size_t want = strtab_unpacked_size(packed, n), got;

    if (!want || want > cap) return false;
    return lz_unpack(packed + 4, n - 4, out, want, &got) && got == want && well_formed(out, want);
}
