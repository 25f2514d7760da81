/* The SCM adapter against Wine's real service manager: readings of an
 * existing, a missing and a disabled service, and stop/start round trips of
 * a fake service this test installs (and removes) itself. */
#include <windows.h>

#include "scm.h"
#include "svctool.h"
#include "test.h"

#define SVC_RT L"wutray-test-roundtrip"
#define SVC_DIS L"wutray-test-disabled"

static wchar_t fakesvc[MAX_PATH];

/* Installs fakesvc.exe as `name` with the given extra arguments. */
static BOOL install(const wchar_t *name, DWORD start, const wchar_t *args)
{
    SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_ALL_ACCESS), svc;
    wchar_t bin[1024];

    if (!scm) return FALSE;
    _snwprintf(bin, 1024, L"\"%ls\" %ls %ls", fakesvc, name, args);
    bin[1023] = 0;
    svc = CreateServiceW(scm, name, name, SERVICE_ALL_ACCESS, SERVICE_WIN32_OWN_PROCESS, start,
                         SERVICE_ERROR_NORMAL, bin, NULL, NULL, NULL, NULL, NULL);
    if (svc) CloseServiceHandle(svc);
    CloseServiceHandle(scm);
    return svc != NULL;
}

static void uninstall(const wchar_t *name)
{
    SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_ALL_ACCESS), svc;
    SERVICE_STATUS ss;
    if (!scm) return;
    svc = OpenServiceW(scm, name, SERVICE_ALL_ACCESS);
    if (svc) {
        ControlService(svc, SERVICE_CONTROL_STOP, &ss);
        DeleteService(svc);
        CloseServiceHandle(svc);
    }
    CloseServiceHandle(scm);
}

static void reads(void)
{
    struct svc_reading r;
    struct health_snapshot s;

    scm_read(L"wuauserv", &r); /* Wine ships its own */
    CHECK_EQ_INT(SVC_PRESENT, r.presence);
    CHECK(r.state == SVC_STOPPED || r.state == SVC_RUNNING);
    CHECK_EQ_INT(SVC_START_DEMAND, r.start);
    CHECK(r.display_name[0] != 0);

    scm_read(L"wutray-no-such-service", &r);
    CHECK_EQ_INT(SVC_MISSING, r.presence);
    CHECK_EQ_INT(ERROR_SERVICE_DOES_NOT_EXIST, r.win32_error);

    CHECK(install(SVC_DIS, SERVICE_DISABLED, L""));
    scm_read(SVC_DIS, &r);
    CHECK_EQ_INT(SVC_PRESENT, r.presence);
    CHECK_EQ_INT(SVC_START_DISABLED, r.start);
    CHECK_EQ_INT(SVC_STOPPED, r.state);
    CHECK_EQ_STR("disabled", svc_state_keyword(&r));
    {
        struct restart_op_result o;
        scm_start(SVC_DIS, &scm_default_limits, &o);
        CHECK_EQ_INT(RESTART_ERR_DISABLED, o.result);
        CHECK_EQ_INT(ERROR_SERVICE_DISABLED, o.win32_error);
    }
    uninstall(SVC_DIS);

    scm_snapshot(&s);
    CHECK(s.os_build >= 10240); /* the prefix is set to Windows 10 */
    CHECK(s.taken_ms > 1600000000000ull);
    CHECK_EQ_INT(SVC_PRESENT, s.svc[SVC_WUAUSERV].presence);
}

