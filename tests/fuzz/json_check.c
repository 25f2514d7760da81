#include "json_check.h"

#include <string.h>

#define MAX_NESTING 64

struct scan {
    const unsigned char *s;
    size_t i, n;
    char *out; /* decoded string bytes, or NULL */
    size_t cap, len;
    bool short_out;
};

/* One character at s (n bytes left): its length, or 0 if it is not valid. */
static size_t utf8_char(const unsigned char *s, size_t n, unsigned long *cp)
{
    static const unsigned long least[] = {0, 0, 0x80, 0x800, 0x10000};
    size_t len, k;
    unsigned long v;

    if (!n) return 0;
    if (s[0] < 0x80) len = 1;
    else if ((s[0] & 0xE0) == 0xC0) len = 2;
    else if ((s[0] & 0xF0) == 0xE0) len = 3;
    else if ((s[0] & 0xF8) == 0xF0) len = 4;
    else return 0;
    if (len > n) return 0;
    v = len == 1 ? s[0] : s[0] & (0x7Fu >> len);
    for (k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) return 0;
        v = v << 6 | (s[k] & 0x3Fu);
    }
    if (v < least[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

bool utf8_valid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned long cp;
    size_t i = 0;

    while (i < n) {
        size_t k = utf8_char(u + i, n - i, &cp);
        if (!k) return false;
        i += k;
    }
    return true;
}

static void emit(struct scan *sc, const unsigned char *b, size_t k)
{
    if (!sc->out) return;
    if (sc->len + k + 1 > sc->cap) {
        sc->short_out = true;
        return;
    }
    memcpy(sc->out + sc->len, b, k);
    sc->len += k;
    sc->out[sc->len] = 0;
}

size_t utf8_encode(unsigned long cp, char out[4])
{
    size_t k;

    if (cp < 0x80) out[0] = (char)cp, k = 1;
    else if (cp < 0x800) out[0] = (char)(0xC0 | cp >> 6), k = 2;
    else if (cp < 0x10000) out[0] = (char)(0xE0 | cp >> 12), k = 3;
    else out[0] = (char)(0xF0 | cp >> 18), k = 4;
    for (size_t m = 1; m < k; m++) out[m] = (char)(0x80 | ((cp >> (6 * (k - 1 - m))) & 0x3F));
    return k;
}

static void emit_cp(struct scan *sc, unsigned long cp)
{
    char b[4];
    size_t k = utf8_encode(cp, b);
    emit(sc, (const unsigned char *)b, k);
}

static bool hex4(struct scan *sc, unsigned long *v)
{
    *v = 0;
    if (sc->n - sc->i < 4) return false;
    for (int k = 0; k < 4; k++) {
        unsigned char c = sc->s[sc->i++];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return false;
        *v = *v << 4 | (unsigned long)d;
    }
    return true;
}

/* After a backslash. */
static bool escape(struct scan *sc)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *at;
    unsigned long hi, lo;

    if (sc->i >= sc->n) return false;
    if (sc->s[sc->i] != 'u') {
        at = memchr(from, sc->s[sc->i], sizeof(from) - 1);
        if (!at) return false;
        sc->i++;
        emit(sc, (const unsigned char *)&to[at - from], 1);
        return true;
    }
    sc->i++;
    if (!hex4(sc, &hi)) return false;
    if (hi >= 0xDC00 && hi <= 0xDFFF) return false; /* a low surrogate first */
    if (hi >= 0xD800 && hi <= 0xDBFF) {
        if (sc->n - sc->i < 2 || sc->s[sc->i] != '\\' || sc->s[sc->i + 1] != 'u') return false;
        sc->i += 2;
        if (!hex4(sc, &lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
        hi = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
    }
    emit_cp(sc, hi);
    return true;
}

static bool string(struct scan *sc)
{
    unsigned long cp;

    if (sc->i >= sc->n || sc->s[sc->i] != '"') return false;
    sc->i++;
    while (sc->i < sc->n) {
        unsigned char c = sc->s[sc->i];
        size_t k;
        if (c == '"') {
            sc->i++;
            return true;
        }
        if (c < 0x20) return false;
        if (c == '\\') {
            sc->i++;
            if (!escape(sc)) return false;
            continue;
        }
        k = utf8_char(sc->s + sc->i, sc->n - sc->i, &cp);
        if (!k) return false;
        emit(sc, sc->s + sc->i, k);
        sc->i += k;
    }
    return false;
}

static bool digits(struct scan *sc)
{
    size_t start = sc->i;
    while (sc->i < sc->n && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9') sc->i++;
    return sc->i > start;
}

static bool number(struct scan *sc)
{
    if (sc->i < sc->n && sc->s[sc->i] == '-') sc->i++;
    if (sc->i < sc->n && sc->s[sc->i] == '0') sc->i++;
    else if (!digits(sc)) return false;
    if (sc->i < sc->n && sc->s[sc->i] == '.') {
        sc->i++;
        if (!digits(sc)) return false;
    }
    if (sc->i < sc->n && (sc->s[sc->i] == 'e' || sc->s[sc->i] == 'E')) {
        sc->i++;
        if (sc->i < sc->n && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-')) sc->i++;
        if (!digits(sc)) return false;
    }
    return true;
}

static void spaces(struct scan *sc)
{
    while (sc->i < sc->n && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' || sc->s[sc->i] == '\r' || sc->s[sc->i] == '\n'))
        sc->i++;
}

static bool word(struct scan *sc, const char *w)
{
    size_t k = strlen(w);
    if (sc->n - sc->i < k || memcmp(sc->s + sc->i, w, k) != 0) return false;
    sc->i += k;
    return true;
}

static bool value(struct scan *sc, int depth);

/* The members of an object or the elements of an array, after its opener. */
static bool members(struct scan *sc, int depth, unsigned char close, bool keyed)
{
    spaces(sc);
    if (sc->i < sc->n && sc->s[sc->i] == close) {
        sc->i++;
        return true;
    }
    for (;;) {
        if (keyed) {
            spaces(sc);
            if (!string(sc)) return false;
            spaces(sc);
            if (sc->i >= sc->n || sc->s[sc->i] != ':') return false;
            sc->i++;
        }
        if (!value(sc, depth + 1)) return false;
        spaces(sc);
        if (sc->i >= sc->n) return false;
        if (sc->s[sc->i] == close) {
            sc->i++;
            return true;
        }
        if (sc->s[sc->i] != ',') return false;
        sc->i++;
    }
}

static bool value(struct scan *sc, int depth)
{
    if (depth > MAX_NESTING) return false;
    spaces(sc);
    if (sc->i >= sc->n) return false;
    switch (sc->s[sc->i]) {
    case '{': sc->i++; return members(sc, depth, '}', true);
    case '[': sc->i++; return members(sc, depth, ']', false);
    case '"': return string(sc);
    case 't': return word(sc, "true");
    case 'f': return word(sc, "false");
    case 'n': return word(sc, "null");
    default: return number(sc);
    }
}

bool json_valid(const char *s, size_t n)
{
    struct scan sc = {(const unsigned char *)s, 0, n, NULL, 0, 0, false};

    if (!value(&sc, 0)) return false;
    spaces(&sc);
    return sc.i == n;
}

bool json_unquote(const char *s, size_t n, char *out, size_t cap, size_t *out_len)
{
    struct scan sc = {(const unsigned char *)s, 0, n, out, cap, 0, false};

    *out_len = 0;
    if (!cap) return false;
    out[0] = 0;
    if (!string(&sc) || sc.i != n || sc.short_out) return false;
    *out_len = sc.len;
    return true;
}
