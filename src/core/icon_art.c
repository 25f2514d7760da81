#include "icon_art.h"

#include <math.h>
#include <stddef.h>

#define SS 8      /* samples per pixel, each way */
#define MAX_OPS 16
#define MAX_PTS 8
#define PI 3.14159265358979323846

/* What a shape is filled with; the topmost shape at a sample decides it. */
enum paint { PAINT_CLEAR, PAINT_GLYPH, PAINT_HOLE, PAINT_BADGE, PAINT_SYMBOL, PAINT_COUNT };
enum shape { SH_DISC, SH_RECT, SH_POLY, SH_LINE, SH_ARC };

/* One shape, in pixels. rect: edges x0,y0-x1,y1, corner radius r. line: ends
 * x0,y0-x1,y1, width w (round caps). disc: centre x0,y0, radius r. arc:
 * centre x0,y0, radius r, width w, from angle a0 clockwise by sweep (y
 * down), round caps. poly: n points, and every point within r of it. */
struct op {
    enum shape shape;
    enum paint paint;
    double x0, y0, x1, y1, r, w, a0, sweep;
    int n;
    double px[MAX_PTS], py[MAX_PTS];
    double bx0, by0, bx1, by1; /* bounding box */
};

struct art {
    struct op ops[MAX_OPS];
    int n;
    double k;      /* pixels per unit: every icon is designed on a 16-unit grid */
    double cx, cy; /* the badge's centre, in pixels */
};

static const char *const names[ICON_COUNT] = {
    [ICON_OK] = "ok",           [ICON_WORKING] = "working", [ICON_RESTART] = "restart",
    [ICON_ATTENTION] = "attention", [ICON_FAILING] = "failing", [ICON_UNSUPPORTED] = "unsupported",
    [ICON_BROKEN] = "broken",   [ICON_UNKNOWN] = "unknown", [ICON_PAUSED] = "paused",
    [ICON_APP] = "app",
};

/* The badge colours, the same on a dark and a light taskbar; the amber ones
 * carry a dark symbol (white on amber is hard to read). */
static const uint32_t badge_rgb[ICON_COUNT] = {
    [ICON_OK] = 0x2E9E44,          [ICON_WORKING] = 0x0F6CBD, [ICON_RESTART] = 0xE6A100,
    [ICON_ATTENTION] = 0xE6A100,   [ICON_FAILING] = 0xD13438, [ICON_UNSUPPORTED] = 0xD13438,
    [ICON_BROKEN] = 0xD13438,      [ICON_UNKNOWN] = 0x7A7A7A, [ICON_PAUSED] = 0x5B7083,
    [ICON_APP] = 0x0F6CBD,
};
#define SYMBOL_LIGHT 0xFFFFFF
#define SYMBOL_DARK 0x1F1F1F
#define GLYPH_ON_DARK 0xFFFFFF
#define GLYPH_ON_LIGHT 0x1F1F1F
#define APP_TILE 0x0F6CBD

static struct op *add(struct art *a, enum shape shape, enum paint paint)
{
    struct op *o = &a->ops[a->n < MAX_OPS ? a->n++ : MAX_OPS - 1];
    *o = (struct op){.shape = shape, .paint = paint};
    return o;
}

static void rect(struct art *a, enum paint p, double x0, double y0, double x1, double y1, double r)
{
    struct op *o = add(a, SH_RECT, p);
    o->x0 = x0, o->y0 = y0, o->x1 = x1, o->y1 = y1, o->r = r;
}

/* A straight stroke's span across, in whole pixels (at least one) and on
 * pixel edges, centred as near to c as that allows: crisp at 16 px. */
static void snap_span(double c, double width, double *lo, double *hi)
{
    double w = floor(width + 0.5);
    if (w < 1) w = 1;
    c = fmod(w, 2.0) != 0 ? floor(c) + 0.5 : floor(c + 0.5);
    *lo = c - w / 2;
    *hi = c + w / 2;
}

/* A vertical bar: x centre cx and width w snapped, ends y0, y1 rounded. */
static void vbar(struct art *a, enum paint p, double cx, double w, double y0, double y1)
{
    double lo, hi;
    snap_span(cx, w, &lo, &hi);
    rect(a, p, lo, floor(y0 + 0.5), hi, floor(y1 + 0.5), 0);
}

