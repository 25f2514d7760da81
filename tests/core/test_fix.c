/* What `wutray-cli fix` does per verdict, and what it reports: the plan for
 * each state (from reasons as the rule modules add them), the result of each
 * restart outcome and the exit codes. */
#include "fix.h"
#include "msg.h"
#include "test.h"

#include <stdio.h>

#define END REASON_KIND_COUNT

static void plans(void)
{
    static const struct {
        const char *name;
        enum reason_kind reasons[3];
        enum health_level levels[3];
        enum svc_id svc;
        bool any_disabled;
        enum fix_action action;
        int msg;
    } cases[] = {
        {"healthy", {REASON_LAST_PATCH, END}, {HEALTH_OK}, SVC_COUNT, false, FIX_NONE, IDS_FIX_NOTHING},
        {"paused", {REASON_UPDATES_PAUSED, END}, {HEALTH_OK}, SVC_COUNT, false, FIX_NONE, IDS_FIX_NOTHING},
        {"managed", {REASON_MANAGED, END}, {HEALTH_OK}, SVC_COUNT, false, FIX_NONE, IDS_FIX_NOTHING},
        {"starting", {REASON_STARTING, END}, {HEALTH_OK}, SVC_WUAUSERV, false, FIX_NONE, IDS_FIX_NOTHING},
        {"disabled", {REASON_DISABLED, END}, {HEALTH_BROKEN}, SVC_WUAUSERV, true, FIX_REENABLE, IDS_FIX_REENABLE},
        {"disabled and the other missing: re-enable first",
         {REASON_DISABLED, REASON_MISSING, END}, {HEALTH_BROKEN, HEALTH_BROKEN}, SVC_WUAUSERV, true,
         FIX_REENABLE, IDS_FIX_REENABLE},
        {"missing", {REASON_MISSING, END}, {HEALTH_BROKEN}, SVC_USOSVC, false, FIX_NOT_FIXABLE, IDS_FIX_MISSING},
        {"stuck starting", {REASON_STUCK_STARTING, END}, {HEALTH_BROKEN}, SVC_WUAUSERV, false, FIX_RESTART,
         IDS_FIX_RESTART},
        {"stuck stopping", {REASON_STUCK_STOPPING, END}, {HEALTH_BROKEN}, SVC_USOSVC, false, FIX_RESTART,
         IDS_FIX_RESTART},
        {"stalled search", {REASON_STALLED_SEARCH, END}, {HEALTH_BROKEN}, SVC_COUNT, false, FIX_RESTART,
         IDS_FIX_RESTART},
        {"stalled patches", {REASON_PATCH_STALLED, END}, {HEALTH_BROKEN}, SVC_COUNT, false, FIX_RESTART,
         IDS_FIX_RESTART},
        {"failing", {REASON_PATCH_FAILING, END}, {HEALTH_BROKEN}, SVC_COUNT, false, FIX_RESTART, IDS_FIX_RESTART},
        {"unsupported", {REASON_END_OF_SERVICE, END}, {HEALTH_BROKEN}, SVC_COUNT, false, FIX_NOT_FIXABLE,
         IDS_FIX_UNSUPPORTED},
        {"unsupported and failing: the worse state decides",
         {REASON_END_OF_SERVICE, REASON_PATCH_FAILING, END}, {HEALTH_BROKEN, HEALTH_BROKEN}, SVC_COUNT, false,
         FIX_NOT_FIXABLE, IDS_FIX_UNSUPPORTED},
        {"low disk", {REASON_LOW_DISK, END}, {HEALTH_ATTENTION}, SVC_COUNT, false, FIX_NOT_FIXABLE,
         IDS_FIX_ATTENTION},
        {"policy", {REASON_POLICY_NO_AUTO_UPDATE, END}, {HEALTH_ATTENTION}, SVC_COUNT, false, FIX_NOT_FIXABLE,
         IDS_FIX_ATTENTION},
        {"restart of the PC waiting", {REASON_REBOOT_REQUIRED, END}, {HEALTH_ATTENTION}, SVC_COUNT, false,
         FIX_NOT_FIXABLE, IDS_FIX_RESTART_PC},
        {"agent refused", {REASON_AGENT_REFUSED, END}, {HEALTH_UNKNOWN}, SVC_COUNT, false, FIX_CANNOT_TELL,
         IDS_FIX_CANNOT_TELL},
        {"no source", {REASON_OUTCOME_UNKNOWN, END}, {HEALTH_UNKNOWN}, SVC_COUNT, false, FIX_CANNOT_TELL,
         IDS_FIX_CANNOT_TELL},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct health_result res;
        struct fix_plan plan;
        int failed_before = test_failed;

        memset(&res, 0, sizeof(res));
        res.level = HEALTH_OK;
        for (int k = 0; k < 3 && cases[i].reasons[k] != END; k++)
            health_add_reason(&res, cases[i].reasons[k], k == 0 ? cases[i].svc : SVC_USOSVC, cases[i].levels[k], 0, 0);
        health_finish(&res);
        fix_decide(&res, cases[i].any_disabled, &plan);
        CHECK_EQ_INT(cases[i].action, plan.action);
        CHECK_EQ_INT(cases[i].msg, plan.msg);
        if (test_failed != failed_before)
            fprintf(stderr, "  in plan case: %s (state %s)\n", cases[i].name, health_state_keyword(res.state));
    }
}

