#include "elevated_side.h"

#include <windows.h>
#include <shellapi.h>

#include "elevate.h"
#include "scm.h"

/* `wutray.exe --elevated VERB`: one allowlisted action, no UI, the outcome
 * as the exit code (see elevate.h). Anything else on the command line is
 * refused before anything is done. */
int run_elevated_side(void)
{
    static const struct restart_ops ops = {.run = scm_step_cb, .confirm = scm_confirm_cb};
    static const struct elevated_env env = {.snapshot = scm_snapshot_cb, .ops = &ops, .read_bits = scm_read_bits_cb};
    int argc = 0;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    enum elevated_verb verb;
    enum elevated_parse parsed;
    struct restart_outcome outcome;
    bool elevated;

    if (!argv) return ELEVATED_EXIT_REFUSED;
    parsed = elevated_parse(argc, (const wchar_t *const *)argv, &verb);
    LocalFree(argv);
    if (parsed == ELEVATED_NOT_ASKED) return -1;
    if (parsed == ELEVATED_REFUSED) return ELEVATED_EXIT_REFUSED;
    elevated_run(&env, NULL, verb, &elevated, &outcome);
    return (int)elevated_encode(&outcome);
}
