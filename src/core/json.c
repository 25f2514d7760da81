#include "json.h"

#include <stdio.h>
#include <string.h>

void json_init(struct json *j, char *buf, size_t cap)
{
    memset(j, 0, sizeof(*j));
    j->buf = buf;
    j->cap = cap;
    if (cap) buf[0] = '\0';
    else j->overflow = true;
}

static void put(struct json *j, const char *s, size_t n)
{
    if (j->overflow) return;
    if (j->len + n + 1 > j->cap) {
        j->overflow = true;
        return;
    }
    memcpy(j->buf + j->len, s, n);
    j->len += n;
    j->buf[j->len] = '\0';
}

static void puts_(struct json *j, const char *s) { put(j, s, strlen(s)); }

/* Before any value: a comma if this container already holds one. A value
 * after a key never takes a comma (json_key wrote it). */
static void value_prefix(struct json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->need_comma[j->depth]) puts_(j, ",");
    j->need_comma[j->depth] = true;
}

static void open_(struct json *j, const char *c)
{
    value_prefix(j);
    puts_(j, c);
    if (j->depth + 1 >= JSON_MAX_DEPTH) {
        j->overflow = true;
        return;
    }
    j->depth++;
    j->need_comma[j->depth] = false;
}

static void close_(struct json *j, const char *c)
{
    if (j->depth > 0) j->depth--;
    puts_(j, c);
}

void json_object_begin(struct json *j) { open_(j, "{"); }
void json_object_end(struct json *j) { close_(j, "}"); }
void json_array_begin(struct json *j) { open_(j, "["); }
void json_array_end(struct json *j) { close_(j, "]"); }

static void put_escaped_cp(struct json *j, unsigned long cp)
{
    char tmp[8];
    if (cp == '"') puts_(j, "\\\"");
    else if (cp == '\\') puts_(j, "\\\\");
    else if (cp == '\n') puts_(j, "\\n");
    else if (cp == '\r') puts_(j, "\\r");
    else if (cp == '\t') puts_(j, "\\t");
    else if (cp < 0x20) {
        snprintf(tmp, sizeof(tmp), "\\u%04lx", cp);
        puts_(j, tmp);
    } else if (cp < 0x80) {
        tmp[0] = (char)cp;
        put(j, tmp, 1);
    } else if (cp < 0x800) {
        tmp[0] = (char)(0xC0 | (cp >> 6));
        tmp[1] = (char)(0x80 | (cp & 0x3F));
        put(j, tmp, 2);
    } else if (cp < 0x10000) {
        tmp[0] = (char)(0xE0 | (cp >> 12));
        tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[2] = (char)(0x80 | (cp & 0x3F));
        put(j, tmp, 3);
    } else {
        tmp[0] = (char)(0xF0 | (cp >> 18));
        tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[3] = (char)(0x80 | (cp & 0x3F));
        put(j, tmp, 4);
    }
}

/* The character at p: its code point and length, or U+FFFD and the length
 * of its longest valid beginning (at least 1) when it is not valid UTF-8
 * (overlong, a surrogate, past U+10FFFF, cut short). Stops at a NUL. */
static size_t utf8_next(const unsigned char *p, unsigned long *cp)
{
    unsigned char lo = 0x80, hi = 0xBF; /* the second byte's range */
    unsigned long v;
    size_t n;

    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if (p[0] >= 0xC2 && p[0] <= 0xDF) n = 2, v = p[0] & 0x1Fu;
    else if (p[0] >= 0xE0 && p[0] <= 0xEF) n = 3, v = p[0] & 0x0Fu;
    else if (p[0] >= 0xF0 && p[0] <= 0xF4) n = 4, v = p[0] & 0x07u;
    else n = 0, v = 0;
    if (p[0] == 0xE0) lo = 0xA0; /* overlong */
    if (p[0] == 0xED) hi = 0x9F; /* surrogates */
    if (p[0] == 0xF0) lo = 0x90; /* overlong */
    if (p[0] == 0xF4) hi = 0x8F; /* past U+10FFFF */
    *cp = 0xFFFD;
    if (!n) return 1;
    for (size_t i = 1; i < n; i++) {
        if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF)) return i;
        v = v << 6 | (p[i] & 0x3Fu);
    }
    *cp = v;
    return n;
}

/* Text from Windows or from a file may be anything: what is not valid
 * UTF-8 becomes U+FFFD, so the output always is. */
static void put_quoted(struct json *j, const char *utf8)
{
    const unsigned char *p = (const unsigned char *)utf8;
    unsigned long cp;

    puts_(j, "\"");
    while (*p) {
        p += utf8_next(p, &cp);
        put_escaped_cp(j, cp);
    }
    puts_(j, "\"");
}

void json_key(struct json *j, const char *key)
{
    value_prefix(j);
    put_quoted(j, key);
    puts_(j, ":");
    j->after_key = true;
}

void json_string(struct json *j, const char *utf8)
{
    value_prefix(j);
    put_quoted(j, utf8);
}

void json_wstring(struct json *j, const wchar_t *ws)
{
    value_prefix(j);
    puts_(j, "\"");
    for (; *ws; ws++) {
        unsigned long cp = (unsigned long)*ws;
        if (cp >= 0xD800 && cp <= 0xDBFF && ws[1] >= 0xDC00 && ws[1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + ((unsigned long)ws[1] - 0xDC00);
            ws++;
        } else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            cp = 0xFFFD; /* lone surrogate or out of range: never emit invalid UTF-8 */
        }
        put_escaped_cp(j, cp);
    }
    puts_(j, "\"");
}

void json_int(struct json *j, long long v)
{
    char tmp[32];
    value_prefix(j);
    snprintf(tmp, sizeof(tmp), "%lld", v);
    puts_(j, tmp);
}

void json_null(struct json *j)
{
    value_prefix(j);
    puts_(j, "null");
}

void json_bool(struct json *j, bool v)
{
    value_prefix(j);
    puts_(j, v ? "true" : "false");
}

bool json_ok(const struct json *j)
{
    return !j->overflow && j->depth == 0;
}
