/* Message IDs: core returns these, res/strings.rc holds the text.
 * Only #defines here, because the resource compiler reads this file too. */
#ifndef WUTRAY_MSG_H
#define WUTRAY_MSG_H

/* Overall level, as a word (tray menu, CLI). */
#define IDS_LEVEL_OK 100
#define IDS_LEVEL_ATTENTION 101
#define IDS_LEVEL_BROKEN 102
#define IDS_LEVEL_UNKNOWN 103
#define IDS_LEVEL_CHECKING 104
#define IDS_LEVEL_RESTARTING 105

/* Friendly service names; %s in reasons is replaced by one of these. */
#define IDS_SVC_WUAUSERV 120
#define IDS_SVC_USOSVC 121
#define IDS_SVC_BITS 122

/* Reasons, one per reason_kind (%s = friendly service name). */
#define IDS_REASON_DISABLED 140
#define IDS_REASON_MISSING 141
#define IDS_REASON_STUCK_STARTING 142
#define IDS_REASON_STUCK_STOPPING 143
#define IDS_REASON_ACCESS_DENIED 144
#define IDS_REASON_QUERY_FAILED 145
#define IDS_REASON_STARTING 146
#define IDS_REASON_STOPPING 147
#define IDS_REASON_AUTO_STOPPED 148
#define IDS_REASON_PAUSED 149
#define IDS_REASON_REBOOT_REQUIRED 150
#define IDS_REASON_UPDATES_PAUSED 151 /* %s = date */
#define IDS_REASON_MANAGED 152
#define IDS_REASON_POLICY_NO_AUTO_UPDATE 153
#define IDS_REASON_POLICY_NO_WU_ACCESS 154
#define IDS_REASON_POLICY_NO_INTERNET 155
#define IDS_REASON_STALLED_SEARCH 156  /* %s = date of the last successful search */
#define IDS_REASON_OUTCOME_UNKNOWN 159
#define IDS_REASON_CLOCK_BEHIND 157     /* %s = the date of the last search, after today */
#define IDS_REASON_LAST_SEARCH 161     /* %s = date */
#define IDS_REASON_METERED 163
#define IDS_REASON_SEARCH_FAILED 164   /* %s = date, then %08lX = the error code */
#define IDS_REASON_AGENT_REFUSED 165
#define IDS_REASON_PATCH_FAILING 166   /* %s title, %u attempts, %s first date, %08lX code */
#define IDS_REASON_PATCH_FAILED_ONCE 167 /* %s title, %s date, %08lX code */
#define IDS_REASON_PATCH_STALLED 168   /* %s date, %s title */
#define IDS_REASON_PATCH_WAITING 169   /* %s date, %s title */
#define IDS_REASON_PATCH_NONE 180
#define IDS_REASON_PATCH_UNKNOWN 181
#define IDS_REASON_LAST_PATCH 182      /* %s date, %s title */
#define IDS_REASON_END_OF_SERVICE 183  /* %s version, %s date */
#define IDS_REASON_END_OF_SERVICE_SOON 184 /* %s version, %s date */
#define IDS_REASON_SUPPORTED 185       /* %s version, %s date */
#define IDS_REASON_ESU 186             /* %s version, %s date */
#define IDS_REASON_BUILD_NEWER 187     /* %u build */
#define IDS_REASON_LOW_DISK 188        /* %u GB */
#define IDS_REASON_SAFEGUARD_HOLD 189  /* %s the version held back */
#define IDS_NEXT_UPGRADE_WIN11 190
#define IDS_NEXT_ESU_WIN10 191
#define IDS_NEXT_UPGRADE 192
#define IDS_NEXT_STORAGE 193
#define IDS_NEXT_ESU_CHECK 194
#define IDS_STATE_NAME_UNSUPPORTED 195