static void hbar(struct art *a, enum paint p, double cy, double w, double x0, double x1)
{
    double lo, hi;
    snap_span(cy, w, &lo, &hi);
    rect(a, p, floor(x0 + 0.5), lo, floor(x1 + 0.5), hi, 0);
}

static void disc(struct art *a, enum paint p, double x, double y, double r)
{
    struct op *o = add(a, SH_DISC, p);
    o->x0 = x, o->y0 = y, o->r = r;
}

static void line(struct art *a, enum paint p, double x0, double y0, double x1, double y1, double w)
{
    struct op *o = add(a, SH_LINE, p);
    o->x0 = x0, o->y0 = y0, o->x1 = x1, o->y1 = y1, o->w = w;
}

/* Angles in degrees, clockwise from +x (y points down). */
static void arc(struct art *a, enum paint p, double x, double y, double r, double w, double from, double sweep)
{
    struct op *o = add(a, SH_ARC, p);
    o->x0 = x, o->y0 = y, o->r = r, o->w = w, o->a0 = from * PI / 180, o->sweep = sweep * PI / 180;
}

static struct op *poly(struct art *a, enum paint p, double grow)
{
    struct op *o = add(a, SH_POLY, p);
    o->r = grow;
    return o;
}

static void poly_pt(struct op *o, double x, double y)
{
    if (o->n >= MAX_PTS) return;
    o->px[o->n] = x, o->py[o->n] = y, o->n++;
}

/* ---- the drawing, in units of a 16-unit grid (U) around the badge centre (B) ---- */
#define U(v) ((v) * a->k)
#define BX(v) (a->cx + (v) * a->k)
#define BY(v) (a->cy + (v) * a->k)

/* The glyph: a rounded tile with a down arrow cut out of it, the arrow in
 * the upper left where no badge reaches. */
static void draw_glyph(struct art *a, int size)
{
    double m = floor(U(1) + 0.5), lo, hi;
    struct op *head;

    rect(a, PAINT_GLYPH, m, m, size - m, size - m, U(3.5));
    /* Clear of the badge's cut-out by more than a unit, so the two never merge. */
    snap_span(U(5), U(2), &lo, &hi);
    rect(a, PAINT_HOLE, lo, floor(U(2) + 0.5), hi, U(6), 0); /* into the head */
    head = poly(a, PAINT_HOLE, 0);
    poly_pt(head, (lo + hi) / 2 - U(3), floor(U(5) + 0.5));
    poly_pt(head, (lo + hi) / 2 + U(3), floor(U(5) + 0.5));
    poly_pt(head, (lo + hi) / 2, floor(U(5) + 0.5) + U(3));
}

/* The application's icon: the tile alone, the arrow centred and larger. */
static void draw_app(struct art *a, int size)
{
    double m = floor(U(1) + 0.5), lo, hi;
    struct op *head;

    rect(a, PAINT_GLYPH, m, m, size - m, size - m, U(3.5));
    snap_span(U(8), U(2.6), &lo, &hi);
    rect(a, PAINT_HOLE, lo, floor(U(3) + 0.5), hi, U(8.5), 0);
    head = poly(a, PAINT_HOLE, 0);
    poly_pt(head, U(3.4), U(7.5));
    poly_pt(head, U(12.6), U(7.5));
    poly_pt(head, U(8), U(12.6));
}

/* The badge's outline: a disc (most), a triangle (attention), an octagon
 * (broken), a rounded square (unsupported); first the same outline one unit
 * larger, cut out of the glyph. */
static void badge_outline(struct art *a, enum state_icon icon, enum paint p, double grow)
{
    if (icon == ICON_ATTENTION) {
        struct op *t = poly(a, p, U(0.6 + grow));
        poly_pt(t, BX(-0.3), BY(-4.0));
        poly_pt(t, BX(4.0), BY(3.9));
        poly_pt(t, BX(-4.6), BY(3.9));
    } else if (icon == ICON_BROKEN) {
        struct op *o = poly(a, p, U(grow));
        double r = 4.6 / cos(PI / 8);
        for (int i = 0; i < 8; i++) poly_pt(o, BX(r * cos(PI / 8 + i * PI / 4)), BY(r * sin(PI / 8 + i * PI / 4)));
    } else if (icon == ICON_UNSUPPORTED) {
        rect(a, p, BX(-4.3 - grow), BY(-4.3 - grow), BX(4.3 + grow), BY(4.3 + grow), U(1.3 + grow));
    } else {
        disc(a, p, a->cx, a->cy, U(4.5 + grow));
    }
}

