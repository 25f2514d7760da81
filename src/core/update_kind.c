#include "update_kind.h"
#include "msg.h"

#include <ctype.h>
#include <string.h>

/* Update classifications: their English names (as the agent gives them on
 * an English Windows) and their language-neutral GUIDs (the same on every
 * Windows and in WSUS). */
enum classification { CLS_NONE, CLS_SECURITY, CLS_CRITICAL, CLS_ROLLUP, CLS_UPDATES, CLS_DEFINITIONS, CLS_DRIVERS,
                      CLS_UPGRADES };
static const struct {
    const char *name, *guid;
    enum classification cls;
} classifications[] = {
    {"Security Updates", "0fa1201d-4330-4fa8-8ae9-b877473b6441", CLS_SECURITY},
    {"Critical Updates", "e6cf1350-c01b-414d-a61f-263d14d133b4", CLS_CRITICAL},
    {"Update Rollups", "28bc880e-0592-4cbf-8f95-c79b17911d5f", CLS_ROLLUP},
    {"Updates", "cd5ffd1e-e932-4e3a-bf74-18bf0b1bbd83", CLS_UPDATES},
    {"Definition Updates", "e0789628-ce08-4437-be74-2495b842f43b", CLS_DEFINITIONS},
    {"Drivers", "ebfc1fc5-71a4-4f7b-9aca-3b9a503104a0", CLS_DRIVERS},
    {"Upgrades", "3689bdc8-b205-4af4-8d4a-a63924c5e9d5", CLS_UPGRADES},
};

/* KB articles that always name the same product. */
static const struct {
    uint32_t kb;
    enum update_kind kind;
} known_kbs[] = {
    {2267602, UPD_KIND_DEFENDER}, /* security intelligence (definitions) */
    {4052623, UPD_KIND_DEFENDER}, /* antimalware platform */
    {915597, UPD_KIND_DEFENDER},  /* definitions, Windows Defender before Windows 10 */
    {2461484, UPD_KIND_DEFENDER}, /* Microsoft Security Essentials definitions */
    {890830, UPD_KIND_MSRT},
    /* Monthly in shape, "Update for Windows" in name, no security fix: */
    {4023057, UPD_KIND_OTHER}, /* update service components */
    {5001716, UPD_KIND_OTHER}, /* update service components (since 2021) */
    {5005463, UPD_KIND_OTHER}, /* PC Health Check */
    {5020683, UPD_KIND_OTHER}, /* Windows 10 22H2 setup experience (2022-11; seen in a recording) */
};

static bool ieq_n(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i])) return false;
    return true;
}

/* The best classification among the ';'-separated categories (a product
 * name such as "Windows 11" matches none and is skipped). */
static enum classification classify_categories(const char *cats)
{
    enum classification best = CLS_NONE;

    while (cats && *cats) {
        const char *end = strchr(cats, ';');
        size_t n = end ? (size_t)(end - cats) : strlen(cats);
        const char *s = cats;

        while (n && *s == ' ') s++, n--;
        while (n && s[n - 1] == ' ') n--;
        if (n && *s == '{' && s[n - 1] == '}') s++, n -= 2;
        for (size_t i = 0; i < sizeof(classifications) / sizeof(classifications[0]); i++) {
            const char *name = classifications[i].name, *guid = classifications[i].guid;
            if ((strlen(name) == n && ieq_n(s, name, n)) || (strlen(guid) == n && ieq_n(s, guid, n))) {
                /* A specific classification beats the catch-all "Updates". */
                if (best == CLS_NONE || best == CLS_UPDATES) best = classifications[i].cls;
            }
        }
        cats = end ? end + 1 : NULL;
    }
    return best;
}

static uint32_t digits(const char *s, const char **end)
{
    uint32_t v = 0;
    int n = 0;

    while (isdigit((unsigned char)*s) && n < 9) v = v * 10 + (uint32_t)(*s++ - '0'), n++;
    if (end) *end = s;
    return n >= 5 ? v : 0; /* KB numbers have 5 to 7 digits */
}

