/* strpack: the build step that turns the resource compiler's string tables
 * into the packed tables the programs carry (src/core/strtab.h).
 *
 *   strpack STRINGS.res OUTDIR
 *
 * STRINGS.res is res/strings.rc compiled by windres (every language's
 * STRINGTABLE). For each language it writes OUTDIR/strings-LLLL.bin (LLLL the
 * language ID in hex) and OUTDIR/strings_packed.rc, which res/common.rc
 * includes: one RCDATA "WUTRAY_STRINGS" per language. Each table is unpacked
 * again and compared before it is written. Built and run on the build
 * machine, not shipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strtab.h"

#define MAX_LANGS 32
#define MAX_STRINGS 4096

struct lang {
    unsigned id;
    size_t n;
    struct strtab_entry e[MAX_STRINGS];
};

static struct lang langs[MAX_LANGS];
static size_t nlangs;

static void die(const char *what)
{
    fprintf(stderr, "strpack: %s\n", what);
    exit(1);
}

static unsigned get16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static unsigned long get32(const unsigned char *p)
{
    return (unsigned long)get16(p) | (unsigned long)get16(p + 2) << 16;
}

/* A type or name field of a .res header: 0xFFFF and a number, or a string.
 * Returns the number (or 0 for a string) and moves past the field. */
static unsigned res_field(const unsigned char **p, const unsigned char *end)
{
    unsigned v;
    if (end - *p < 4) die("truncated .res header");
    if (get16(*p) == 0xFFFF) {
        v = get16(*p + 2);
        *p += 4;
        return v;
    }
    while (end - *p >= 2 && get16(*p)) *p += 2;
    *p += 2;
    return 0;
}

static struct lang *lang_for(unsigned id)
{
    for (size_t i = 0; i < nlangs; i++)
        if (langs[i].id == id) return &langs[i];
    if (nlangs == MAX_LANGS) die("too many languages");
    langs[nlangs].id = id;
    return &langs[nlangs++];
}

/* UTF-16LE (n units) -> a new UTF-8 string; *len its bytes. */
static char *to_utf8(const unsigned char *s, size_t n, size_t *len)
{
    char *out = malloc(n * 3 + 1), *o = out;
    if (!out) die("out of memory");
    for (size_t i = 0; i < n; i++) {
        unsigned long c = get16(s + 2 * i);
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && get16(s + 2 * i + 2) >= 0xDC00 && get16(s + 2 * i + 2) < 0xE000)
            c = 0x10000 + ((c - 0xD800) << 10) + (get16(s + 2 * ++i) - 0xDC00);
        else if (c >= 0xD800 && c < 0xE000) die("a lone surrogate in a string");
        if (c < 0x80) *o++ = (char)c;
        else if (c < 0x800) *o++ = (char)(0xC0 | c >> 6), *o++ = (char)(0x80 | (c & 0x3F));
        else if (c < 0x10000)
            *o++ = (char)(0xE0 | c >> 12), *o++ = (char)(0x80 | (c >> 6 & 0x3F)), *o++ = (char)(0x80 | (c & 0x3F));
        else
            *o++ = (char)(0xF0 | c >> 18), *o++ = (char)(0x80 | (c >> 12 & 0x3F)),
            *o++ = (char)(0x80 | (c >> 6 & 0x3F)), *o++ = (char)(0x80 | (c & 0x3F));
    }
    *len = (size_t)(o - out);
    return out;
}

/* One RT_STRING block: 16 counted strings, block b holding IDs (b-1)*16.. */
static void read_block(struct lang *l, unsigned block, const unsigned char *p, const unsigned char *end)
{
    for (unsigned i = 0; i < 16 && p < end; i++) {
        size_t units;
        if (end - p < 2) die("truncated string block");
        units = get16(p);
        p += 2;
        if ((size_t)(end - p) < units * 2) die("truncated string");
        if (units) {
            struct strtab_entry *e;
            if (l->n == MAX_STRINGS) die("too many strings");
            e = &l->e[l->n++];
            e->id = (block - 1) * 16 + i;
            e->text = to_utf8(p, units, &e->len);
        }
        p += units * 2;
    }
}