/* Kinds of update (update_kind.c), for the details. */
#define IDS_KIND_OS_SECURITY 700
#define IDS_KIND_DEFENDER 701
#define IDS_KIND_MSRT 702
#define IDS_KIND_STORE_APP 703
#define IDS_KIND_DRIVER 704
#define IDS_KIND_FEATURE 705
#define IDS_KIND_OTHER 706
#define IDS_ALL_GOOD 160

/* States (health_state): the first word of the tooltip and the details. */
#define IDS_STATE_NAME_BROKEN 170
#define IDS_STATE_NAME_STALLED 171
#define IDS_STATE_NAME_FAILING 172
#define IDS_STATE_NAME_RESTART_NEEDED 173
#define IDS_STATE_NAME_WORKING 174
#define IDS_STATE_NAME_UNKNOWN 175
#define IDS_STATE_NAME_PAUSED 176
#define IDS_STATE_NAME_MANAGED 177
#define IDS_STATE_NAME_OK 178
#define IDS_STATE_NAME_ATTENTION 179

/* Tray */
#define IDS_TIP_FORMAT 200      /* "Windows Update: %s" */
#define IDS_TIP_MORE 201        /* "(+%d more)" */
#define IDS_MENU_STATUS 210     /* "Status: %s" */
#define IDS_MENU_RESTART 211
#define IDS_MENU_TROUBLESHOOT 212
#define IDS_MENU_SETTINGS 213
#define IDS_MENU_CHECK 214
#define IDS_MENU_EXIT 215
#define IDS_MENU_REENABLE 216
#define IDS_MENU_SNOOZE_DAY 217
#define IDS_MENU_SNOOZE_WEEK 218
#define IDS_MENU_RESUME_ALERTS 219
#define IDS_MENU_DETAILS 229
#define IDS_MENU_SNOOZE 231       /* the submenu */
#define IDS_MENU_SNOOZE_HOUR 232

/* The details window (report_details). */
#define IDS_DETAILS_TITLE 600      /* the window's title */
#define IDS_DETAILS_HEAD 601       /* "Windows Update: %s" (the state) */
#define IDS_DETAILS_READ_AT 602    /* "Read at %s (UTC)." */
#define IDS_DETAILS_SERVICE 603    /* "%s (%s): %s, start type %s" */
#define IDS_DETAILS_SEARCH 604     /* "Last successful search for updates: %s" */
#define IDS_DETAILS_SOURCES 605    /* "Update history: %s; System log: %s; Operational log: %s; waiting updates: %s" */
#define IDS_DETAILS_LAST_PATCH 606 /* "Newest security update for Windows: %s" */
#define IDS_DETAILS_KIND 607       /* "%s: installed %s; last failure %s" */
#define IDS_DETAILS_PENDING 608    /* "Security updates waiting: %u (the oldest published %s)" */
#define IDS_DETAILS_WINDOWS 609    /* "Windows: %s (build %u.%u, %s)" */
#define IDS_DETAILS_REBOOT 610     /* "Restart required: %s" */
#define IDS_DETAILS_PAUSED 611     /* "Updates paused until: %s" */
#define IDS_DETAILS_MANAGED 612    /* "Managed by an organisation: %s" */
#define IDS_DETAILS_AGENT 613      /* "Windows Update Agent: %s" */
#define IDS_DETAILS_POLICIES 614   /* "Policies that turn updating off: %s" */
#define IDS_DETAILS_METERED 615    /* "Metered connection: %s" */
#define IDS_DETAILS_ESU 616        /* "Extended Security Updates: %s" */
#define IDS_DETAILS_DISK 617       /* "Free space on the system drive: %s" */
#define IDS_DETAILS_HOLD 618       /* "Safeguard hold: %s" */
#define IDS_DETAILS_WINDOWS_NA 619 /* "Windows version: %s" */
#define IDS_DETAILS_PENDING_NONE 636 /* "Security updates waiting to be installed: none" */
#define IDS_WORD_YES 620
#define IDS_WORD_NO 621
#define IDS_WORD_UNAVAILABLE 622   /* "not available" */
#define IDS_WORD_NOT_ASKED 623     /* "not asked yet" */
#define IDS_WORD_FROM_AGENT 624    /* "%s (Windows Update Agent)" */
#define IDS_WORD_FROM_REGISTRY 625 /* "%s (registry)" */
#define IDS_WORD_NONE 626
#define IDS_WORD_AVAILABLE 627
#define IDS_WORD_READ 628          /* "read" */
#define IDS_WORD_NEVER 629         /* "never" */
#define IDS_WORD_FROM_EVENT_LOG 630 /* "%s (update event log)" */
#define IDS_WORD_FAILURE 631       /* "%s (error 0x%08lX)" */
#define IDS_WORD_ESU_COMMERCIAL 632 /* "commercial, year %u" */
#define IDS_WORD_ESU_CONSUMER 633  /* "consumer (as reported by Windows)" */
#define IDS_WORD_GB 634            /* "%u GB" */
#define IDS_WORD_DATED_TITLE 635   /* "%s: %s" (a day, a title) */
#define IDS_BALLOON_TITLE 220
#define IDS_RESTART_TITLE 221
#define IDS_OPEN_FAILED 222     /* "Windows could not open %s." */
#define IDS_OPEN_ELEVATED 230   /* running as administrator, no desktop shell to open %s */
#define IDS_TIP_STEP_STOP 223   /* "Stopping %s..." */
#define IDS_TIP_STEP_START 224  /* "Starting %s..." */
#define IDS_EXIT_AFTER_RESTART 225
#define IDS_PAGE_TROUBLESHOOTER 226
#define IDS_PAGE_SETTINGS 227
#define IDS_TIP_STEP_MANUAL 228 /* "Setting %s to Manual..." */

