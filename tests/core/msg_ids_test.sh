#!/usr/bin/env bash
# Every string ID in src/core/msg.h and msg_errors.h is used once: the
# resource compiler takes a duplicate silently, and one text then shows in
# the other's place. Usage: msg_ids_test.sh SOURCE_DIR
set -u
dups=$(grep -hoE '^#define IDS_[A-Z0-9_]+ +[0-9]+' "$1/src/core/msg.h" "$1/src/core/msg_errors.h" |
  awk '{print $3}' | sort | uniq -d | tr '\n' ' ')
n=$(cat "$1/src/core/msg.h" "$1/src/core/msg_errors.h" | grep -cE '^#define IDS_[A-Z0-9_]+ +[0-9]+')
if [ -z "$dups" ] && [ "$n" -gt 100 ]; then
  echo "msg_ids_test: 1 passed, 0 failed ($n IDs, each once)"
else
  echo "FAIL: duplicate string IDs: ${dups:-none}; $n IDs read"
  echo "msg_ids_test: 0 passed, 1 failed"
  exit 1
fi
