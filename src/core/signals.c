#include "signals.h"

#include <ctype.h>

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* Days from 1970-01-01 to a civil date (proleptic Gregorian). */
static int64_t days_from_civil(int y, int m, int d)
{
    int64_t era;
    unsigned yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static int days_in_month(int y, int m)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : mdays[m - 1];
}

bool signals_parse_time(const char *s, uint64_t *epoch_ms)
{
    int y, mo, d, h, mi, se;
    int64_t days;

    *epoch_ms = 0;
    if (!s || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' ||
        !digits(s + 8, 2, &d) || s[10] != 'T' || !digits(s + 11, 2, &h) || s[13] != ':' ||
        !digits(s + 14, 2, &mi) || s[16] != ':' || !digits(s + 17, 2, &se))
        return false;
    /* Only dates that exist: no leap second (Windows writes none, and
     * 9999-12-31T23:59:60 would carry into year 10000), no Feb 29 of a
     * common year (it would become Mar 1). */
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || se > 59)
        return false;
    s += 19;
    if (*s == '.') {
        s++;
        if (!isdigit((unsigned char)*s)) return false;
        while (isdigit((unsigned char)*s)) s++;
    }
    if (*s == 'Z') s++;
    if (*s) return false;
    days = days_from_civil(y, mo, d);
    *epoch_ms = (uint64_t)(((days * 24 + h) * 60 + mi) * 60 + se) * 1000u;
    return true;
}

uint64_t signals_from_ole_date(double date)
{
    /* 25569 days from 1899-12-30 to 1970-01-01; NaN fails the comparison. */
    if (!(date >= 25569.0) || date > 2958465.0) return 0;
    return (uint64_t)((date - 25569.0) * 86400000.0 + 0.5);
}

bool signals_cost_metered(uint32_t cost)
{
    return (cost & (0x2u | 0x4u | 0x10000u | 0x40000u)) != 0;
}