static void round_trip(void)
{
    struct restart_op_result o;
    struct svc_reading r;

    CHECK(install(SVC_RT, SERVICE_DEMAND_START, L"--start-ms 300 --stop-ms 200"));
    scm_start(SVC_RT, &scm_default_limits, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK_EQ_INT(SVC_RUNNING, o.state);
    CHECK(o.elapsed_ms >= 300); /* it waited for RUNNING, not just for StartService */
    scm_read(SVC_RT, &r);
    CHECK_EQ_INT(SVC_RUNNING, r.state);

    scm_start(SVC_RT, &scm_default_limits, &o); /* already running is fine */
    CHECK_EQ_INT(RESTART_DONE, o.result);

    scm_stop(SVC_RT, &scm_default_limits, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    CHECK_EQ_INT(SVC_STOPPED, o.state);
    CHECK(o.elapsed_ms >= 200);
    scm_read(SVC_RT, &r);
    CHECK_EQ_INT(SVC_STOPPED, r.state);

    scm_stop(SVC_RT, &scm_default_limits, &o); /* already stopped is fine */
    CHECK_EQ_INT(RESTART_DONE, o.result);
    uninstall(SVC_RT);
}

static void failures(void)
{
    struct restart_op_result o;
    struct svc_reading r;
    const struct scm_wait_limits quick = {300, 800};
    ULONGLONG t0;

    /* A service that gives up while starting: reported as failed, fast. */
    CHECK(install(SVC_RT, SERVICE_DEMAND_START, L"--start-ms 100 --fail-start"));
    scm_start(SVC_RT, &scm_default_limits, &o);
    CHECK_EQ_INT(RESTART_ERR_FAILED, o.result);
    CHECK_EQ_INT(SVC_STOPPED, o.state);
    CHECK(o.elapsed_ms < 5000);
    uninstall(SVC_RT);

    /* A stop slower than the limits: a timeout, bounded by the cap, naming the state. */
    CHECK(install(SVC_RT, SERVICE_DEMAND_START, L"--stop-ms 3000"));
    scm_start(SVC_RT, &scm_default_limits, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    t0 = GetTickCount64();
    scm_stop(SVC_RT, &quick, &o);
    CHECK_EQ_INT(RESTART_ERR_TIMEOUT, o.result);
    CHECK_EQ_INT(SVC_STOP_PENDING, o.state);
    CHECK(GetTickCount64() - t0 < 2500);
    CHECK(o.elapsed_ms >= 800);
    /* and a normal wait afterwards sees it through */
    scm_stop(SVC_RT, &scm_default_limits, &o);
    CHECK_EQ_INT(RESTART_DONE, o.result);
    scm_read(SVC_RT, &r);
    CHECK_EQ_INT(SVC_STOPPED, r.state);
    uninstall(SVC_RT);

    /* Starting or stopping a service that does not exist. */
    scm_start(L"wutray-no-such-service", &scm_default_limits, &o);
    CHECK_EQ_INT(RESTART_ERR_MISSING, o.result);
    scm_stop(L"wutray-no-such-service", &scm_default_limits, &o);
    CHECK_EQ_INT(RESTART_ERR_MISSING, o.result);
}

/* Zeroes the stack below the caller, as later calls would overwrite it. */
static __attribute__((noinline)) void scrub_stack(void)
{
    volatile char junk[32768];
    for (size_t i = 0; i < sizeof(junk); i++) junk[i] = 0;
}

/* A second watcher of a service on this thread, as the tray's own watcher
 * is during a restart: registered for any state but the current one. */
static SERVICE_NOTIFYW other;
static volatile LONG other_fired = 1;
static VOID CALLBACK on_other(PVOID p) { (void)p; InterlockedExchange(&other_fired, 1); }
static void other_arm(SC_HANDLE svc)
{
    SERVICE_STATUS_PROCESS ssp;
    DWORD got, mask = 0x7f; /* SERVICE_NOTIFY_STOPPED ... SERVICE_NOTIFY_PAUSED */
    if (!InterlockedCompareExchange(&other_fired, 0, 0)) return; /* still registered */
    if (!QueryServiceStatusEx(svc, SC_STATUS_PROCESS_INFO, (BYTE *)&ssp, sizeof(ssp), &got)) return;
    mask &= ~(1u << (ssp.dwCurrentState - 1));
    other.dwVersion = SERVICE_NOTIFY_STATUS_CHANGE;
    other.pfnNotifyCallback = on_other;
    InterlockedExchange(&other_fired, 0);
    if (NotifyServiceStatusChangeW(svc, mask, &other) != ERROR_SUCCESS) InterlockedExchange(&other_fired, 1);
}

/* Under Wine a notification cancelled by CloseServiceHandle can still be
 * delivered afterwards, into the buffer and to the callback it names. With
 * the buffer on the stack that was a call to whatever the stack held: the
 * tray died with a call to address 0. It happens when a wait wakes for
 * another callback (the tray's watcher sees the same change), finds the
 * target state and closes its handle while its own notification is on the
 * way. So a second watcher runs on the same thread; each alertable sleep
 * runs late callbacks, and the program must survive them. */
static void late_notifications(void)
{
    struct restart_op_result o;
    SC_HANDLE scm, svc = NULL;
    int done = 0;

    CHECK(install(SVC_RT, SERVICE_DEMAND_START, L""));
    scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_CONNECT);
    if (scm) svc = OpenServiceW(scm, SVC_RT, SERVICE_QUERY_STATUS);
    CHECK(svc != NULL);
    for (int i = 0; i < 40 && svc; i++) {
        for (int stop = 0; stop < 2; stop++) {
            other_arm(svc);
            if (stop) scm_stop(SVC_RT, &scm_default_limits, &o);
            else scm_start(SVC_RT, &scm_default_limits, &o);
            done += o.result == RESTART_DONE;
            scrub_stack();
            SleepEx(20, TRUE);
        }
    }
    CHECK_EQ_INT(80, done);
    if (svc) CloseServiceHandle(svc);
    SleepEx(0, TRUE);
    if (scm) CloseServiceHandle(scm);
    uninstall(SVC_RT);
}

int wmain(void)
{
    test_dir_init();
    _snwprintf(fakesvc, MAX_PATH, L"%lsfakesvc.exe", test_dir);
    uninstall(SVC_RT); /* leftovers of an interrupted run */
    uninstall(SVC_DIS);
    reads();
    round_trip();
    failures();
    late_notifications();
    return test_summary("test_scm");
}
