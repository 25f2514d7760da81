/* The programs' texts as they are stored in the exe: one compressed table per
 * language (an RCDATA resource, written at build time by scripts/strpack.c
 * from the files in res/lang/), instead of the resource compiler's UTF-16 string
 * tables, which took 40 KB per language.
 *
 * A packed table is the unpacked size (4 bytes, little-endian), then the
 * table as an LZ stream (lz.h). The table: a count (2 bytes), then per string
 * its ID and its length in bytes (2 bytes each), IDs ascending and each once,
 * then the strings' UTF-8 one after the other, unterminated. All numbers are
 * little-endian. */
#ifndef WUTRAY_STRTAB_H
#define WUTRAY_STRTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lz.h"

struct strtab_entry {
    unsigned id;
    const char *text; /* UTF-8 */
    size_t len;       /* in bytes */
};

/* Writes the table of entries[0..n) (IDs ascending, each once, each text
 * under 64 KB) into out; its size, or 0 when out is too small or the entries
 * break those rules. */
size_t strtab_write(const struct strtab_entry *entries, size_t n, uint8_t *out, size_t cap);

/* Finds `id` in the table tab[0..n): its text and length, or false when the
 * table has no such string or is malformed. */
bool strtab_find(const uint8_t *tab, size_t n, unsigned id, const char **text, size_t *len);

/* The packed form: the table `tab` compressed into out; its size or 0. */
size_t strtab_pack(const uint8_t *tab, size_t n, uint8_t *out, size_t cap, struct lz_work *work);

/* The unpacked size a packed table says it has (0 when too short to say). */
size_t strtab_unpacked_size(const uint8_t *packed, size_t n);

/* Unpacks a packed table into out[0..cap); false unless it unpacks to exactly
 * the size it says and that is a well-formed table. */
bool strtab_unpack(const uint8_t *packed, size_t n, uint8_t *out, size_t cap);

#endif