static void draw_symbol(struct art *a, enum state_icon icon)
{
    const enum paint s = PAINT_SYMBOL;
    const double w = U(1.3);

    switch (icon) {
    case ICON_OK: /* a check mark */
        line(a, s, BX(-2.3), BY(0.1), BX(-0.8), BY(1.6), U(1.5));
        line(a, s, BX(-0.8), BY(1.6), BX(2.3), BY(-1.5), U(1.5));
        break;
    case ICON_WORKING: { /* an hourglass: busy */
        struct op *h = poly(a, s, U(0.25));
        poly_pt(h, BX(-2.1), BY(-2.6));
        poly_pt(h, BX(2.1), BY(-2.6));
        poly_pt(h, BX(-2.1), BY(2.6));
        poly_pt(h, BX(2.1), BY(2.6));
        break;
    }
    case ICON_RESTART: { /* a circular arrow */
        double r = 2.3, end = 240 * PI / 180, ex = r * cos(end), ey = r * sin(end);
        double dx = -sin(end), dy = cos(end); /* clockwise along the arc */
        struct op *h;
        arc(a, s, a->cx, a->cy, U(r), U(1.3), -30, 255);
        h = poly(a, s, 0);
        poly_pt(h, BX(ex + dx * 1.9), BY(ey + dy * 1.9));
        poly_pt(h, BX(ex + cos(end) * 1.6 - dx * 0.2), BY(ey + sin(end) * 1.6 - dy * 0.2));
        poly_pt(h, BX(ex - cos(end) * 1.6 - dx * 0.2), BY(ey - sin(end) * 1.6 - dy * 0.2));
        break;
    }
    case ICON_ATTENTION: /* "!" */
        vbar(a, s, a->cx, w, BY(-2.1), BY(1.0));
        vbar(a, s, a->cx, w, BY(1.8), BY(1.8) + fmax(floor(w + 0.5), 1)); /* a square dot */
        break;
    case ICON_FAILING: /* clock hands: nothing has come for too long */
        vbar(a, s, a->cx, w, BY(-2.8), BY(0.65));
        hbar(a, s, a->cy, w, BX(-0.65), BX(2.4));
        break;
    case ICON_UNSUPPORTED: /* a no-entry bar: no more updates */
        hbar(a, s, a->cy, U(1.7), BX(-2.8), BX(2.8));
        break;
    case ICON_BROKEN: /* a cross */
        line(a, s, BX(-1.9), BY(-1.9), BX(1.9), BY(1.9), U(1.5));
        line(a, s, BX(1.9), BY(-1.9), BX(-1.9), BY(1.9), U(1.5));
        break;
    case ICON_UNKNOWN: /* "?" */
        arc(a, s, a->cx, BY(-1.2), U(1.6), w, 180, 225);
        line(a, s, BX(1.6 * cos(PI / 4)), BY(-1.2 + 1.6 * sin(PI / 4)), a->cx, BY(1.1), w);
        disc(a, s, a->cx, BY(2.7), U(0.8));
        break;
    case ICON_PAUSED: /* two bars: paused, or someone else decides */
        vbar(a, s, BX(-1.3), w, BY(-2.4), BY(2.4));
        vbar(a, s, BX(1.3), w, BY(-2.4), BY(2.4));
        break;
    default: break;
    }
}

/* ---- inside-tests ---- */

static double seg_dist2(double x, double y, double x0, double y0, double x1, double y1)
{
    double dx = x1 - x0, dy = y1 - y0, l2 = dx * dx + dy * dy, t = 0;
    if (l2 > 0) t = ((x - x0) * dx + (y - y0) * dy) / l2;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    dx = x - (x0 + t * dx);
    dy = y - (y0 + t * dy);
    return dx * dx + dy * dy;
}

