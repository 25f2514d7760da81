#include "updates.h"

#include <string.h>

struct update_record *updates_append(struct update_list *l)
{
    struct update_record *r;

    if (!l->r || l->n >= l->cap) {
        l->truncated = true;
        return NULL;
    }
    r = &l->r[l->n++];
    memset(r, 0, sizeof(*r));
    return r;
}

void updates_copy_text(char *dst, size_t cap, const char *src)
{
    size_t n = 0;

    if (src) {
        n = strlen(src);
        if (n >= cap) {
            n = cap - 1;
            /* Back up over continuation bytes to the start of a character. */
            while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80) n--;
        }
        memcpy(dst, src, n);
    }
    dst[n] = 0;
}

static int hex_digit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

void updates_copy_guid(char *dst, size_t cap, const char *src)
{
    char g[37];
    size_t i, n;

    dst[0] = 0;
    if (!src || cap < sizeof(g)) return;
    if (*src == '{') src++;
    n = strlen(src);
    if (n < 36 || (n > 36 && !(n == 37 && src[36] == '}'))) return;
    for (i = 0; i < 36; i++) {
        char c = src[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') return;
        } else if (!hex_digit(c)) {
            return;
        }
        g[i] = (c >= 'A' && c <= 'F') ? (char)(c - 'A' + 'a') : c;
    }
    g[36] = 0;
    memcpy(dst, g, sizeof(g));
}

/* The agent's records (history, the offline search) carry categories. */
static bool from_agent(const struct update_record *r)
{
    return r->source == UPD_FROM_HISTORY || r->source == UPD_FROM_SEARCH;
}

static const struct update_record *with_facts(const struct update_list *l, const char *update_id)
{
    for (size_t i = 0; i < l->n; i++) {
        const struct update_record *h = &l->r[i];
        if (from_agent(h) && (h->categories[0] || h->service_id[0]) &&
            strcmp(h->update_id, update_id) == 0)
            return h;
    }
    return NULL;
}

void updates_share_facts(struct update_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        struct update_record *r = &l->r[i];
        const struct update_record *h;

        if (from_agent(r) || !r->update_id[0] || (r->categories[0] && r->service_id[0])) continue;
        h = with_facts(l, r->update_id);
        if (!h) continue;
        if (!r->categories[0]) memcpy(r->categories, h->categories, sizeof(r->categories));
        if (!r->service_id[0]) memcpy(r->service_id, h->service_id, sizeof(r->service_id));
    }
}
