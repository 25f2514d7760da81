/* Windows Update error codes explained in plain words: what happened and the
 * next step, as string IDs (msg_errors.h). Pure table look-ups, no Windows
 * headers. Codes are HRESULTs as Windows Update reports them (0x8024402C,
 * 0x80070005), not bare Win32 error numbers. */
#ifndef WUTRAY_ERRTEXT_H
#define WUTRAY_ERRTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "msg.h"

struct errtext_info {
    uint32_t code;     /* the HRESULT, e.g. 0x8024402C */
    const char *name;  /* Microsoft's symbol, e.g. "WU_E_PT_WINHTTP_NAME_NOT_RESOLVED";
                        * for a Win32 error in an HRESULT, the Win32 name ("ERROR_DISK_FULL") */
    int what_msg;      /* IDS_WUERR_...: what happened; no placeholder */
    int next_msg;      /* IDS_WUERR_NEXT_...: what to do next; no placeholder */
};

/* The entry for `hresult`, or NULL when the table does not know it. */
const struct errtext_info *errtext_find(uint32_t hresult);

/* Messages for any code: the table's when it knows the code, otherwise a
 * fall-back chosen by facility (Windows Update Agent 0x8024, its server and
 * download ranges, Win32 0x8007 with its network and component-store ranges,
 * servicing 0x800F, BITS 0x8020, Delivery Optimization 0x80D0), else generic.
 * A fall-back what_msg contains one "0x%08X" that takes the code as an
 * unsigned int; table texts contain none, so a caller may always pass it:
 *   str_format(buf, cap, what, (unsigned)hresult);
 * next_msg never has a placeholder. NULL out-parameters are skipped. */
void errtext_generic(uint32_t hresult, int *what_msg, int *next_msg);

/* Writes "0x8024402C" (upper-case, 8 digits) to buf; needs cap >= 11
 * (ERRTEXT_CODE_CHARS). Returns 10, or 0 with buf emptied when too small. */
#define ERRTEXT_CODE_CHARS 11
size_t errtext_format(uint32_t hresult, char *buf, size_t cap);

/* The whole table, for tests and for listing: *count entries, codes unique. */
const struct errtext_info *errtext_table(size_t *count);

#endif
