/* The event log adapter and the message file: wutray.exe carries a message
 * table that lays out each event's two strings, and writing an event works
 * (Wine's event log is a stub that accepts it; cli_test and the e2e test
 * read what was written from Wine's trace). */
#include <windows.h>

#include "eventlog.h"
#include "svctool.h"
#include "test.h"

int wmain(void)
{
    static const DWORD ids[] = {EVENT_STATE_OK, EVENT_STATE_WARNING, EVENT_STATE_ERROR, EVENT_RESTART_DONE,
                                EVENT_RESTART_FAILED, EVENT_REENABLE_DONE, EVENT_ACTION_CANCELLED};
    wchar_t path[MAX_PATH], text[256];
    const wchar_t *inserts[2] = {L"Heading", L"Details"};
    HMODULE exe;

    test_dir_init();
    _snwprintf(path, MAX_PATH, L"%lswutray.exe", test_dir);
    exe = LoadLibraryExW(path, NULL, LOAD_LIBRARY_AS_DATAFILE);
    CHECK(exe != NULL);
    for (size_t i = 0; exe && i < ARRAYSIZE(ids); i++) {
        DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_ARGUMENT_ARRAY, exe, ids[i],
                                 MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US), text, ARRAYSIZE(text),
                                 (va_list *)inserts);
        if (n && wcscmp(text, L"Heading\r\n\r\nDetails") == 0) test_passed++;
        else TEST_FAIL_AT("event %lu: message \"%ls\" (error %lu)", ids[i], n ? text : L"", GetLastError());
    }
    if (exe) FreeLibrary(exe);

    CHECK(eventlog_write(EVENT_RESTART_DONE, EVENT_INFORMATION, L"Heading", L"Details"));
    CHECK(eventlog_write(EVENT_STATE_ERROR, EVENT_ERROR, L"Heading", NULL));
    return test_summary("test_eventlog");
}
