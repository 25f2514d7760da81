/* The JSON writer (json.c) fed arbitrary bytes as keys and strings, and
 * arbitrary wide strings, in documents of any shape its callers can make.
 * Whatever it writes and calls ok must be strict JSON in valid UTF-8
 * (json_check.c); a valid UTF-8 string comes back unchanged, an invalid one
 * comes back valid; nothing is written past the buffer.
 *
 * Input: 2 bytes of buffer size, then operations, one byte each (low 3 bits:
 * 0 object, 1 array, 2 close, 3 string, 4 wide string, 5 int, 6 null,
 * 7 bool), each followed by what it needs; a value inside an object takes a
 * key (a string) first. */
#include "fuzz.h"
#include "json.h"
#include "json_check.h"

#define MAX_TEXT 256

/* What json_wstring should write for ws, in UTF-8: pairs joined, lone
 * surrogates and values past U+10FFFF as U+FFFD. */
static size_t expected_wide(const wchar_t *ws, char *out)
{
    size_t n = 0;

    for (; *ws; ws++) {
        unsigned long cp = (unsigned long)(uint32_t)*ws;
        if (cp >= 0xD800 && cp <= 0xDBFF && (uint32_t)ws[1] >= 0xDC00 && (uint32_t)ws[1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)ws[1] - 0xDC00);
            ws++;
        } else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            cp = 0xFFFD;
        }
        n += utf8_encode(cp, out + n);
    }
    out[n] = 0;
    return n;
}

/* One string alone, in a buffer large enough for any escaping: it must
 * come back as itself (valid UTF-8) or as valid UTF-8 with U+FFFD. */
static void round_trip(const char *s, const wchar_t *ws)
{
    size_t n = s ? strlen(s) : wcslen(ws), cap = 6 * n + 3, got_len, want_len;
    char *buf = malloc(cap), *got = malloc(4 * n + 1), *want = malloc(4 * n + 1);
    struct json j;

    json_init(&j, buf, cap);
    if (s) json_string(&j, s);
    else json_wstring(&j, ws);
    FUZZ_CHECK(json_ok(&j));
    FUZZ_CHECK(j.len == strlen(buf));
    FUZZ_CHECK(json_unquote(buf, j.len, got, 4 * n + 1, &got_len));
    if (s && utf8_valid(s, n)) {
        FUZZ_CHECK(got_len == n && memcmp(got, s, n) == 0);
    } else if (s) {
        FUZZ_CHECK(strstr(got, "\xEF\xBF\xBD") != NULL);
    } else {
        want_len = expected_wide(ws, want);
        FUZZ_CHECK(got_len == want_len && memcmp(got, want, want_len) == 0);
    }
    free(buf);
    free(got);
    free(want);
}

static void put_string(struct json *j, struct fuzz_in *in, bool key)
{
    char *s = fin_strdup(in, MAX_TEXT);
    if (key) json_key(j, s);
    else json_string(j, s);
    round_trip(s, NULL);
    free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};
    size_t cap = 1 + (((size_t)fin_u8(&in) << 8 | fin_u8(&in)) % 4096);
    char *buf = fuzz_buffer(cap);
    bool in_object[JSON_MAX_DEPTH + 4];
    int depth = 0;
    bool done = false;
    struct json j;

    json_init(&j, buf, cap);
    while (in.n && !done) {
        uint8_t op = fin_u8(&in) & 7;
        if (op == 2) {
            if (!depth) continue;
            if (in_object[--depth]) json_object_end(&j);
            else json_array_end(&j);
            done = depth == 0;
            continue;
        }
        if (depth && in_object[depth - 1]) put_string(&j, &in, true);
        switch (op) {
        case 0:
        case 1:
            if (depth == (int)(sizeof(in_object) / sizeof(in_object[0]))) {
                json_null(&j);
                break;
            }
            in_object[depth++] = op == 0;
            if (op == 0) json_object_begin(&j);
            else json_array_begin(&j);
            break;
        case 3: put_string(&j, &in, false); break;
        case 4: {
            wchar_t *ws = fin_wcsdup(&in, MAX_TEXT);
            json_wstring(&j, ws);
            round_trip(NULL, ws);
            free(ws);
            break;
        }
        case 5: json_int(&j, (long long)fin_u64(&in)); break;
        case 6: json_null(&j); break;
        default: json_bool(&j, fin_u8(&in) & 1); break;
        }
        done = depth == 0;
    }
    while (depth) {
        if (in_object[--depth]) json_object_end(&j);
        else json_array_end(&j);
    }
    FUZZ_CHECK(memchr(buf, 0, cap) != NULL);
    if (json_ok(&j) && j.len) {
        FUZZ_CHECK(j.len == strlen(buf));
        FUZZ_CHECK(json_valid(buf, j.len));
    }
    free(buf);
    return 0;
}
