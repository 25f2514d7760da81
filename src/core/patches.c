#include "patches.h"

#include <stdio.h>
#include <string.h>

#define DAY_MS (24ull * 60 * 60 * 1000)
#define SAME_ATTEMPT_MS (120ull * 1000) /* the history and the System log record one attempt twice */
#define MAX_GROUP 128

static void keep_newest(uint64_t *slot, uint64_t t)
{
    if (t > *slot) *slot = t;
}

static bool from_update_service(const struct update_record *r, bool empty_counts)
{
    if (!r->service_id[0]) return empty_counts;
    return strcmp(r->service_id, UPD_SERVICE_WINDOWS_UPDATE) == 0 ||
           strcmp(r->service_id, UPD_SERVICE_MICROSOFT_UPDATE) == 0 || strcmp(r->service_id, UPD_SERVICE_WSUS) == 0;
}

static bool is_failure(const struct update_record *r)
{
    return r->what == UPD_INSTALL_FAILED || r->what == UPD_DOWNLOAD_FAILED;
}

static bool is_os_patch(const struct update_record *r)
{
    return update_kind_of(r) == UPD_KIND_OS_SECURITY;
}

/* The same update: its UpdateID, else its title. */
static bool same_update(const struct update_record *a, const struct update_record *b)
{
    if (a->update_id[0] && b->update_id[0]) return strcmp(a->update_id, b->update_id) == 0;
    return a->title[0] && strcmp(a->title, b->title) == 0;
}

static bool same_series(const struct update_record *a, const struct update_record *b)
{
    char sa[UPDATE_TITLE_LEN], sb[UPDATE_TITLE_LEN];
    return update_series(a->title, sa, sizeof(sa)) && update_series(b->title, sb, sizeof(sb)) && strcmp(sa, sb) == 0;
}

/* Does installation `ok` replace failed update `bad`? The same update, the
 * same series (a later month's cumulative update for the same Windows), or
 * an OS update of a later month of the same family (.NET or Windows): by
 * the months in their titles, or, where a translation hides the month, by
 * KB number (Microsoft numbers its monthly updates upwards). A Defender
 * definition update never does. */
static bool replaces(const struct update_record *ok, const struct update_record *bad)
{
    uint32_t m_ok, m_bad, kb_ok, kb_bad;

    if (same_update(ok, bad) || same_series(ok, bad)) return true;
    m_ok = update_month(ok->title);
    m_bad = update_month(bad->title);
    if (!m_ok || !m_bad || !strstr(ok->title, ".NET") != !strstr(bad->title, ".NET")) return false;
    if (m_ok % 100 && m_bad % 100) return m_ok > m_bad;
    kb_ok = update_kb_number(ok);
    kb_bad = update_kb_number(bad);
    return m_ok / 100 >= m_bad / 100 && kb_ok && kb_bad && kb_ok > kb_bad;
}

static bool resolved(const struct update_list *l, const struct update_record *bad)
{
    for (size_t i = 0; i < l->n; i++) {
        const struct update_record *r = &l->r[i];
        if (r->what == UPD_INSTALLED && r->time_ms > bad->time_ms && is_os_patch(r) && replaces(r, bad)) return true;
    }
    return false;
}

static bool in_group(const struct update_record *a, const struct update_record *b)
{
    return same_update(a, b) || same_series(a, b);
}

/* The attempts at failed update `bad` since it (or its series) last
 * installed, counted once when the history and the log both have them. */
static void describe_failure(const struct update_list *l, const struct update_record *bad, struct patch_failure *f)
{
    const struct update_record *group[MAX_GROUP];
    uint64_t last_ok = 0;
    size_t n = 0;

    for (size_t i = 0; i < l->n; i++) {
        const struct update_record *r = &l->r[i];
        if (r->what == UPD_INSTALLED && r->time_ms && r->time_ms < bad->time_ms && in_group(r, bad))
            keep_newest(&last_ok, r->time_ms);
    }
    for (size_t i = 0; i < l->n && n < MAX_GROUP; i++) {
        const struct update_record *r = &l->r[i];
        if (is_failure(r) && r->time_ms > last_ok && r->time_ms <= bad->time_ms && in_group(r, bad)) group[n++] = r;
    }
    /* Oldest first (insertion sort: the group is small). */
    for (size_t i = 1; i < n; i++) {
        const struct update_record *k = group[i];
        size_t j = i;
        while (j > 0 && group[j - 1]->time_ms > k->time_ms) {
            group[j] = group[j - 1];
            j--;
        }
        group[j] = k;
    }
    memset(f, 0, sizeof(*f));
    for (size_t i = 0; i < n; i++) {
        bool twice = false;
        for (size_t j = 0; j < i && !twice; j++)
            twice = group[j]->source != group[i]->source && group[i]->time_ms - group[j]->time_ms < SAME_ATTEMPT_MS;
        if (twice) continue;
        if (!f->count) f->first_ms = group[i]->time_ms;
        f->count++;
    }
    f->last_ms = bad->time_ms;
    f->code = bad->hresult;
    f->what = bad->what;
    updates_copy_text(f->title, sizeof(f->title), bad->title);
}

/* A security update (MsrcSeverity set: previews and other optional updates
 * have none) of the OS, waiting to be installed. */
