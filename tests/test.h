/* Minimal test helpers shared by the native and the Wine test programs.
 * Each failed check prints the expression with the expected and actual value;
 * every program ends with "N passed, M failed" and exits non-zero on failure. */
#ifndef WUTRAY_TEST_H
#define WUTRAY_TEST_H

#include <stdio.h>
#include <string.h>
#include <wchar.h>

static int test_passed;
static int test_failed;

#define TEST_FAIL_AT(...)                                                      \
    do {                                                                       \
        test_failed++;                                                         \
        fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                        \
        fprintf(stderr, __VA_ARGS__);                                          \
        fputc('\n', stderr);                                                   \
    } while (0)

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) test_passed++;                                               \
        else TEST_FAIL_AT("CHECK(%s) failed", #cond);                          \
    } while (0)

#define CHECK_EQ_INT(expected, actual)                                         \
    do {                                                                       \
        long long e_ = (long long)(expected), a_ = (long long)(actual);        \
        if (e_ == a_) test_passed++;                                           \
        else TEST_FAIL_AT("%s == %s: expected %lld, got %lld", #expected,      \
                          #actual, e_, a_);                                    \
    } while (0)

#define CHECK_EQ_STR(expected, actual)                                         \
    do {                                                                       \
        const char *e_ = (expected), *a_ = (actual);                           \
        if (e_ && a_ && strcmp(e_, a_) == 0) test_passed++;                    \
        else TEST_FAIL_AT("%s: expected \"%s\", got \"%s\"", #actual,          \
                          e_ ? e_ : "(null)", a_ ? a_ : "(null)");             \
    } while (0)

#define CHECK_CONTAINS(haystack, needle)                                       \
    do {                                                                       \
        const char *h_ = (haystack), *n_ = (needle);                           \
        if (h_ && n_ && strstr(h_, n_)) test_passed++;                         \
        else TEST_FAIL_AT("%s: expected to contain \"%s\", got \"%s\"",        \
                          #haystack, n_ ? n_ : "(null)", h_ ? h_ : "(null)");  \
    } while (0)

/* Prints the closing count line; use as `return test_summary(argv0);` */
static int test_summary(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, test_passed, test_failed);
    fflush(stdout);
    return test_failed ? 1 : 0;
}

#endif
