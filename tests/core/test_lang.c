/* Which string table a user's Windows display language gets. */
#include "lang.h"
#include "test.h"

int main(void)
{
    static const struct { unsigned ui, want; } cases[] = {
        {0x0409, 0x0409}, /* en-US */
        {0x0809, 0x0409}, /* en-GB: English */
        {0x0407, 0x0407}, /* de-DE */
        {0x0c07, 0x0407}, /* de-AT */
        {0x0807, 0x0407}, /* de-CH */
        {0x040c, 0x040c}, /* fr-FR */
        {0x0c0c, 0x040c}, /* fr-CA */
        {0x080c, 0x040c}, /* fr-BE */
        {0x0c0a, 0x0c0a}, /* es-ES (modern) */
        {0x040a, 0x0c0a}, /* es-ES (traditional sort) */
        {0x080a, 0x0c0a}, /* es-MX */
        {0x0410, 0x0409}, /* it-IT: no Italian table, English */
        {0x0411, 0x0409}, /* ja-JP */
        {0x0000, 0x0409}, /* nothing known */
        {0xffff, 0x0409}, /* garbage */
        {0x0007, 0x0407}, /* LANG_GERMAN, SUBLANG_NEUTRAL */
    };
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        CHECK_EQ_INT(cases[i].want, lang_pick(cases[i].ui));
        if (lang_pick(cases[i].ui) != cases[i].want) fprintf(stderr, "  for UI language 0x%04x\n", cases[i].ui);
    }
    return test_summary("test_lang");
}