uint32_t update_kb_number(const struct update_record *r)
{
    const char *t;

    if (r->kb[0]) {
        uint32_t v = digits(r->kb, NULL);
        if (v) return v;
    }
    for (t = r->title; *t; t++) {
        if ((t[0] == 'K' || t[0] == 'k') && (t[1] == 'B' || t[1] == 'b') && isdigit((unsigned char)t[2]) &&
            (t == r->title || !isalnum((unsigned char)t[-1]))) {
            uint32_t v = digits(t + 2, NULL);
            if (v) return v;
        }
    }
    return 0;
}

static bool four_digits(const char *t)
{
    return isdigit((unsigned char)t[0]) && isdigit((unsigned char)t[1]) && isdigit((unsigned char)t[2]) &&
           isdigit((unsigned char)t[3]);
}

static int year_at(const char *t)
{
    int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
    return y >= 2000 && y <= 2099 ? y : 0;
}

/* "YYYY-MM" as a word: at the start or after a space, then a space or the end. */
static uint32_t month_token(const char *t, const char *start)
{
    int y, m;

    if ((t != start && t[-1] != ' ') || !four_digits(t) || t[4] != '-' || !isdigit((unsigned char)t[5]) ||
        !isdigit((unsigned char)t[6]) || (t[7] != ' ' && t[7] != 0))
        return 0;
    y = year_at(t);
    m = (t[5] - '0') * 10 + (t[6] - '0');
    return y && m >= 1 && m <= 12 ? (uint32_t)(y * 100 + m) : 0;
}

uint32_t update_month(const char *t)
{
    if (!t) return 0;
    for (const char *p = t; *p; p++) {
        uint32_t m = month_token(p, t);
        if (m) return m;
    }
    /* Some translations move the month away from the year: a Turkish PC
     * writes "2024-x64 tabanlı Sistemler için Windows 10 Version 22H2 11 Toplu
     * Güncelleştirmesi (KB5046613)" (tests/scenarios/recorded-win10-22h2-tr-*).
     * The year alone still marks a monthly update; its month is unknown (00). */
    if (four_digits(t) && t[4] == '-' && !isdigit((unsigned char)t[5]) && year_at(t)) return (uint32_t)year_at(t) * 100;
    return 0;
}

/* A Store app: a 12-character product ID before a '-' ("9NZKPSTSNW4P-
 * Microsoft.XboxGamingOverlay"), or a package family name. */
static bool store_shape(const char *t)
{
    int i;

    for (i = 0; i < 12; i++)
        if (!(isdigit((unsigned char)t[i]) || isupper((unsigned char)t[i]))) break;
    if (i == 12 && t[12] == '-') return true;
    return strstr(t, "_8wekyb3d8bbwe") != NULL;
}

/* "Vendor - Class - 1.2.3": how driver titles look in every language. */
static bool driver_shape(const char *t)
{
    const char *a = strstr(t, " - "), *b = a ? strstr(a + 3, " - ") : NULL;
    const char *last = b;

    while (last) {
        const char *next = strstr(last + 3, " - ");
        if (!next) break;
        last = next;
    }
    return b && isdigit((unsigned char)last[3]);
}

/* "Windows 11, version 24H2" in any language: a Windows name and a
 * YYHn version, without a KB number. */
static bool feature_shape(const char *t)
{
    const char *p;

    if (!strstr(t, "Windows 1")) return false;
    for (p = t; p[0] && p[1] && p[2] && p[3]; p++)
        if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && p[2] == 'H' &&
            (p[3] == '1' || p[3] == '2') && !isalnum((unsigned char)p[4]))
            return true;
    return false;
}

/* Windows and .NET are brand names, the same in every language: an OS
 * patch names one of them (an Office security update names neither). */
