#!/usr/bin/env bash
# Every language of res/lang/ is complete and safe to format: the same string
# IDs as English, the same printf placeholders in the same order (the program
# passes English's arguments), one accelerator per menu item and none twice in
# a menu, the titles and tooltip within what Windows shows; the language table
# of src/core/lang.c, res/strings.rc and the files agree; every ADML next to
# the ADMX has the English one's strings and presentations.
# Usage: lang_test.sh SOURCE_DIR
set -u
PYTHONPATH="$(dirname "$0")/.." python3 - "$1" <<'PY'
import glob, os, re, sys, xml.etree.ElementTree as ET
src = sys.argv[1]
from lang_strings import PLACEHOLDER as placeholder, read_rc
from checks import check, finish

def holes(text): return [p for p in placeholder.findall(text) if p != "%%"]

files = sorted(glob.glob(src + "/res/lang/*.rc"))
langs = {os.path.basename(f)[:-3]: read_rc(f) for f in files}
check("en" in langs, "res/lang/en.rc exists")
en = langs["en"][0]
check(len(en) > 250, f"English has {len(en)} strings")

# The language table (src/core/lang.c) and res/strings.rc name every file.
table = re.findall(r"\{0x([0-9a-f]+), 0x([0-9a-f]+)\}, /\* (\w+)\.rc", open(src + "/src/core/lang.c").read())
included = re.findall(r'#include "lang/(\w+)\.rc"', open(src + "/res/strings.rc").read())
check(sorted(t[2] for t in table) == sorted(langs), f"lang.c rows {sorted(t[2] for t in table)} = files {sorted(langs)}")
check(sorted(included) == sorted(langs), f"res/strings.rc includes {sorted(included)} = files {sorted(langs)}")
for prim, langid, name in table:
    if name not in langs: continue
    rc_lang = langs[name][2]
    want = (int(prim, 16), int(langid, 16) >> 10)
    check(rc_lang == want, f"{name}.rc: LANGUAGE {rc_lang} is lang.c's {want} (0x{langid})")

top_menu = ["IDS_MENU_DETAILS", "IDS_MENU_REENABLE", "IDS_MENU_RESTART", "IDS_MENU_TROUBLESHOOT",
            "IDS_MENU_SETTINGS", "IDS_MENU_CHECK", "IDS_MENU_SNOOZE", "IDS_MENU_EXIT"]
top_menu += [i for i in ("IDS_MENU_WUTRAY_SETTINGS", "IDS_MENU_ABOUT") if i in en]
snooze_menu = ["IDS_MENU_SNOOZE_HOUR", "IDS_MENU_SNOOZE_DAY", "IDS_MENU_SNOOZE_WEEK", "IDS_MENU_RESUME_ALERTS"]
def accel(text):
    m = re.findall(r"&(.)", text.replace("&&", ""))
    return m
state_names = [i for i in en if i.startswith("IDS_STATE_NAME_")]

for name, (strings, dups, _) in sorted(langs.items()):
    check(not dups, f"{name}: each ID once (twice: {dups})")
    missing = sorted(set(en) - set(strings)); extra = sorted(set(strings) - set(en))
    check(not missing, f"{name}: missing {missing[:8]}{'...' if len(missing) > 8 else ''}")
    check(not extra, f"{name}: IDs English does not have {extra[:8]}")
    bad = [i for i in en if i in strings and holes(en[i]) != holes(strings[i])]
    for i in bad: print(f"  {name} {i}: {holes(strings[i])} but English {holes(en[i])}")
    check(not bad, f"{name}: placeholders as English's ({len(bad)} differ)")
    empty = [i for i in strings if not strings[i].strip()]
    check(not empty, f"{name}: no empty string ({empty[:5]})")
    for group in (top_menu, snooze_menu):
        keys = []
        for i in group:
            if i not in strings: continue
            a = accel(strings[i])
            check(len(a) == 1, f"{name} {i}: one accelerator, has {a} in {strings[i]!r}")
            keys += [k.lower() for k in a]
        check(len(keys) == len(set(keys)), f"{name}: accelerators unique in a menu {sorted(keys)}")
    if "IDS_MENU_STATUS" in strings: check("&" not in strings["IDS_MENU_STATUS"], f"{name}: the status line has no accelerator")
    # What Windows shows: a balloon title 63, a tooltip 127, a balloon text 255.
    for i in ("IDS_BALLOON_TITLE", "IDS_RESTART_TITLE", "IDS_REENABLE_TITLE"):
        if i in strings: check(len(strings[i]) <= 63, f"{name} {i}: {len(strings[i])} > 63 characters")
    if "IDS_DETAILS_HEAD" in strings: # also a balloon's title, with the state's name
        longest = max((strings[i] for i in state_names if i in strings), key=len)
        t = strings["IDS_DETAILS_HEAD"].replace("%s", longest)
        check(len(t) <= 63, f"{name}: the balloon title {t!r} fits 63 characters")
    if "IDS_TIP_FORMAT" in strings:
        longest = max((strings[i] for i in state_names if i in strings), key=len)
        head = strings["IDS_TIP_FORMAT"].split("\n")[0].replace("%s", longest)
        check(len(head) <= 60, f"{name}: the tooltip's first line {head!r} leaves room for a reason (<= 60)")
    # A reason sentence is a balloon's text: filled with typical values it fits.
    typical = lambda m: "31/12/2026" if m.group(0)[-1] == "s" else "12"
    for i in strings:
        if not i.startswith("IDS_REASON_"): continue
        t = placeholder.sub(typical, strings[i])
        check(len(t) <= 255, f"{name} {i}: {len(t)} > 255 characters as a balloon text")
    # str_vformat reads a format into 2048 characters; only the usage text is long.
    for i in strings:
        limit = 2000 if i == "IDS_CLI_USAGE" else 1000
        check(len(strings[i]) <= limit, f"{name} {i}: {len(strings[i])} > {limit} characters")

# Group Policy texts: one ADML per language beside the ADMX, each with English's ids.
ns = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
def adml(path):
    root = ET.parse(path).getroot()
    s = {e.get("id"): e.text or "" for e in root.iterfind(".//p:stringTable/p:string", ns)}
    p = {e.get("id"): [(c.tag, c.get("refId"), c.get("defaultValue")) for c in e]
         for e in root.iterfind(".//p:presentationTable/p:presentation", ns)}
    return s, p
en_s, en_p = adml(src + "/policy/en-US/wutray.adml")
others = sorted(glob.glob(src + "/policy/*/wutray.adml"))
check(len(others) == len(langs), f"{len(others)} ADML files for {len(langs)} languages")
for path in others:
    loc = path.split("/")[-2]
    try: s, p = adml(path)
    except ET.ParseError as e:
        check(False, f"{loc}: ADML well-formed ({e})"); continue
    check(set(s) == set(en_s), f"{loc}: ADML strings as en-US's (differ: {sorted(set(s) ^ set(en_s))})")
    check(p == en_p, f"{loc}: ADML presentations (controls, refIds, defaults) as en-US's")
    nums = lambda t: re.findall(r"\d+", t)
    bad = [i for i in en_s if i in s and sorted(nums(s[i])) != sorted(nums(en_s[i]))]
    check(not bad, f"{loc}: numbers (ranges, defaults) in the texts as en-US's: {bad}")

finish("lang_test", f" ({len(langs)} languages, {len(en)} strings)")
PY