static int by_id(const void *a, const void *b)
{
    unsigned x = ((const struct strtab_entry *)a)->id, y = ((const struct strtab_entry *)b)->id;
    return (x > y) - (x < y);
}

static unsigned char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf;
    long size;
    if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) die("cannot read the .res");
    buf = malloc((size_t)size + 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) die("cannot read the .res");
    fclose(f);
    *n = (size_t)size;
    return buf;
}

static void write_lang(const struct lang *l, const char *dir, FILE *rc, struct lz_work *work)
{
    size_t cap = 16, n, packed_n;
    unsigned char *tab, *packed, *back;
    char path[4096];
    FILE *f;

    for (size_t i = 0; i < l->n; i++) cap += 4 + l->e[i].len;
    tab = malloc(cap);
    packed = malloc(LZ_BOUND(cap) + 4);
    back = malloc(cap);
    if (!tab || !packed || !back) die("out of memory");
    if (!(n = strtab_write(l->e, l->n, tab, cap))) die("a string too long, or an ID twice");
    if (!(packed_n = strtab_pack(tab, n, packed, LZ_BOUND(cap) + 4, work))) die("packing failed");
    if (!strtab_unpack(packed, packed_n, back, cap) || memcmp(back, tab, n)) die("a table did not unpack to itself");
    snprintf(path, sizeof(path), "%s/strings-%04x.bin", dir, l->id);
    if (!(f = fopen(path, "wb")) || fwrite(packed, 1, packed_n, f) != packed_n || fclose(f)) die("cannot write a table");
    fprintf(rc, "LANGUAGE 0x%02x, 0x%02x\nWUTRAY_STRINGS RCDATA \"%s\"\n\n", l->id & 0x3FF, l->id >> 10, path);
    printf("strpack: language %04x: %zu strings, %zu bytes, packed %zu\n", l->id, l->n, n, packed_n);
    free(tab);
    free(packed);
    free(back);
}

int main(int argc, char **argv)
{
    static struct lz_work work;
    const unsigned char *p, *end;
    unsigned char *res;
    char path[4096];
    size_t n;
    FILE *rc;

    if (argc != 3) die("usage: strpack STRINGS.res OUTDIR");
    res = read_file(argv[1], &n);
    for (p = res, end = res + n; end - p >= 8;) {
        unsigned long data = get32(p), head = get32(p + 4);
        const unsigned char *h = p + 8, *d = p + head;
        unsigned type, name;

        if (head < 8 || (size_t)(end - p) < head || (size_t)(end - d) < data) die("malformed .res");
        type = res_field(&h, p + head);
        name = res_field(&h, p + head);
        h += (size_t)(h - p) % 4 ? 4 - (size_t)(h - p) % 4 : 0; /* aligned to 4 */
        if (type == 6 /* RT_STRING */ && name) {
            if (p + head - h < 8) die("malformed .res header");
            read_block(lang_for(get16(h + 6)), name, d, d + data);
        }
        p = d + data;
        p += (size_t)(p - res) % 4 ? 4 - (size_t)(p - res) % 4 : 0;
    }
    if (!nlangs) die("no string tables in the .res");
    snprintf(path, sizeof(path), "%s/strings_packed.rc", argv[2]);
    if (!(rc = fopen(path, "w"))) die("cannot write strings_packed.rc");
    fprintf(rc, "// Written by scripts/strpack.c from res/strings.rc: each language's strings,\n"
                "// packed (src/core/strtab.h). Do not edit.\n\n");
    for (size_t i = 0; i < nlangs; i++) {
        qsort(langs[i].e, langs[i].n, sizeof(langs[i].e[0]), by_id);
        write_lang(&langs[i], argv[2], rc, &work);
    }
    if (fclose(rc)) die("cannot write strings_packed.rc");
    return 0;
}
