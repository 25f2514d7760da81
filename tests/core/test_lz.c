/* The LZ codec (src/core/lz.c) and the packed string table (strtab.c): what
 * is packed unpacks to itself, whatever its shape, and a damaged stream or
 * table is refused without reading or writing outside its buffers (ASan). */
#include <stdlib.h>

#include "lz.h"
#include "strtab.h"
#include "test.h"

static struct lz_work work;

/* Packs and unpacks n bytes; the packed size, or 0 after a failed check. */
static size_t round_trip(const uint8_t *src, size_t n, const char *what)
{
    uint8_t *packed = malloc(LZ_BOUND(n)), *back = malloc(n + 1);
    size_t p, got = 0;

    p = lz_pack(src, n, packed, LZ_BOUND(n), &work);
    if (p && lz_unpack(packed, p, back, n + 1, &got) && got == n && memcmp(back, src, n) == 0) test_passed++;
    else {
        TEST_FAIL_AT("%s (%zu bytes) did not unpack to itself", what, n);
        p = 0;
    }
    /* One byte less room than it needs is refused. */
    if (p && n) {
        CHECK(!lz_unpack(packed, p, back, n - 1, &got));
    }
    free(packed);
    free(back);
    return p;
}

static void shapes(void)
{
    static uint8_t buf[200000];
    const char *text = "Windows Update has not searched for updates for 12 days. "
                       "Windows Update hat seit 12 Tagen nicht nach Updates gesucht. ";
    size_t tl = strlen(text), p;
    uint32_t seed = 1;

    CHECK(round_trip(buf, 0, "nothing") == 1); /* one token: no literals, no match */
    buf[0] = 'x';
    round_trip(buf, 1, "one byte");
    round_trip((const uint8_t *)"abcd", 4, "four bytes");
    memset(buf, 'a', 100000);
    p = round_trip(buf, 100000, "one byte repeated");
    CHECK(p > 0 && p < 500); /* a run is a few sequences with long lengths */
    for (size_t i = 0; i < 150000; i++) buf[i] = (uint8_t)text[i % tl];
    p = round_trip(buf, 150000, "text repeated");
    CHECK(p > 0 && p < 2000);
    for (size_t i = 0; i < sizeof(buf); i++) buf[i] = (uint8_t)((seed = seed * 1103515245u + 12345u) >> 16);
    p = round_trip(buf, sizeof(buf), "noise"); /* past the window, nothing to match */
    CHECK(p > 0 && p <= LZ_BOUND(sizeof(buf)));
    /* Literal and match lengths at the token's edges: 14, 15, 15+255 ... */
    for (size_t lits = 13; lits < 290; lits += 3) {
        size_t n = 0;
        for (size_t i = 0; i < lits; i++) buf[n++] = (uint8_t)((seed = seed * 1103515245u + 12345u) >> 16);
        for (size_t i = 0; i < lits; i++, n++) buf[n] = buf[n - lits];
        round_trip(buf, n, "literals then their copy");
    }
}

static void damaged(void)
{
    uint8_t out[64];
    size_t got;
    static const struct { const char *what; uint8_t s[8]; size_t n; } bad[] = {
        {"empty", {0}, 0},
        {"literals cut short", {0x30, 'a', 'b'}, 3},
        {"reaches back before the start", {0x10, 'a', 0x02, 0x00}, 4},
        {"a distance of 0", {0x10, 'a', 0x00, 0x00}, 4},
        {"distance cut short", {0x10, 'a', 0x01}, 3},
        {"ends in a match", {0x11, 'a'}, 2},
        {"length continued past the end", {0xF0, 255}, 2},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (!lz_unpack(bad[i].s, bad[i].n, out, sizeof(out), &got)) test_passed++;
        else TEST_FAIL_AT("accepted: %s", bad[i].what);
    }
    /* A match that overlaps itself: "a" then 7 copies from one back. */
    {
        const uint8_t s[] = {0x13, 'a', 0x01, 0x00, 0x00};
        CHECK(lz_unpack(s, sizeof(s), out, sizeof(out), &got) && got == 8 && memcmp(out, "aaaaaaaa", 8) == 0);
    }
}

static void tables(void)
{
    static const struct strtab_entry e[] = {
        {1, "OK", 2}, {2, "", 0}, {17, "Windows Update läuft", 21}, {1150, "Mise à jour", 12},
    };
    uint8_t tab[256], packed[300], back[256];
    const char *text;
    size_t n, p, len;

    n = strtab_write(e, 4, tab, sizeof(tab));
    CHECK_EQ_INT(2 + 4 * 4 + 2 + 0 + 21 + 12, n);
    CHECK(strtab_find(tab, n, 17, &text, &len) && len == 21 && memcmp(text, "Windows Update läuft", 21) == 0);
    CHECK(strtab_find(tab, n, 1150, &text, &len) && len == 12 && memcmp(text, "Mise à jour", 12) == 0);
    CHECK(strtab_find(tab, n, 2, &text, &len) && len == 0);
    CHECK(!strtab_find(tab, n, 3, &text, &len));
    CHECK(!strtab_find(tab, n - 1, 1150, &text, &len)); /* the last text cut short */
    CHECK(!strtab_find(tab, 1, 1, &text, &len));

    /* IDs out of order, or twice, or too little room: nothing written. */
    {
        const struct strtab_entry twice[] = {{5, "a", 1}, {5, "b", 1}}, back_order[] = {{6, "a", 1}, {5, "b", 1}};
        CHECK_EQ_INT(0, strtab_write(twice, 2, tab, sizeof(tab)));
        CHECK_EQ_INT(0, strtab_write(back_order, 2, tab, sizeof(tab)));
        CHECK_EQ_INT(0, strtab_write(e, 4, tab, n - 1));
    }

    p = strtab_pack(tab, n, packed, sizeof(packed), &work);
    CHECK(p > 4);
    CHECK_EQ_INT(n, strtab_unpacked_size(packed, p));
    CHECK(strtab_unpack(packed, p, back, sizeof(back)) && memcmp(back, tab, n) == 0);
    CHECK(!strtab_unpack(packed, p, back, n - 1)); /* no room */
    CHECK(!strtab_unpack(packed, p - 1, back, sizeof(back)));
    packed[0]++; /* says one byte more than it holds */
    CHECK(!strtab_unpack(packed, p, back, sizeof(back)));
    packed[0]--;
    /* A table whose lengths do not add up to its text is refused when unpacked. */
    tab[2 + 3 * 4 + 2]--; /* the last string's length */
    p = strtab_pack(tab, n, packed, sizeof(packed), &work);
    CHECK(p > 4 && !strtab_unpack(packed, p, back, sizeof(back)));
}

int main(void)
{
    shapes();
    damaged();
    tables();
    return test_summary("test_lz");
}