static bool in_poly(const struct op *o, double x, double y)
{
    bool in = false;
    for (int i = 0, j = o->n - 1; i < o->n; j = i++) {
        if ((o->py[i] > y) != (o->py[j] > y) &&
            x < (o->px[j] - o->px[i]) * (y - o->py[i]) / (o->py[j] - o->py[i]) + o->px[i])
            in = !in;
    }
    if (in || o->r <= 0) return in;
    for (int i = 0, j = o->n - 1; i < o->n; j = i++)
        if (seg_dist2(x, y, o->px[j], o->py[j], o->px[i], o->py[i]) <= o->r * o->r) return true;
    return false;
}

static bool in_arc(const struct op *o, double x, double y)
{
    double dx = x - o->x0, dy = y - o->y0, d = sqrt(dx * dx + dy * dy), hw = o->w / 2, t;
    double sx = o->x0 + o->r * cos(o->a0), sy = o->y0 + o->r * sin(o->a0);
    double ex = o->x0 + o->r * cos(o->a0 + o->sweep), ey = o->y0 + o->r * sin(o->a0 + o->sweep);

    if ((x - sx) * (x - sx) + (y - sy) * (y - sy) <= hw * hw) return true;
    if ((x - ex) * (x - ex) + (y - ey) * (y - ey) <= hw * hw) return true;
    if (fabs(d - o->r) > hw) return false;
    t = atan2(dy, dx) - o->a0;
    while (t < 0) t += 2 * PI;
    while (t >= 2 * PI) t -= 2 * PI;
    return t <= o->sweep;
}

static bool inside(const struct op *o, double x, double y)
{
    switch (o->shape) {
    case SH_DISC: return (x - o->x0) * (x - o->x0) + (y - o->y0) * (y - o->y0) <= o->r * o->r;
    case SH_RECT: {
        double dx, dy;
        if (x < o->x0 || x > o->x1 || y < o->y0 || y > o->y1) return false;
        dx = fmax(fmax(o->x0 + o->r - x, x - (o->x1 - o->r)), 0);
        dy = fmax(fmax(o->y0 + o->r - y, y - (o->y1 - o->r)), 0);
        return dx * dx + dy * dy <= o->r * o->r;
    }
    case SH_LINE: return seg_dist2(x, y, o->x0, o->y0, o->x1, o->y1) <= o->w * o->w / 4;
    case SH_ARC: return in_arc(o, x, y);
    case SH_POLY: return in_poly(o, x, y);
    }
    return false;
}

static void bound(struct op *o)
{
    double m = 0;
    switch (o->shape) {
    case SH_RECT: o->bx0 = o->x0, o->by0 = o->y0, o->bx1 = o->x1, o->by1 = o->y1; return;
    case SH_DISC: m = o->r; break;
    case SH_ARC: m = o->r + o->w / 2; break;
    case SH_LINE:
        m = o->w / 2;
        o->bx0 = fmin(o->x0, o->x1) - m, o->bx1 = fmax(o->x0, o->x1) + m;
        o->by0 = fmin(o->y0, o->y1) - m, o->by1 = fmax(o->y0, o->y1) + m;
        return;
    case SH_POLY:
        o->bx0 = o->bx1 = o->n ? o->px[0] : 0;
        o->by0 = o->by1 = o->n ? o->py[0] : 0;
        for (int i = 1; i < o->n; i++) {
            o->bx0 = fmin(o->bx0, o->px[i]), o->bx1 = fmax(o->bx1, o->px[i]);
            o->by0 = fmin(o->by0, o->py[i]), o->by1 = fmax(o->by1, o->py[i]);
        }
        o->bx0 -= o->r, o->by0 -= o->r, o->bx1 += o->r, o->by1 += o->r;
        return;
    }
    o->bx0 = o->x0 - m, o->bx1 = o->x0 + m, o->by0 = o->y0 - m, o->by1 = o->y0 + m;
}

/* ---- painting ---- */

struct colour {
    bool opaque;
    uint32_t rgb;
};

