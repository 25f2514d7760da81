"""The report of bench/footprint_bench.sh: its tables on stdout, and with the
run's context in docs/benchmarks.md, below the line restart_bench.sh keeps
(everything from that line on is this script's)."""
import os
import statistics as st

E = os.environ
O = E["OUT"]
MARK = "<!-- Below: written by bench/footprint_bench.sh (restart_bench.sh keeps it). -->"
P, F = "product", "floor"


def tsv(name):
    return [line.rstrip("\n").split("\t") for line in open(f"{O}/{name}") if line.strip()]


def ratio(a, b):
    return f"{a / b:.2f}" if b else ("1.00" if a == b else "∞")


icons = {P: [], F: []}
closed = {P: [], F: []}
for _, who, us, how in tsv("icon.tsv"):
    icons[who].append(int(us) / 1000 if int(us) >= 0 else float("inf"))
    closed[who].append(how)
idle = {(s, w): dict(zip(("anon", "thr", "tasks", "ticks", "vcs", "ivcs", "early"), map(int, rest)))
        for s, w, *rest in tsv("idle.tsv")}
scenarios = list(dict.fromkeys(s for s, _ in idle))
mods = {}
for s, w, base, size, name in tsv("modules.tsv"):
    mods.setdefault((s, w), []).append((int(base, 16), int(base, 16) + int(size, 16), name))


def owner(key, start, name):
    """The module an anonymous mapping belongs to; else what it is."""
    for lo, hi, mod in mods.get(key, []):
        if lo <= start < hi:
            return "the program's exe" if mod in ("wutray.exe", "mintray.exe") else mod
    return "private memory (Windows heaps, stacks, VirtualAlloc)" if name == "[anon]" else name


smaps = {}
for s, w, lo, hi, kb, name in tsv("smaps.tsv"):
    by = smaps.setdefault((s, w), {})
    k = owner((s, w), int(lo, 16), name)
    by[k] = by.get(k, 0) + int(kb)
sizes = dict(line.split() for line in E["SIZES"].splitlines())
hz = int(E["HZ"])

ip, fl = st.median(icons[P]), st.median(icons[F])
rows = ["| measure | wutray.exe | floor (mintray.exe) | wutray / floor | goal |", "|---|---:|---:|---:|---|"]
span = lambda v: f"{min(v):.0f}–{max(v):.0f}"
rows.append(f"| start to icon, median of {len(icons[P])} ms (min–max) | {ip:.0f} ({span(icons[P])}) "
            f"| {fl:.0f} ({span(icons[F])}) | {ratio(ip, fl)} | ≤ 1.5 |")
for s in scenarios:
    a, b = idle[(s, P)], idle[(s, F)]
    rows.append(f"| {s}: anonymous memory at {E['EARLY_S']} s (before wutray's first read of the update agent), MB "
                f"| {a['early'] / 1024:.1f} | {b['early'] / 1024:.1f} | {ratio(a['early'], b['early'])} | |")
    rows.append(f"| {s}: anonymous memory after {E['IDLE_FIRST_S']} s idle, MB | {a['anon'] / 1024:.1f} "
                f"| {b['anon'] / 1024:.1f} | {ratio(a['anon'], b['anon'])} | ≤ 1.3, or each extra MB explained |")
    rows.append(f"| {s}: threads, Windows / Linux | {a['thr']} / {a['tasks']} | {b['thr']} / {b['tasks']} "
                f"| {ratio(a['thr'], b['thr'])} / {ratio(a['tasks'], b['tasks'])} | |")
    w = E["IDLE_WINDOW_S"]
    rows.append(f"| {s}: CPU ticks (1/{hz} s) over the next {w} s | {a['ticks']} | {b['ticks']} "
                f"| {ratio(a['ticks'], b['ticks'])} | |")
    rows.append(f"| {s}: context switches over those {w} s, voluntary / involuntary | {a['vcs']} / {a['ivcs']} "
                f"| {b['vcs']} / {b['ivcs']} | {ratio(a['vcs'], b['vcs'])} / {ratio(a['ivcs'], b['ivcs'])} | |")
