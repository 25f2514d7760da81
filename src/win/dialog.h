/* The details window: a task dialog (comctl32 6) with a heading, the reasons
 * and, below them, every signal. Modal to `owner`; the owner's messages keep
 * flowing while it is open. Falls back to a message box if task dialogs are
 * missing. */
#ifndef WUTRAY_DIALOG_H
#define WUTRAY_DIALOG_H

#include <windows.h>

void dialog_details(HWND owner, const wchar_t *title, const wchar_t *head, const wchar_t *why,
                    const wchar_t *signals);

/* The About box: the version, what wutray watches, where its events go and
 * the licence, from the string table; modal to `owner`, closed with Enter
 * (or Esc where the task dialog takes it). */
void dialog_about(HWND owner);

#endif
