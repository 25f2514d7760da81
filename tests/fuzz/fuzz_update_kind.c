/* The update classifier (update_kind.c) and the record helpers it reads
 * through (updates.c): any record has one kind; KB numbers, months and
 * series are read from any title without reading past its end or writing
 * past the caller's buffer; copied text stays within its buffer, a prefix
 * of the source, valid UTF-8 when the source is.
 *
 * Input: a record (fuzz_records.h), then a title, a buffer size (1 byte)
 * and a text to copy as a GUID. */
#include "fuzz_records.h"
#include "json_check.h"
#include "msg.h"
#include "update_kind.h"

static void check_month(const char *title)
{
    uint32_t m = update_month(title);

    if (!m) return;
    FUZZ_CHECK(m / 100 >= 2000 && m / 100 <= 2099 && m % 100 <= 12);
    if (m % 100 == 0) FUZZ_CHECK(strncmp(title, "20", 2) == 0 && title[4] == '-');
}

static void check_series(const char *title, size_t cap)
{
    char *out = fuzz_buffer(cap);
    bool ok = update_series(title, out, cap);
    size_t n = strlen(out);

    FUZZ_CHECK(n < cap);
    FUZZ_CHECK(ok == (n > 0));
    if (ok) FUZZ_CHECK(update_month(title) % 100 != 0 && out[n - 1] != ' ');
    free(out);
}

static void check_copy(const char *src, size_t cap)
{
    char *dst = fuzz_buffer(cap);
    size_t n;

    updates_copy_text(dst, cap, src);
    n = strlen(dst);
    FUZZ_CHECK(n < cap && strncmp(dst, src, n) == 0);
    if (utf8_valid(src, strlen(src))) FUZZ_CHECK(utf8_valid(dst, n));
    free(dst);
}

static void check_guid(const char *src)
{
    char g[UPDATE_GUID_LEN];

    updates_copy_guid(g, sizeof(g), src);
    if (!g[0]) return;
    FUZZ_CHECK(strlen(g) == 36);
    for (int i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) FUZZ_CHECK(g[i] == '-');
        else FUZZ_CHECK((g[i] >= '0' && g[i] <= '9') || (g[i] >= 'a' && g[i] <= 'f'));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};
    struct update_record r;
    enum update_kind k;
    uint32_t kb;
    char *title, *guid;
    size_t cap;

    fuzz_record_read(&in, &r);
    k = update_kind_of(&r);
    FUZZ_CHECK((unsigned)k < UPD_KIND_COUNT && update_kind_of(&r) == k);
    FUZZ_CHECK(strcmp(update_kind_keyword(k), "other") != 0 || k == UPD_KIND_OTHER);
    FUZZ_CHECK(update_kind_msg(k) > 0);
    kb = update_kb_number(&r);
    FUZZ_CHECK(kb <= 999999999u); /* at most 9 digits are read */
    if (!strcmp(r.service_id, UPD_SERVICE_STORE)) FUZZ_CHECK(k == UPD_KIND_STORE_APP);

    /* The title alone, on the heap, exactly as long as it is. */
    title = fin_strdup(&in, UPDATE_TITLE_LEN - 1);
    cap = 1 + fin_u8(&in) % UPDATE_TITLE_LEN;
    check_month(title);
    check_series(title, cap);
    check_copy(title, cap);
    guid = fin_strdup(&in, 48);
    check_guid(guid);
    free(guid);
    free(title);
    return 0;
}
