/* A strict checker for what the JSON writer produces, written apart from it
 * so that the two do not share a mistake: RFC 8259 JSON (one value, nothing
 * after it) in RFC 3629 UTF-8 (no overlong forms, no surrogates, nothing past
 * U+10FFFF), and escapes whose \u surrogates come in pairs. */
#ifndef WUTRAY_FUZZ_JSON_CHECK_H
#define WUTRAY_FUZZ_JSON_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* s[0..n) is valid UTF-8. */
bool utf8_valid(const char *s, size_t n);

/* The UTF-8 bytes of code point cp (not a surrogate, at most U+10FFFF);
 * returns their count. */
size_t utf8_encode(unsigned long cp, char out[4]);

/* s[0..n) is exactly one JSON value. */
bool json_valid(const char *s, size_t n);

/* s[0..n) is one JSON string; its decoded bytes go to out (cap bytes, NUL
 * added) and *out_len. false if it is not a valid string or out is short. */
bool json_unquote(const char *s, size_t n, char *out, size_t cap, size_t *out_len);

#endif
