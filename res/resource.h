/* Resource IDs for icons and dialogs (string IDs are in src/core/msg.h). The tray's
 * state icons are no resources: src/win/trayicon.c draws them. */
#ifndef WUTRAY_RESOURCE_H
#define WUTRAY_RESOURCE_H
#define IDI_APP 1
/* The Settings dialog (res/settings.rc, src/win/settings_dialog.c). */
#define IDD_SETTINGS 100
#define IDC_GROUP_ALERTS 200
#define IDC_ALERTS 201
#define IDC_ALERTS_NOTE 202
#define IDC_SNOOZE_LABEL 203
#define IDC_SNOOZE_FOR 204
#define IDC_SNOOZE 205
#define IDC_SNOOZED 206
#define IDC_RESUME 207
#define IDC_GROUP_WARN 210
#define IDC_STALLED_LABEL 211
#define IDC_STALLED 212
#define IDC_STALLED_SPIN 213
#define IDC_STALLED_NOTE 214
#define IDC_PATCH_LABEL 215
#define IDC_PATCH 216
#define IDC_PATCH_SPIN 217
#define IDC_PATCH_NOTE 218
#define IDC_REBOOT_LABEL 219
#define IDC_REBOOT 220
#define IDC_REBOOT_SPIN 221
#define IDC_REBOOT_NOTE 222
#define IDC_DISK_LABEL 223
#define IDC_DISK 224
#define IDC_DISK_SPIN 225
#define IDC_DISK_NOTE 226
#define IDC_GROUP_OTHER 230
#define IDC_BITS 231
#define IDC_BITS_NOTE 232
#define IDC_AUTOSTART 233
#define IDC_AUTOSTART_MACHINE 234
#endif