/* Restart outcomes (%s = friendly service name, %s = state word). */
#define IDS_RESTART_OK 300
#define IDS_RESTART_DENIED 301
#define IDS_RESTART_DISABLED 302
#define IDS_RESTART_MISSING 303
#define IDS_RESTART_STOP_TIMEOUT 304
#define IDS_RESTART_START_TIMEOUT 305
#define IDS_RESTART_STOP_FAILED 306
#define IDS_RESTART_START_FAILED 307
#define IDS_RESTART_NOTHING 308
#define IDS_RESTART_STEP_DONE 309 /* "%s %s: %lu ms" */
#define IDS_WORD_STOPPED 310
#define IDS_WORD_STARTED 311
#define IDS_RESTART_CANCELLED 312
#define IDS_REENABLE_OK 313       /* "%s was re-enabled (set to Manual)." */
#define IDS_REENABLE_DENIED 314
#define IDS_REENABLE_FAILED 315   /* "%s could not be re-enabled (error %lu)." */
#define IDS_REENABLE_TITLE 316
#define IDS_REENABLE_CANCELLED 317
#define IDS_RESTART_STOP_FAILED_NOCODE 318
#define IDS_RESTART_START_FAILED_NOCODE 319
#define IDS_RESTART_UNSAFE_FOLDER 320
/* The fault matrix (issue 11): 1150-1199. */
#define IDS_RESTART_EXITED 1150      /* "%s started, then stopped again at once (exit code %lu)." */
#define IDS_RESTART_INTERRUPTED 1151 /* "%s": the step it stopped before; session ending */
#define IDS_RESTART_BLOCK_REASON 1152 /* shown by Windows while a restart holds up the sign-out */

/* wutray-cli fix: what it does, or why it does nothing. */
#define IDS_FIX_RESTART 330
#define IDS_FIX_REENABLE 331
#define IDS_FIX_NOTHING 332
#define IDS_FIX_MISSING 333
#define IDS_FIX_UNSUPPORTED 334
#define IDS_FIX_RESTART_PC 335
#define IDS_FIX_ATTENTION 336
#define IDS_FIX_CANNOT_TELL 337
#define IDS_FIX_NEEDS_ADMIN 338

