"""Every item of the tray menu has an access key (&x), and in each language
no two items of the same menu (the menu, the Snooze submenu) share one:
with two, the key only moves between them instead of choosing.
Usage: menu_keys_test.py MENU_DUMP_EXE SOURCE_DIR"""
import glob
import re
import subprocess
import sys

from counts import check, summary

dump, src = sys.argv[1], sys.argv[2]
names = {}
for h in ("msg.h", "msg_errors.h"):
    for m in re.finditer(r"^#define (IDS_\w+) +(\d+)", open(f"{src}/src/core/{h}").read(), re.M):
        names[int(m.group(2))] = m.group(1)
out = subprocess.run([dump], capture_output=True, text=True, check=True).stdout
items = [(where, int(i)) for where, i in (line.split() for line in out.splitlines() if line.strip())]
check(len(items) >= 10, f"{len(items)} menu items read")
langs = sorted(glob.glob(f"{src}/res/lang/*.rc"))
check(len(langs) >= 1, "language files found")
for rc in langs:
    text = open(rc, encoding="utf-8").read()
    table = {m.group(1): m.group(2) for m in re.finditer(r'^\s*(IDS_\w+)\s+"((?:[^"]|"")*)"', text, re.M)}
    lang = rc.rsplit("/", 1)[-1]
    keys = {}
    for where, i in items:
        s = table.get(names.get(i, "?"))
        if s is None:
            if lang == "en.rc":  # another language may leave a text to English
                check(False, f"{lang}: {names.get(i, i)} has a text")
            continue
        m = re.search(r"&([^&])", s.replace("&&", ""))
        check(m is not None, f'{lang}: {names[i]} "{s}" has an access key')
        if m:
            k = m.group(1).lower()
            check(k not in keys.get(where, {}), f"{lang}: {names[i]} uses '{k}' like {keys.get(where, {}).get(k)}")
            keys.setdefault(where, {})[k] = names[i]
summary("menu_keys_test")
