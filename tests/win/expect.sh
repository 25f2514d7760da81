# Sourced by the shell tests: counts and the two checks they use. Each test
# ends with `echo "NAME: $passed passed, $failed failed"` (ctest and
# scripts/test.sh read that line) and exits non-zero when a check failed.
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
expect_eq() { # what expected actual
  if [ "$2" = "$3" ]; then ok; else bad "$1: expected '$2', got '$3'"; fi
}
expect_has() { # what haystack needle
  case "$2" in *"$3"*) ok ;; *) bad "$1: expected to contain '$3', got '$2'" ;; esac
}
