"""The check of the Python parts of the shell tests: check(ok, what) counts,
and prints what failed; finish(name) ends with the line that scripts/test.sh
and ctest read ("NAME: N passed, M failed") and exits non-zero on a failure.
The scripts find this file by PYTHONPATH=tests."""
import sys

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def finish(name, extra=""):
    print(f"{name}: {passed} passed, {failed} failed{extra}")
    sys.exit(1 if failed else 0)
