/* Argument parsing: every bad form is refused with the right error, before
 * anything runs. */
#include "cli_args.h"
#include "test.h"

static struct cli_args parse(int argc, const wchar_t *const *argv)
{
    struct cli_args a;
    cli_parse(argc, argv, &a);
    return a;
}

#define ARGS(...) ((const wchar_t *const[]){L"wutray-cli", __VA_ARGS__})
#define N(...) (int)(sizeof((const wchar_t *const[]){L"wutray-cli", __VA_ARGS__}) / sizeof(wchar_t *))

int main(void)
{
    struct cli_args a;
    const wchar_t *const only[] = {L"wutray-cli"};
    wchar_t longarg[CLI_ARG_MAX + 2];

    a = parse(1, only);
    CHECK_EQ_INT(CLI_ERR_MISSING_VERB, a.error);
    CHECK_EQ_INT(CLI_NONE, a.verb);

    a = parse(N(L"status"), ARGS(L"status"));
    CHECK_EQ_INT(CLI_OK, a.error);
    CHECK_EQ_INT(CLI_STATUS, a.verb);
    CHECK(!a.json);

    a = parse(N(L"status", L"--json"), ARGS(L"status", L"--json"));
    CHECK_EQ_INT(CLI_STATUS, a.verb);
    CHECK(a.json);

    a = parse(N(L"restart"), ARGS(L"restart"));
    CHECK_EQ_INT(CLI_RESTART, a.verb);

    a = parse(N(L"--help"), ARGS(L"--help"));
    CHECK_EQ_INT(CLI_HELP, a.verb);
    a = parse(N(L"/?"), ARGS(L"/?"));
    CHECK_EQ_INT(CLI_HELP, a.verb);
    a = parse(N(L"--version"), ARGS(L"--version"));
    CHECK_EQ_INT(CLI_VERSION, a.verb);

    /* Refused: unknown verb, unknown option, duplicated or misplaced options. */
    a = parse(N(L"reboot"), ARGS(L"reboot"));
    CHECK_EQ_INT(CLI_ERR_UNKNOWN, a.error);
    CHECK_EQ_INT(1, a.bad_index);
    CHECK_EQ_INT(CLI_NONE, a.verb);

    a = parse(N(L"restart", L"--force"), ARGS(L"restart", L"--force"));
    CHECK_EQ_INT(CLI_ERR_UNKNOWN, a.error);
    CHECK_EQ_INT(2, a.bad_index);
    CHECK_EQ_INT(CLI_NONE, a.verb); /* never a partial action */

    a = parse(N(L"fix"), ARGS(L"fix"));
    CHECK_EQ_INT(CLI_OK, a.error);
    CHECK_EQ_INT(CLI_FIX, a.verb);
    CHECK(!a.json);
    a = parse(N(L"fix", L"--json"), ARGS(L"fix", L"--json"));
    CHECK_EQ_INT(CLI_FIX, a.verb);
    CHECK(a.json);
    a = parse(N(L"fix", L"--json", L"--json"), ARGS(L"fix", L"--json", L"--json"));
    CHECK_EQ_INT(CLI_ERR_EXTRA, a.error);
    CHECK_EQ_INT(3, a.bad_index);
    a = parse(N(L"fix", L"restart"), ARGS(L"fix", L"restart"));
    CHECK_EQ_INT(CLI_ERR_EXTRA, a.error);
    a = parse(N(L"restart", L"--json"), ARGS(L"restart", L"--json"));
    CHECK_EQ_INT(CLI_OK, a.error);
    CHECK_EQ_INT(CLI_RESTART, a.verb);
    CHECK(a.json);

    a = parse(N(L"--version", L"--json"), ARGS(L"--version", L"--json"));
    CHECK_EQ_INT(CLI_ERR_EXTRA, a.error);

    a = parse(N(L"status", L"--json", L"--json"), ARGS(L"status", L"--json", L"--json"));
    CHECK_EQ_INT(CLI_ERR_EXTRA, a.error);
    CHECK_EQ_INT(3, a.bad_index);

    a = parse(N(L"status", L"restart"), ARGS(L"status", L"restart"));
    CHECK_EQ_INT(CLI_ERR_EXTRA, a.error);

    a = parse(N(L"--json"), ARGS(L"--json"));
    CHECK_EQ_INT(CLI_ERR_UNKNOWN, a.error);

    a = parse(N(L"STATUS"), ARGS(L"STATUS"));
    CHECK_EQ_INT(CLI_ERR_UNKNOWN, a.error);

    a = parse(N(L""), ARGS(L""));
    CHECK_EQ_INT(CLI_ERR_UNKNOWN, a.error);

    for (int i = 0; i < CLI_ARG_MAX + 1; i++) longarg[i] = L's';
    longarg[CLI_ARG_MAX + 1] = 0;
    a = parse(N(L"status", longarg), ARGS(L"status", longarg));
    CHECK_EQ_INT(CLI_ERR_TOO_LONG, a.error);
    CHECK_EQ_INT(2, a.bad_index);

    {
        const wchar_t *const with_null[] = {L"wutray-cli", L"status", NULL};
        a = parse(3, with_null);
        CHECK_EQ_INT(CLI_ERR_TOO_LONG, a.error);
    }
    CHECK(cli_error_msg(CLI_ERR_UNKNOWN) != cli_error_msg(CLI_ERR_TOO_LONG));
    return test_summary("test_cli_args");
}