static void results(void)
{
    static const struct {
        enum fix_action action;
        enum restart_result done;
        enum fix_result result;
        int exit_code;
        const char *keyword;
    } cases[] = {
        {FIX_RESTART, RESTART_DONE, FIX_FIXED, 0, "fixed"},
        {FIX_REENABLE, RESTART_DONE, FIX_FIXED, 0, "fixed"},
        {FIX_REENABLE, RESTART_ERR_NOTHING, FIX_NOTHING_TO_DO, 0, "nothing_to_do"},
        {FIX_RESTART, RESTART_ERR_TIMEOUT, FIX_FAILED, 1, "failed"},
        {FIX_RESTART, RESTART_ERR_FAILED, FIX_FAILED, 1, "failed"},
        {FIX_RESTART, RESTART_ERR_DISABLED, FIX_FAILED, 1, "failed"},
        {FIX_RESTART, RESTART_ERR_CANCELLED, FIX_FAILED, 1, "failed"},
        {FIX_RESTART, RESTART_ERR_DENIED, FIX_NEEDS_ADMIN, 2, "needs_admin"},
        {FIX_REENABLE, RESTART_ERR_DENIED, FIX_NEEDS_ADMIN, 2, "needs_admin"},
        {FIX_RESTART, RESTART_ERR_MISSING, FIX_UNFIXABLE, 4, "not_fixable"},
        /* Plans that do nothing ignore the restart result. */
        {FIX_NONE, RESTART_ERR_FAILED, FIX_NOTHING_TO_DO, 0, "nothing_to_do"},
        {FIX_NOT_FIXABLE, RESTART_DONE, FIX_UNFIXABLE, 4, "not_fixable"},
        {FIX_CANNOT_TELL, RESTART_DONE, FIX_UNKNOWN_STATE, 3, "unknown"},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        enum fix_result r = fix_result_of(cases[i].action, cases[i].done);
        int failed_before = test_failed;

        CHECK_EQ_INT(cases[i].result, r);
        CHECK_EQ_INT(cases[i].exit_code, fix_exit_code(r));
        CHECK_EQ_STR(cases[i].keyword, fix_result_keyword(r));
        if (test_failed != failed_before) fprintf(stderr, "  in result case %zu\n", i);
    }
    CHECK_EQ_STR("restart", fix_action_keyword(FIX_RESTART));
    CHECK_EQ_STR("reenable", fix_action_keyword(FIX_REENABLE));
    CHECK(fix_action_keyword(FIX_NONE) == NULL);
}

int main(void)
{
    plans();
    results();
    return test_summary("test_fix");
}
