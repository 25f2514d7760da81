/* Watching the registry keys behind the update signals with
 * RegNotifyChangeKeyValue, so a change reaches the tray without a poll.
 * Each watched key has an event; the owner waits on them and calls
 * regwatch_rearm() for the one that fired. */
#ifndef WUTRAY_REGWATCH_H
#define WUTRAY_REGWATCH_H

#include <windows.h>

#define REGWATCH_KEYS 4

struct regwatch {
    HKEY key[REGWATCH_KEYS];
    HANDLE event[REGWATCH_KEYS];
};

/* Opens and arms what it can (see regwatch.c for which keys). */
void regwatch_open(struct regwatch *rw);
/* The events to wait on; returns how many (they are packed to the front). */
DWORD regwatch_events(const struct regwatch *rw, HANDLE out[REGWATCH_KEYS]);
/* After event `index` of regwatch_events() fired: arm it again. */
void regwatch_rearm(struct regwatch *rw, DWORD index);
void regwatch_close(struct regwatch *rw);

#endif
