"""The texts of res/lang/*.rc as the programs show them: one reader for the
tests that compare what a program shows with what a language file says.

As a module: read_rc(path) -> (strings by IDS_ name, names defined twice,
(primary, sub) of its LANGUAGE line); ids(source_dir) -> IDS_ name -> number
(src/core/msg.h, msg_errors.h).

As a command:
  lang_strings.py FILE ID            the text of ID in FILE
  lang_strings.py --trace N FILE ID  its N-th part between printf placeholders,
                                     written as Wine's traces write it (non-ASCII
                                     as \\xxxx)
"""
import re
import sys

ENTRY = re.compile(r'^\s*(IDS_[A-Z0-9_]+)\s+"((?:[^"]|"")*)"\s*$')
LANGUAGE = re.compile(r'^\s*LANGUAGE\s+(0x[0-9A-Fa-f]+|\d+)\s*,\s*(0x[0-9A-Fa-f]+|\d+)')
PLACEHOLDER = re.compile(r"%(?:%|[-+ #0]*\d*(?:\.\d+)?(?:hs|ls|ll|l|h)?[sudixXc])")


def unquote(text):
    """An .rc string literal's body as the string table holds it."""
    return text.replace('""', '"').replace("\\n", "\n")


def read_rc(path):
    strings, dups, lang = {}, [], None
    for line in open(path, encoding="utf-8"):
        m = LANGUAGE.match(line)
        if m:
            lang = (int(m.group(1), 0), int(m.group(2), 0))
        m = ENTRY.match(line)
        if m:
            if m.group(1) in strings:
                dups.append(m.group(1))
            strings[m.group(1)] = unquote(m.group(2))
    return strings, dups, lang


def ids(src):
    out = {}
    for header in ("msg.h", "msg_errors.h"):
        for m in re.finditer(r"^#define (IDS_[A-Z0-9_]+) +(\d+)", open(f"{src}/src/core/{header}").read(), re.M):
            out[m.group(1)] = int(m.group(2))
    return out


def parts(text):
    """The text between its printf placeholders (%% is not one)."""
    return re.split(r"%(?:[-+ #0]*\d*(?:\.\d+)?(?:hs|ls|ll|l|h)?[sudixXc])", text)


def traced(text):
    return "".join(c if 32 <= ord(c) < 127 else "\\%04x" % ord(c) for c in text)


if __name__ == "__main__":
    args = sys.argv[1:]
    part = None
    if args[:1] == ["--trace"]:
        part, args = int(args[1]), args[2:]
    text = read_rc(args[0])[0].get(args[1])
    if text is None:
        sys.exit(f"lang_strings: {args[1]} is not in {args[0]}")
    print(text if part is None else traced(parts(text)[part]))
