/* Byte-oriented LZ77 compression, for the string tables compressed into the
 * programs (src/core/strtab.h) and whatever else is small and read once.
 *
 * The stream is a run of sequences. Each starts with a token byte: its high
 * four bits count literal bytes, its low four bits are a match length minus
 * LZ_MIN_MATCH. A field of 15 continues in the following bytes, each added,
 * until one below 255. Then come the literals and, except in the last
 * sequence, a two-byte little-endian distance back into what has been written
 * (1..LZ_WINDOW), from which the match is copied (it may overlap itself). The
 * last sequence holds literals only and its match field is 0. The same layout
 * as LZ4's block format, written here from its description. */
#ifndef WUTRAY_LZ_H
#define WUTRAY_LZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LZ_MIN_MATCH 4
#define LZ_WINDOW 65535u

/* The packer's scratch space (about 320 KB): the caller provides it, so the
 * core allocates nothing. */
#define LZ_HASH_BITS 14
struct lz_work {
    uint32_t head[1u << LZ_HASH_BITS]; /* newest position + 1 per hash */
    uint32_t chain[LZ_WINDOW + 1];     /* the position before it, + 1 */
};

/* The most `n` input bytes can take packed. */
#define LZ_BOUND(n) ((n) + (n) / 255 + 16)

/* Packs src[0..n) into dst; the number of bytes written, or 0 when dst is too
 * small (LZ_BOUND(n) always suffices). */
size_t lz_pack(const uint8_t *src, size_t n, uint8_t *dst, size_t cap, struct lz_work *work);

/* Unpacks a whole stream into dst[0..cap); *out_len is the unpacked size.
 * false for a stream cut short, one that reaches back before its start or
 * ends in a match, or one that does not fit. Never reads or writes outside
 * the two buffers. */
bool lz_unpack(const uint8_t *src, size_t n, uint8_t *dst, size_t cap, size_t *out_len);

#endif
