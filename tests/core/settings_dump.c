/* Prints the settings table, one line each: name type default min max.
 * tests/core/admx_test.sh compares it with the Group Policy template. */
#include <stdio.h>

#include "settings.h"

int main(void)
{
    for (int i = 0; i < SETTING_COUNT; i++) {
        const struct setting_desc *d = &settings_table[i];
        printf("%ls %s %u %u %u\n", d->name, d->type == SETTING_TYPE_BOOL ? "bool" : "uint", (unsigned)d->def,
               (unsigned)d->min, (unsigned)d->max);
    }
    return 0;
}
