#include "cli_args.h"
#include "msg.h"

#include <string.h>

static void fail(struct cli_args *out, enum cli_error error, int index)
{
    out->verb = CLI_NONE;
    out->json = false;
    out->error = error;
    out->bad_index = index;
}

static enum cli_verb verb_of(const wchar_t *arg)
{
    if (wcscmp(arg, L"status") == 0) return CLI_STATUS;
    if (wcscmp(arg, L"restart") == 0) return CLI_RESTART;
    if (wcscmp(arg, L"fix") == 0) return CLI_FIX;
    if (wcscmp(arg, L"--help") == 0 || wcscmp(arg, L"-h") == 0 ||
        wcscmp(arg, L"/?") == 0 || wcscmp(arg, L"help") == 0)
        return CLI_HELP;
    if (wcscmp(arg, L"--version") == 0 || wcscmp(arg, L"version") == 0)
        return CLI_VERSION;
    return CLI_NONE;
}

void cli_parse(int argc, const wchar_t *const *argv, struct cli_args *out)
{
    memset(out, 0, sizeof(*out));
    out->bad_index = -1;

    for (int i = 1; i < argc; i++) {
        if (!argv[i] || wcslen(argv[i]) > CLI_ARG_MAX) {
            fail(out, CLI_ERR_TOO_LONG, i);
            return;
        }
    }
    if (argc < 2) {
        fail(out, CLI_ERR_MISSING_VERB, -1);
        return;
    }
    out->verb = verb_of(argv[1]);
    if (out->verb == CLI_NONE) {
        fail(out, CLI_ERR_UNKNOWN, 1);
        return;
    }
    for (int i = 2; i < argc; i++) {
        bool is_json = wcscmp(argv[i], L"--json") == 0;
        if (is_json && (out->verb == CLI_STATUS || out->verb == CLI_RESTART || out->verb == CLI_FIX) && !out->json) {
            out->json = true;
            continue;
        }
        fail(out, is_json || verb_of(argv[i]) != CLI_NONE ? CLI_ERR_EXTRA : CLI_ERR_UNKNOWN, i);
        return;
    }
}

int cli_error_msg(enum cli_error error)
{
    switch (error) {
    case CLI_ERR_MISSING_VERB: return IDS_CLI_MISSING_ARG;
    case CLI_ERR_EXTRA: return IDS_CLI_EXTRA_ARG;
    case CLI_ERR_TOO_LONG: return IDS_CLI_TOO_LONG;
    case CLI_ERR_UNKNOWN:
    case CLI_OK: break;
    }
    return IDS_CLI_BAD_ARG;
}
