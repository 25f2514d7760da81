/* Error texts (errtext.c): every code has a "what happened" and a "next
 * step"; the table's entry, when there is one, is the one for that code;
 * the code prints as "0x" and 8 upper-case digits, or not at all (an empty
 * buffer) when the buffer is short, never past its end.
 *
 * Input: a code (4 bytes), then a buffer size (1 byte). */
#include "errtext.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};
    uint32_t code = fin_u32(&in);
    size_t cap = fin_u8(&in) % 16, n;
    const struct errtext_info *e = errtext_find(code);
    int what = -1, next = -1, what_only = -1;
    char *buf = fuzz_buffer(cap), want[16];

    errtext_generic(code, &what, &next);
    errtext_generic(code, &what_only, NULL);
    errtext_generic(code, NULL, NULL);
    FUZZ_CHECK(what > 0 && next > 0 && what_only == what);
    if (e) FUZZ_CHECK(e->code == code && e->what_msg == what && e->next_msg == next && e->name && e->name[0]);

    n = errtext_format(code, buf, cap);
    if (cap < ERRTEXT_CODE_CHARS) {
        FUZZ_CHECK(n == 0 && (!cap || buf[0] == 0));
    } else {
        snprintf(want, sizeof(want), "0x%08X", (unsigned)code);
        FUZZ_CHECK(n == 10 && strcmp(buf, want) == 0);
    }
    free(buf);
    return 0;
}
