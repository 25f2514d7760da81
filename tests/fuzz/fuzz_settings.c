/* Settings (settings.c): any sequence of raw values from the user and from
 * policy, under any names, leaves every setting within its range; policy
 * wins whatever the order; a refused value changes nothing; names match
 * case-insensitively in ASCII only.
 *
 * Input: records of a name (a wide string, or, when it starts with 0x01, a
 * table name with the next byte's bits flipping letters' case), a value
 * (4 bytes) and a source (1 byte: odd = policy). */
#include "fuzz.h"
#include "settings.h"

/* A table name in mixed case. */
static wchar_t *table_name(struct fuzz_in *in)
{
    const struct setting_desc *d = &settings_table[fin_u8(in) % SETTING_COUNT];
    uint8_t flips = fin_u8(in);
    wchar_t *w = wcsdup(d->name);

    for (size_t i = 0; w[i]; i++) {
        if (!(flips >> (i % 8) & 1)) continue;
        if (w[i] >= L'a' && w[i] <= L'z') w[i] = (wchar_t)(w[i] - L'a' + L'A');
        else if (w[i] >= L'A' && w[i] <= L'Z') w[i] = (wchar_t)(w[i] - L'A' + L'a');
    }
    return w;
}

static bool ascii_equal_fold(const wchar_t *a, const wchar_t *b)
{
    for (; *a && *b; a++, b++) {
        wchar_t x = *a >= L'A' && *a <= L'Z' ? *a + 32 : *a, y = *b >= L'A' && *b <= L'Z' ? *b + 32 : *b;
        if (x != y) return false;
    }
    return *a == *b;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};
    struct settings s, before;

    settings_defaults(&s);
    for (int i = 0; i < SETTING_COUNT; i++) {
        FUZZ_CHECK(settings_table[i].id == (enum setting_id)i);
        FUZZ_CHECK(settings_get(&s, (enum setting_id)i) == settings_table[i].def);
    }
    while (in.n) {
        bool from_table = in.p[0] == 1;
        wchar_t *name;
        uint32_t value;
        enum setting_source src;
        const struct setting_desc *d;
        enum setting_apply r;

        if (from_table) fin_u8(&in);
        name = from_table ? table_name(&in) : fin_wcsdup(&in, 40);
        value = fin_u32(&in);
        src = fin_u8(&in) & 1 ? SETTING_FROM_POLICY : SETTING_FROM_USER;
        d = settings_find(name);
        if (from_table) FUZZ_CHECK(d != NULL);
        if (d) FUZZ_CHECK(ascii_equal_fold(d->name, name));

        before = s;
        r = settings_apply(&s, name, value, src);
        if (!d) FUZZ_CHECK(r == SETTING_UNKNOWN_NAME);
        else if (value < d->min || value > d->max) FUZZ_CHECK(r == SETTING_OUT_OF_RANGE);
        else if (before.source[d->id] > src) FUZZ_CHECK(r == SETTING_SHADOWED);
        else FUZZ_CHECK(r == SETTING_APPLIED);
        if (r == SETTING_APPLIED) {
            FUZZ_CHECK(settings_get(&s, d->id) == value && settings_source(&s, d->id) == src);
            FUZZ_CHECK(settings_locked(&s, d->id) == (src == SETTING_FROM_POLICY));
        } else {
            for (int i = 0; i < SETTING_COUNT; i++)
                FUZZ_CHECK(settings_get(&s, (enum setting_id)i) == settings_get(&before, (enum setting_id)i) &&
                           s.source[i] == before.source[i]);
        }
        for (int i = 0; i < SETTING_COUNT; i++) {
            uint32_t v = settings_get(&s, (enum setting_id)i);
            FUZZ_CHECK(v >= settings_table[i].min && v <= settings_table[i].max);
        }
        FUZZ_CHECK(settings_source(&s, (enum setting_id)(SETTING_COUNT + (value & 7))) == SETTING_FROM_DEFAULT);
        free(name);
    }
    return 0;
}