static void paints_for(enum state_icon icon, const struct icon_look *look, struct colour c[PAINT_COUNT])
{
    bool contrast = look->theme == ICON_THEME_CONTRAST;
    uint32_t fg = look->fg & 0xFFFFFF, bg = look->bg & 0xFFFFFF;

    c[PAINT_CLEAR] = (struct colour){false, 0};
    c[PAINT_BADGE] = (struct colour){true, contrast ? fg : badge_rgb[icon]};
    c[PAINT_SYMBOL] = (struct colour){true, contrast ? bg
                                            : (icon == ICON_ATTENTION || icon == ICON_RESTART) ? SYMBOL_DARK
                                                                                                : SYMBOL_LIGHT};
    if (icon == ICON_APP) { /* on any background (Explorer, the installer): a tile of its own colour */
        c[PAINT_GLYPH] = (struct colour){true, contrast ? fg : APP_TILE};
        c[PAINT_HOLE] = (struct colour){true, contrast ? bg : SYMBOL_LIGHT};
        return;
    }
    /* In the tray the arrow is cut out: the taskbar shows through it. */
    c[PAINT_GLYPH] = (struct colour){true, contrast ? fg : look->theme == ICON_THEME_LIGHT ? GLYPH_ON_LIGHT
                                                                                            : GLYPH_ON_DARK};
    c[PAINT_HOLE] = c[PAINT_CLEAR];
}

static void build(struct art *a, enum state_icon icon, int size)
{
    a->n = 0;
    a->k = size / 16.0;
    a->cx = a->cy = size - U(4.5);
    if (icon == ICON_APP) {
        draw_app(a, size);
    } else {
        draw_glyph(a, size);
        badge_outline(a, icon, PAINT_CLEAR, 1.0);
        badge_outline(a, icon, PAINT_BADGE, 0);
        draw_symbol(a, icon);
    }
    for (int i = 0; i < a->n; i++) bound(&a->ops[i]);
}

static uint32_t shade(const struct art *a, const struct colour c[PAINT_COUNT], int px, int py)
{
    const struct op *live[MAX_OPS];
    int n = 0;
    uint32_t sa = 0, sr = 0, sg = 0, sb = 0, total = SS * SS;

    for (int i = a->n - 1; i >= 0; i--) { /* topmost first */
        const struct op *o = &a->ops[i];
        if (o->bx1 >= px && o->bx0 <= px + 1 && o->by1 >= py && o->by0 <= py + 1) live[n++] = o;
    }
    if (!n) return 0;
    for (int j = 0; j < SS; j++) {
        for (int i = 0; i < SS; i++) {
            double x = px + (i + 0.5) / SS, y = py + (j + 0.5) / SS;
            for (int t = 0; t < n; t++) {
                if (!inside(live[t], x, y)) continue;
                if (c[live[t]->paint].opaque) {
                    uint32_t rgb = c[live[t]->paint].rgb;
                    sa += 255, sr += rgb >> 16 & 0xFF, sg += rgb >> 8 & 0xFF, sb += rgb & 0xFF;
                }
                break;
            }
        }
    }
    /* The mean of the samples, rounded; premultiplied since a clear sample adds nothing. */
    sa = (sa + total / 2) / total, sr = (sr + total / 2) / total;
    sg = (sg + total / 2) / total, sb = (sb + total / 2) / total;
    return sa << 24 | sr << 16 | sg << 8 | sb;
}

bool icon_art_render(enum state_icon icon, const struct icon_look *look, int size, uint32_t *out)
{
    struct art a;
    struct colour c[PAINT_COUNT];

    if (!out || !look || (unsigned)icon >= ICON_COUNT || size < ICON_ART_MIN || size > ICON_ART_MAX) return false;
    if ((unsigned)look->theme > ICON_THEME_CONTRAST) return false;
    build(&a, icon, size);
    paints_for(icon, look, c);
    for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++) out[(size_t)y * size + x] = shade(&a, c, x, y);
    return true;
}

int icon_art_badge_origin(int size)
{
    int o = (int)floor(size - 11.0 * size / 16.0);
    return o < 0 ? 0 : o;
}

const char *icon_art_name(enum state_icon icon)
{
    return (unsigned)icon < ICON_COUNT ? names[icon] : "unknown";
}
