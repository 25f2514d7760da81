/* The elevated side of wutray.exe (see src/core/elevate.h for the protocol). */
#ifndef WUTRAY_ELEVATED_SIDE_H
#define WUTRAY_ELEVATED_SIDE_H

/* -1 when the command line does not ask for it (the normal tray runs);
 * otherwise runs the one allowlisted action and returns the exit code. */
int run_elevated_side(void);

#endif
