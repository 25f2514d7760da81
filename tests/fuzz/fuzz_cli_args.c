/* wutray-cli's arguments (cli_args.c): any command line is either one
 * accepted verb (with --json where it belongs) or one error that names the
 * argument at fault; nothing in between.
 *
 * Input: a command line (fuzz_argv.h). */
#include "cli_args.h"
#include "fuzz_argv.h"
#include "msg.h"

static bool takes_json(enum cli_verb v)
{
    return v == CLI_STATUS || v == CLI_RESTART;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_in in = {data, size};
    struct fuzz_argv a;
    struct cli_args out, again;
    int msg;

    fuzz_argv_read(&in, &a);
    cli_parse(a.argc, (const wchar_t *const *)a.argv, &out);
    cli_parse(a.argc, (const wchar_t *const *)a.argv, &again);
    FUZZ_CHECK(memcmp(&out, &again, sizeof(out)) == 0);

    FUZZ_CHECK((out.error == CLI_OK) == (out.verb != CLI_NONE));
    if (out.error == CLI_OK) {
        FUZZ_CHECK(out.bad_index == -1);
        FUZZ_CHECK(a.argc == 2 || (a.argc == 3 && out.json && wcscmp(a.argv[2], L"--json") == 0));
        FUZZ_CHECK(!out.json || takes_json(out.verb));
        for (int i = 1; i < a.argc; i++) FUZZ_CHECK(wcslen(a.argv[i]) <= CLI_ARG_MAX);
    } else {
        FUZZ_CHECK(!out.json);
        if (out.error == CLI_ERR_MISSING_VERB) FUZZ_CHECK(out.bad_index == -1 && a.argc < 2);
        else FUZZ_CHECK(out.bad_index >= 1 && out.bad_index < a.argc);
        if (out.error == CLI_ERR_TOO_LONG)
            FUZZ_CHECK(!a.argv[out.bad_index] || wcslen(a.argv[out.bad_index]) > CLI_ARG_MAX);
    }
    msg = cli_error_msg(out.error);
    FUZZ_CHECK(msg == IDS_CLI_BAD_ARG || msg == IDS_CLI_MISSING_ARG || msg == IDS_CLI_EXTRA_ARG ||
               msg == IDS_CLI_TOO_LONG);
    fuzz_argv_free(&a);
    return 0;
}
