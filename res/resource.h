/* Resource IDs for icons (string IDs are in src/core/msg.h). */
#ifndef WUTRAY_RESOURCE_H
#define WUTRAY_RESOURCE_H
#define IDI_APP 1
#define IDI_OK 10
#define IDI_ATTENTION 11
#define IDI_BROKEN 12
#define IDI_UNKNOWN 13
#define IDI_WORKING 14
#endif
