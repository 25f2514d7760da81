/* Shared by the libFuzzer targets: reading typed values off the fuzzer's
 * bytes (past the end, everything reads as 0 or ""), and a check that stops
 * the run with the failed expression, so that libFuzzer keeps the input. */
#ifndef WUTRAY_FUZZ_H
#define WUTRAY_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define FUZZ_CHECK(cond)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed\n", __FILE__,        \
                    __LINE__, #cond);                                          \
            abort();                                                           \
        }                                                                      \
    } while (0)

struct fuzz_in {
    const uint8_t *p;
    size_t n;
};

static inline uint8_t fin_u8(struct fuzz_in *in)
{
    if (!in->n) return 0;
    in->n--;
    return *in->p++;
}

static inline uint32_t fin_u32(struct fuzz_in *in)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) v = v << 8 | fin_u8(in);
    return v;
}

static inline uint64_t fin_u64(struct fuzz_in *in)
{
    uint64_t hi = fin_u32(in);
    return hi << 32 | fin_u32(in);
}

static inline double fin_double(struct fuzz_in *in)
{
    uint64_t bits = fin_u64(in);
    double d;
    memcpy(&d, &bits, sizeof(d));
    return d;
}

/* Bytes up to a 0 byte (taken) or the end, at most cap - 1 of them, into
 * dst with a NUL; returns their count. */
static inline size_t fin_str(struct fuzz_in *in, char *dst, size_t cap)
{
    size_t n = 0;
    while (in->n && n + 1 < cap) {
        uint8_t c = fin_u8(in);
        if (!c) break;
        dst[n++] = (char)c;
    }
    dst[n] = 0;
    return n;
}

/* The same on the heap, exactly as long as the text, so that ASan sees a
 * read past its NUL. Free with free(). */
static inline char *fin_strdup(struct fuzz_in *in, size_t max)
{
    char *tmp = malloc(max + 1), *out;
    size_t n = fin_str(in, tmp, max + 1);
    out = malloc(n + 1);
    memcpy(out, tmp, n + 1);
    free(tmp);
    return out;
}

/* A wide string: one byte a character, except 0xFF, which takes the next
 * four bytes as any wchar_t (surrogates, negative values, past U+10FFFF).
 * On the heap, exactly as long as the text. Free with free(). */
static inline wchar_t *fin_wcsdup(struct fuzz_in *in, size_t max)
{
    wchar_t *out = malloc((max + 1) * sizeof(wchar_t));
    size_t n = 0;
    while (in->n && n < max) {
        uint8_t c = fin_u8(in);
        wchar_t w = (wchar_t)c;
        if (!c) break;
        if (c == 0xFF) w = (wchar_t)fin_u32(in);
        if (!w) break;
        out[n++] = w;
    }
    out[n] = 0;
    return realloc(out, (n + 1) * sizeof(wchar_t));
}

/* A buffer of exactly cap bytes, filled with a marker so that a function
 * that leaves it untouched is seen. NULL for cap 0 is fine to pass on. */
static inline char *fuzz_buffer(size_t cap)
{
    char *b = malloc(cap ? cap : 1);
    memset(b, 'X', cap ? cap : 1);
    return b;
}

#endif
