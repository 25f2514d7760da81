/* The elevated side for real: wutray.exe started through ShellExecuteExW
 * "runas" (Wine has no UAC prompt, so it just runs) with the allowlisted
 * verbs, against Wine's service manager and a fake UsoSvc; refused command
 * lines change nothing. */
#include <windows.h>

#include "elevate.h"
#include "runas.h"
#include "scm.h"
#include "svctool.h"
#include "test.h"

static wchar_t wutray[MAX_PATH];


/* Runs wutray.exe elevated with args; returns the decoded outcome. */
static enum restart_result elevated(const wchar_t *args, uint32_t *raw, struct restart_outcome *o)
{
    enum restart_result launched = runas_program(wutray, args, 60000, raw);
    if (launched == RESTART_DONE) elevated_decode(*raw, o);
    return launched;
}

static enum svc_state state_of(const wchar_t *name)
{
    struct svc_reading r;
    scm_read(name, &r);
    return r.state;
}

int wmain(void)
{
    wchar_t create[MAX_PATH + 64];
    struct restart_outcome o;
    struct svc_reading r;
    uint32_t raw;

    test_dir_init();
    _snwprintf(wutray, MAX_PATH, L"%lswutray.exe", test_dir);
    _snwprintf(create, ARRAYSIZE(create), L"create UsoSvc demand \"%lsfakesvc.exe\" UsoSvc", test_dir);
    create[ARRAYSIZE(create) - 1] = 0;
    svctool(L"delete UsoSvc");
    CHECK(svctool(create));

    /* A folder its user owns and may write (Wine gives every file that
     * descriptor: it keeps none that SetNamedSecurityInfo sets) is not one
     * to ask for administrator rights from: runas_self refuses at once,
     * before any prompt, and says why. */
    CHECK(!runas_location_trusted(wutray));
    CHECK_EQ_INT(RESTART_ERR_UNSAFE_FOLDER, runas_self(L"--elevated restart-services", 30000, &raw));
    CHECK_EQ_INT(0, raw);
    CHECK_EQ_INT(SVC_STOPPED, state_of(L"wuauserv"));

    /* Refused command lines: exit 64 at once, services untouched. */
    CHECK_EQ_INT(SVC_STOPPED, state_of(L"wuauserv"));
    CHECK_EQ_INT(RESTART_DONE, runas_program(wutray, L"--elevated format-c", 30000, &raw));
    CHECK_EQ_INT(ELEVATED_EXIT_REFUSED, raw);
    CHECK_EQ_INT(RESTART_DONE, runas_program(wutray, L"--elevated restart-services BITS", 30000, &raw));
    CHECK_EQ_INT(ELEVATED_EXIT_REFUSED, raw);
    CHECK_EQ_INT(RESTART_DONE, runas_program(wutray, L"--elevated", 30000, &raw));
    CHECK_EQ_INT(ELEVATED_EXIT_REFUSED, raw);
    CHECK_EQ_INT(SVC_STOPPED, state_of(L"wuauserv"));
    CHECK_EQ_INT(SVC_STOPPED, state_of(L"UsoSvc"));

    /* The restart verb: both services end up running; exit code 0. */
    CHECK_EQ_INT(RESTART_DONE, elevated(L"--elevated restart-services", &raw, &o));
    CHECK_EQ_INT(0, raw);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK_EQ_INT(SVC_RUNNING, state_of(L"wuauserv"));
    CHECK_EQ_INT(SVC_RUNNING, state_of(L"UsoSvc"));

    /* With UsoSvc disabled: not started, not re-enabled, and the exit code
     * names it. */
    CHECK(svctool(L"stop UsoSvc") && svctool(L"wait UsoSvc stopped 5000"));
    CHECK(svctool(L"start-type UsoSvc disabled"));
    CHECK_EQ_INT(RESTART_DONE, elevated(L"--elevated restart-services", &raw, &o));
    CHECK_EQ_INT(RESTART_ERR_DISABLED, o.result);
    CHECK_EQ_INT(SVC_USOSVC, o.svc);
    scm_read(L"UsoSvc", &r);
    CHECK_EQ_INT(SVC_START_DISABLED, r.start);
    CHECK_EQ_INT(SVC_STOPPED, r.state);

    /* The re-enable verb sets it to Manual, and touches nothing else. */
    CHECK_EQ_INT(RESTART_DONE, elevated(L"--elevated reenable-services", &raw, &o));
    CHECK_EQ_INT(0, raw);
    scm_read(L"UsoSvc", &r);
    CHECK_EQ_INT(SVC_START_DEMAND, r.start);
    CHECK_EQ_INT(SVC_STOPPED, r.state);
    scm_read(L"wuauserv", &r);
    CHECK_EQ_INT(SVC_START_DEMAND, r.start);

    /* Nothing disabled: re-enable has nothing to do. */
    CHECK_EQ_INT(RESTART_DONE, elevated(L"--elevated reenable-services", &raw, &o));
    CHECK_EQ_INT(RESTART_ERR_NOTHING, o.result);

    svctool(L"stop wuauserv");
    svctool(L"wait wuauserv stopped 5000");
    svctool(L"delete UsoSvc");
    return test_summary("test_elevated");
}
