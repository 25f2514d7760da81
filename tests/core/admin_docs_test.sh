#!/usr/bin/env bash
# docs/admin.md and the fleet files agree with the code: the policy table
# with the settings table (name, default, range, in order), the event table
# with res/events.mc's message IDs, and the event forwarding subscription's
# query (well-formed, source "wutray", only IDs that exist: the warnings and
# errors of the doc's table, the declined prompt aside). The types per ID are
# tested in tests/core/test_events.c. Usage: admin_docs_test.sh SETTINGS_DUMP_EXE SOURCE_DIR
set -u
"$1" >/tmp/admin_docs_settings.$$ || { echo "admin_docs_test: settings_dump failed"; exit 1; }
PYTHONPATH="$(dirname "$0")/.." python3 - "$2" /tmp/admin_docs_settings.$$ <<'PY'
import re, sys, xml.etree.ElementTree as ET
src, dump = sys.argv[1], sys.argv[2]
from checks import check, finish

doc = open(src + "/docs/admin.md", encoding="utf-8").read()
rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in doc.splitlines() if l.startswith("| `")]
policy_rows = [r for r in rows if len(r) == 4]
settings = [l.split() for l in open(dump) if l.strip()]
check([r[0].strip("`") for r in policy_rows] == [s[0] for s in settings],
      "policy table names, in order: %s" % [r[0] for r in policy_rows])
for name, kind, default, lo, hi in settings:
    row = next((r for r in policy_rows if r[0] == "`%s`" % name), None)
    check(row is not None, "a row for " + name)
    if row is None: continue
    check(row[1] == default, "%s default %s, doc says %s" % (name, default, row[1]))
    check(row[2] == "%s–%s" % (lo, hi), "%s range %s–%s, doc says %s" % (name, lo, hi, row[2]))

mc = open(src + "/res/events.mc", encoding="utf-8").read()
ids = sorted(int(m) for m in re.findall(r"^MessageId=(\d+)", mc, re.M))
check(len(ids) >= 7, "event IDs read from events.mc: %s" % ids)
types = {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d{3}) \| (Information|Warning|Error) \|", doc, re.M)}
check(sorted(types) == ids, "event table %s vs events.mc %s" % (sorted(types), ids))

ns = {"s": "http://schemas.microsoft.com/2006/03/windows/events/subscription"}
sub = ET.parse(src + "/installer/wef/wutray-subscription.xml").getroot()
check(sub.findtext("s:SubscriptionType", namespaces=ns) == "SourceInitiated", "source-initiated")
query = ET.fromstring(sub.findtext("s:Query", namespaces=ns).strip())
select = query.find("./Query/Select")
check(select is not None and select.get("Path") == "Application", "the query selects from the Application log")
xpath = select.text if select is not None else ""
check("Provider[@Name='wutray']" in xpath, "the query names the source wutray")
chosen = sorted(int(x) for x in re.findall(r"EventID=(\d+)", xpath))
check(all(i in ids for i in chosen), "every ID the query names exists: %s" % chosen)
bad = sorted(i for i, t in types.items() if t in ("Warning", "Error") and i != 113)
check(chosen == bad, "the query takes the warnings and errors %s (the declined prompt 113 aside), it has %s" % (bad, chosen))

for script in ("detect.ps1", "remediate.ps1"):
    text = open(src + "/installer/intune/" + script, encoding="utf-8").read()
    check("wutray-cli.exe" in text and ("status" in text if script == "detect.ps1" else " fix" in text),
          script + " wraps the CLI")
finish("admin_docs_test")
PY
rc=$?
rm -f /tmp/admin_docs_settings.$$
exit $rc
