#include "dialog.h"

#include <commctrl.h>
#include <strsafe.h>

#include "msg.h"
#include "resource.h"
#include "strings.h"
#include "version.h"

void dialog_details(HWND owner, const wchar_t *title, const wchar_t *head, const wchar_t *why,
                    const wchar_t *signals)
{
    TASKDIALOGCONFIG tdc;
    wchar_t *all;
    size_t cap;

    ZeroMemory(&tdc, sizeof(tdc));
    tdc.cbSize = sizeof(tdc);
    tdc.hwndParent = owner;
    tdc.dwFlags = TDF_ALLOW_DIALOG_CANCELLATION | TDF_EXPANDED_BY_DEFAULT | TDF_EXPAND_FOOTER_AREA | TDF_SIZE_TO_CONTENT;
    tdc.dwCommonButtons = TDCBF_CLOSE_BUTTON;
    tdc.pszWindowTitle = title;
    tdc.pszMainIcon = TD_INFORMATION_ICON;
    tdc.pszMainInstruction = head;
    tdc.pszContent = why;
    tdc.pszExpandedInformation = signals;
    if (SUCCEEDED(TaskDialogIndirect(&tdc, NULL, NULL, NULL))) return;

    /* No task dialogs (comctl32 5): the same text in a message box. */
    cap = wcslen(head) + wcslen(why) + wcslen(signals) + 8;
    all = HeapAlloc(GetProcessHeap(), 0, cap * sizeof(wchar_t));
    if (!all) return;
    StringCchPrintfW(all, cap, L"%ls\n\n%ls\n\n%ls", head, why, signals);
    MessageBoxW(owner, all, title, MB_OK | MB_ICONINFORMATION);
    HeapFree(GetProcessHeap(), 0, all);
}

void dialog_about(HWND owner)
{
    TASKDIALOGCONFIG tdc;
    wchar_t title[64], head[64], what[512], events[256], licence[256], text[800];

    str_load(IDS_ABOUT_TITLE, title, ARRAYSIZE(title));
    str_format(head, ARRAYSIZE(head), IDS_ABOUT_HEAD, WUTRAY_VERSION_WSTR);
    str_load(IDS_ABOUT_WHAT, what, ARRAYSIZE(what));
    str_load(IDS_ABOUT_EVENTS, events, ARRAYSIZE(events));
    str_load(IDS_ABOUT_LICENSE, licence, ARRAYSIZE(licence));
    StringCchPrintfW(text, ARRAYSIZE(text), L"%s\n\n%s", what, events);

    ZeroMemory(&tdc, sizeof(tdc));
    tdc.cbSize = sizeof(tdc);
    tdc.hwndParent = owner;
    tdc.hInstance = GetModuleHandleW(NULL);
    tdc.dwFlags = TDF_ALLOW_DIALOG_CANCELLATION | TDF_SIZE_TO_CONTENT;
    tdc.dwCommonButtons = TDCBF_CLOSE_BUTTON;
    tdc.pszWindowTitle = title;
    tdc.pszMainIcon = MAKEINTRESOURCEW(IDI_APP);
    tdc.pszMainInstruction = head;
    tdc.pszContent = text;
    tdc.pszFooter = licence;
    if (SUCCEEDED(TaskDialogIndirect(&tdc, NULL, NULL, NULL))) return;

    /* No task dialogs (comctl32 5): the same text in a message box. */
    StringCchPrintfW(text, ARRAYSIZE(text), L"%s\n\n%s\n\n%s\n\n%s", head, what, events, licence);
    MessageBoxW(owner, text, title, MB_OK | MB_ICONINFORMATION);
}
