/* The patch rules (patches.c) over any update list: the summary agrees with
 * the records (the newest OS patch, the newest installation per kind, the
 * waiting security updates), its texts are terminated and valid UTF-8 when
 * the records' are, and the rules add a bounded list of patch reasons.
 *
 * Input: the list's flags and the context (now, patch age, neutral, end of
 * a pause), then records (fuzz_records.h) up to the end. */
#include "fuzz_records.h"
#include "json_check.h"
#include "patches.h"

#define MAX_RECORDS 24

static bool text_ok(const char *s, size_t cap, bool utf8)
{
    const char *end = memchr(s, 0, cap);
    return end && (!utf8 || utf8_valid(s, (size_t)(end - s)));
}

static void check_summary(const struct update_list *l, const struct patch_summary *p)
{
    uint64_t newest[UPD_KIND_COUNT] = {0}, last_patch = 0;
    unsigned pending = 0;
    bool utf8 = true;

    for (size_t i = 0; i < l->n; i++) {
        const struct update_record *r = &l->r[i];
        enum update_kind k = update_kind_of(r);
        utf8 = utf8 && utf8_valid(r->title, strlen(r->title));
        if (!r->time_ms) continue;
        if (r->what == UPD_INSTALLED && r->time_ms > newest[k]) newest[k] = r->time_ms;
        if (r->what == UPD_INSTALLED && k == UPD_KIND_OS_SECURITY && r->time_ms > last_patch) last_patch = r->time_ms;
        if (r->what == UPD_PENDING && r->severity[0] && k == UPD_KIND_OS_SECURITY) pending++;
    }
    for (int k = 0; k < UPD_KIND_COUNT; k++) FUZZ_CHECK(p->installed_ms[k] == newest[k]);
    FUZZ_CHECK(p->last_patch_ms == last_patch);
    FUZZ_CHECK(p->pending_count == pending);
    FUZZ_CHECK(!p->failing.count || p->failing.first_ms <= p->failing.last_ms);
    FUZZ_CHECK(!p->failing.count || p->failing.what == UPD_INSTALL_FAILED || p->failing.what == UPD_DOWNLOAD_FAILED);
    FUZZ_CHECK(!p->search_failed_ms || p->search_failed_ms > p->last_search_ms);
    FUZZ_CHECK(text_ok(p->last_patch_title, sizeof(p->last_patch_title), utf8));
    FUZZ_CHECK(text_ok(p->pending_title, sizeof(p->pending_title), utf8));
    FUZZ_CHECK(text_ok(p->failing.title, sizeof(p->failing.title), utf8));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};
    static struct update_record records[MAX_RECORDS];
    struct update_list l = {.cap = MAX_RECORDS, .r = records};
    struct patch_summary p;
    struct patch_context c;
    struct health_result out;
    uint8_t flags = fin_u8(&in);

    l.history_read = flags & 1;
    l.system_log_read = flags & 2;
    l.operational_log_read = flags & 4;
    l.pending_read = flags & 8;
    memset(&c, 0, sizeof(c));
    c.now_ms = FUZZ_BASE_MS + (uint64_t)fin_u32(&in) * 1000;
    c.patch_age_days = fin_u8(&in);
    c.neutral = flags & 16;
    c.pause_ended_ms = flags & 32 ? FUZZ_BASE_MS + (uint64_t)fin_u32(&in) * 1000 : 0;
    while (in.n) {
        struct update_record *r = updates_append(&l);
        if (!r) break;
        fuzz_record_read(&in, r);
    }

    patches_summarize(&l, &p);
    check_summary(&l, &p);
    memset(&out, 0, sizeof(out));
    patches_evaluate(&p, &c, &out);
    FUZZ_CHECK(out.n_reasons >= 1 && out.n_reasons <= 4);
    for (unsigned i = 0; i < out.n_reasons; i++)
        FUZZ_CHECK(memchr(out.reasons[i].subject, 0, sizeof(out.reasons[i].subject)) != NULL);
    return 0;
}
