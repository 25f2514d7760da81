/* Writes wutray's icons from the drawing code (src/core/icon_art.c), for
 * scripts/make-icons.sh; a native program (zlib for the PNG data):
 *   icon_export ico FILE               the application icon: PNG entries of 16..256 px
 *   icon_export png FILE ICON THEME SIZE [SCALE]
 *                                      one icon on its taskbar's colour (THEME: dark,
 *                                      light, contrast), each pixel SCALE x SCALE
 *   icon_export sheet FILE             every icon on the three taskbars at 16 and 32 px, enlarged
 *   icon_export previews DIR           DIR/<icon>-<theme>-<size>.png of every state icon, at
 *                                      16 and 32 px on each taskbar, and DIR/sheet.png
 * Exits 0, or 1 with a message. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "icon_art.h"

/* What the previews stand on: Windows 11's dark and light taskbars, and
 * high contrast as "High Contrast Black" draws it (white on black). */
#define TASKBAR_DARK 0x202020
#define TASKBAR_LIGHT 0xEEEEEE
#define CONTRAST_FG 0xFFFFFF
#define CONTRAST_BG 0x000000

static const int app_sizes[] = {16, 20, 24, 32, 40, 48, 64, 256};

struct buf {
    unsigned char *p;
    size_t n, cap;
};

static void put(struct buf *b, const void *data, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p) exit(1);
    }
    memcpy(b->p + b->n, data, n);
    b->n += n;
}

static void put_be32(struct buf *b, uint32_t v)
{
    unsigned char c[4] = {v >> 24, v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF};
    put(b, c, 4);
}

static void put_le(struct buf *b, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++) {
        unsigned char c = v >> (8 * i) & 0xFF;
        put(b, &c, 1);
    }
}

static void chunk(struct buf *b, const char *type, const unsigned char *data, size_t n)
{
    uLong crc = crc32(0, (const Bytef *)type, 4);
    put_be32(b, (uint32_t)n);
    put(b, type, 4);
    if (n) put(b, data, n);
    if (n) crc = crc32(crc, data, (uInt)n);
    put_be32(b, (uint32_t)crc);
}

/* A PNG of w x h pixels, rows of `channels` bytes a pixel (3: RGB, 4: RGBA),
 * each row filtered with "Sub" (the best of the simple filters for flat art). */
static void png(struct buf *out, const unsigned char *pix, int w, int h, int channels)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    size_t row = (size_t)w * channels, raw_n = (row + 1) * h;
    unsigned char *raw = malloc(raw_n), ihdr[13];
    uLongf z_n = compressBound(raw_n);
    unsigned char *z = malloc(z_n);

    if (!raw || !z) exit(1);
    for (int y = 0; y < h; y++) {
        unsigned char *r = raw + (row + 1) * y;
        const unsigned char *s = pix + row * y;
        r[0] = 1;
        for (size_t i = 0; i < row; i++) r[1 + i] = (unsigned char)(s[i] - (i >= (size_t)channels ? s[i - channels] : 0));
    }
    if (compress2(z, &z_n, raw, raw_n, 9) != Z_OK) exit(1);
    ihdr[0] = w >> 24, ihdr[1] = w >> 16 & 0xFF, ihdr[2] = w >> 8 & 0xFF, ihdr[3] = w & 0xFF;
    ihdr[4] = h >> 24, ihdr[5] = h >> 16 & 0xFF, ihdr[6] = h >> 8 & 0xFF, ihdr[7] = h & 0xFF;
    ihdr[8] = 8, ihdr[9] = channels == 4 ? 6 : 2, ihdr[10] = ihdr[11] = ihdr[12] = 0;
    put(out, sig, sizeof(sig));
    chunk(out, "IHDR", ihdr, sizeof(ihdr));
    chunk(out, "IDAT", z, z_n);
    chunk(out, "IEND", NULL, 0);
    free(raw);
    free(z);
}

static int save(const char *file, const struct buf *b)
{
    FILE *f = fopen(file, "wb");
    if (!f || fwrite(b->p, 1, b->n, f) != b->n || fclose(f) != 0) {
        fprintf(stderr, "icon_export: cannot write %s\n", file);
        return 1;
    }
    return 0;
}

static uint32_t *render(enum state_icon icon, const struct icon_look *look, int size)
{
    uint32_t *px = malloc(sizeof(uint32_t) * size * size);
    if (!px || !icon_art_render(icon, look, size, px)) exit(1);
    return px;
}

/* The application icon: straight (not premultiplied) RGBA, as icons hold it. */
static int write_ico(const char *file)
{
    const int n = sizeof(app_sizes) / sizeof(app_sizes[0]);
    struct icon_look look = {ICON_THEME_DARK, 0, 0};
    struct buf dir = {0}, data = {0};
    int rc;

    put_le(&dir, 0, 2), put_le(&dir, 1, 2), put_le(&dir, n, 2);
    for (int i = 0; i < n; i++) {
        int s = app_sizes[i];
        uint32_t *px = render(ICON_APP, &look, s);
        unsigned char *rgba = malloc((size_t)s * s * 4);
        struct buf one = {0};
        for (int j = 0; j < s * s; j++) {
            uint32_t a = px[j] >> 24, c[3] = {px[j] >> 16 & 0xFF, px[j] >> 8 & 0xFF, px[j] & 0xFF};
            for (int k = 0; k < 3; k++) rgba[j * 4 + k] = a ? (unsigned char)((c[k] * 255 + a / 2) / a) : 0;
            rgba[j * 4 + 3] = (unsigned char)a;
        }
        png(&one, rgba, s, s, 4);
        put_le(&dir, s >= 256 ? 0 : s, 1), put_le(&dir, s >= 256 ? 0 : s, 1);
        put_le(&dir, 0, 1), put_le(&dir, 0, 1), put_le(&dir, 1, 2), put_le(&dir, 32, 2);
        put_le(&dir, (uint32_t)one.n, 4), put_le(&dir, (uint32_t)(6 + 16 * n + data.n), 4);
        put(&data, one.p, one.n);
        free(one.p), free(rgba), free(px);
    }
    put(&dir, data.p, data.n);
    rc = save(file, &dir);
    free(dir.p), free(data.p);
    return rc;
}

