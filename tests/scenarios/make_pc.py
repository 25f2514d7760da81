#!/usr/bin/env python3
"""Writes a synthetic PC as a scenario folder (tests/standins/README.md has
the layout), with dates relative to now, for the stand-ins to replay.

    make_pc.py DIR [key=value ...]

Keys: build, ubr, display, edition (version.ini; default Windows 11 25H2
Pro); patch_days (the newest cumulative update, in the history and the
System log; default 10); fail_weeks (the next cumulative update failing with
0x800F0922 once a week for that many weeks); defender_daily (Defender
definitions every day for 21 days); store_fail (a Store app failing
yesterday); searches0 (30 searches that find nothing, and one of the Store's
that finds 5); pending_days (a security update published that long ago,
waiting); agent_search (days since the agent's last successful search,
default 0, or "none": the registry's Results value then says); agent_refused
(the history and the search fail with E_ACCESSDENIED, as the agent answers a
remote session); tr (titles as
a Turkish PC writes them, the month apart from the year); reg (a .reg file's
body, \n for new lines); licensing (licensing.csv rows).
"""
import sys, os, datetime as dt
if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
    sys.exit(__doc__)
d = sys.argv[1]; o = dict(a.split("=", 1) for a in sys.argv[2:])
os.makedirs(d + "/events", exist_ok=True)
now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
def ago(days, hours=3): return (now - dt.timedelta(days=days) + dt.timedelta(hours=hours - now.hour)).strftime("%Y-%m-%dT%H:%M:%SZ")
def month(days): return (now - dt.timedelta(days=days)).strftime("%Y-%m")
with open(d + "/version.ini", "w") as f:
    f.write("CurrentBuild=%s\nUBR=%s\nDisplayVersion=%s\nEditionID=%s\nInstallationType=Client\n" % (
        o.get("build", "26200"), o.get("ubr", "7171"), o.get("display", "25H2"), o.get("edition", "Professional")))
search = o.get("agent_search", "0")
open(d + "/agent.ini", "w").write(("" if search == "none" else "LastSearchSuccessDate=%s\n" % ago(int(search), 1)) + "RebootRequired=0\n"
    + ("HistoryHResult=0x80070005\nSearchHResult=0x80070005\n" if o.get("agent_refused") else ""))
WU = "9482f4b4-e343-43b6-b170-9a65bc822c77"; STORE = "855e8a7c-ecb4-4ca3-b045-1dfa50104289"
hist, ev, op = [], [], []
def cu(days):
    if o.get("tr"):  # as a Turkish PC writes it (recorded-win10-22h2-tr-*): the month apart from the year
        t = now - dt.timedelta(days=days)
        return "%d-x64 tabanlı Sistemler için Windows 11 Version 25H2 %02d Toplu Güncelleştirmesi (KB50%05d)" % (t.year, t.month, 99999 - days)
    return "%s Cumulative Update for Windows 11 Version 25H2 for x64-based Systems (KB50%05d)" % (month(days), days)
def event(chan, eid, when, data):
    prov = "<Provider Name='Microsoft-Windows-WindowsUpdateClient' Guid='{945A8954-C147-4ACD-923F-40C45405A658}'/>"
    body = "".join("<Data Name='%s'>%s</Data>" % kv for kv in data)
    return ("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>%s<EventID>%d</EventID>"
            "<TimeCreated SystemTime='%s'/><Channel>%s</Channel><Computer>pc</Computer></System><EventData>%s</EventData></Event>"
            % (prov, eid, when, chan, body))
pd = int(o.get("patch_days", "10"))
hist.append((ago(pd), 1, 2, 0, cu(pd), "3b1e2c44-5d6f-4a70-8b9c-%012d" % pd, WU, "Security Updates;Windows 11"))
ev.append(event("System", 19, ago(pd), [("updateTitle", cu(pd)), ("updateGuid", "{3B1E2C44-5D6F-4A70-8B9C-%012d}" % pd), ("serviceGuid", "{%s}" % WU)]))
for w in range(int(o.get("fail_weeks", "0"))):
    t = ago(21 - 7 * w)
    hist.append((t, 1, 4, -2146498270, cu(0), "9c9c9c9c-0000-4000-8000-000000000001", WU, "Security Updates;Windows 11"))
    ev.append(event("System", 20, t, [("errorCode", "0x800f0922"), ("updateTitle", cu(0)), ("updateGuid", "{9C9C9C9C-0000-4000-8000-000000000001}"), ("serviceGuid", "{%s}" % WU)]))
if o.get("defender_daily"):
    for day in range(21):
        t = ago(day, 9)
        title = "Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.441.%d.0)" % day
        hist.append((t, 1, 2, 0, title, "6ac8e4c9-0bd5-4a2b-8e3e-%012d" % day, WU, "Definition Updates;Microsoft Defender Antivirus"))
        ev.append(event("System", 19, t, [("updateTitle", title), ("serviceGuid", "{%s}" % WU)]))
if o.get("store_fail"):
    ev.append(event("System", 20, ago(1), [("errorCode", "0x80073cf9"), ("updateTitle", "9NZKPSTSNW4P-Microsoft.XboxGamingOverlay"), ("serviceGuid", "{%s}" % STORE)]))
if o.get("searches0"):
    for i in range(30): op.append(event("Microsoft-Windows-WindowsUpdateClient/Operational", 26, ago(i / 3.0, 2), [("updateCount", "0"), ("serviceGuid", "{%s}" % WU)]))
    op.append(event("Microsoft-Windows-WindowsUpdateClient/Operational", 26, ago(0, 2), [("updateCount", "5"), ("serviceGuid", "{%s}" % STORE)]))
hist.sort(reverse=True)
with open(d + "/history.csv", "w", encoding="utf-8") as f:
    f.write("Date,Operation,ResultCode,HResult,Title,UpdateID,RevisionNumber,ServiceID,ClientApplicationID,Categories\n")
    for h in hist: f.write('%s,%d,%d,%d,"%s",%s,1,%s,MoUpdateOrchestrator,%s\n' % (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]))
with open(d + "/pending.csv", "w") as f:
    f.write("Title,UpdateID,KBArticleIDs,LastDeploymentChangeTime,MsrcSeverity,Categories,IsDownloaded\n")
    if "pending_days" in o:
        p = int(o["pending_days"])
        f.write('"%s",7d7d7d7d-0000-4000-8000-000000000002,5070999,%s,Critical,Security Updates;Windows 11,True\n' % (cu(p - 1), ago(p)))
open(d + "/events/system.xml", "w").write("\n".join(ev) + "\n")
if op: open(d + "/events/operational.xml", "w").write("\n".join(op) + "\n")
if "reg" in o: open(d + "/extra.reg", "w").write("REGEDIT4\n\n" + o["reg"].replace("\\n", "\n") + "\n")
if "licensing" in o: open(d + "/licensing.csv", "w").write('"ID","Name","LicenseStatus"\n' + o["licensing"].replace("\\n", "\n") + "\n")
