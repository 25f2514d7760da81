/* Service Control Manager adapter: readings for core, and stop/start with a
 * bounded, event-driven wait. Windows errors become core enums here only. */
#ifndef WUTRAY_SCM_H
#define WUTRAY_SCM_H

#include <windows.h>
#include "health.h"
#include "restart.h"

struct scm_wait_limits {
    DWORD no_progress_floor_ms; /* give up when the checkpoint does not move for max(wait hint, this) */
    DWORD total_cap_ms;         /* ... or after this long in all */
};

extern const struct scm_wait_limits scm_default_limits;

void scm_read(const wchar_t *name, struct svc_reading *out);
/* Reads both services, the Windows build and the time (the registry's
 * signals are left empty: see check_read). */
void scm_snapshot(struct health_snapshot *out);

/* The same on a manager handle the caller keeps (the tray's service thread
 * opens one with scm_manager_open: connect, and enumerate where allowed,
 * which the watcher needs for creation and deletion notifications). */
SC_HANDLE scm_manager_open(void);
void scm_read_on(SC_HANDLE scm, const wchar_t *name, struct svc_reading *out);
void scm_snapshot_on(SC_HANDLE scm, struct health_snapshot *out);
/* A reading's state from a status in hand (a notification's, a query's);
 * the start type and name are left as they are. */
void scm_status_to_reading(const SERVICE_STATUS_PROCESS *ssp, struct svc_reading *out);
/* The start type and display name, read now on `svc` (SERVICE_QUERY_CONFIG). */
void scm_read_config(SC_HANDLE svc, struct svc_reading *out);

/* Stop or start one service and wait until it is stopped / running. */
void scm_stop(const wchar_t *name, const struct scm_wait_limits *lim, struct restart_op_result *out);
void scm_start(const wchar_t *name, const struct scm_wait_limits *lim, struct restart_op_result *out);

/* Sets a service's start type to Manual (demand start). */
void scm_set_manual(const wchar_t *name, struct restart_op_result *out);
/* Runs one step of a restart or re-enable plan. */
void scm_run_step(const struct restart_step *step, const struct scm_wait_limits *lim,
                  struct restart_op_result *out);

/* The same two in the callback shapes of core's restart_ops and elevated_env
 * (ctx is not used). */
void scm_step_cb(void *ctx, const struct restart_step *step, struct restart_op_result *out);
void scm_snapshot_cb(void *ctx, struct health_snapshot *s);
/* Whether the services a restart started stayed up for RESTART_SETTLE_MS:
 * core's restart_ops.confirm (ctx is not used). */
void scm_confirm_cb(void *ctx, const enum svc_id *svcs, unsigned n, struct restart_op_result *out,
                    unsigned *which);
/* BITS as read now (for a restart that includes it). */
void scm_read_bits_cb(void *ctx, struct svc_reading *out);

/* For a one-shot check: if the reading is pending, waits up to max_ms for the
 * service to change state, then reads it again; sets no_progress_ms when
 * neither the state nor the checkpoint moved in that time. */
void scm_watch_pending(const wchar_t *name, DWORD max_ms, struct svc_reading *r);

enum svc_state scm_state_from_win(DWORD state);
enum svc_start scm_start_from_win(DWORD start_type, BOOL delayed);

#endif