rows.append(f"| exe size, KB (as built, Release: stripped) | {int(sizes['wutray.exe']) / 1024:.0f} "
            f"| {int(sizes['mintray.exe']) / 1024:.0f} | {ratio(int(sizes['wutray.exe']), int(sizes['mintray.exe']))} "
            f"| wutray.exe < 300 KB |")
table = "\n".join(rows)

goal_icon = ip / fl <= 1.5
anon_ratios = {s: idle[(s, P)]["anon"] / idle[(s, F)]["anon"] for s in scenarios}
goal_anon = all(r <= 1.3 for r in anon_ratios.values())
verdict = (f"Start to icon: **{'met' if goal_icon else 'MISSED'}** ({ratio(ip, fl)}, goal ≤ 1.5). "
           f"Anonymous memory: **{'met' if goal_anon else 'over 1.3'}** ("
           + ", ".join(f"{s} {r:.2f}" for s, r in anon_ratios.items()) + "). "
           f"wutray.exe: {int(sizes['wutray.exe']) / 1024:.0f} KB (goal < 300 KB; wutray-cli.exe "
           f"{int(sizes['wutray-cli.exe']) / 1024:.0f} KB). Closed cleanly after each start: "
           f"wutray {closed[P].count('clean')}/{len(closed[P])}, floor {closed[F].count('clean')}/{len(closed[F])}.")

# Where the extra anonymous memory sits, by mapping, in the last scenario.
s = scenarios[-1]
mp, mf = smaps.get((s, P), {}), smaps.get((s, F), {})
extra = sorted(((mp.get(k, 0) - mf.get(k, 0), k) for k in set(mp) | set(mf)), reverse=True)
top = [(d, k) for d, k in extra if d >= 64][:12]
rest = sum(d for d, k in extra) - sum(d for d, _ in top)
mrows = ["| mapping | wutray kB | floor kB | extra kB |", "|---|---:|---:|---:|"]
mrows += [f"| {k} | {mp.get(k, 0)} | {mf.get(k, 0)} | {d:+d} |" for d, k in top]
mrows.append(f"| everything else | | | {rest:+d} |")
mrows.append(f"| total (smaps Anonymous) | {sum(mp.values())} | {sum(mf.values())} | {sum(mp.values()) - sum(mf.values()):+d} |")
maps = "\n".join(mrows)

# What one thread costs (a program with 0 and with 4 sleeping threads), and
# the extra memory in parts: threads, the exe's image, the first slow read's residue, the rest.
th = {int(n): (int(kb), int(t)) for n, kb, t in tsv("threads.tsv")}
per_thread = (th[4][0] - th[0][0]) / 4
erows = ["| part of wutray's extra anonymous memory, MB | " + " | ".join(scenarios) + " | how it is measured |",
         "|---|" + "---:|" * len(scenarios) + "---|"]
parts = {k: [] for k in ("threads", "image", "read", "rest", "total")}
for s in scenarios:
    a, b = idle[(s, P)], idle[(s, F)]
    total = a["anon"] - b["anon"]
    thr = (a["thr"] - b["thr"]) * per_thread
    img = smaps.get((s, P), {}).get("the program's exe", 0) - smaps.get((s, F), {}).get("the program's exe", 0)
    read = (a["anon"] - a["early"]) - (b["anon"] - b["early"])
    for k, v in (("threads", thr), ("image", img), ("read", read), ("rest", total - thr - img - read), ("total", total)):
        parts[k].append(f"{v / 1024:.1f}")
more = " / ".join(str(idle[(s, P)]["thr"] - idle[(s, F)]["thr"]) for s in scenarios)
erows.append(f"| its threads beyond the floor's ({more}) at {per_thread / 1024:.2f} MB each | " + " | ".join(parts["threads"]) +
             f" | a program with 4 threads that only sleep: {(th[4][0] - th[0][0]) / 1024:.1f} MB more than with none |")
erows.append("| its exe's image beyond the floor's (Wine reads an exe with 512-byte file alignment into anonymous "
             "memory; Windows maps it from the file) | " + " | ".join(parts["image"]) + " | smaps, the mapping at the image's address |")
