/* Windows version and wall-clock time, the two facts core takes as input. */
#ifndef WUTRAY_OS_H
#define WUTRAY_OS_H

#include <stdint.h>

/* Build number from RtlGetVersion, which (unlike GetVersionEx) does not
 * depend on the manifest; 0 if unknown. */
uint32_t os_build(void);
uint64_t os_now_epoch_ms(void);

#endif