static bool names_os(const char *t)
{
    /* Adobe Flash Player came through Windows Update for Windows 10 with a
     * monthly title, but installing it patched nothing of Windows (seen in
     * tests/scenarios/recorded-win10-1703-cu-failed: Flash installed, no
     * cumulative update ever did). */
    if (strstr(t, "Flash Player")) return false;
    return strstr(t, "Windows") != NULL || strstr(t, ".NET") != NULL;
}

enum update_kind update_kind_of(const struct update_record *r)
{
    enum classification cls;
    uint32_t kb = update_kb_number(r);

    if (strcmp(r->service_id, UPD_SERVICE_STORE) == 0) return UPD_KIND_STORE_APP;
    for (size_t i = 0; i < sizeof(known_kbs) / sizeof(known_kbs[0]); i++)
        if (kb && kb == known_kbs[i].kb) return known_kbs[i].kind;
    if (store_shape(r->title)) return UPD_KIND_STORE_APP;

    cls = classify_categories(r->categories);
    switch (cls) {
    case CLS_DEFINITIONS: return UPD_KIND_DEFENDER;
    case CLS_DRIVERS: return UPD_KIND_DRIVER;
    case CLS_UPGRADES: return UPD_KIND_FEATURE;
    case CLS_SECURITY:
    case CLS_CRITICAL:
    case CLS_ROLLUP: return names_os(r->title) || !r->title[0] ? UPD_KIND_OS_SECURITY : UPD_KIND_OTHER;
    case CLS_UPDATES:
    case CLS_NONE: break;
    }
    /* No telling category: the title's shape. A monthly update of Windows
     * or .NET ("2024-10 ... (KB5044273)") is a patch; a preview of one is
     * cumulative too, so it carries the earlier security fixes. */
    if (update_month(r->title) && kb && names_os(r->title)) return UPD_KIND_OS_SECURITY;
    if (!kb && cls == CLS_NONE && driver_shape(r->title)) return UPD_KIND_DRIVER;
    if (!kb && feature_shape(r->title)) return UPD_KIND_FEATURE;
    return UPD_KIND_OTHER;
}

bool update_series(const char *title, char *out, size_t cap)
{
    size_t n = 0;
    const char *t;

    out[0] = 0;
    /* Only titles that start with "YYYY-MM ": elsewhere the month is part of the rest. */
    if (!title || !month_token(title, title) || cap < 2) return false;
    /* After "YYYY-MM " (a title that is only "YYYY-MM" ends at its NUL). */
    for (t = title + (title[7] ? 8 : 7); *t && n + 1 < cap; t++) {
        /* Drop "(KBnnnn)" and the space before it. */
        if (t[0] == '(' && (t[1] == 'K' || t[1] == 'k') && (t[2] == 'B' || t[2] == 'b')) {
            const char *close = strchr(t, ')');
            if (close) {
                while (n && out[n - 1] == ' ') n--;
                t = close;
                continue;
            }
        }
        out[n++] = *t;
    }
    while (n && out[n - 1] == ' ') n--;
    out[n] = 0;
    return n > 0;
}

static const struct {
    const char *keyword;
    int msg;
} kinds[UPD_KIND_COUNT] = {
    [UPD_KIND_OS_SECURITY] = {"os_security", IDS_KIND_OS_SECURITY},
    [UPD_KIND_DEFENDER] = {"defender", IDS_KIND_DEFENDER},
    [UPD_KIND_MSRT] = {"msrt", IDS_KIND_MSRT},
    [UPD_KIND_STORE_APP] = {"store_app", IDS_KIND_STORE_APP},
    [UPD_KIND_DRIVER] = {"driver", IDS_KIND_DRIVER},
    [UPD_KIND_FEATURE] = {"feature", IDS_KIND_FEATURE},
    [UPD_KIND_OTHER] = {"other", IDS_KIND_OTHER},
};

const char *update_kind_keyword(enum update_kind k)
{
    return (unsigned)k < UPD_KIND_COUNT ? kinds[k].keyword : "other";
}

int update_kind_msg(enum update_kind k)
{
    return (unsigned)k < UPD_KIND_COUNT ? kinds[k].msg : IDS_KIND_OTHER;
}
