/* The Settings dialog's parsers (settings_form.c): any typed text, for any
 * setting, is either refused with the value 0 or gives a value that the
 * settings table accepts, and a plain number agrees with strtoull; any path
 * either gives no Run command or exactly the path in quotes.
 *
 * Input: records of a setting (1 byte), a typed text and a path (wide
 * strings, see fin_wcsdup). */
#include "fuzz.h"
#include "settings_form.h"

#include <stdlib.h>

/* Digits only (after optional spaces), at most 18 of them: strtoull's answer. */
static bool plain_number(const wchar_t *t, uint64_t *v)
{
    char a[32];
    size_t n = 0;

    while (*t == L' ' || *t == L'\t') t++;
    for (; *t >= L'0' && *t <= L'9' && n < 18; t++) a[n++] = (char)*t;
    while (*t == L' ' || *t == L'\t') t++;
    if (!n || *t) return false;
    a[n] = 0;
    *v = strtoull(a, NULL, 10);
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};

    while (in.n) {
        enum setting_id id = (enum setting_id)(fin_u8(&in) % (SETTING_COUNT + 1));
        wchar_t *text = fin_wcsdup(&in, 40), *path = fin_wcsdup(&in, 300), out[64];
        uint32_t value = 0xDEADBEEF;
        uint64_t plain;
        enum form_parse p = form_parse_number(id, text, &value);

        if (p != FORM_VALUE_OK) {
            FUZZ_CHECK(value == 0);
            FUZZ_CHECK(form_refusal_msg(p) != 0);
        } else {
            struct settings s;
            FUZZ_CHECK(id < SETTING_COUNT);
            settings_defaults(&s);
            FUZZ_CHECK(settings_apply(&s, settings_table[id].name, value, SETTING_FROM_USER) == SETTING_APPLIED);
            FUZZ_CHECK(form_refusal_msg(p) == 0);
        }
        if (id < SETTING_COUNT && plain_number(text, &plain)) {
            bool in_range = plain >= settings_table[id].min && plain <= settings_table[id].max;
            FUZZ_CHECK(in_range ? p == FORM_VALUE_OK && value == plain : p == FORM_VALUE_OUT_OF_RANGE);
        }

        if (form_run_command(path, out, 64)) {
            size_t n = wcslen(out);
            FUZZ_CHECK(n == wcslen(path) + 2 && out[0] == L'"' && out[n - 1] == L'"');
            FUZZ_CHECK(wmemcmp(out + 1, path, n - 2) == 0 && !wcschr(path, L'"'));
        } else {
            FUZZ_CHECK(out[0] == 0);
        }
        free(text);
        free(path);
    }
    return 0;
}