static bool waiting_patch(const struct update_record *r)
{
    return r->what == UPD_PENDING && r->severity[0] && is_os_patch(r);
}

void patches_summarize(const struct update_list *l, struct patch_summary *out)
{
    const struct update_record *failing = NULL;
    uint64_t search_failed = 0;
    uint32_t search_code = 0;

    memset(out, 0, sizeof(*out));
    out->history_read = l->history_read;
    out->system_log_read = l->system_log_read;
    out->operational_log_read = l->operational_log_read;
    out->pending_read = l->pending_read;
    for (size_t i = 0; i < l->n; i++) {
        const struct update_record *r = &l->r[i];
        enum update_kind kind;

        if (!r->time_ms) continue;
        kind = update_kind_of(r);
        switch (r->what) {
        case UPD_INSTALLED:
            keep_newest(&out->installed_ms[kind], r->time_ms);
            if (kind == UPD_KIND_OS_SECURITY && r->time_ms > out->last_patch_ms) {
                out->last_patch_ms = r->time_ms;
                updates_copy_text(out->last_patch_title, sizeof(out->last_patch_title), r->title);
            }
            break;
        case UPD_INSTALL_FAILED:
        case UPD_DOWNLOAD_FAILED:
            if (r->time_ms >= out->failed_ms[kind]) {
                out->failed_ms[kind] = r->time_ms;
                out->failed_code[kind] = r->hresult;
            }
            /* The newest OS failure that nothing has replaced. */
            if (kind == UPD_KIND_OS_SECURITY && (!failing || r->time_ms > failing->time_ms) && !resolved(l, r))
                failing = r;
            break;
        case UPD_SEARCH_DONE:
            /* Event 26 fires for every search of every service, mostly with
             * nothing found: only Windows Update's and Microsoft Update's count. */
            if (!from_update_service(r, false)) break;
            keep_newest(&out->last_search_ms, r->time_ms);
            if (r->count > 0) keep_newest(&out->updates_found_ms, r->time_ms);
            break;
        case UPD_SEARCH_FAILED:
            if (from_update_service(r, true) && r->time_ms >= search_failed) {
                search_failed = r->time_ms;
                search_code = r->hresult;
            }
            break;
        case UPD_PENDING:
            if (!waiting_patch(r)) break;
            out->pending_count++;
            if (!out->oldest_pending_ms || r->time_ms < out->oldest_pending_ms) {
                out->oldest_pending_ms = r->time_ms;
                updates_copy_text(out->pending_title, sizeof(out->pending_title), r->title);
            }
            break;
        case UPD_OTHER: break;
        }
    }
    if (failing) describe_failure(l, failing, &out->failing);
    if (search_failed > out->last_search_ms) {
        out->search_failed_ms = search_failed;
        out->search_failed_code = search_code;
    }
}

static struct health_reason *add(struct health_result *out, enum reason_kind kind, enum health_level level,
                                 uint64_t when, uint32_t code, const char *subject)
{
    struct health_reason *r = health_add_reason(out, kind, SVC_COUNT, level, when, code);
    if (r && subject) updates_copy_text(r->subject, sizeof(r->subject), subject);
    return r;
}

void patches_evaluate(const struct patch_summary *p, const struct patch_context *c, struct health_result *out)
{
    uint64_t now = c->now_ms, age = (uint64_t)(c->patch_age_days ? c->patch_age_days : PATCH_AGE_DAYS) * DAY_MS;
    uint64_t since;
    struct health_reason *r;

    if (!p->history_read && !p->system_log_read) {
        add(out, REASON_PATCH_UNKNOWN, HEALTH_UNKNOWN, 0, 0, NULL);
        return;
    }
    /* A failure is a fact even while paused; one not tried for a whole
     * patch cycle is no longer being tried. */
    if (p->failing.count && p->failing.last_ms <= now + DAY_MS && now - p->failing.last_ms <= age) {
        r = add(out, REASON_PATCH_FAILING, HEALTH_BROKEN, p->failing.first_ms, p->failing.code, p->failing.title);
        if (r) r->count = p->failing.count;
    }
    if (!p->last_patch_ms) {
        add(out, REASON_PATCH_NONE, HEALTH_UNKNOWN, 0, 0, NULL);
    } else {
        /* Time spent in a pause that has ended does not count. */
        since = p->last_patch_ms;
        if (c->pause_ended_ms && c->pause_ended_ms <= now && c->pause_ended_ms > since) since = c->pause_ended_ms;
        if (!c->neutral && since <= now && now - since > age)
            add(out, REASON_PATCH_STALLED, HEALTH_BROKEN, p->last_patch_ms, 0, p->last_patch_title);
        else
            add(out, REASON_LAST_PATCH, HEALTH_OK, p->last_patch_ms, 0, p->last_patch_title);
    }
    if (!c->neutral && p->pending_count && p->oldest_pending_ms < now &&
        now - p->oldest_pending_ms > (uint64_t)PATCH_PENDING_DAYS * DAY_MS) {
        r = add(out, REASON_PATCH_WAITING, HEALTH_ATTENTION, p->oldest_pending_ms, 0, p->pending_title);
        if (r) r->count = p->pending_count;
    }
}
