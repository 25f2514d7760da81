#include "lang.h"

/* One row per file in res/lang/; the LANGID is the one its LANGUAGE line says. */
static const struct {
    unsigned primary; /* PRIMARYLANGID */
    unsigned langid;
} languages[] = {
    {0x09, 0x0409}, /* en.rc: English (United States) */
    {0x07, 0x0407}, /* de.rc: German (Germany) */
    {0x0c, 0x040c}, /* fr.rc: French (France) */
    {0x0a, 0x0c0a}, /* es.rc: Spanish (Spain, modern sort) */
};

unsigned lang_pick(unsigned ui_langid)
{
    unsigned primary = ui_langid & 0x3ffu;

    for (unsigned i = 0; i < sizeof(languages) / sizeof(languages[0]); i++)
        if (languages[i].primary == primary) return languages[i].langid;
    return LANG_FALLBACK;
}
