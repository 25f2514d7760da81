/* The drawn icons (icon_art.c): what a person could tell apart, at every
 * tray size from 16 to 64 px (100-400 % scaling), on each taskbar. Every
 * buffer is on the heap and exactly as large as the icon, so ASan sees a
 * pixel drawn outside it. */
#include "icon_art.h"
#include "test.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#define N_STATE_ICONS ICON_APP /* the badges; ICON_APP is the glyph alone */

static const struct icon_look dark = {ICON_THEME_DARK, 0, 0};
static const struct icon_look light = {ICON_THEME_LIGHT, 0, 0};
/* High contrast, in colours that no other look uses. */
#define HC_FG 0xFFD800u
#define HC_BG 0x10306Au
static const struct icon_look contrast = {ICON_THEME_CONTRAST, HC_FG, HC_BG};

static unsigned ch(uint32_t p, int shift) { return p >> shift & 0xFF; }

static uint32_t *draw(enum state_icon icon, const struct icon_look *look, int size)
{
    uint32_t *px = malloc(sizeof(uint32_t) * size * size);
    if (!icon_art_render(icon, look, size, px)) {
        TEST_FAIL_AT("render %s at %d px failed", icon_art_name(icon), size);
        for (int i = 0; i < size * size; i++) px[i] = 0;
    }
    return px;
}

/* Shape alone: the high-contrast icon's brightness (its fg white, bg black)
 * is 1 where glyph or badge is, 0 where the symbol or nothing is. The
 * difference of two icons, in whole pixels. */
static double shape_diff(const uint32_t *a, const uint32_t *b, int size)
{
    double d = 0;
    for (int i = 0; i < size * size; i++) d += fabs((double)ch(a[i], 16) - (double)ch(b[i], 16)) / 255.0;
    return d;
}

static void states_differ_by_shape(void)
{
    const struct icon_look mono = {ICON_THEME_CONTRAST, 0xFFFFFF, 0x000000};
    double worst = 1e9;
    int worst_size = 0, worst_a = 0, worst_b = 0, fails = 0;

    for (int size = 16; size <= 64; size++) {
        uint32_t *px[N_STATE_ICONS];
        /* A clear margin: an eighth of the badge's area (9 px at 16 px). */
        double margin = 9.0 * size * size / 256.0;
        for (int i = 0; i < N_STATE_ICONS; i++) px[i] = draw((enum state_icon)i, &mono, size);
        for (int i = 0; i < N_STATE_ICONS; i++)
            for (int j = i + 1; j < N_STATE_ICONS; j++) {
                double d = shape_diff(px[i], px[j], size) / margin;
                if (d < worst) worst = d, worst_size = size, worst_a = i, worst_b = j;
                if (d < 1 && fails++ < 10)
                    TEST_FAIL_AT("%d px: %s and %s differ by %.1f px of shape, want >= %.1f", size,
                                 icon_art_name((enum state_icon)i), icon_art_name((enum state_icon)j),
                                 d * margin, margin);
            }
        for (int i = 0; i < N_STATE_ICONS; i++) free(px[i]);
    }
    CHECK(fails == 0);
    printf("closest pair: %s and %s at %d px, %.2f times the margin\n", icon_art_name((enum state_icon)worst_a),
           icon_art_name((enum state_icon)worst_b), worst_size, worst);
}

/* Outside the badge's corner every state draws the same glyph. */
static void glyph_same_in_every_state(void)
{
    const struct icon_look *looks[] = {&dark, &light, &contrast};
    int bad = 0, compared = 0;

    for (int l = 0; l < 3; l++)
        for (int size = 16; size <= 64; size++) {
            int o = icon_art_badge_origin(size);
            uint32_t *first = draw(ICON_OK, looks[l], size);
            for (int i = 1; i < N_STATE_ICONS; i++) {
                uint32_t *px = draw((enum state_icon)i, looks[l], size);
                for (int y = 0; y < size; y++)
                    for (int x = 0; x < size; x++) {
                        if (x >= o && y >= o) continue;
                        compared++;
                        if (px[y * size + x] != first[y * size + x] && bad++ < 5)
                            TEST_FAIL_AT("look %d, %d px, %s: glyph pixel (%d,%d) is %08x, ok's %08x", l, size,
                                         icon_art_name((enum state_icon)i), x, y, px[y * size + x],
                                         first[y * size + x]);
                    }
                free(px);
            }
            free(first);
        }
    CHECK(compared > 0);
    CHECK_EQ_INT(0, bad);
}

/* The glyph follows the taskbar; the badges keep their colours. */
static void light_and_dark(void)
{
    int glyph_px = 0, glyph_same = 0, badge_px = 0, badge_changed = 0;

    for (int size = 16; size <= 64; size++) {
        int o = icon_art_badge_origin(size);
        for (int i = 0; i < N_STATE_ICONS; i++) {
            uint32_t *d = draw((enum state_icon)i, &dark, size), *l = draw((enum state_icon)i, &light, size);
            /* The glyph's colour on each: a pixel of the tile left of the arrow. */
            int at = (int)(10.0 * size / 16) * size + (int)(2.5 * size / 16);
            uint32_t glyph_d = d[at], glyph_l = l[at];
            if (glyph_d >> 24 != 0xFF || glyph_l >> 24 != 0xFF || glyph_d == glyph_l) glyph_same++;
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++) {
                    uint32_t pd = d[y * size + x], pl = l[y * size + x];
                    if (pd >> 24 != 0xFF || pl >> 24 != 0xFF) continue; /* edges and cut-outs */
                    if (x < o || y < o) {
                        glyph_px++;
                        if (pd == pl) glyph_same++;
                    } else if (!(pd == glyph_d && pl == glyph_l)) { /* not the tile: the badge or its symbol */
                        badge_px++;
                        if (pd != pl) badge_changed++;
                    }
                }
            free(d);
            free(l);
        }
    }
    CHECK(glyph_px > 0);
    CHECK_EQ_INT(0, glyph_same);
    CHECK(badge_px > 1000);
    CHECK_EQ_INT(0, badge_changed);
}

