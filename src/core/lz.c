#include "lz.h"

#include <string.h>

#define HASH_DEPTH 256 /* candidates tried per position: the tables are small */

static uint32_t hash4(const uint8_t *p)
{
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return (v * 2654435761u) >> (32 - LZ_HASH_BITS);
}

static void remember(struct lz_work *w, const uint8_t *src, size_t pos)
{
    uint32_t h = hash4(src + pos);
    w->chain[pos & LZ_WINDOW] = w->head[h];
    w->head[h] = (uint32_t)pos + 1;
}

struct out {
    uint8_t *p;
    size_t used, cap;
    bool full;
};

static void put(struct out *o, uint8_t b)
{
    if (o->used < o->cap) o->p[o->used++] = b;
    else o->full = true;
}

/* What is left of a length over the token's 15, in 255s and a remainder. */
static void put_more(struct out *o, size_t rest)
{
    for (; rest >= 255; rest -= 255) put(o, 255);
    put(o, (uint8_t)rest);
}

static void put_sequence(struct out *o, const uint8_t *lit, size_t nlit, size_t dist, size_t len)
{
    size_t code = len ? len - LZ_MIN_MATCH : 0;

    put(o, (uint8_t)((nlit < 15 ? nlit : 15) << 4 | (code < 15 ? code : 15)));
    if (nlit >= 15) put_more(o, nlit - 15);
    for (size_t i = 0; i < nlit; i++) put(o, lit[i]);
    if (!len) return;
    put(o, (uint8_t)(dist & 0xFF));
    put(o, (uint8_t)(dist >> 8));
    if (code >= 15) put_more(o, code - 15);
}

size_t lz_pack(const uint8_t *src, size_t n, uint8_t *dst, size_t cap, struct lz_work *w)
{
    struct out o = {dst, 0, cap, false};
    size_t i = 0, lit = 0;

    if (n > UINT32_MAX - 1) return 0;
    memset(w->head, 0, sizeof(w->head));
    while (i + LZ_MIN_MATCH <= n) {
        size_t best = 0, dist = 0;
        uint32_t cand = w->head[hash4(src + i)];

        for (int depth = HASH_DEPTH; cand && depth > 0; depth--) {
            size_t at = cand - 1, len = 0;
            if (i - at > LZ_WINDOW) break;
            while (i + len < n && src[at + len] == src[i + len]) len++;
            if (len > best) {
                best = len;
                dist = i - at;
                if (i + len == n) break;
            }
            cand = w->chain[at & LZ_WINDOW];
        }
        remember(w, src, i);
        if (best < LZ_MIN_MATCH) {
            i++;
            continue;
        }
        put_sequence(&o, src + lit, i - lit, dist, best);
        for (size_t j = i + 1; j < i + best && j + LZ_MIN_MATCH <= n; j++) remember(w, src, j);
        i += best;
        lit = i;
    }
    put_sequence(&o, src + lit, n - lit, 0, 0);
    return o.full ? 0 : o.used;
}

/* Adds the continuation bytes of a field of 15 to *len. */
static bool get_more(const uint8_t **p, const uint8_t *end, size_t limit, size_t *len)
{
    uint8_t b;
    do {
        if (*p == end) return false;
        b = *(*p)++;
        *len += b;
        if (*len > limit) return false; /* cannot fit: stop before it overflows */
    } while (b == 255);
    return true;
}

bool lz_unpack(const uint8_t *src, size_t n, uint8_t *dst, size_t cap, size_t *out_len)
{
    const uint8_t *p = src, *end = src + n;
    size_t used = 0;

    *out_len = 0;
    for (;;) {
        size_t len, dist;
        uint8_t token;

        if (p == end) return false;
        token = *p++;
        len = token >> 4;
        if (len == 15 && !get_more(&p, end, cap, &len)) return false;
        if (len > (size_t)(end - p) || len > cap - used) return false;
        memcpy(dst + used, p, len);
        p += len;
        used += len;
        if (p == end) {
            *out_len = used;
            return (token & 15) == 0;
        }
        if (end - p < 2) return false;
        dist = (size_t)p[0] | (size_t)p[1] << 8;
        p += 2;
        if (dist == 0 || dist > used) return false;
        len = token & 15;
        if (len == 15 && !get_more(&p, end, cap, &len)) return false;
        len += LZ_MIN_MATCH;
        if (len > cap - used) return false;
        for (size_t i = 0; i < len; i++, used++) dst[used] = dst[used - dist];
    }
}
