#!/usr/bin/env python3
"""Copy a scenario folder with every recorded date moved by the same number of days.

    python3 tests/scenarios/shift.py SRC DST --newest 2026-11-30
    python3 tests/scenarios/shift.py SRC DST --days 1500
    python3 tests/scenarios/shift.py --selftest

Rewritten (only the date part; times of day, fractional seconds, quoting, line
endings and encodings are kept):
  events/**/*.xml   SystemTime='...' and SystemTime="..."
  history.csv       the Date column
  pending.csv       the LastDeploymentChangeTime column
  agent.ini         LastSearchSuccessDate=, LastInstallationSuccessDate=
Every other file (version.ini, *.reg, SOURCE.md, ...) is copied byte for byte.

--newest DAY shifts so that the newest of those dates (as written) falls on DAY.
The shift is always a whole number of days. Standard library only.
"""

import argparse
import datetime
import os
import re
import shutil
import sys
import tempfile

CSV_COLUMNS = {"history.csv": "Date", "pending.csv": "LastDeploymentChangeTime"}
INI_KEYS = ("LastSearchSuccessDate", "LastInstallationSuccessDate")

# ---------------------------------------------------------------- encodings

BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode(raw):
    """Return (text, bom, encoding) so that encode(text, bom, encoding) == raw."""
    for bom, enc in BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(enc, "surrogatepass"), bom, enc
    # UTF-16 without a BOM: many NULs in one half of the byte pairs.
    if len(raw) >= 4:
        odd_nuls = raw[1::2].count(0)
        even_nuls = raw[0::2].count(0)
        half = len(raw) // 2
        if odd_nuls > half * 0.4 and even_nuls < half * 0.1:
            return raw.decode("utf-16-le", "surrogatepass"), b"", "utf-16-le"
        if even_nuls > half * 0.4 and odd_nuls < half * 0.1:
            return raw.decode("utf-16-be", "surrogatepass"), b"", "utf-16-be"
    return raw.decode("utf-8", "surrogateescape"), b"", "utf-8"


def encode(text, bom, enc):
    errors = "surrogateescape" if enc == "utf-8" else "surrogatepass"
    return bom + text.encode(enc, errors)


# ---------------------------------------------------------------- dates

# Each pattern finds one date inside a value; group names y, m, d.
ISO_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
US_DATE = re.compile(r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?!\d)")   # en-US M/D/YYYY
DOT_DATE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?!\d)")  # D.M.YYYY
TIME = re.compile(r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\s*(?P<ap>[AaPp][Mm]))?")

SYSTEMTIME = re.compile(
    r"""(?P<pre>SystemTime=(?P<q>['"]))(?P<date>\d{4}-\d{2}-\d{2})(?P<rest>T[^'"]*)(?P=q)""")


def find_date(value):
    """First date in value: (match, pattern) or (None, None)."""
    for pat in (ISO_DATE, US_DATE, DOT_DATE):
        m = pat.search(value)
        if m:
            return m, pat
    return None, None


def _pad(new, old):
    return "%0*d" % (len(old), new) if len(old) > 1 else "%d" % new


def moment(value):
    """A datetime for ordering (date as written plus time of day if present), or None."""
    m, _ = find_date(value)
    if not m:
        return None
    try:
        day = datetime.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    t = TIME.search(value, m.end())
    h = mi = s = 0
    if t:
        h, mi, s = int(t.group("h")), int(t.group("mi")), int(t.group("s") or 0)
        ap = (t.group("ap") or "").lower()
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        if not (h < 24 and mi < 60 and s < 60):
            h = mi = s = 0
    return datetime.datetime(day.year, day.month, day.day, h, mi, s)


def shift_value(value, days):
    """value with its first date moved by days, written in the same style."""
    m, pat = find_date(value)
    if not m:
        return value
    old = datetime.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    new = old + datetime.timedelta(days=days)
    y = "%04d" % new.year
    mo = _pad(new.month, m.group("m"))
    d = _pad(new.day, m.group("d"))
    if pat is ISO_DATE:
        text = "%s-%s-%s" % (y, mo, d)
    elif pat is US_DATE:
        text = "%s/%s/%s" % (mo, d, y)
    else:
        text = "%s.%s.%s" % (d, mo, y)
    return value[:m.start()] + text + value[m.end():]


# ---------------------------------------------------------------- events XML

def xml_moments(text):
    return [moment(m.group("date") + m.group("rest")) for m in SYSTEMTIME.finditer(text)]