erows.append(f"| left by the first read of the update agent, logs and this PC's facts (10 s after the start) | "
             + " | ".join(parts["read"]) + f" | its growth from {E['EARLY_S']} s to {E['IDLE_FIRST_S']} s, less the floor's |")
erows.append("| the rest (its heap, libraries' data, the Unix side: see the mappings above) | " + " | ".join(parts["rest"]) + " | the difference |")
erows.append("| total | " + " | ".join(parts["total"]) + " | RssAnon, wutray's less the floor's |")
explained = "\n".join(erows)

print(table + "\n\n" + verdict + "\n\n" + maps + "\n\n" + explained)
report = f"""{MARK}
# Footprint benchmark

Produced by `{E["CMDLINE"]}` on {E["WHEN"]}; {E["WINEVER"]}; {E["CPUS"]} cores, {E["CPU"]};
wutray at {E["REV"]}. Written by the script; nothing here was edited by hand.

**Set-up.** A fresh Wine prefix (Windows 10), Xvfb, one Wine desktop (`explorer /desktop=shell`). The floor is
the smallest tray program, `tests/fixtures/mintray.c`: a hidden window, one icon (version 4, with a tooltip),
a one-item menu, nothing else. **Start to icon**: `bench/footprint.c` takes t0 right before `CreateProcessW` and
polls, every millisecond, the icons of Wine's notification area (its tooltip window holds one tool per icon);
{E["R"]} rounds, the two programs interleaved, each closed (`WM_CLOSE`) before the next starts. **Idle**: both
programs started at once and left alone; after {E["IDLE_FIRST_S"]} s (wutray's first read of the update agent,
10 s after its start, is over by then) `RssAnon` and the smaps below, the Windows threads (Toolhelp, via
`tests/fixtures/procstat.c`) and the Linux tasks; then over {E["IDLE_WINDOW_S"]} s the change of user + system
CPU ticks and of context switches, summed over the process's threads. Twice: in a prefix without UsoSvc (Wine
has none) and with a fake one installed (`tests/fixtures/fakesvc.c`, stopped).

{table}

{verdict}

## Where wutray's extra anonymous memory sits ({s})

From `/proc/PID/smaps`, the resident `Anonymous` pages of each mapping, each given to the Windows module
whose image holds its address (`footprint.exe modules`: Wine keeps Windows addresses as Linux ones; it maps
its own DLLs from their files, but reads an exe whose sections are not page-aligned in the file, as both
programs' are, into anonymous memory), else to what Linux names it: `[heap]` is the Unix side's malloc (Wine's Unix libraries, the X11 driver, fonts), the rest is
Windows private memory (heaps, stacks, `VirtualAlloc`). Less than 64 kB extra: in "everything else".

{maps}

{explained}

## What it means

- wutray's threads: the window's, its service thread (`src/app/worker.c`), and one of Wine's for each service
  notification registered and not yet delivered (Wine 8 waits for each in a thread of its own: one more thread
  with UsoSvc there); the thread that reads the update agent ends after each read. Each costs a Wine process
  about a megabyte (the parts table above).
- Under Wine the service manager does not report deletions, so wutray closes and reopens its service handles
  every 60 s and looks for a missing service every 5 s (`src/win/watch.c`, `src/core/watch_plan.c`): the
  "no UsoSvc" rows show that look-up's wake-ups; in the "UsoSvc" rows the window (20 to 50 s after the start)
  holds none, the first recycle comes about 61 s after the start. On Windows the service manager takes the
  creation and deletion notification that Wine refuses, and wutray then has no periodic wake-up but the safety
  poll (5 minutes): that path cannot run here, so it is not measured.
- The service manager's own work for wutray (its RPCs run in Wine's `services.exe`, and wineserver) is not in
  wutray's process and not in these figures; both contenders share the same desktop process (explorer).
- Fake services in Wine's service manager, Xvfb, a shared 2-core machine: absolute figures are Wine's, the
  ratios compare two programs measured in the same run.
"""
path = "docs/benchmarks.md"
old = open(path).read() if os.path.exists(path) else ""
keep = old[:old.index(MARK)] if MARK in old else old.rstrip("\n") + "\n\n"
open(path, "w").write(keep + report)
