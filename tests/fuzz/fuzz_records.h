/* Update records from the fuzzer's bytes, shaped as the adapters fill them
 * (every text NUL-terminated within its field), for the classifier and the
 * patch rules. IDs and services come from a few values so that records name
 * the same update or service often. */
#ifndef WUTRAY_FUZZ_RECORDS_H
#define WUTRAY_FUZZ_RECORDS_H

#include "fuzz.h"
#include "updates.h"

#define FUZZ_BASE_MS 1700000000000ull /* 2023-11-14 */

static inline void fuzz_record_read(struct fuzz_in *in, struct update_record *r)
{
    static const char *const ids[] = {"", "9482f4b4-e343-43b6-b170-9a65bc822c77",
                                      "0fa1201d-4330-4fa8-8ae9-b877473b6441", "11111111-2222-3333-4444-555555555555"};
    static const char *const services[] = {"", UPD_SERVICE_WINDOWS_UPDATE, UPD_SERVICE_MICROSOFT_UPDATE,
                                           UPD_SERVICE_STORE, UPD_SERVICE_WSUS};
    uint8_t flags = fin_u8(in), service = fin_u8(in);

    memset(r, 0, sizeof(*r));
    r->what = (enum update_what)((flags & 7) % 7);
    r->source = (enum update_source)(flags >> 3 & 3);
    r->downloaded = flags >> 5 & 1;
    /* 0 now and then: the rules skip unknown times. */
    r->time_ms = flags >> 6 == 3 ? 0 : FUZZ_BASE_MS + (uint64_t)fin_u32(in) * 1000;
    r->hresult = fin_u32(in);
    r->count = fin_u8(in);
    r->revision = fin_u8(in);
    snprintf(r->update_id, sizeof(r->update_id), "%s", ids[service & 3]);
    if (service >> 2 < 5) snprintf(r->service_id, sizeof(r->service_id), "%s", services[service >> 2]);
    else fin_str(in, r->service_id, sizeof(r->service_id));
    fin_str(in, r->title, sizeof(r->title));
    fin_str(in, r->categories, sizeof(r->categories));
    fin_str(in, r->kb, sizeof(r->kb));
    fin_str(in, r->severity, sizeof(r->severity));
}

#endif