def xml_shift(text, days):
    def repl(m):
        return m.group("pre") + shift_value(m.group("date"), days) + m.group("rest") + m.group("q")
    return SYSTEMTIME.sub(repl, text)


# ---------------------------------------------------------------- CSV (raw, quoting kept)

def csv_split(text, sep):
    """Split into records; each record is a list of raw field strings (quotes kept)
    plus its line terminator. Joining fields with sep and adding the terminator
    gives back the text exactly."""
    records, fields, start, i, n = [], [], 0, 0, len(text)
    in_quotes = False
    while i < n:
        c = text[i]
        if in_quotes:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    i += 2
                    continue
                in_quotes = False
            i += 1
            continue
        if c == '"':
            in_quotes = True
            i += 1
        elif c == sep:
            fields.append(text[start:i])
            i += 1
            start = i
        elif c in "\r\n":
            end = i
            i += 2 if text.startswith("\r\n", i) else 1
            fields.append(text[start:end])
            records.append((fields, text[end:i]))
            fields, start = [], i
        else:
            i += 1
    if start < n or fields:
        fields.append(text[start:n])
        records.append((fields, ""))
    return records


def csv_join(records, sep):
    return "".join(sep.join(f) + term for f, term in records)


def unquote(field):
    f = field.strip()
    if len(f) >= 2 and f[0] == '"' and f[-1] == '"':
        return f[1:-1].replace('""', '"')
    return f


def csv_layout(text):
    """(records, sep, header_index, column_index_or_None-for-each-name)."""
    first = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
    sep = ";" if first.count(";") > first.count(",") else ","
    records = csv_split(text, sep)
    header = None
    for idx, (fields, _) in enumerate(records):
        joined = sep.join(fields)
        if joined.strip() and not joined.startswith("#"):
            header = idx
            break
    return records, sep, header


def csv_column(records, header, name):
    if header is None:
        return None
    names = [unquote(f).lstrip("\ufeff").lower() for f in records[header][0]]
    return names.index(name.lower()) if name.lower() in names else None


def csv_moments(text, name):
    records, sep, header = csv_layout(text)
    col = csv_column(records, header, name)
    out = []
    if col is None:
        return out
    for fields, _ in records[header + 1:]:
        if col < len(fields):
            out.append(moment(unquote(fields[col])))
    return out


def csv_shift(text, name, days):
    records, sep, header = csv_layout(text)
    col = csv_column(records, header, name)
    if col is None:
        return text
    for fields, _ in records[header + 1:]:
        if col < len(fields):
            fields[col] = shift_value(fields[col], days)
    return csv_join(records, sep)


# ---------------------------------------------------------------- agent.ini

INI_LINE = re.compile(r"^(?P<key>[ \t]*(?:%s)[ \t]*=)(?P<val>[^\r\n]*)" % "|".join(INI_KEYS),
                      re.MULTILINE | re.IGNORECASE)


def ini_moments(text):
    return [moment(m.group("val")) for m in INI_LINE.finditer(text)]


def ini_shift(text, days):
    return INI_LINE.sub(lambda m: m.group("key") + shift_value(m.group("val"), days), text)


# ---------------------------------------------------------------- the folder

def kind_of(rel):
    parts = rel.replace("\\", "/").split("/")
    name = parts[-1].lower()
    if len(parts) >= 2 and parts[0].lower() == "events" and name.endswith(".xml"):
        return "xml"
    if len(parts) == 1 and name in CSV_COLUMNS:
        return "csv"
    if len(parts) == 1 and name == "agent.ini":
        return "ini"
    return None


def walk(src):
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            full = os.path.join(root, f)
            yield full, os.path.relpath(full, src)


def moments_of(kind, rel, text):
    if kind == "xml":
        return xml_moments(text)
    if kind == "csv":
        return csv_moments(text, CSV_COLUMNS[os.path.basename(rel).lower()])
    return ini_moments(text)


def shift_text(kind, rel, text, days):
    if kind == "xml":
        return xml_shift(text, days)
    if kind == "csv":
        return csv_shift(text, CSV_COLUMNS[os.path.basename(rel).lower()], days)
    return ini_shift(text, days)


def newest_moment(src):
    best = None
    for full, rel in walk(src):
        kind = kind_of(rel)
        if not kind:
            continue
        with open(full, "rb") as fh:
            text, _, _ = decode(fh.read())
        for mo in moments_of(kind, rel, text):
            if mo and (best is None or mo > best):
                best = mo
    return best


