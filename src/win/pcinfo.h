/* What the servicing rules (src/core/servicing.h) need to know about this
 * PC, read from Windows: the version in the registry, Extended Security
 * Updates (the licensing API for commercial ESU, the user's registry for
 * consumer ESU), free space on the system drive, and a safeguard hold. */
#ifndef WUTRAY_PCINFO_H
#define WUTRAY_PCINFO_H

#include "servicing.h"

/* Fills *out on every path; a part that could not be read keeps read/known
 * false and its other fields zero. Loads slc.dll on Windows 10 22H2 only. */
void pcinfo_read(struct pc_info *out);

#endif
