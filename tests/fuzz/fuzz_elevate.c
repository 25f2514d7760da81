/* The elevated side (elevate.c): its command line, and its exit-code
 * protocol. Only `--elevated VERB` with an allowlisted verb is accepted. An
 * exit code decodes either to an outcome that encodes back to the same code
 * or to a failure that carries the code as it came ("not ours"); an outcome
 * survives encoding and decoding; a success is only ever exit code 0.
 *
 * Input: one byte of mode (even: a command line, fuzz_argv.h; odd: a code
 * and an outcome, four bytes each). */
#include "elevate.h"
#include "fuzz_argv.h"

static void command_line(struct fuzz_in *in)
{
    struct fuzz_argv a;
    enum elevated_verb verb = ELEVATED_REENABLE;
    enum elevated_parse p;

    fuzz_argv_read(in, &a);
    p = elevated_parse(a.argc, (const wchar_t *const *)a.argv, &verb);
    if (p == ELEVATED_OK) {
        FUZZ_CHECK(a.argc == 3 && wcscmp(a.argv[1], L"--elevated") == 0);
        FUZZ_CHECK(verb == ELEVATED_RESTART || verb == ELEVATED_RESTART_BITS || verb == ELEVATED_REENABLE);
        /* The verb is the one whose command line this is. */
        FUZZ_CHECK(wcscmp(elevated_args(verb) + wcslen(L"--elevated "), a.argv[2]) == 0);
    } else {
        FUZZ_CHECK(verb == ELEVATED_NONE);
        FUZZ_CHECK((p == ELEVATED_NOT_ASKED) == (a.argc <= 1));
    }
    fuzz_argv_free(&a);
}

static void protocol(struct fuzz_in *in)
{
    uint32_t code = fin_u32(in);
    struct restart_outcome o, back;

    elevated_decode(code, &o);
    if (o.result == RESTART_ERR_FAILED && o.win32_error == code && code) {
        /* Not ours: nothing else is made up. */
        FUZZ_CHECK(o.action == 0 && o.svc == 0 && o.state == 0);
    } else {
        FUZZ_CHECK(o.win32_error == 0);
        FUZZ_CHECK(elevated_encode(&o) == code);
        FUZZ_CHECK((o.result == RESTART_DONE) == (code == 0));
    }

    memset(&o, 0, sizeof(o));
    o.result = (enum restart_result)(fin_u8(in) % (RESTART_ERR_CANCELLED + 1));
    o.action = (enum restart_action)(fin_u8(in) % (RESTART_SET_MANUAL + 1));
    o.svc = (enum svc_id)(fin_u8(in) % RESTART_SVC_COUNT);
    o.state = (enum svc_state)(fin_u8(in) % (SVC_PAUSED + 1));
    code = elevated_encode(&o);
    elevated_decode(code, &back);
    FUZZ_CHECK(back.result == o.result);
    FUZZ_CHECK((code == 0) == (o.result == RESTART_DONE));
    if (o.result != RESTART_DONE) {
        FUZZ_CHECK(code != ELEVATED_EXIT_REFUSED);
        FUZZ_CHECK(back.action == o.action && back.svc == o.svc && back.state == o.state && !back.win32_error);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};

    if (fin_u8(&in) & 1) protocol(&in);
    else command_line(&in);
    return 0;
}