static uint32_t taskbar_of(const struct icon_look *look)
{
    return look->theme == ICON_THEME_CONTRAST ? look->bg : look->theme == ICON_THEME_LIGHT ? TASKBAR_LIGHT : TASKBAR_DARK;
}

/* The icon composited on its taskbar, into an RGB image at (x0, y0), each
 * pixel scale x scale. */
static void paste(unsigned char *rgb, int img_w, int x0, int y0, enum state_icon icon, const struct icon_look *look,
                  int size, int scale)
{
    uint32_t *px = render(icon, look, size), under = taskbar_of(look);
    for (int y = 0; y < size * scale; y++)
        for (int x = 0; x < size * scale; x++) {
            uint32_t p = px[(y / scale) * size + x / scale], a = p >> 24;
            unsigned char *d = rgb + ((size_t)(y0 + y) * img_w + x0 + x) * 3;
            for (int k = 0; k < 3; k++) {
                uint32_t c = p >> (16 - 8 * k) & 0xFF, u = under >> (16 - 8 * k) & 0xFF;
                d[k] = (unsigned char)(c + (u * (255 - a) + 127) / 255);
            }
        }
    free(px);
}

static int parse_theme(const char *s, struct icon_look *look)
{
    *look = (struct icon_look){ICON_THEME_DARK, 0, 0};
    if (!strcmp(s, "light")) look->theme = ICON_THEME_LIGHT;
    else if (!strcmp(s, "contrast")) *look = (struct icon_look){ICON_THEME_CONTRAST, CONTRAST_FG, CONTRAST_BG};
    else if (strcmp(s, "dark")) return 0;
    return 1;
}

static int parse_icon(const char *s, enum state_icon *icon)
{
    for (int i = 0; i < ICON_COUNT; i++)
        if (!strcmp(s, icon_art_name((enum state_icon)i))) {
            *icon = (enum state_icon)i;
            return 1;
        }
    return 0;
}

static int write_png(const char *file, const char *icon_s, const char *theme_s, const char *size_s, const char *scale_s)
{
    enum state_icon icon;
    struct icon_look look;
    int size = atoi(size_s), scale = scale_s ? atoi(scale_s) : 1, rc;
    unsigned char *rgb;
    struct buf b = {0};

    if (!parse_icon(icon_s, &icon) || !parse_theme(theme_s, &look) || size < ICON_ART_MIN || size > ICON_ART_MAX ||
        scale < 1 || scale > 16) {
        fprintf(stderr, "icon_export: bad icon, theme, size or scale\n");
        return 1;
    }
    rgb = malloc((size_t)size * scale * size * scale * 3);
    paste(rgb, size * scale, 0, 0, icon, &look, size, scale);
    png(&b, rgb, size * scale, size * scale, 3);
    rc = save(file, &b);
    free(b.p), free(rgb);
    return rc;
}

/* Rows: the icons; columns: dark 16, dark 32, light 16, light 32, contrast 16, contrast 32. */
static int write_sheet(const char *file)
{
    const int scale = 4, gap = 8, cell = 32 * scale + gap, cols = 6;
    const int w = cols * cell + gap, h = ICON_COUNT * cell + gap;
    static const char *const themes[] = {"dark", "light", "contrast"};
    unsigned char *rgb = malloc((size_t)w * h * 3);
    struct buf b = {0};
    int rc;

    memset(rgb, 0x80, (size_t)w * h * 3);
    for (int i = 0; i < ICON_COUNT; i++)
        for (int c = 0; c < cols; c++) {
            struct icon_look look;
            int size = c % 2 ? 32 : 16;
            parse_theme(themes[c / 2], &look);
            paste(rgb, w, gap + c * cell, gap + i * cell, (enum state_icon)i, &look, size, size == 16 ? scale * 2 : scale);
        }
    png(&b, rgb, w, h, 3);
    rc = save(file, &b);
    free(b.p), free(rgb);
    return rc;
}

static int write_previews(const char *dir)
{
    static const char *const themes[] = {"dark", "light", "contrast"};
    static const char *const sizes[] = {"16", "32"};
    char file[4096];

    for (int i = 0; i < ICON_APP; i++)
        for (int t = 0; t < 3; t++)
            for (int s = 0; s < 2; s++) {
                snprintf(file, sizeof(file), "%s/%s-%s-%s.png", dir, icon_art_name((enum state_icon)i), themes[t],
                         sizes[s]);
                if (write_png(file, icon_art_name((enum state_icon)i), themes[t], sizes[s], NULL)) return 1;
            }
    snprintf(file, sizeof(file), "%s/sheet.png", dir);
    return write_sheet(file);
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "ico")) return write_ico(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "sheet")) return write_sheet(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "previews")) return write_previews(argv[2]);
    if ((argc == 6 || argc == 7) && !strcmp(argv[1], "png"))
        return write_png(argv[2], argv[3], argv[4], argv[5], argc == 7 ? argv[6] : NULL);
    fprintf(stderr, "usage: icon_export ico FILE | png FILE ICON THEME SIZE [SCALE] | sheet FILE | previews DIR\n");
    return 1;
}
