/* Parsing of wutray-cli's arguments. Pure: nothing is done before the whole
 * command line has been accepted, so a bad argument never causes a partial action. */
#ifndef WUTRAY_CLI_ARGS_H
#define WUTRAY_CLI_ARGS_H

#include <stdbool.h>
#include <wchar.h>

enum cli_verb { CLI_NONE, CLI_STATUS, CLI_RESTART, CLI_FIX, CLI_HELP, CLI_VERSION };

enum cli_error {
    CLI_OK,
    CLI_ERR_MISSING_VERB, /* no verb given */
    CLI_ERR_UNKNOWN,      /* unknown verb or option: bad_index says which */
    CLI_ERR_EXTRA,        /* an option that does not belong to the verb */
    CLI_ERR_TOO_LONG      /* an argument longer than CLI_ARG_MAX */
};

#define CLI_ARG_MAX 64
#define CLI_EXIT_USAGE 64 /* EX_USAGE from sysexits.h */

struct cli_args {
    enum cli_verb verb;
    bool json;
    enum cli_error error;
    int bad_index; /* argv index of the offending argument, or -1 */
};

void cli_parse(int argc, const wchar_t *const *argv, struct cli_args *out);
int cli_error_msg(enum cli_error error);

#endif
