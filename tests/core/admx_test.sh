#!/usr/bin/env bash
# The Group Policy template (policy/wutray.admx and en-US/wutray.adml) agrees
# with the settings table: every setting has a policy with the same value
# name, range and type under SOFTWARE\Policies\wutray; every string and
# presentation it refers to exists; the ADML's default values are the
# table's. Usage: admx_test.sh SETTINGS_DUMP_EXE POLICY_DIR
set -u
"$1" >/tmp/admx_settings.$$ || { echo "admx_test: settings_dump failed"; exit 1; }
PYTHONPATH="$(dirname "$0")/.." python3 - "$2" /tmp/admx_settings.$$ <<'PY'
import sys, xml.etree.ElementTree as ET
policy_dir, dump = sys.argv[1], sys.argv[2]
ns = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
from checks import check, finish
admx = ET.parse(policy_dir + "/wutray.admx").getroot()
adml = ET.parse(policy_dir + "/en-US/wutray.adml").getroot()
strings = {s.get("id") for s in adml.iterfind(".//p:stringTable/p:string", ns)}
presentations = {p.get("id"): p for p in adml.iterfind(".//p:presentationTable/p:presentation", ns)}
policies = {p.get("name"): p for p in admx.iterfind(".//p:policies/p:policy", ns)}
settings = [l.split() for l in open(dump) if l.strip()]
check(len(settings) == len(policies), f"{len(settings)} settings, {len(policies)} policies")
for name, kind, default, lo, hi in settings:
    p = policies.get(name)
    check(p is not None, f"a policy for {name}")
    if p is None: continue
    check(p.get("key") == r"SOFTWARE\Policies\wutray", f"{name}: key")
    check(p.get("class") == "Machine", f"{name}: machine policy")
    for attr in ("displayName", "explainText"):
        ref = p.get(attr, "")
        check(ref.startswith("$(string.") and ref[9:-1] in strings, f"{name}: {attr} {ref} in the ADML")
    if kind == "bool":
        check(p.get("valueName") == name, f"{name}: valueName")
        on = p.find("p:enabledValue/p:decimal", ns); off = p.find("p:disabledValue/p:decimal", ns)
        check(on is not None and on.get("value") == "1", f"{name}: enabled = 1")
        check(off is not None and off.get("value") == "0", f"{name}: disabled = 0")
    else:
        d = p.find("p:elements/p:decimal", ns)
        check(d is not None, f"{name}: a decimal element")
        if d is None: continue
        check(d.get("valueName") == name, f"{name}: valueName")
        check((d.get("minValue"), d.get("maxValue")) == (lo, hi), f"{name}: range {d.get('minValue')}-{d.get('maxValue')}, table {lo}-{hi}")
        ref = p.get("presentation", "")
        pres = presentations.get(ref[15:-1]) if ref.startswith("$(presentation.") else None
        check(pres is not None, f"{name}: presentation {ref}")
        if pres is None: continue
        box = pres.find("p:decimalTextBox", ns)
        check(box is not None and box.get("refId") == d.get("id"), f"{name}: text box refers to its element")
        check(box is not None and box.get("defaultValue") == default, f"{name}: default {default}")
cat = admx.find(".//p:categories/p:category", ns)
check(cat is not None and cat.get("displayName", "")[9:-1] in strings, "the category's name")
finish("admx_test")
PY
rc=$?
rm -f /tmp/admx_settings.$$
exit $rc