/* Premultiplied p = f * fg + b * bg with f, b >= 0 and f + b = alpha: only
 * the two colours, blended with each other and with nothing (anti-aliasing). */
static int only_two_colours(uint32_t p)
{
    double fg[3] = {ch(HC_FG, 16), ch(HC_FG, 8), ch(HC_FG, 0)}, bg[3] = {ch(HC_BG, 16), ch(HC_BG, 8), ch(HC_BG, 0)};
    double v[3] = {ch(p, 16), ch(p, 8), ch(p, 0)}, a = ch(p, 24) / 255.0;
    double best = 1e9;

    for (int k = 0; k <= 64; k++) { /* f runs over 0..alpha; b is the rest */
        double f = a * k / 64, b = a - f, err = 0;
        for (int c = 0; c < 3; c++) err = fmax(err, fabs(f * fg[c] + b * bg[c] - v[c]));
        best = fmin(best, err);
    }
    return best <= 3.0; /* the rounding of a mean of 64 samples, and the 1/64 steps */
}

static void high_contrast(void)
{
    int bad = 0, fg_seen = 0, bg_seen = 0;

    for (int size = 16; size <= 64; size += 3)
        for (int i = 0; i < ICON_COUNT; i++) {
            uint32_t *px = draw((enum state_icon)i, &contrast, size);
            for (int j = 0; j < size * size; j++) {
                if (!only_two_colours(px[j]) && bad++ < 5)
                    TEST_FAIL_AT("%s at %d px: pixel %d is %08x", icon_art_name((enum state_icon)i), size, j, px[j]);
                fg_seen += px[j] == (0xFF000000u | HC_FG);
                bg_seen += px[j] == (0xFF000000u | HC_BG);
            }
            free(px);
        }
    CHECK_EQ_INT(0, bad);
    CHECK(fg_seen > 0); /* glyph and badges */
    CHECK(bg_seen > 0); /* the symbols */
}

/* Straight strokes land on whole pixels: the arrow's stem, above its head,
 * has hard edges (no partly covered pixel) at the small sizes. */
static void crisp_at_small_sizes(void)
{
    for (int size = 16; size <= 24; size += 4) {
        double k = size / 16.0;
        uint32_t *px = draw(ICON_OK, &dark, size);
        int rows = 0;
        for (int y = (int)ceil(2.5 * k); y < (int)floor(4.5 * k); y++, rows++) {
            int soft = 0, hard_edges = 0;
            for (int x = (int)ceil(2.5 * k); x < (int)(size - 5 * k); x++) { /* short of the tile's corners */
                unsigned a = px[y * size + x] >> 24, left = px[y * size + x - 1] >> 24;
                soft += a != 0 && a != 0xFF;
                hard_edges += (a == 0) != (left == 0);
            }
            if (soft == 0 && hard_edges == 2) test_passed++; /* into the stem and out of it */
            else TEST_FAIL_AT("%d px, row %d: %d soft pixels, %d hard edges", size, y, soft, hard_edges);
        }
        CHECK(rows > 0);
        free(px);
    }
}

static void premultiplied_deterministic_odd_sizes(void)
{
    const int sizes[] = {1, 2, 3, 7, 15, 17, 33, 47, 63, 65, 127, 255, 256};
    int bad = 0;

    for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++)
        for (int i = 0; i < ICON_COUNT; i++) {
            int size = sizes[s];
            uint32_t *a, *b;
            if (size > 65 && i != ICON_APP && i != ICON_UNKNOWN) continue; /* large ones take time */
            a = draw((enum state_icon)i, &dark, size);
            b = draw((enum state_icon)i, &dark, size);
            for (int j = 0; j < size * size; j++) {
                unsigned al = ch(a[j], 24);
                if (ch(a[j], 16) > al || ch(a[j], 8) > al || ch(a[j], 0) > al) bad++;
                if (a[j] != b[j]) bad++;
            }
            free(a);
            free(b);
        }
    CHECK_EQ_INT(0, bad);
}

static void refuses_what_it_cannot_draw(void)
{
    uint32_t px[4] = {1, 2, 3, 4};
    struct icon_look odd = {(enum icon_theme)7, 0, 0};

    CHECK(!icon_art_render(ICON_OK, &dark, 0, px));
    CHECK(!icon_art_render(ICON_OK, &dark, ICON_ART_MAX + 1, px));
    CHECK(!icon_art_render(ICON_COUNT, &dark, 2, px));
    CHECK(!icon_art_render(ICON_OK, &odd, 2, px));
    CHECK(!icon_art_render(ICON_OK, NULL, 2, px));
    CHECK(px[0] == 1 && px[1] == 2 && px[2] == 3 && px[3] == 4);
    CHECK_EQ_STR("restart", icon_art_name(ICON_RESTART));
    CHECK_EQ_STR("unknown", icon_art_name(ICON_COUNT));
}

int main(void)
{
    states_differ_by_shape();
    glyph_same_in_every_state();
    light_and_dark();
    high_contrast();
    crisp_at_small_sizes();
    premultiplied_deterministic_odd_sizes();
    refuses_what_it_cannot_draw();
    return test_summary("test_icon_art");
}
