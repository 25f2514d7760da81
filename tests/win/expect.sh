# Sourced by the shell and end-to-end tests: counts and the checks they use.
# Each test ends with `echo "NAME: $passed passed, $failed failed"` (ctest and
# scripts/test.sh read that line) and exits non-zero when a check failed.
passed=0 failed=0
ok() { passed=$((passed + 1)); if [ $# -gt 0 ]; then echo "ok: $*"; fi; }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { # what command...: passes when the command succeeds
  local what=$1
  shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
expect_eq() { # what expected actual
  if [ "$2" = "$3" ]; then ok; else bad "$1: expected '$2', got '$3'"; fi
}
expect_has() { # what haystack needle
  case "$2" in *"$3"*) ok ;; *) bad "$1: expected to contain '$3', got '$2'" ;; esac
}
