/* A command line from the fuzzer's bytes, for the two parsers of one
 * (cli_args.c, elevate.c). */
#ifndef WUTRAY_FUZZ_ARGV_H
#define WUTRAY_FUZZ_ARGV_H

#include "fuzz.h"

#define FUZZ_ARGV_MAX 8

struct fuzz_argv {
    int argc;
    wchar_t *argv[FUZZ_ARGV_MAX + 1];
};

/* Input: one byte (low 3 bits: argc - 1; bit 3: argv[last] is NULL), then
 * the arguments after argv[0] as wide strings (fin_wcsdup). */
static inline void fuzz_argv_read(struct fuzz_in *in, struct fuzz_argv *a)
{
    uint8_t head = fin_u8(in);

    a->argc = 1 + (head & 7);
    a->argv[0] = wcsdup(L"wutray.exe");
    for (int i = 1; i < a->argc; i++) a->argv[i] = fin_wcsdup(in, 80);
    if ((head & 8) && a->argc > 1) {
        free(a->argv[a->argc - 1]);
        a->argv[a->argc - 1] = NULL;
    }
    a->argv[a->argc] = NULL;
}

static inline void fuzz_argv_free(struct fuzz_argv *a)
{
    for (int i = 0; i < a->argc; i++) free(a->argv[i]);
}

#endif
