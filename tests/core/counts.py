"""Counts for the tests written in Python: check() each condition, then
summary(NAME) prints "NAME: N passed, M failed" (ctest and scripts/test.sh
read that line) and exits non-zero when a check failed."""
import sys

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def summary(name):
    print(f"{name}: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
