/* The watcher against Wine's service manager: starts and stops of wuauserv
 * made by another process, and the deletion and re-creation of UsoSvc, each
 * reach the window as a message, with no polling by the caller. Like the
 * tray's service thread, this thread arms the watch and waits alertably. */
#include <windows.h>

#include "svctool.h"
#include "test.h"
#include "watch.h"

#define WM_CHANGED (WM_APP + 7)

static struct watch *w;
static HWND hwnd;


/* Arms the watch and waits alertably for up to ms for a change of `id`
 * (-1: any); returns how long it took, or -1. */
static long wait_changed(int id, DWORD ms)
{
    ULONGLONG t0 = GetTickCount64(), now;
    MSG msg;

    while ((now = GetTickCount64()) - t0 < ms) {
        DWORD left = (DWORD)(ms - (now - t0)), arm = watch_arm(w);
        MsgWaitForMultipleObjectsEx(0, NULL, arm < left ? arm : left, QS_POSTMESSAGE | QS_ALLPOSTMESSAGE,
                                    MWMO_ALERTABLE | MWMO_INPUTAVAILABLE);
        while (PeekMessageW(&msg, hwnd, 0, 0, PM_REMOVE))
            if (msg.message == WM_CHANGED && (id < 0 || (int)msg.wParam == id))
                return (long)(GetTickCount64() - t0);
    }
    return -1;
}

static void settle(DWORD ms)
{
    ULONGLONG t0 = GetTickCount64();
    while (GetTickCount64() - t0 < ms) wait_changed(-1, 50);
}

int wmain(void)
{
    wchar_t create[MAX_PATH + 64];
    long t;

    test_dir_init();
    _snwprintf(create, ARRAYSIZE(create), L"create UsoSvc demand \"%lsfakesvc.exe\" UsoSvc", test_dir);
    create[ARRAYSIZE(create) - 1] = 0;
    hwnd = CreateWindowExW(0, L"STATIC", L"", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, NULL, NULL);

    svctool(L"delete UsoSvc");
    CHECK(svctool(create));
    w = watch_create(hwnd, WM_CHANGED, 1000); /* recycle fast: that is when Wine shows deletions */
    CHECK(w != NULL);
    if (!w) return test_summary("test_watch");
    settle(300);

    for (int k = 0; k < 3; k++) {
        CHECK(svctool(L"start wuauserv") && svctool(L"wait wuauserv running 5000"));
        t = wait_changed(SVC_WUAUSERV, 3000);
        printf("external start %d noticed (%ld ms after the starter exited)\n", k, t);
        CHECK(t >= 0);
        settle(100);
        CHECK(svctool(L"stop wuauserv") && svctool(L"wait wuauserv stopped 5000"));
        t = wait_changed(SVC_WUAUSERV, 3000);
        printf("external stop %d noticed (%ld ms after)\n", k, t);
        CHECK(t >= 0);
        settle(100);
    }

    /* The Update Orchestrator is deleted, then created again under its name. */
    CHECK(svctool(L"delete UsoSvc"));
    t = wait_changed(SVC_USOSVC, 3000);
    printf("deletion noticed after %ld ms\n", t);
    CHECK(t >= 0);
    settle(1500); /* until the watch has let go of its old handle */
    CHECK(svctool(create));
    t = wait_changed(SVC_USOSVC, 8000); /* looked for again every 5 s */
    printf("re-creation noticed after %ld ms\n", t);
    CHECK(t >= 0);
    settle(300);

    /* And the new one is watched: its start is noticed. */
    CHECK(svctool(L"start UsoSvc") && svctool(L"wait UsoSvc running 5000"));
    t = wait_changed(SVC_USOSVC, 3000);
    CHECK(t >= 0);

    svctool(L"stop UsoSvc");
    svctool(L"wait UsoSvc stopped 5000");
    watch_destroy(w);
    svctool(L"delete UsoSvc");
    DestroyWindow(hwnd);
    return test_summary("test_watch");
}
