/* A small JSON writer into a caller's buffer (UTF-8). Commas are handled for
 * the caller; on overflow the writer stops and json_ok() turns false. */
#ifndef WUTRAY_JSON_H
#define WUTRAY_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define JSON_MAX_DEPTH 8

struct json {
    char *buf;
    size_t cap, len;
    bool overflow;
    bool after_key;
    int depth;
    bool need_comma[JSON_MAX_DEPTH];
};

void json_init(struct json *j, char *buf, size_t cap);
void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
/* Keys and strings are UTF-8; invalid sequences are written as U+FFFD. */
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *utf8);
void json_wstring(struct json *j, const wchar_t *ws); /* UTF-16 or UTF-32 in */
void json_int(struct json *j, long long v);
void json_null(struct json *j);
void json_bool(struct json *j, bool v);
bool json_ok(const struct json *j);

#endif
