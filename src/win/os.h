/* Windows version and wall-clock time, the two facts core takes as input;
 * and where the programs may load DLLs from. */
#ifndef WUTRAY_OS_H
#define WUTRAY_OS_H

#include <stdint.h>

/* Build number from RtlGetVersion, which (unlike GetVersionEx) does not
 * depend on the manifest; 0 if unknown. */
uint32_t os_build(void);
uint64_t os_now_epoch_ms(void);

/* First thing in wWinMain and wmain: DLLs loaded from now on by name come
 * from System32 only, never from the exe's folder or the current one (a
 * planted DLL there would run in the elevated instance). The programs link
 * only KnownDLLs and the side-by-side comctl32, which Windows resolves
 * before this runs; the rest (wevtapi, slc) is loaded at run time with
 * LOAD_LIBRARY_SEARCH_SYSTEM32 itself. FALSE if Windows refused. */
int os_restrict_dll_search(void);

/* A FARPROC as a typed function pointer (through void (*)(void), which
 * -Wcast-function-type accepts). */
#define OS_PROC(type, mod, name) ((type)(void (*)(void))GetProcAddress((mod), (name)))

#endif