def shift_folder(src, dst, days):
    if os.path.exists(dst):
        raise SystemExit("shift: %s exists already" % dst)
    src_abs, dst_abs = os.path.abspath(src), os.path.abspath(dst)
    if (dst_abs + os.sep).startswith(src_abs + os.sep):
        raise SystemExit("shift: DST must not be inside SRC")
    os.makedirs(dst)
    changed = 0
    for full, rel in walk(src):
        out = os.path.join(dst, rel)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        kind = kind_of(rel)
        if not kind:
            shutil.copy2(full, out)
            continue
        with open(full, "rb") as fh:
            raw = fh.read()
        text, bom, enc = decode(raw)
        new = shift_text(kind, rel, text, days)
        with open(out, "wb") as fh:
            fh.write(encode(new, bom, enc))
        shutil.copystat(full, out)
        changed += new != text
    return changed


def days_for(src, newest):
    target = datetime.date.fromisoformat(newest)
    best = newest_moment(src)
    if best is None:
        raise SystemExit("shift: no dates found in %s" % src)
    return (target - best.date()).days


# ---------------------------------------------------------------- self-test

def selftest():
    results = []

    def check(name, cond):
        results.append((name, bool(cond)))
        if not cond:
            print("FAIL:", name)

    tmp = tempfile.mkdtemp(prefix="shift-selftest-")
    try:
        src = os.path.join(tmp, "src")
        os.makedirs(os.path.join(src, "events"))
        ns = "http://schemas.microsoft.com/win/2004/08/events/event"
        ev = ("<Event xmlns='%s'><System><EventID>19</EventID>"
              "<TimeCreated SystemTime='2021-06-09T03:12:40.1234567Z'/></System></Event>\n"
              "<Event xmlns='%s'><System><EventID>20</EventID>"
              "<TimeCreated SystemTime=\"2021-06-10T23:59:59.123456700Z\"/></System>"
              "<EventData><Data Name='updateTitle'>2021-06 Cumulative Update (KB5003637)</Data>"
              "</EventData></Event>\n") % (ns, ns)
        with open(os.path.join(src, "events", "system.xml"), "wb") as fh:
            fh.write(ev.encode("utf-8"))
        op = ("<Event xmlns='%s'><System><EventID>26</EventID>"
              "<TimeCreated SystemTime='2021-05-31T10:00:00Z'/></System>"
              "<EventData><Data Name='updateCount'>0</Data></EventData></Event>\r\n") % ns
        with open(os.path.join(src, "events", "op.xml"), "wb") as fh:
            fh.write(b"\xff\xfe" + op.encode("utf-16-le"))
        hist = ('#TYPE System.__ComObject\r\n'
                '"Date","Operation","ResultCode","HResult","Title","UpdateID","RevisionNumber",'
                '"ServiceID","ClientApplicationID","Categories"\r\n'
                '"6/9/2021 3:12:40 AM","1","2","0","Windows Malicious Software Removal Tool, x64 - '
                'June 2021 (KB890830)","{a}","200","{s}","AutomaticUpdates","Update Rollups"\r\n'
                '2021-06-01 08:00:00,1,4,-2145124330,"Title with ""quotes"" and a\nnew line",'
                '{b},1,{s},UpdateOrchestrator,"Security Updates; Windows 10"\r\n')
        with open(os.path.join(src, "history.csv"), "wb") as fh:
            fh.write(b"\xef\xbb\xbf" + hist.encode("utf-8"))
        pend = ("Title,LastDeploymentChangeTime,KB\n"
                "\"2021-06 Cumulative Update, x64\",2021-06-08T00:00:00,5003637\n")
        with open(os.path.join(src, "pending.csv"), "wb") as fh:
            fh.write(pend.encode("utf-8"))
        ini = ("[Results]\r\nLastSearchSuccessDate=2021-06-10T20:00:00Z\r\n"
               "LastInstallationSuccessDate=\r\n")
        with open(os.path.join(src, "agent.ini"), "wb") as fh:
            fh.write(ini.encode("utf-8"))
        untouched = {
            "version.ini": b"CurrentBuild=19043\r\nUBR=1052\r\nDisplayVersion=21H1\r\n",
            "SOURCE.md": "Recorded 2021-06-10 on a test PC.\n".encode("utf-8"),
            "policy.reg": b"\xff\xfe" + "Windows Registry Editor Version 5.00\r\n"
                          "\"PauseUpdatesExpiryTime\"=\"2021-06-20T00:00:00Z\"\r\n".encode("utf-16-le"),
        }
        for name, data in untouched.items():
            with open(os.path.join(src, name), "wb") as fh:
                fh.write(data)

        # newest is the event on 2021-06-10 -> 2026-11-30
        check("newest found", newest_moment(src) == datetime.datetime(2021, 6, 10, 23, 59, 59))
        days = days_for(src, "2026-11-30")
        check("days computed", days == (datetime.date(2026, 11, 30) - datetime.date(2021, 6, 10)).days)
        dst = os.path.join(tmp, "dst")
        shift_folder(src, dst, days)

        def read(*p):
            with open(os.path.join(dst, *p), "rb") as fh:
                return fh.read()

        s = read("events", "system.xml").decode("utf-8")
        check("xml single-quoted, 7 digits", "SystemTime='2026-11-29T03:12:40.1234567Z'" in s)
        check("xml double-quoted, 9 digits", 'SystemTime="2026-11-30T23:59:59.123456700Z"' in s)
        check("xml other dates untouched", "2021-06 Cumulative Update (KB5003637)" in s)
        check("xml nothing else changed", s.replace("2026-11-29", "2021-06-09")
              .replace("2026-11-30", "2021-06-10") == ev)
        o = read("events", "op.xml")
        check("utf-16 stays utf-16 with BOM", o.startswith(b"\xff\xfe"))
        o = o[2:].decode("utf-16-le")
        check("utf-16 shifted", "SystemTime='2026-11-20T10:00:00Z'" in o and o.endswith("\r\n"))
        h = read("history.csv")
        check("csv BOM kept", h.startswith(b"\xef\xbb\xbf"))
        h = h[3:].decode("utf-8")
        check("csv US date shifted, style kept", '"11/29/2026 3:12:40 AM","1"' in h)
        check("csv ISO date shifted", "\r\n2026-11-21 08:00:00,1,4," in h)
        check("csv quoting, commas, newlines kept",
              h.replace("11/29/2026", "6/9/2021").replace("2026-11-21", "2021-06-01") == hist)
        p = read("pending.csv").decode("utf-8")
        check("pending shifted", p == pend.replace("2021-06-08", "2026-11-28"))
        i = read("agent.ini").decode("utf-8")
        check("agent.ini shifted, empty kept",
              i == ini.replace("2021-06-10T20", "2026-11-30T20"))
        for name, data in untouched.items():
            check("copied unchanged: " + name, read(name) == data)

        # --days, negative, across a month and a leap day
        dst2 = os.path.join(tmp, "dst2")
        shift_folder(src, dst2, -102)
        with open(os.path.join(dst2, "events", "system.xml"), "rb") as fh:
            s2 = fh.read().decode("utf-8")
        check("negative days", "SystemTime='2021-02-27T03:12:40.1234567Z'" in s2)
        check("leap/month arithmetic", shift_value("2/28/2024", 1) == "2/29/2024"
              and shift_value("2024-02-29", 1) == "2024-03-01"
              and shift_value("31.12.2024 23:00", 1) == "01.01.2025 23:00")
        check("refuses existing DST", _raises(lambda: shift_folder(src, dst, 1)))
        check("utf-8 without BOM round-trips odd bytes",
              encode(*decode(b"caf\xe9 \xc3\xa7")) == b"caf\xe9 \xc3\xa7")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    failed = sum(1 for _, ok in results if not ok)
    print("shift: %d passed, %d failed" % (len(results) - failed, failed))
    return 1 if failed else 0


def _raises(fn):
    try:
        fn()
    except SystemExit:
        return True
    return False


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src", nargs="?")
    ap.add_argument("dst", nargs="?")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--newest", metavar="YYYY-MM-DD", help="day the newest dated entry should land on")
    g.add_argument("--days", type=int, help="shift by this many days (may be negative)")
    ap.add_argument("--selftest", action="store_true", help="check this tool and exit")
    a = ap.parse_args(argv)
    if a.selftest:
        return selftest()
    if not a.src or not a.dst or (a.newest is None and a.days is None):
        ap.error("need SRC DST and one of --newest / --days")
    if not os.path.isdir(a.src):
        ap.error("%s is not a folder" % a.src)
    days = a.days if a.days is not None else days_for(a.src, a.newest)
    changed = shift_folder(a.src, a.dst, days)
    print("shift: %s -> %s by %+d days (%d files rewritten)" % (a.src, a.dst, days, changed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