/* Human words for states and start types. */
#define IDS_STATE_RUNNING 400
#define IDS_STATE_STOPPED 401
#define IDS_STATE_START_PENDING 402
#define IDS_STATE_STOP_PENDING 403
#define IDS_STATE_PAUSED 404
#define IDS_STATE_DISABLED 405
#define IDS_STATE_MISSING 406
#define IDS_STATE_ACCESS_DENIED 407
#define IDS_STATE_UNKNOWN 408
#define IDS_START_AUTO 420
#define IDS_START_AUTO_DELAYED 421
#define IDS_START_MANUAL 422
#define IDS_START_DISABLED 423
#define IDS_START_BOOT 424
#define IDS_START_SYSTEM 425
#define IDS_START_UNKNOWN 426

/* Command line */
#define IDS_CLI_USAGE 500
#define IDS_CLI_VERSION 501        /* "wutray-cli %s" */
#define IDS_CLI_BAD_ARG 502        /* "unknown argument: %s" */
#define IDS_CLI_STATUS_HEAD 503    /* "Windows Update: %s" */
#define IDS_CLI_SERVICE_LINE 504   /* "  %s (%s): %s, start type %s" */
#define IDS_CLI_REASONS 505
#define IDS_CLI_MISSING_ARG 506
#define IDS_CLI_EXTRA_ARG 507
#define IDS_CLI_TOO_LONG 508
#define IDS_CLI_EXPLAIN 509    /* "    %s": an explanation under a reason */
#define IDS_CLI_WARNING 510    /* "wutray-cli: %s" on stderr */

/* Settings values that are not used (report_refused_text). */
#define IDS_SETTING_OUT_OF_RANGE 520 /* name, value, where, min, max */
#define IDS_SETTING_WRONG_TYPE 521   /* name, where */

/* The tray menu's own items, the Settings dialog and the About box (1000-1099). */
#define IDS_MENU_WUTRAY_SETTINGS 1000
#define IDS_MENU_ABOUT 1001
#define IDS_SET_TITLE 1002
#define IDS_SET_GROUP_ALERTS 1003
#define IDS_SET_ALERTS 1004
#define IDS_SET_SNOOZE_FOR 1005
#define IDS_SET_SNOOZE_HOUR 1006
#define IDS_SET_SNOOZE_DAY 1007
#define IDS_SET_SNOOZE_WEEK 1008
#define IDS_SET_SNOOZE 1009
#define IDS_SET_SNOOZED_UNTIL 1010  /* %s = local date and time */
#define IDS_SET_RESUME 1011
#define IDS_SET_GROUP_WARN 1012
#define IDS_SET_STALLED_SEARCH 1013
#define IDS_SET_PATCH_AGE 1014
#define IDS_SET_REBOOT_OVERDUE 1015
#define IDS_SET_LOW_DISK 1016
#define IDS_SET_GROUP_OTHER 1017
#define IDS_SET_INCLUDE_BITS 1018
#define IDS_SET_AUTOSTART 1019
#define IDS_SET_AUTOSTART_MACHINE 1020
#define IDS_SET_LOCKED 1021
#define IDS_SET_NOT_SAVED 1022      /* %lu min, %lu max */
#define IDS_SET_WRITE_FAILED 1023   /* %lu = the registry's error */
#define IDS_SET_CLOSE 1024
#define IDS_ABOUT_TITLE 1030
#define IDS_ABOUT_HEAD 1031         /* %s = version */
#define IDS_ABOUT_WHAT 1032
#define IDS_ABOUT_EVENTS 1033
#define IDS_ABOUT_LICENSE 1034

/* Explanations of Windows Update error codes (errtext.c). */
#include "msg_errors.h"

#endif
