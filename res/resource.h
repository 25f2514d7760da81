/* Resource IDs for icons (string IDs are in src/core/msg.h). The tray's
 * state icons are no resources: src/win/trayicon.c draws them. */
#ifndef WUTRAY_RESOURCE_H
#define WUTRAY_RESOURCE_H
#define IDI_APP 1
#endif
