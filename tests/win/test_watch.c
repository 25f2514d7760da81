/* The watcher against Wine's service manager: starts and stops of wuauserv
 * made by another process, and the deletion and re-creation of UsoSvc, are
 * each noted as a change with its new state, with no polling by the caller;
 * the configuration is read back on the watch's own handles. Like the tray's service thread, this thread arms
 * the watch and waits alertably. */
#include <windows.h>

#include "scm.h"
#include "svctool.h"
#include "test.h"
#include "watch.h"

static struct watch *w;
static DWORD last_arm; /* what the last watch_arm said to wait */

/* Arms the watch and waits alertably for up to ms for a change of `id`
 * (-1: any); returns how long it took, or -1. */
static long wait_changed(int id, DWORD ms)
{
    ULONGLONG t0 = GetTickCount64(), now;

    while ((now = GetTickCount64()) - t0 < ms) {
        DWORD left = (DWORD)(ms - (now - t0));
        unsigned changed;

        last_arm = watch_arm(w);
        SleepEx(last_arm < left ? last_arm : left, TRUE);
        changed = watch_take_changes(w);
        if (changed && (id < 0 || (changed & (1u << id)))) return (long)(GetTickCount64() - t0);
    }
    return -1;
}

static void settle(DWORD ms)
{
    ULONGLONG t0 = GetTickCount64();
    while (GetTickCount64() - t0 < ms) wait_changed(-1, 50);
}

/* The state the watch saw last reaches `want` (a change may come in steps:
 * stop pending, then stopped), and with the configuration it reads on its
 * handle agrees with a fresh reading by name. */
static void check_read_agrees(enum svc_id id, enum svc_state want)
{
    struct svc_reading mine, fresh;
    ULONGLONG t0 = GetTickCount64();
    BOOL got;

    ZeroMemory(&mine, sizeof(mine));
    while (!(got = watch_state(w, id, &mine)) || mine.state != want) {
        if (GetTickCount64() - t0 > 3000) break;
        wait_changed(id, 500);
    }
    CHECK(got);
    CHECK(watch_read_config(w, id, &mine));
    scm_read(svc_name(id), &fresh);
    CHECK_EQ_INT(want, mine.state);
    CHECK_EQ_INT(fresh.state, mine.state);
    CHECK_EQ_INT(fresh.start, mine.start);
    CHECK(wcscmp(fresh.display_name, mine.display_name) == 0);
}

/* The watcher's mode is the service manager's own answer: does it take a
 * creation and deletion notification on its handle? */
static BOOL manager_reports_deletions(SC_HANDLE scm)
{
    static SERVICE_NOTIFYW n; /* kept: a late callback may write it */
    n.dwVersion = SERVICE_NOTIFY_STATUS_CHANGE;
    return NotifyServiceStatusChangeW(scm, SERVICE_NOTIFY_CREATED | SERVICE_NOTIFY_DELETED, &n) == ERROR_SUCCESS;
}

int wmain(void)
{
    wchar_t create[MAX_PATH + 64];
    SC_HANDLE scm = scm_manager_open(), probe = scm_manager_open();
    BOOL reports;
    long t;

    test_dir_init();
    _snwprintf(create, ARRAYSIZE(create), L"create UsoSvc demand \"%lsfakesvc.exe\" UsoSvc", test_dir);
    create[ARRAYSIZE(create) - 1] = 0;

    svctool(L"delete UsoSvc");
    CHECK(svctool(create));
    w = watch_create(scm, 1000); /* recycle fast: where deletions are not reported, that is when they show */
    CHECK(w != NULL);
    if (!w) return test_summary("test_watch");
    reports = manager_reports_deletions(probe);
    CloseServiceHandle(probe);
    printf("the service manager %s deletions\n", reports ? "reports" : "does not report");
    CHECK_EQ_INT(reports, watch_scm_reports(w));
    settle(300);
    /* Idle with both services there: no wake-up where deletions are reported,
     * at the recycle period where they are not. */
    if (reports) CHECK_EQ_INT(INFINITE, last_arm);
    else CHECK(last_arm <= 1000);

    for (int k = 0; k < 3; k++) {
        CHECK(svctool(L"start wuauserv") && svctool(L"wait wuauserv running 5000"));
        t = wait_changed(SVC_WUAUSERV, 3000);
        printf("external start %d noticed (%ld ms after the starter exited)\n", k, t);
        CHECK(t >= 0);
        check_read_agrees(SVC_WUAUSERV, SVC_RUNNING);
        settle(100);
        CHECK(svctool(L"stop wuauserv") && svctool(L"wait wuauserv stopped 5000"));
        t = wait_changed(SVC_WUAUSERV, 3000);
        printf("external stop %d noticed (%ld ms after)\n", k, t);
        CHECK(t >= 0);
        check_read_agrees(SVC_WUAUSERV, SVC_STOPPED);
        settle(100);
    }

    /* The Update Orchestrator is deleted, then created again under its name. */
    CHECK(svctool(L"delete UsoSvc"));
    t = wait_changed(SVC_USOSVC, 3000);
    printf("deletion noticed after %ld ms\n", t);
    CHECK(t >= 0);
    settle(1500); /* until the watch has let go of its old handle */
    {
        struct svc_reading r;
        CHECK(!watch_state(w, SVC_USOSVC, &r)); /* no handle: read by name */
        scm_read(L"UsoSvc", &r);
        CHECK_EQ_INT(SVC_MISSING, r.presence);
    }
    /* Missing: looked for again every few seconds where creations are not reported. */
    if (!reports) CHECK(last_arm <= 5000);
    CHECK(svctool(create));
    t = wait_changed(SVC_USOSVC, 8000);
    printf("re-creation noticed after %ld ms\n", t);
    CHECK(t >= 0);
    check_read_agrees(SVC_USOSVC, SVC_STOPPED);
    settle(300);

    /* And the new one is watched: its start is noticed. */
    CHECK(svctool(L"start UsoSvc") && svctool(L"wait UsoSvc running 5000"));
    t = wait_changed(SVC_USOSVC, 3000);
    CHECK(t >= 0);
    check_read_agrees(SVC_USOSVC, SVC_RUNNING);

    svctool(L"stop UsoSvc");
    svctool(L"wait UsoSvc stopped 5000");
    watch_destroy(w);
    CloseServiceHandle(scm);
    svctool(L"delete UsoSvc");
    return test_summary("test_watch");
}
