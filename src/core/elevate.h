/* The elevated side of wutray.exe: `wutray.exe --elevated VERB` runs one
 * allowlisted action with administrator rights, shows no UI, takes no other
 * input, and reports its outcome in its exit code. Pure: parsing and the
 * exit-code protocol, table-tested. */
#ifndef WUTRAY_ELEVATE_H
#define WUTRAY_ELEVATE_H

#include <stdint.h>
#include <wchar.h>
#include "restart.h"

enum elevated_verb {
    ELEVATED_NONE,
    ELEVATED_RESTART,      /* restart-services */
    ELEVATED_RESTART_BITS, /* restart-services-bits: the same, with BITS (IncludeBits) */
    ELEVATED_REENABLE      /* reenable-services */
};

enum elevated_parse {
    ELEVATED_NOT_ASKED, /* no arguments: the normal tray */
    ELEVATED_OK,        /* --elevated and an allowlisted verb, nothing else */
    ELEVATED_REFUSED    /* anything else: exit at once with ELEVATED_EXIT_REFUSED */
};

#define ELEVATED_EXIT_REFUSED 64

enum elevated_parse elevated_parse(int argc, const wchar_t *const *argv, enum elevated_verb *verb);
/* The command line for a verb, e.g. L"--elevated restart-services". */
const wchar_t *elevated_args(enum elevated_verb verb);

/* An outcome as an exit code and back. 0 is success; other outcomes carry a
 * tag so that an unrelated exit code (a crash) is never mistaken for one. */
uint32_t elevated_encode(const struct restart_outcome *o);
void elevated_decode(uint32_t code, struct restart_outcome *o);

/* How the tray restarts or re-enables: with the caller's rights first; only
 * when that is refused for lack of rights, once more through the elevated
 * side (which reads the services afresh and runs the same plan). */
struct elevated_env {
    void (*snapshot)(void *ctx, struct health_snapshot *s);
    const struct restart_ops *ops;
    /* Reads BITS for ELEVATED_RESTART_BITS; NULL: BITS counts as missing. */
    void (*read_bits)(void *ctx, struct svc_reading *out);
    /* Starts `wutray.exe <elevated_args(verb)>` elevated and waits for it.
     * Returns RESTART_DONE with its exit code, RESTART_ERR_CANCELLED if the
     * user declined, or RESTART_ERR_FAILED with a Win32 error in *code. */
    enum restart_result (*elevate)(void *ctx, enum elevated_verb verb, uint32_t *code);
};

/* Runs `verb`; sets *used_elevation. */
void elevated_run(const struct elevated_env *env, void *ctx, enum elevated_verb verb,
                  bool *used_elevation, struct restart_outcome *out);

#endif
